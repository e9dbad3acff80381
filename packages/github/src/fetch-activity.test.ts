import { monthWindow, type Dataset } from "@quantecon/attribution";
import { generateWorld, loadFixtureWorld, runIssueSearch, startFakeGitHub, validateQuery, type FakeGitHub, type Fault } from "@quantecon/fake-github";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Clock } from "./clock.js";
import { GitHubError } from "./errors.js";
import { fetchActivity, type FetchActivityOptions } from "./fetch-activity.js";

const TOKEN = "ghp_CANARY_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
const window = monthWindow("2026-05");
const world = loadFixtureWorld();

/** The items the fixture world has active in May 2026, chosen by hand (see fixtures/README). */
const EXPECTED = {
  // zh-cn#225 and meta#380 are in May only through a comment (a dataset with comments holds them).
  pullRequests: ["lecture-python.myst#500", "lecture-python.myst#505", "lecture-python.myst#510", "lecture-python.notebooks#12", "lecture-python.zh-cn#225", "lecture-python.zh-cn#230", "lecture-python.zh-cn#236", "old-site#3"],
  issues: ["lecture-python.myst#520", "meta#380", "meta#390", "meta#400"],
  commits: [
    "lecture-python.myst@a000000000000000000000000000000000000008",
    "lecture-python.myst@505d000000000000000000000000000000000004",
    "lecture-python.myst@e000000000000000000000000000000000000005",
    "lecture-python.myst@f000000000000000000000000000000000000006",
    "lecture-python.myst@a000000000000000000000000000000000000007",
    "lecture-python.notebooks@9000000000000000000000000000000000000009",
    "lecture-python.zh-cn@236a000000000000000000000000000000000001",
    "old-site@d00000000000000000000000000000000000000a",
  ],
  actors: ["HumphreyYang", "copilot-pull-request-reviewer", "copilot-swe-agent", "dependabot", "github-actions", "jstac", "mmcky", "quantecon-services", "web-flow"],
};

const full = (key: string): string => `QuantEcon/${key}`;

function expectedDataset(): Pick<Dataset, "repos" | "actors" | "pullRequests" | "commits" | "issues"> {
  const pick = <T extends { repo: string }>(items: T[], keys: string[], key: (item: T) => string): T[] =>
    keys.map((k) => {
      const found = items.find((item) => key(item) === full(k));
      if (!found) throw new Error(`fixture has no ${k}`);
      return found;
    });
  return {
    repos: [...world.repos].sort((a, b) => (a.name < b.name ? -1 : 1)),
    actors: EXPECTED.actors.map((login) => world.actors.find((a) => a.login === login)!),
    pullRequests: pick(world.pullRequests, EXPECTED.pullRequests, (pr) => `${pr.repo}#${pr.number}`),
    issues: pick(world.issues, EXPECTED.issues, (i) => `${i.repo}#${i.number}`),
    commits: pick(world.commits, EXPECTED.commits, (c) => `${c.repo}@${c.oid}`),
  };
}

function fakeClock(start = Date.parse("2026-06-02T00:00:00Z")): Clock & { sleeps: number[] } {
  let t = start;
  const sleeps: number[] = [];
  return { sleeps, now: () => t, sleep: async (ms) => void ((t += ms), sleeps.push(ms)) };
}

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub(world, { token: TOKEN });
});
afterAll(() => gh.close());
beforeEach(() => gh.setFault(undefined));

const options = (extra: Partial<FetchActivityOptions> = {}): FetchActivityOptions => ({
  org: "QuantEcon",
  window,
  token: TOKEN,
  apiUrl: gh.url,
  clock: fakeClock(),
  random: () => 0.5,
  ...extra,
});

function expectSameAsFixture(dataset: Dataset): void {
  const expected = expectedDataset();
  expect(dataset.repos).toEqual(expected.repos);
  expect(dataset.actors).toEqual(expected.actors);
  expect(dataset.pullRequests.map((p) => `${p.repo}#${p.number}`)).toEqual(EXPECTED.pullRequests.map(full));
  expected.pullRequests.forEach((pr, i) => expect(dataset.pullRequests[i]).toEqual(pr));
  expect(dataset.issues.map((p) => `${p.repo}#${p.number}`)).toEqual(EXPECTED.issues.map(full));
  expected.issues.forEach((issue, i) => expect(dataset.issues[i]).toEqual(issue));
  expect(dataset.commits.map((c) => `${c.repo}@${c.oid}`)).toEqual(EXPECTED.commits.map(full));
  expected.commits.forEach((commit, i) => expect(dataset.commits[i]).toEqual(commit));
  expect(dataset.window).toEqual(window);
}

