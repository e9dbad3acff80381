import { describe, expect, it } from "vitest";
import { classify } from "./classify.js";
import { parseConfig } from "./config.js";
import { parseDataset, type Comment, type Dataset, type Issue, type PullRequest, type Review } from "./dataset.js";
import { conversationWork, median, quantile, responseTimes, responsiveness } from "./responsiveness.js";

const R = "QuantEcon/meta";
const S = "QuantEcon/QuantEcon.py";
const c = (author: string | null, createdAt: string, body = "Looks good to me.", authorAssociation: Comment["authorAssociation"] = "MEMBER"): Comment => ({ author, createdAt, authorAssociation, body });
const r = (author: string, submittedAt: string | null, state: Review["state"] = "APPROVED"): Review => ({ author, state, submittedAt });

function pr(repo: string, number: number, author: string | null, createdAt: string, extra: Partial<PullRequest> = {}): PullRequest {
  return {
    repo, number, url: `https://github.com/${repo}/pull/${number}`, title: `PR ${number}`, body: "", author, createdAt, updatedAt: createdAt,
    closedAt: null, mergedAt: null, mergedBy: null, state: "OPEN", isDraft: false, headRef: `b${number}`, baseRef: "main", headRepo: repo,
    labels: [], assignees: [], additions: 1, deletions: 0, changedFiles: 1, reviews: [], comments: [], ...extra,
  };
}
function issue(repo: string, number: number, author: string | null, createdAt: string, extra: Partial<Issue> = {}): Issue {
  return { repo, number, url: `https://github.com/${repo}/issues/${number}`, title: `Issue ${number}`, body: "", author, createdAt, updatedAt: createdAt, closedAt: null, state: "OPEN", labels: [], comments: [], ...extra };
}

function month(pullRequests: PullRequest[], issues: Issue[]): Dataset {
  return parseDataset({
    schema: "qe-activity/v1",
    generatedAt: "2026-06-02T00:00:00Z",
    source: { kind: "github", org: "QuantEcon" },
    window: { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z", timeZone: "UTC" },
    repos: [R, S].map((name) => ({ name, defaultBranch: "main", isArchived: false, isFork: false })),
    actors: [{ login: "github-actions", type: "Bot", name: null }, { login: "copilot-pull-request-reviewer", type: "Bot", name: null }],
    pullRequests,
    commits: [],
    issues,
  });
}

describe("quantile", () => {
  it("takes the mean of the two middle values for an even count and interpolates the 90th percentile", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5, 1, 3])).toBe(3);
    expect(median([])).toBeNull();
    // (n−1)·0.9 = 9 for 11 values: the largest but one.
    expect(quantile([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    // (4−1)·0.9 = 2.7: 30 + 0.7·(40 − 30).
    expect(quantile([10, 20, 30, 40], 0.9)).toBeCloseTo(37, 10);
    expect(quantile([7], 0.9)).toBe(7);
  });
});

