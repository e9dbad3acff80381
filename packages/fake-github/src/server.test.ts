import { parse } from "graphql";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { queryCost } from "./cost.js";
import { loadFixtureWorld } from "./fixtures/load.js";
import { generateWorld } from "./generate-world.js";
import { startFakeGitHub, type FakeGitHub } from "./server.js";

const TOKEN = "test-token";
let gh: FakeGitHub;

async function post(query: string, token: string | null = TOKEN): Promise<{ status: number; body: { data?: any; errors?: any[] }; headers: Headers }> {
  const res = await fetch(gh.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: unknown[] }, headers: res.headers };
}

beforeAll(async () => {
  gh = await startFakeGitHub(loadFixtureWorld(), { token: TOKEN });
});
afterAll(() => gh.close());
beforeEach(() => gh.setFault(undefined));

describe("fake GitHub: transport", () => {
  it("listens on 127.0.0.1 only", () => {
    expect(new URL(gh.url).hostname).toBe("127.0.0.1");
  });
  it("answers 401 Bad credentials without the right bearer token", async () => {
    expect((await post("{ viewer { login } }", null)).status).toBe(401);
    const wrong = await post("{ viewer { login } }", "nope");
    expect(wrong).toMatchObject({ status: 401, body: { message: "Bad credentials" } });
  });
  it("validates queries against GitHub's schema, as GitHub does", async () => {
    const { status, body } = await post('{ repository(owner: "QuantEcon", name: "meta") { stars } }');
    expect(status).toBe(200);
    expect(body.errors?.[0].message).toMatch(/Cannot query field "stars" on type "Repository"/);
  });
  it("requires first or last on connections, at most 100", async () => {
    const missing = await post('{ organization(login: "QuantEcon") { repositories { totalCount } } }');
    expect(missing.body.errors?.[0].message).toMatch(/must provide a `first` or `last`/);
    const tooMany = await post('{ organization(login: "QuantEcon") { repositories(first: 101) { totalCount } } }');
    expect(tooMany.body.errors?.[0].message).toMatch(/exceeds the `first` limit of 100/);
  });
  it("charges points by GitHub's rule and reports them in rateLimit and headers", async () => {
    const { body, headers } = await post(
      '{ rateLimit { cost remaining resetAt } search(query: "org:QuantEcon is:pr", type: ISSUE, first: 100) { nodes { ... on PullRequest { reviews(first: 100) { totalCount } labels(first: 100) { totalCount } } } } }',
    );
    expect(body.data.rateLimit.cost).toBe(2);
    expect(Number(headers.get("x-ratelimit-remaining"))).toBe(body.data.rateLimit.remaining);
  });
  it("answers NOT_FOUND for an unknown organization, beside the data for the rest", async () => {
    const { body } = await post('{ organization(login: "Nope") { login } repository(owner: "QuantEcon", name: "meta") { nameWithOwner } }');
    expect(body.errors).toEqual([expect.objectContaining({ type: "NOT_FOUND", path: ["organization"], message: "Could not resolve to an Organization with the login of 'Nope'." })]);
    expect(body.data).toEqual({ organization: null, repository: { nameWithOwner: "QuantEcon/meta" } });
  });
});