describe("fetchActivity against the fixture world", () => {
  it("fetches May 2026 exactly: every item active in the window, field by field, nothing else", async () => {
    const before = gh.requests;
    const dataset = await fetchActivity(options());
    expectSameAsFixture(dataset);
    expect(dataset.warnings).toBeUndefined();
    expect(dataset.generatedAt).toBe("2026-06-02T00:00:00Z");
    expect(dataset.source).toEqual({ kind: "github", org: "QuantEcon", apiUrl: gh.url, cost: { requests: gh.requests - before, points: expect.any(Number) } });
    expect(dataset.source.cost?.points).toBeGreaterThan(0);
  });

  it("sends only queries that are valid against GitHub's schema", async () => {
    const from = gh.queries.length;
    await fetchActivity(options({ repos: ["meta", "QuantEcon/lecture-python.myst"] }));
    const sent = gh.queries.slice(from);
    expect(sent.length).toBeGreaterThan(0);
    for (const query of sent) expect(validateQuery(query)).toEqual([]);
  });

  it("is deterministic: two fetches give the same JSON", async () => {
    const a = await fetchActivity(options());
    const b = await fetchActivity(options());
    expect(JSON.stringify({ ...b, source: a.source })).toBe(JSON.stringify(a));
  });

  it("leaves out excluded repositories, and says so in warnings", async () => {
    const dataset = await fetchActivity(options({ excludeRepos: ["lecture-.*\\.notebooks", "test-.*"] }));
    expect(dataset.repos.map((r) => r.name)).not.toContain("QuantEcon/lecture-python.notebooks");
    expect(dataset.pullRequests.some((p) => p.repo === "QuantEcon/lecture-python.notebooks")).toBe(false);
    expect(dataset.commits.some((c) => c.repo === "QuantEcon/lecture-python.notebooks")).toBe(false);
    expect(dataset.warnings).toEqual([{ code: "EXCLUDED", repo: "QuantEcon/lecture-python.notebooks", message: expect.stringContaining("left out") }]);
  });

  it("anchors exclude patterns to the whole name", async () => {
    const dataset = await fetchActivity(options({ excludeRepos: ["python"] }));
    expect(dataset.repos).toHaveLength(world.repos.length);
  });

  it("fetches only the named repositories with `repos`", async () => {
    const dataset = await fetchActivity(options({ repos: ["meta", "lecture-python.zh-cn"] }));
    expect(dataset.repos.map((r) => r.name)).toEqual(["QuantEcon/lecture-python.zh-cn", "QuantEcon/meta"]);
    expect(dataset.pullRequests.map((p) => p.number)).toEqual([225, 230, 236]);
    expect(dataset.issues.map((i) => i.number)).toEqual([380, 390, 400]);
  });

  it("with comments off, holds no comments, no closers and no items only commented in the window", async () => {
    const dataset = await fetchActivity(options({ comments: false }));
    expect(dataset.pullRequests.map((p) => `${p.repo}#${p.number}`)).toEqual(EXPECTED.pullRequests.filter((k) => k !== "lecture-python.zh-cn#225").map(full));
    expect(dataset.issues.map((i) => `${i.repo}#${i.number}`)).toEqual(EXPECTED.issues.filter((k) => k !== "meta#380").map(full));
    for (const item of [...dataset.pullRequests, ...dataset.issues]) expect(item).not.toHaveProperty("comments");
    for (const issue of dataset.issues) expect(issue).not.toHaveProperty("closedBy");
    expect(dataset.actors.map((a) => a.login)).not.toContain("copilot-pull-request-reviewer");
  });

  it("fetches comments and closers in the same search requests, for a few more points", async () => {
    const withComments = await fetchActivity(options());
    const without = await fetchActivity(options({ comments: false }));
    expect(withComments.source.cost?.requests).toBe(without.source.cost?.requests);
    expect(withComments.source.cost?.points).toBeGreaterThan(without.source.cost?.points ?? Infinity);
    const closers = Object.fromEntries(withComments.issues.map((i) => [`${i.repo}#${i.number}`, i.closedBy]));
    expect(closers).toEqual({ "QuantEcon/lecture-python.myst#520": undefined, "QuantEcon/meta#380": "jstac", "QuantEcon/meta#390": "mmcky", "QuantEcon/meta#400": undefined });
  });
});