describe("responsiveness", () => {
  const dataset = month(
    [
      // Automation answers first (preview bot, then an AI reviewer's review), then a person reviews at +5 h.
      pr(R, 1, "HumphreyYang", "2026-05-01T00:00:00Z", {
        comments: [c("github-actions", "2026-05-01T00:10:00Z", "🚀 Deployed on https://deploy-preview-1--x.netlify.app", "NONE"), c("HumphreyYang", "2026-05-01T01:00:00Z", "self note")],
        reviews: [r("copilot-pull-request-reviewer", "2026-05-01T00:20:00Z", "COMMENTED"), r("jstac", "2026-05-01T05:00:00Z")],
        mergedAt: "2026-05-01T10:00:00Z", closedAt: "2026-05-01T10:00:00Z", state: "MERGED", mergedBy: "jstac",
      }),
      // A token-automation comment under mmcky's account never counts; mmcky's own words at +3 h do.
      pr(R, 2, "jstac", "2026-05-02T00:00:00Z", {
        comments: [c("mmcky", "2026-05-02T01:00:00Z", "### ✅ Translation sync completed (zh-cn)\n\n**Target repo**: QuantEcon/lecture-python.zh-cn\n**Translation PR**: https://github.com/QuantEcon/lecture-python.zh-cn/pull/9"), c("mmcky", "2026-05-02T03:00:00Z", "Merging after CI.")],
      }),
      // Only the author spoke and a pending review: no response.
      pr(S, 3, "mmcky", "2026-05-10T00:00:00Z", { comments: [c("mmcky", "2026-05-10T01:00:00Z")], reviews: [r("jstac", null, "PENDING")] }),
      // Opened in April: not measured.
      pr(S, 4, "mmcky", "2026-04-10T00:00:00Z", { comments: [c("jstac", "2026-05-10T01:00:00Z")] }),
    ],
    [
      issue(R, 10, "someone", "2026-05-03T00:00:00Z", { comments: [c("github-actions", "2026-05-03T00:01:00Z", "👋 Thanks for opening your first issue!", "NONE"), c("jstac", "2026-05-03T12:00:00Z")], closedAt: "2026-05-04T00:00:00Z", state: "CLOSED", closedBy: "jstac" }),
      issue(S, 11, "someone", "2026-05-20T00:00:00Z", { comments: [c("HumphreyYang", "2026-05-20T02:00:00Z", "Can you share the notebook?", "COLLABORATOR")] }),
      issue(S, 12, "else", "2026-05-05T00:00:00Z"),
    ],
  );
  const verdicts = classify(dataset, parseConfig({}));
  const result = responsiveness(dataset, verdicts);
  const first = Object.fromEntries(result.items.map((i) => [i.ref, i.firstHumanResponseAt]));

  it("finds each item's first human response: others' comments and reviews, automation and token automation left out", () => {
    expect(first).toEqual({
      [`${R}#1`]: "2026-05-01T05:00:00Z",
      [`${R}#2`]: "2026-05-02T03:00:00Z",
      [`${S}#3`]: null,
      [`${R}#10`]: "2026-05-03T12:00:00Z",
      [`${S}#11`]: "2026-05-20T02:00:00Z",
      [`${S}#12`]: null,
    });
    expect(result.items.find((i) => i.ref === `${R}#1`)).toMatchObject({ firstHumanReviewAt: "2026-05-01T05:00:00Z", automationFirstAt: "2026-05-01T00:10:00Z", automationFirstActor: "github-actions" });
    expect(result.items.find((i) => i.ref === `${R}#2`)).toMatchObject({ automationFirstAt: "2026-05-02T01:00:00Z", automationFirstActor: "mmcky", firstHumanReviewAt: null });
  });

  it("reads verdicts in any order by ref, with the same result", () => {
    expect(responsiveness(dataset, [...verdicts].reverse())).toEqual(result);
    expect(conversationWork(dataset, [...verdicts].reverse(), parseConfig({}))).toEqual(conversationWork(dataset, verdicts, parseConfig({})));
  });

  it("gives medians, 90th percentiles, shares and time to close", () => {
    // PRs: 5 h and 3 h → median 4, p90 = 3 + 0.9·2 = 4.8.
    expect(result.pullRequests).toMatchObject({ opened: 3, responded: 2, share: 0.6667, medianHours: 4, p90Hours: 4.8 });
    expect(result.pullRequests.review).toEqual({ count: 1, medianHours: 5, p90Hours: 5 });
    expect(result.pullRequests.close).toEqual({ count: 1, medianHours: 10, p90Hours: 10 });
    // Automation first on #1 (10 min) and #2 (1 h): median 0.58 h.
    expect(result.pullRequests.automationFirst).toEqual({ count: 2, share: 0.6667, medianHours: 0.58, p90Hours: 0.92 });
    // Issues: 12 h and 2 h → median 7.
    expect(result.issues).toMatchObject({ opened: 3, responded: 2, medianHours: 7, p90Hours: 11, review: null, close: { count: 1, medianHours: 24, p90Hours: 24 } });
    expect(result.issues.automationFirst).toMatchObject({ count: 1, share: 0.3333 });
  });

  it("splits by repository and lists open items still waiting, longest first", () => {
    expect(result.byRepo.map((x) => [x.repo, x.pullRequests.opened, x.pullRequests.responded, x.issues.opened, x.issues.responded])).toEqual([
      [S, 1, 0, 2, 1],
      [R, 2, 2, 1, 1],
    ].sort((a, b) => (String(a[0]) < String(b[0]) ? -1 : 1)));
    expect(result.waiting.map((w) => [w.ref, w.waitingHours])).toEqual([
      [`${S}#12`, 28 * 24],
      [`${S}#3`, 23 * 24],
    ]);
  });

  it("credits people with comments, issues closed and first responses", () => {
    const work = Object.fromEntries(conversationWork(dataset, verdicts, parseConfig({}), result).map((p) => [p.login, p]));
    expect(work["jstac"]).toEqual({ login: "jstac", comments: 2, issuesClosed: 1, triage: 2 });
    expect(work["mmcky"]).toEqual({ login: "mmcky", comments: 2, issuesClosed: 0, triage: 1 });
    expect(work["HumphreyYang"]).toEqual({ login: "HumphreyYang", comments: 2, issuesClosed: 0, triage: 1 });
    expect(work["github-actions"]).toBeUndefined();
  });
});

