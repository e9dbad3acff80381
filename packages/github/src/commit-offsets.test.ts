import { monthWindow, type Commit } from "@quantecon/attribution";
import { loadFixtureWorld, startFakeGitHub, type FakeGitHub } from "@quantecon/fake-github";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fetchActivity } from "./fetch-activity.js";
import { gitOffset } from "./git-timestamp.js";

const TOKEN = "test-token-offsets";
const window = monthWindow("2026-05");

// The fixture world's May commits, given git offsets of every shape: east, west, half-hour,
// a runner's +00:00, author and committer apart, and one commit that records none.
const OFFSETS: [string, string | undefined, string | undefined][] = [
  ["a000000000000000000000000000000000000008", "+10:00", "+10:00"],
  ["505d000000000000000000000000000000000004", "-05:00", "+00:00"],
  ["e000000000000000000000000000000000000005", "+05:30", "-03:30"],
  ["f000000000000000000000000000000000000006", "+00:00", "+00:00"],
  ["a000000000000000000000000000000000000007", undefined, undefined],
];

const world = loadFixtureWorld();
world.commits = world.commits.map((c): Commit => {
  const row = OFFSETS.find(([oid]) => oid === c.oid);
  if (!row) return c;
  const [, authorOffset, committerOffset] = row;
  return { ...c, ...(authorOffset ? { authorOffset } : {}), ...(committerOffset ? { committerOffset } : {}) };
});

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub(world, { token: TOKEN });
});
afterAll(() => gh.close());

describe("commit offsets from GraphQL's GitTimestamp", () => {
  it("the fake serves GitActor.date in git's own offset and authoredDate in UTC", async () => {
    const res = await fetch(gh.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` },
      body: JSON.stringify({
        query:
          '{ repository(owner: "QuantEcon", name: "lecture-python.myst") { defaultBranchRef { target { ... on Commit { history(first: 100, since: "2026-04-01T00:00:00Z", until: "2026-06-01T00:00:00Z") { nodes { oid authoredDate committedDate author { date } committer { date } } } } } } } }',
      }),
    });
    type Node = { oid: string; authoredDate: string; committedDate: string; author: { date: string | null }; committer: { date: string | null } };
    const body = (await res.json()) as { data: { repository: { defaultBranchRef: { target: { history: { nodes: Node[] } } } } } };
    const nodes = body.data.repository.defaultBranchRef.target.history.nodes;
    const rec = world.commits.find((c) => c.oid === "505d000000000000000000000000000000000004")!;
    const node = nodes.find((n) => n.oid === rec.oid)!;
    expect(nodes.find((n) => n.oid === "a000000000000000000000000000000000000007")?.author.date).toBeNull();
    expect(node.authoredDate).toBe(rec.authoredAt);
    expect(node.author.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}-05:00$/);
    expect(Date.parse(node.author.date ?? "")).toBe(Date.parse(rec.authoredAt));
    expect(node.committer.date).toMatch(/\+00:00$/);
    expect(Date.parse(node.committer.date ?? "")).toBe(Date.parse(rec.committedAt));
  });

  it("the fetcher fills authorOffset/committerOffset, every other field as the world has it", async () => {
    const dataset = await fetchActivity({ org: "QuantEcon", window, token: TOKEN, apiUrl: gh.url, repos: ["lecture-python.myst"] });
    for (const [oid, authorOffset, committerOffset] of OFFSETS) {
      const got = dataset.commits.find((c) => c.oid === oid);
      const want = world.commits.find((c) => c.oid === oid);
      expect(got, oid).toBeDefined();
      expect(got?.authorOffset, oid).toBe(authorOffset);
      expect(got?.committerOffset, oid).toBe(committerOffset);
      expect(got, oid).toEqual(want);
    }
  });

  it("reads offsets from GitTimestamp strings", () => {
    expect(gitOffset("2026-05-03T10:00:00+02:00")).toBe("+02:00");
    expect(gitOffset("2026-05-03T10:00:00-0930")).toBe("-09:30");
    expect(gitOffset("2026-05-03T10:00:00Z")).toBe("+00:00");
    expect(gitOffset("2026-05-03T10:00:00.123-05:00")).toBe("-05:00");
    expect(gitOffset(null)).toBeUndefined();
    expect(gitOffset("2026-05-03")).toBeUndefined();
  });
});