describe("fetchActivity with long comment threads", () => {
  let long: FakeGitHub;
  const threads = { pr: 257, issue: 101 };
  beforeAll(async () => {
    const copy = JSON.parse(JSON.stringify(world)) as typeof world;
    const at = (i: number): string => new Date(Date.parse("2026-05-15T00:00:00Z") + i * 60_000).toISOString().replace(/\.000Z$/, "Z");
    const many = (n: number, who: string) => Array.from({ length: n }, (_, i) => ({ author: i % 3 === 0 ? who : "jstac", createdAt: at(i), authorAssociation: "MEMBER" as const, body: `comment ${i}` }));
    const pr = copy.pullRequests.find((p) => p.number === 505)!;
    pr.comments = [...(pr.comments ?? []), ...many(threads.pr - (pr.comments?.length ?? 0), "mmcky")];
    const issue = copy.issues.find((i) => i.number === 520)!;
    issue.comments = many(threads.issue, "HumphreyYang");
    long = await startFakeGitHub(copy, { token: TOKEN });
  });
  afterAll(() => long.close());

  it("pages every thread to its end, in order, with no cap", async () => {
    const from = long.queries.length;
    const dataset = await fetchActivity(options({ apiUrl: long.url }));
    const pr = dataset.pullRequests.find((p) => p.number === 505)!;
    const issue = dataset.issues.find((i) => i.number === 520)!;
    expect(pr.comments).toHaveLength(threads.pr);
    expect(issue.comments).toHaveLength(threads.issue);
    expect(pr.comments).toEqual(long.world.pullRequestItem(long.world.repo("QuantEcon/lecture-python.myst")!, 505)!.rec.comments);
    expect(issue.comments?.map((c) => c.body)).toEqual(Array.from({ length: threads.issue }, (_, i) => `comment ${i}`));
    // 257 comments: the first 100 in the search, then 2 more pages; 101: 1 more page. Continued threads share requests.
    const more = long.queries.slice(from).filter((q) => q.startsWith("query MoreComments"));
    expect(more).toHaveLength(3);
    expect(dataset.warnings).toBeUndefined();
  });
});

describe("fetchActivity (more)", () => {

  it("names an unknown organization", async () => {
    const error = await fetchActivity(options({ org: "NoSuchOrg" })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ code: "E_GITHUB_NOT_FOUND", message: expect.stringContaining('"NoSuchOrg" not found') });
  });

  it("explains a rejected token without showing it", async () => {
    const error = (await fetchActivity(options({ token: `${TOKEN}x` })).catch((e: unknown) => e)) as GitHubError;
    expect(error.code).toBe("E_GITHUB_AUTH");
    expect(error.message).toBe("GitHub rejected the token (401): set GITHUB_TOKEN to a token with read access to QuantEcon");
  });

  it("refuses a bad exclude pattern by name", async () => {
    await expect(fetchActivity(options({ excludeRepos: ["lecture-(("] }))).rejects.toMatchObject({ code: "E_GITHUB_USAGE", message: expect.stringContaining('exclude pattern "lecture-(("') });
  });
});