describe("responseTimes", () => {
  // 300 opened items: 40 repos × few numbers, creation instants that collide (ties broken by ref,
  // then dataset order), some answered by a person, a bot or the author, some closed.
  const hour = (h: number): string => new Date(Date.parse("2026-05-01T00:00:00Z") + h * 3_600_000).toISOString().replace(/\.000Z$/, "Z");
  const repos = Array.from({ length: 40 }, (_, i) => `QuantEcon/r${(i * 7) % 40}`);
  const prs: PullRequest[] = [];
  const issues: Issue[] = [];
  for (let i = 0; i < 300; i++) {
    const repo = repos[i % 40] as string;
    const created = hour((i * 37) % 50);
    const answer = i % 5 === 0 ? [c("jstac", hour(((i * 37) % 50) + 3))] : i % 5 === 1 ? [c("github-actions", hour(((i * 37) % 50) + 1), "🚀 Deployed", "NONE")] : i % 5 === 2 ? [c(`author${i}`, hour(((i * 37) % 50) + 2))] : [];
    const closed = i % 7 === 0 ? hour(((i * 37) % 50) + 9) : null;
    if (i % 3 === 0) issues.push(issue(repo, 1000 + i, `author${i}`, created, { comments: answer, closedAt: closed, state: closed ? "CLOSED" : "OPEN" }));
    else prs.push(pr(repo, i, `author${i}`, created, { comments: answer, reviews: i % 4 === 0 ? [r("HumphreyYang", hour(((i * 37) % 50) + 5))] : [], closedAt: closed, mergedAt: closed, state: closed ? "MERGED" : "OPEN" }));
  }
  prs.push(pr(R, 9999, "someone", "2026-04-20T00:00:00Z"));
  const dataset = month(prs, issues);
  const verdicts = classify(dataset, parseConfig({}));
  const full = responsiveness(dataset, verdicts, { waiting: 1_000 });

  it("gives the figures of responsiveness, with the first human response of each item by dataset position", () => {
    const { items, ...figures } = responsiveness(dataset, verdicts);
    const { firstHumanResponseAt, triage, ...lean } = responseTimes(dataset, verdicts);
    expect(lean).toEqual(figures);
    const byRef = new Map(items.map((i) => [i.ref, i.firstHumanResponseAt]));
    expect(firstHumanResponseAt.pullRequests).toEqual(dataset.pullRequests.map((p) => byRef.get(`${p.repo}#${p.number}`)));
    expect(firstHumanResponseAt.issues).toEqual(dataset.issues.map((i) => byRef.get(`${i.repo}#${i.number}`)));
    expect(firstHumanResponseAt.pullRequests.at(-1)).toBeUndefined();
    expect(items.filter((i) => i.firstHumanResponseAt !== null).length).toBeGreaterThan(50);
    expect(conversationWork(dataset, verdicts, parseConfig({}), responseTimes(dataset, verdicts))).toEqual(conversationWork(dataset, verdicts, parseConfig({}), responsiveness(dataset, verdicts)));
    expect([...triage.values()].reduce((a, b) => a + b, 0)).toBe(items.filter((i) => i.firstHumanResponder !== null).length);
  });

  it("keeps the oldest unanswered open items, ties by ref then dataset order, whatever the limit", () => {
    const all = full.items
      .filter((i) => i.firstHumanResponseAt === null && i.closedAt === null)
      .sort((a, b) => Date.parse(a.createdAt) - Date.parse(b.createdAt) || (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    expect(all.length).toBeGreaterThan(150);
    expect(full.waiting.map((w) => w.ref)).toEqual(all.map((i) => i.ref));
    for (const limit of [0, 1, 3, 10, 57, 2.5, -2]) {
      const expected = all.slice(0, limit).map((i) => ({ ...i, waitingHours: Math.round(((Date.parse("2026-06-02T00:00:00Z") - Date.parse(i.createdAt)) / 3_600_000) * 100) / 100 }));
      expect(responseTimes(dataset, verdicts, { waiting: limit }).waiting).toEqual(expected);
      expect(responsiveness(dataset, verdicts, { waiting: limit }).waiting).toEqual(expected);
    }
  });
});
