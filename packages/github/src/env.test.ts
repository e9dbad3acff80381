import { monthWindow } from "@quantecon/attribution";
import { loadFixtureWorld, startFakeGitHub } from "@quantecon/fake-github";
import { describe, expect, it } from "vitest";
import { resolveGitHubEnv } from "./env.js";
import { fetchActivity } from "./fetch-activity.js";

describe("resolveGitHubEnv", () => {
  it("defaults to github.com and no token", () => {
    expect(resolveGitHubEnv({})).toEqual({ token: undefined, apiUrl: "https://api.github.com/graphql" });
  });
  it("prefers GITHUB_TOKEN over GH_TOKEN, ignoring empty values", () => {
    expect(resolveGitHubEnv({ GITHUB_TOKEN: "a", GH_TOKEN: "b" }).token).toBe("a");
    expect(resolveGitHubEnv({ GITHUB_TOKEN: "", GH_TOKEN: "b" }).token).toBe("b");
  });
  it("prefers GITHUB_GRAPHQL_URL over GITHUB_API_URL", () => {
    expect(resolveGitHubEnv({ GITHUB_API_URL: "https://ghe.example.com/api/v3/", GITHUB_GRAPHQL_URL: "https://ghe.example.com/api/graphql" }).apiUrl).toBe(
      "https://ghe.example.com/api/graphql",
    );
  });
  it("maps GitHub Enterprise Server's REST root /api/v3 to its GraphQL endpoint /api/graphql", () => {
    expect(resolveGitHubEnv({ GITHUB_API_URL: "https://ghe.example.com/api/v3" }).apiUrl).toBe("https://ghe.example.com/api/graphql");
    expect(resolveGitHubEnv({ GITHUB_API_URL: "https://ghe.example.com/api/v3/" }).apiUrl).toBe("https://ghe.example.com/api/graphql");
  });
  it("appends /graphql to github.com's and GHE.com's API roots", () => {
    expect(resolveGitHubEnv({ GITHUB_API_URL: "https://api.github.com" }).apiUrl).toBe("https://api.github.com/graphql");
    expect(resolveGitHubEnv({ GITHUB_API_URL: "https://api.octocorp.ghe.com/" }).apiUrl).toBe("https://api.octocorp.ghe.com/graphql");
  });
  it("reaches a server laid out like GitHub Enterprise Server from GITHUB_API_URL alone", async () => {
    // The fake serves GraphQL at /api/graphql (as GHES does) and answers 404 at /api/v3/graphql.
    const gh = await startFakeGitHub(loadFixtureWorld(), { token: "ghes-token" });
    try {
      const { token, apiUrl } = resolveGitHubEnv({ GITHUB_TOKEN: "ghes-token", GITHUB_API_URL: `${gh.apiUrl}/api/v3` });
      expect(apiUrl).toBe(`${gh.apiUrl}/api/graphql`);
      const dataset = await fetchActivity({ org: "QuantEcon", window: monthWindow("2026-05"), token: token!, apiUrl, repos: ["meta"] });
      // meta#380 is in May through a comment.
      expect(dataset.issues.map((i) => i.number)).toEqual([380, 390, 400]);
      expect(dataset.source.apiUrl).toBe(`${gh.apiUrl}/api/graphql`);
    } finally {
      await gh.close();
    }
  });
});
