import { monthWindow } from "@quantecon/attribution";
import { loadFixtureWorld, startHostileGitHub, type HostileGitHub, type HostileMode } from "@quantecon/fake-github";
import { afterEach, describe, expect, it } from "vitest";
import type { Clock } from "./clock.js";
import { GitHubError } from "./errors.js";
import { fetchActivity, type FetchActivityOptions } from "./fetch-activity.js";
import { fetchWorkflowFiles } from "./workflows.js";

const TOKEN = "ghp_CANARY_hostile_5b4a39281706f5e4d3c2b1a0";
const world = loadFixtureWorld();
const window = monthWindow("2026-05");

/** Waits take no real time; attempts do (their time counts toward the retry deadline all the same). */
function fakeClock(): Clock {
  let t = Date.parse("2026-06-02T00:00:00Z");
  return { now: () => t, sleep: async (ms) => void (t += ms) };
}

let server: HostileGitHub | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function against(mode: HostileMode, extra: Partial<FetchActivityOptions> = {}): Promise<{ error: GitHubError | undefined; ms: number; requests: number; result?: Awaited<ReturnType<typeof fetchActivity>> }> {
  server = await startHostileGitHub(mode, world, { token: TOKEN });
  const started = Date.now();
  try {
    const result = await fetchActivity({ org: "QuantEcon", window, token: TOKEN, apiUrl: server.url, clock: fakeClock(), random: () => 0.5, ...extra });
    return { error: undefined, ms: Date.now() - started, requests: server.requests, result };
  } catch (error) {
    if (!(error instanceof GitHubError)) throw error;
    return { error, ms: Date.now() - started, requests: server.requests };
  }
}

describe("pagination against a looping server", () => {
  it.each(["loop-cursor", "loop-fresh", "empty-pages"] as const)("%s: stops in under 100 requests with one line naming the query and scope", async (mode) => {
    const { error, requests } = await against(mode);
    expect(requests).toBeLessThan(100);
    expect(error?.message).toMatch(/paging of the \w+ query for .+ stopped: /);
    expect(error?.message).not.toContain("\n");
  }, 30_000);

  it("with --allow-partial, keeps what was read and lists each stopped walk as a PAGING warning naming its repository", async () => {
    // Named repositories are looked up, not listed: the walks that loop are the searches, reviews and commits.
    const { result, requests } = await against("loop-cursor", { repos: ["lecture-python.myst", "meta"], allowPartial: true });
    expect(requests).toBeLessThan(100);
    const paging = result?.warnings?.filter((w) => w.code === "PAGING") ?? [];
    expect(paging.some((w) => w.repo === "QuantEcon/lecture-python.myst" && /CommitHistory query for QuantEcon\/lecture-python\.myst/.test(w.message))).toBe(true);
    expect(paging.some((w) => /SearchPullRequests query for pull requests of QuantEcon/.test(w.message))).toBe(true);
  }, 30_000);
});

describe("answers that never end", () => {
  const bounded = { requestTimeout: 400, retryDeadline: 2000, maxResponseBytes: 1024 * 1024 };

  it("a silent server: every attempt times out, and the retry deadline ends the query with one line", async () => {
    const { error, ms } = await against("silent", bounded);
    expect(error?.code).toBe("E_GITHUB_NETWORK");
    expect(error?.message).toMatch(/did not answer|no complete answer within/);
    expect(error?.message).toMatch(/retry deadline is 2s/);
    expect(ms).toBeLessThan(10_000);
  }, 30_000);

  it("a slow-loris answer is cut at the attempt's time limit", async () => {
    const { error } = await against("slow-loris", bounded);
    expect(error?.code).toBe("E_GITHUB_NETWORK");
    expect(error?.message).toMatch(/no complete answer within 0\.4s \(waiting for the rest of the body\)/);
  }, 30_000);

  it.each(["endless", "gzip-bomb"] as const)("%s: stops at the size limit (counted after decompression), without a retry", async (mode) => {
    const { error, requests } = await against(mode, bounded);
    expect(error?.code).toBe("E_GITHUB_RESPONSE");
    expect(error?.message).toMatch(/passed the 1 MB limit/);
    if (mode === "gzip-bomb") expect(error?.message).toMatch(/once decompressed/);
    expect(requests).toBe(1);
  }, 30_000);
});