describe("fake GitHub: data", () => {
  it("pages organization repositories with cursors", async () => {
    const q = (after: string) => `{ organization(login: "QuantEcon") { repositories(first: 3${after}, orderBy: { field: NAME, direction: ASC }) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } } }`;
    const first = (await post(q(""))).body.data.organization.repositories;
    expect(first.nodes.map((n: { name: string }) => n.name)).toEqual(["empty-repo", "lecture-python.myst", "lecture-python.notebooks"]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = [];
    let cursor = first.pageInfo.endCursor;
    for (;;) {
      const page = (await post(q(`, after: ${JSON.stringify(cursor)}`))).body.data.organization.repositories;
      rest.push(...page.nodes.map((n: { name: string }) => n.name));
      if (!page.pageInfo.hasNextPage) break;
      cursor = page.pageInfo.endCursor;
    }
    expect(rest).toEqual(["lecture-python.zh-cn", "meta", "old-site", "sphinx-theme-fork"]);
  });
  it("searches with org, is, created/updated ranges and sort", async () => {
    const numbers = async (query: string) =>
      (await post(`{ search(query: ${JSON.stringify(query)}, type: ISSUE, first: 100) { issueCount nodes { ... on PullRequest { number } ... on Issue { number } } } }`)).body.data.search.nodes.map((n: { number: number }) => n.number);
    expect(await numbers("org:QuantEcon is:issue created:2026-05-01..2026-05-31 sort:created-asc")).toEqual([400, 520]);
    expect(await numbers("org:QuantEcon is:pr updated:>=2026-05-14T02:10:00Z created:<2026-06-01T00:00:00Z sort:created-asc")).toEqual([236, 3, 510]);
    expect(await numbers("org:QuantEcon is:pr updated:2026-05-14T02:10:00Z..2026-05-14T02:10:00Z")).toEqual([236]);
    const bad = await post('{ search(query: "org:QuantEcon is:pr kalman", type: ISSUE, first: 1) { issueCount } }');
    expect(bad.body.errors?.[0].message).toMatch(/unsupported search term "kalman"/);
  });
  it("walks default-branch history between since and until, both included", async () => {
    const { body } = await post(
      '{ repository(owner: "QuantEcon", name: "lecture-python.zh-cn") { defaultBranchRef { target { ... on Commit { history(first: 10, since: "2026-04-30T23:59:59Z", until: "2026-06-01T00:00:00Z") { totalCount nodes { oid committedViaWeb parents(first: 1) { totalCount } associatedPullRequests(first: 5) { nodes { number merged } } } } } } } } }',
    );
    const history = body.data.repository.defaultBranchRef.target.history;
    expect(history.nodes.map((n: { oid: string }) => n.oid.slice(0, 4))).toEqual(["c000", "236a", "b000"]);
    expect(history.nodes[1]).toMatchObject({ committedViaWeb: true, parents: { totalCount: 1 }, associatedPullRequests: { nodes: [{ number: 236, merged: true }] } });
  });
  it("resolves actors to their GraphQL types", async () => {
    const { body } = await post('{ repository(owner: "QuantEcon", name: "lecture-python.myst") { pullRequests(first: 100, orderBy: { field: CREATED_AT, direction: DESC }) { nodes { number author { __typename login } } } } }');
    const nodes = body.data.repository.pullRequests.nodes;
    expect(nodes[0]).toEqual({ number: 511, author: { __typename: "User", login: "jstac" } });
    expect(nodes.find((n: { number: number }) => n.number === 500).author).toEqual({ __typename: "Bot", login: "dependabot" });
  });
});

describe("fake GitHub: faults", () => {
  it("drops the connection", async () => {
    gh.setFault({ kind: "drop" });
    await expect(post("{ viewer { login } }")).rejects.toThrow();
    expect((await post('{ organization(login: "QuantEcon") { login } }')).status).toBe(200);
  });
  it("answers 5xx, and secondary limits with retry-after, for the given number of requests after the given delay", async () => {
    gh.setFault({ kind: "status", status: 502, after: 1, times: 2 });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await post('{ organization(login: "QuantEcon") { login } }')).status);
    expect(statuses).toEqual([200, 502, 502, 200]);
    gh.setFault({ kind: "secondary", status: 429, retryAfter: 30 });
    const limited = await post('{ organization(login: "QuantEcon") { login } }');
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("30");
  });
  it("exhausts the primary limit until its reset", async () => {
    gh.setFault({ kind: "primary", resetInSeconds: 60 });
    const { body, headers } = await post('{ organization(login: "QuantEcon") { login } }');
    expect(body.errors?.[0].type).toBe("RATE_LIMITED");
    expect(headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(headers.get("x-ratelimit-reset")) * 1000 - Date.now()).toBeGreaterThan(50_000);
  });
  it("fails one repository with data for the others", async () => {
    gh.setFault({ kind: "repoError", repo: "QuantEcon/meta", type: "FORBIDDEN" });
    const { body } = await post('{ a: repository(owner: "QuantEcon", name: "meta") { name } b: repository(owner: "QuantEcon", name: "old-site") { name } }');
    expect(body.data).toEqual({ a: null, b: { name: "old-site" } });
    expect(body.errors).toEqual([expect.objectContaining({ type: "FORBIDDEN", path: ["a"] })]);
  });
  it("changes the shape of answers", async () => {
    gh.setFault({ kind: "shape" });
    const { body } = await post('{ organization(login: "QuantEcon") { repositories(first: 1) { totalCount } } }');
    expect(body.data.organization.repositories.totalCount).toBe("7");
  });
});

describe("fake GitHub: search cap", () => {
  it("reports the full issueCount but returns at most 1,000 results", async () => {
    const world = generateWorld({ org: "Big", window: { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }, repos: 3, pullRequests: 1050, commits: 0, issues: 0 });
    const big = await startFakeGitHub(world, { token: TOKEN });
    try {
      let cursor: string | null = null;
      let seen = 0;
      let count = 0;
      for (;;) {
        const res = await fetch(big.url, {
          method: "POST",
          headers: { authorization: `token ${TOKEN}` },
          body: JSON.stringify({ query: `{ search(query: "org:Big is:pr", type: ISSUE, first: 100${cursor ? `, after: "${cursor}"` : ""}) { issueCount pageInfo { hasNextPage endCursor } nodes { ... on PullRequest { number } } } }` }),
        });
        const search = ((await res.json()) as { data: { search: { issueCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: unknown[] } } }).data.search;
        count = search.issueCount;
        seen += search.nodes.length;
        if (!search.pageInfo.hasNextPage) break;
        cursor = search.pageInfo.endCursor;
      }
      expect(count).toBe(1050);
      expect(seen).toBe(1000);
    } finally {
      await big.close();
    }
  });
});

describe("queryCost", () => {
  it("follows GitHub's published examples", () => {
    // docs.github.com: 100 repositories x 50 issues x 60 labels = 5,101 requests, i.e. 51 points.
    const q = parse("{ viewer { repositories(first: 100) { nodes { issues(first: 50) { nodes { labels(first: 60) { nodes { name } } } } } } } }");
    expect(queryCost(q)).toBe(51);
    expect(queryCost(parse("{ viewer { login } }"))).toBe(1);
  });
});
