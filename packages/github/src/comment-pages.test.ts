import { loadFixtureWorld, startFakeGitHub, type FakeGitHub } from "@quantecon/fake-github";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { completeComments, type Thread } from "./comment-pages.js";
import type { CommentsPage } from "./responses.js";
import { connect } from "./source.js";

const TOKEN = "ghp_CANARY_comment_pages_0123456789";
let gh: FakeGitHub;
beforeAll(async () => {
  const world = loadFixtureWorld();
  const issue = world.issues.find((i) => i.number === 520)!;
  issue.comments = Array.from({ length: 150 }, (_, i) => ({ author: "jstac", createdAt: `2026-05-26T00:${String(Math.floor(i / 60)).padStart(2, "0")}:${String(i % 60).padStart(2, "0")}Z`, authorAssociation: "OWNER" as const, body: `note ${i}` }));
  gh = await startFakeGitHub(world, { token: TOKEN });
});
afterAll(() => gh.close());

const client = () => connect("QuantEcon", { token: TOKEN, apiUrl: gh.url, random: () => 0.5 }).client;
const firstPage = (nodes: number, cursor: string | null): CommentsPage => ({
  totalCount: 150,
  pageInfo: { hasNextPage: true, endCursor: cursor },
  nodes: Array.from({ length: nodes }, (_, i) => ({ author: { __typename: "User", login: "jstac" }, authorAssociation: "OWNER", body: `note ${i}`, createdAt: "2026-05-26T00:00:00Z" })),
});
const cursorAfter = (index: number): string => Buffer.from(`cursor:v2:${index}`).toString("base64");

describe("completeComments", () => {
  it("reads a thread to its end from the cursor the search left", async () => {
    const item = gh.world.issueItem(gh.world.repo("QuantEcon/lecture-python.myst")!, 520)!;
    const thread: Thread = { id: item.id, kind: "Issue", ref: "QuantEcon/lecture-python.myst#520", comments: firstPage(100, cursorAfter(99)) };
    const warnings = await completeComments(client(), [thread]);
    expect(warnings).toEqual([]);
    expect(thread.comments.nodes.map((n) => n.body)).toEqual(Array.from({ length: 150 }, (_, i) => `note ${i}`));
  });

  it("never stops silently: a thread it cannot finish becomes a warning that names it", async () => {
    const gone: Thread = { id: "I_deleted", kind: "Issue", ref: "QuantEcon/meta#999", comments: firstPage(100, cursorAfter(99)) };
    const noCursor: Thread = { id: "I_other", kind: "Issue", ref: "QuantEcon/meta#998", comments: firstPage(100, null) };
    const warnings = await completeComments(client(), [gone, noCursor]);
    expect(warnings).toEqual([
      { code: "COMMENTS_INCOMPLETE", repo: "QuantEcon/meta", message: "QuantEcon/meta#998: 100 of 150 comments read; GitHub gave no cursor for the next page" },
      { code: "COMMENTS_INCOMPLETE", repo: "QuantEcon/meta", message: expect.stringMatching(/^QuantEcon\/meta#999: 100 of 150 comments read; GitHub did not return the next page/) },
    ]);
  });
});