describe("answers that are not GitHub's", () => {
  it("an HTML page is named as such, not as an API change", async () => {
    const { error, requests } = await against("html");
    expect(error?.message).toMatch(/answer to the ListRepositories query: the answer is text\/html; charset=utf-8, not JSON \("<!DOCTYPE html>/);
    expect(error?.message).not.toMatch(/API may have changed/);
    expect(requests).toBe(1);
  });

  it("a cut-off JSON body is named as such and tried again", async () => {
    const { error, requests } = await against("truncated", { maxRetries: 2 });
    expect(error?.message).toMatch(/before its JSON is complete/);
    expect(requests).toBe(3);
  });

  it("absurd rate-limit headers give one clear line at once, not 'Invalid time value'", async () => {
    const absurd = await against("absurd-reset");
    expect(absurd.error?.code).toBe("E_GITHUB_RATE_LIMIT");
    expect(absurd.error?.message).toMatch(/asks to wait 24h, more than the allowed 10m \(--max-wait\): retry after 2026-06-03T00:00:00Z/);
    expect(absurd.requests).toBe(1);
    await server?.close();
    const bad = await against("bad-reset");
    expect(bad.error?.message).toMatch(/its reset time \(x-ratelimit-reset: "tomorrow-ish"\) is no usable time/);
    expect(bad.requests).toBe(1);
  });
});

describe("a server that echoes the credentials everywhere", () => {
  it("no error message, warning code, path or dataset field holds the token", async () => {
    const { result, error } = await against("echo", { allowPartial: true });
    expect(error).toBeUndefined();
    const text = JSON.stringify(result);
    expect(result?.warnings?.length).toBeGreaterThan(0);
    expect(text).toContain("[REDACTED]");
    expect(text).not.toContain(TOKEN);
  });

  it("the same for workflow files, and for the error a non-partial fetch throws", async () => {
    server = await startHostileGitHub("echo", world, { token: TOKEN });
    const files = await fetchWorkflowFiles({ org: "QuantEcon", token: TOKEN, apiUrl: server.url, clock: fakeClock(), random: () => 0.5 });
    expect(JSON.stringify(files)).not.toContain(TOKEN);
    const failed = await fetchActivity({ org: "QuantEcon", window, token: TOKEN, apiUrl: server.url, clock: fakeClock() }).catch((e: GitHubError) => e);
    expect(failed).toBeInstanceOf(GitHubError);
    expect(JSON.stringify({ message: (failed as GitHubError).message, warnings: (failed as GitHubError).warnings, dataset: (failed as GitHubError).dataset })).not.toContain(TOKEN);
  });
});

describe("the endpoint is checked before any request", () => {
  const base = { org: "QuantEcon", window, token: TOKEN };
  it("an invalid URL is a usage error at once", async () => {
    const started = Date.now();
    const error = await fetchActivity({ ...base, apiUrl: "not a url" }).catch((e: GitHubError) => e);
    expect(error).toMatchObject({ code: "E_GITHUB_USAGE" });
    expect((error as Error).message).toMatch(/is not a valid URL/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it("credentials inside the URL are refused without printing them", async () => {
    const error = (await fetchActivity({ ...base, apiUrl: "https://user:s3cr3t-pass@ghe.example/api/graphql" }).catch((e: GitHubError) => e)) as GitHubError;
    expect(error.code).toBe("E_GITHUB_USAGE");
    expect(error.message).not.toContain("s3cr3t-pass");
    expect(error.message).toContain("https://ghe.example/api/graphql");
  });

  it("plain http to another machine is refused unless allowed; loopback is fine", async () => {
    const error = (await fetchActivity({ ...base, apiUrl: "http://ghe.example/api/graphql" }).catch((e: GitHubError) => e)) as GitHubError;
    expect(error.code).toBe("E_GITHUB_USAGE");
    expect(error.message).toMatch(/unencrypted.*--insecure/);
  });
});