describe("fetchActivity under faults", () => {
  const recovers: [string, Fault][] = [
    ["a 502 answer", { kind: "status", status: 502, after: 2, times: 2 }],
    ["a dropped connection", { kind: "drop", after: 1 }],
    ["a secondary rate limit (403 + retry-after)", { kind: "secondary", status: 403, retryAfter: 7, after: 3 }],
    ["a secondary rate limit (429, no retry-after)", { kind: "secondary", status: 429, after: 1 }],
    ["an exhausted primary limit resetting within max-wait", { kind: "primary", resetInSeconds: 120, after: 2 }],
    ["an exhausted primary limit answered with 403", { kind: "primary", resetInSeconds: 60, status: 403 }],
  ];
  for (const [name, fault] of recovers) {
    it(`recovers from ${name} to the same dataset`, async () => {
      gh.setFault(fault);
      // The server's reset time is on the real clock; the fake one starts there and only moves by sleeping.
      const clock = fakeClock(Date.now());
      const dataset = await fetchActivity(options({ clock }));
      expectSameAsFixture({ ...dataset, generatedAt: "" });
      expect(clock.sleeps.length).toBeGreaterThan(0);
      if (fault.kind === "secondary" && fault.retryAfter) expect(clock.sleeps).toContain(fault.retryAfter * 1000);
      if (fault.kind === "secondary" && !fault.retryAfter) expect(clock.sleeps[0]).toBeGreaterThanOrEqual(30_000);
    });
  }

  it("waits for the primary limit's reset, no longer", async () => {
    gh.setFault({ kind: "primary", resetInSeconds: 120 });
    const clock = fakeClock(Date.now());
    await fetchActivity(options({ clock }));
    expect(clock.sleeps).toHaveLength(1);
    expect(clock.sleeps[0]).toBeGreaterThan(100_000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(122_000);
  });

  it("stops with a retry time when the primary limit resets after max-wait", async () => {
    gh.setFault({ kind: "primary", resetInSeconds: 3600 });
    const error = (await fetchActivity(options({ clock: fakeClock(Date.now()), maxWait: 60_000 })).catch((e: unknown) => e)) as GitHubError;
    expect(error.code).toBe("E_GITHUB_RATE_LIMIT");
    expect(error.message).toMatch(/rate limit exhausted; it resets at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ \(in (59m\d+s|1h)\).*retry after/);
  });

  it("stops with a retry time when a secondary limit's retry-after is longer than max-wait", async () => {
    gh.setFault({ kind: "secondary", status: 403, retryAfter: 3600 });
    const clock = fakeClock();
    const error = (await fetchActivity(options({ clock, maxWait: 60_000 })).catch((e: unknown) => e)) as GitHubError;
    expect(error.code).toBe("E_GITHUB_RATE_LIMIT");
    expect(error.message).toBe("GitHub's secondary rate limit asks to wait 1h, more than the allowed 1m (--max-wait): retry after 2026-06-02T01:00:00Z");
    expect(clock.sleeps).toEqual([]);
  });

  it("gives up after a bounded number of 5xx answers", async () => {
    gh.setFault({ kind: "status", status: 503, times: 100 });
    const clock = fakeClock();
    const error = (await fetchActivity(options({ clock, maxRetries: 3 })).catch((e: unknown) => e)) as GitHubError;
    expect(error.code).toBe("E_GITHUB_NETWORK");
    expect(error.message).toContain("GitHub answered 503 4 times in a row");
    expect(clock.sleeps).toHaveLength(3);
    // Backoff grows, with jitter inside each step.
    expect(clock.sleeps[0]!).toBeLessThan(clock.sleeps[2]!);
  });

  it("reports a repository that cannot be read, and keeps the others only with allowPartial", async () => {
    gh.setFault({ kind: "repoError", repo: "QuantEcon/lecture-python.myst", type: "FORBIDDEN" });
    const error = (await fetchActivity(options()).catch((e: unknown) => e)) as GitHubError;
    expect(error.code).toBe("E_GITHUB_PARTIAL");
    expect(error.message).toContain("QuantEcon/lecture-python.myst: FORBIDDEN");
    expect(error.dataset?.warnings?.[0]).toMatchObject({ code: "FORBIDDEN", repo: "QuantEcon/lecture-python.myst" });

    const dataset = await fetchActivity(options({ allowPartial: true }));
    expect(dataset.warnings).toEqual([expect.objectContaining({ code: "FORBIDDEN", repo: "QuantEcon/lecture-python.myst" })]);
    expect(dataset.commits.some((c) => c.repo === "QuantEcon/lecture-python.myst")).toBe(false);
    expect(dataset.commits.filter((c) => c.repo !== "QuantEcon/lecture-python.myst")).toEqual(expectedDataset().commits.filter((c) => c.repo !== "QuantEcon/lecture-python.myst"));
  });

  it("reports a named repository that does not exist", async () => {
    const error = (await fetchActivity(options({ repos: ["meta", "no-such-repo"] })).catch((e: unknown) => e)) as GitHubError;
    expect(error.code).toBe("E_GITHUB_PARTIAL");
    expect(error.warnings).toEqual([expect.objectContaining({ code: "NOT_FOUND", repo: "QuantEcon/no-such-repo" })]);
  });

  it("names the field when GitHub's answer changes shape", async () => {
    gh.setFault({ kind: "shape" });
    const error = (await fetchActivity(options()).catch((e: unknown) => e)) as GitHubError;
    expect(error.code).toBe("E_GITHUB_RESPONSE");
    expect(error.message).toMatch(/ListRepositories query has an unexpected shape at data\.organization\.repositories\.nodes\[\d+\]\.defaultBranchRef\.target\.history\.totalCount: expected number/);
  });

  it("never lets the token out, whatever happens", async () => {
    const seen: string[] = [];
    const faults: (Fault | undefined)[] = [undefined, { kind: "status", status: 500, times: 100 }, { kind: "unauthorized" }, { kind: "shape" }, { kind: "primary", resetInSeconds: 9999 }, { kind: "repoError", repo: "QuantEcon/meta", type: "NOT_FOUND" }];
    for (const fault of faults) {
      gh.setFault(fault);
      const result = await fetchActivity(options({ maxRetries: 1, onWait: (w) => seen.push(w.reason), onProgress: (p) => seen.push(JSON.stringify(p)) })).catch((e: unknown) => e);
      seen.push(JSON.stringify(result), String(result), result instanceof Error ? `${result.stack} ${JSON.stringify((result as GitHubError).dataset)}` : "");
    }
    expect(seen.join("\n")).not.toContain(TOKEN);
    expect(seen.join("\n")).not.toContain(TOKEN.slice(4, 20));
  });
});

describe("fetchActivity past the search cap", () => {
  it("splits searches over 1,000 results and loses nothing", async () => {
    const bigWindow = monthWindow("2026-05");
    const big = generateWorld({ org: "Big", window: bigWindow, repos: 12, pullRequests: 2600, commits: 700, issues: 1200, seed: 7 });
    const server = await startFakeGitHub(big, { token: TOKEN });
    try {
      const dataset = await fetchActivity({ org: "Big", window: bigWindow, token: TOKEN, apiUrl: server.url, clock: fakeClock() });
      expect(dataset.pullRequests.map((p) => `${p.repo}#${p.number}`).sort()).toEqual(big.pullRequests.map((p) => `${p.repo}#${p.number}`).sort());
      expect(dataset.issues).toHaveLength(1200);
      expect(dataset.commits).toHaveLength(700);
      expect(dataset.warnings).toBeUndefined();
      for (const query of server.queries) expect(validateQuery(query)).toEqual([]);
    } finally {
      await server.close();
    }
  });
});

describe("fetchActivity at the search cap", () => {
  it("says how many are missing when more than 1,000 items share one updated second, never a silently smaller dataset", async () => {
    const big = generateWorld({ org: "Big", window, repos: 4, pullRequests: 1050, commits: 10, issues: 10, seed: 3 });
    // A bulk relabel touched them all in the same second, so no `updated:` range can split them.
    const sameSecond = { ...big, pullRequests: big.pullRequests.map((pr) => ({ ...pr, updatedAt: "2026-06-01T08:00:00Z" })) };
    const server = await startFakeGitHub(sameSecond, { token: TOKEN });
    try {
      const error = (await fetchActivity({ org: "Big", window, token: TOKEN, apiUrl: server.url, clock: fakeClock() }).catch((e: unknown) => e)) as GitHubError;
      expect(error).toBeInstanceOf(GitHubError);
      expect(error.code).toBe("E_GITHUB_PARTIAL");
      expect(error.warnings).toEqual([
        { code: "SEARCH_CAP", message: "1050 pull requests updated from 2026-06-01T08:00:00Z to 2026-06-01T08:00:01Z match one search that cannot be split further; GitHub returns 1000, so 50 are missing" },
      ]);
      expect(error.message).toContain("SEARCH_CAP");
      expect(error.dataset?.pullRequests.length).toBeLessThanOrEqual(1000);
    } finally {
      await server.close();
    }
  });
});

describe("fetchActivity while items change under it", () => {
  /** The search text of the last search page the server answered. */
  const lastSearch = (server: FakeGitHub): string => {
    const query = [...server.queries].reverse().find((q) => q.startsWith("query SearchPullRequests"));
    const literal = query && /search\(query: ("(?:[^"\\]|\\.)*")/.exec(query)?.[1];
    if (!literal) throw new Error("no search page sent yet");
    return JSON.parse(literal) as string;
  };

  it("loses nothing when an item already read leaves a split range between its pages", async () => {
    const big = generateWorld({ org: "Big", window, repos: 12, pullRequests: 2600, commits: 20, issues: 10, seed: 11 });
    const server = await startFakeGitHub(big, { token: TOKEN });
    let touched = false;
    try {
      const dataset = await fetchActivity({
        org: "Big",
        window,
        token: TOKEN,
        apiUrl: server.url,
        clock: fakeClock(),
        onProgress: (p) => {
          if (touched || p.phase !== "pullRequests" || p.done !== 100) return;
          // After the first page of the first bounded range: its first item gets a new comment, so it
          // moves to the open range at the end and every later item of this range shifts up one place.
          const text = lastSearch(server);
          expect(text).toMatch(/updated:\S+\.\.\S+/);
          const first = runIssueSearch(server.world.searchItems, text)[0]!;
          server.touch(first.repo.rec.name, first.rec.number, "2026-06-02T00:00:05Z");
          touched = true;
        },
      });
      expect(touched).toBe(true);
      expect(dataset.pullRequests.map((p) => `${p.repo}#${p.number}`).sort()).toEqual(big.pullRequests.map((p) => `${p.repo}#${p.number}`).sort());
      expect(dataset.warnings).toBeUndefined();
    } finally {
      await server.close();
    }
  });
});
