import { describe, expect, it } from "vitest";
import { resolveGitHubEnv } from "./env.js";

describe("resolveGitHubEnv", () => {
  it("defaults to github.com and no token", () => {
    expect(resolveGitHubEnv({})).toEqual({ token: undefined, apiUrl: "https://api.github.com/graphql" });
  });
  it("prefers GITHUB_TOKEN over GH_TOKEN, ignoring empty values", () => {
    expect(resolveGitHubEnv({ GITHUB_TOKEN: "a", GH_TOKEN: "b" }).token).toBe("a");
    expect(resolveGitHubEnv({ GITHUB_TOKEN: "", GH_TOKEN: "b" }).token).toBe("b");
  });
  it("uses GITHUB_GRAPHQL_URL, else GITHUB_API_URL + /graphql (as in GitHub Actions on GHES)", () => {
    expect(resolveGitHubEnv({ GITHUB_API_URL: "https://ghe.example.com/api/v3/", GITHUB_GRAPHQL_URL: "https://ghe.example.com/api/graphql" }).apiUrl).toBe(
      "https://ghe.example.com/api/graphql",
    );
    expect(resolveGitHubEnv({ GITHUB_API_URL: "https://ghe.example.com/api/v3/" }).apiUrl).toBe("https://ghe.example.com/api/v3/graphql");
  });
});
