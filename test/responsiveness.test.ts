import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadFixtureWorld, startFakeGitHub, type FakeGitHub } from "@quantecon/fake-github";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { run, tempDir } from "./cli-helpers.js";

/*
 * Time to first human response on the fixture month, end to end: the CLI fetches May 2026 from
 * the local GitHub-schema server (comments, reviews and closing events included) and writes the
 * JSON report. Every expected value below was worked out by hand from the fixture's comments and
 * reviews (packages/fake-github/src/fixtures/quantecon-2026-05.json), leaving out the author's own
 * words, bots, the AI reviewer and action-translation's "Translation sync completed" report posted under mmcky's token.
 */

const TOKEN = "ghp_CANARY_responsiveness_0123456789abcdef";
const PINNED = "2026-06-01T00:10:00Z";
let gh: FakeGitHub;
let tmp: ReturnType<typeof tempDir>;
let env: Record<string, string>;

beforeAll(async () => {
  gh = await startFakeGitHub(loadFixtureWorld(), { token: TOKEN });
  env = { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: gh.url };
});
afterAll(() => gh.close());
beforeEach(() => {
  tmp = tempDir("qe-report-responsiveness-");
  writeFileSync(join(tmp.dir, "qe-report.config.yaml"), readFileSync(new URL("../examples/quantecon/qe-report.config.yaml", import.meta.url)));
  return () => tmp.remove();
});

interface Stats {
  opened: number;
  responded: number;
  medianHours: number | null;
  p90Hours: number | null;
}
interface JsonReport {
  summary: { responsiveness: { comments: boolean; pullRequests: Stats & { firstReview: Stats & { count: number } }; issues: Stats; waiting: { ref: string }[] } };
  people: { login: string; comments: number | null; issuesClosed: number | null; triage: number | null }[];
  items: { ref: string; type: string; class: string; channel: string; kind: string | null; actor: string; onBehalfOf: string | null; firstHumanResponseAt?: string | null }[];
}

const hours = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 3_600_000;

// PRs and issues opened in May 2026, with the instant each was opened and first answered by a person.
const OPENED: Record<string, [string, string | null]> = {
  // github-actions' preview link at 12:55 is automation; HumphreyYang's question at 20:00 is the answer.
  "QuantEcon/lecture-python.zh-cn#236": ["2026-05-13T12:48:54Z", "2026-05-13T20:00:00Z"],
  // Copilot's review note (10:05) and mmcky's "Translation sync completed" report under his token (10:30) do not count; HumphreyYang at 10:00 the next day does.
  "QuantEcon/lecture-python.myst#505": ["2026-05-07T10:00:00Z", "2026-05-08T10:00:00Z"],
  "QuantEcon/lecture-python.myst#510": ["2026-05-31T23:30:00Z", null],
  "QuantEcon/lecture-python.notebooks#12": ["2026-05-05T00:00:00Z", null],
  // A deleted user's PR: mmcky's comment answers it.
  "QuantEcon/old-site#3": ["2026-05-20T00:00:00Z", "2026-05-20T06:00:00Z"],
  "QuantEcon/meta#400": ["2026-05-09T23:00:00Z", "2026-05-11T09:00:00Z"],
  // Only a bot's greeting.
  "QuantEcon/lecture-python.myst#520": ["2026-05-25T00:00:00Z", null],
};

/** Median and 90th percentile as documented: mean of the middle two; linear interpolation at (n−1)·0.9. */
function byHand(values: number[]): { medianHours: number | null; p90Hours: number | null } {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return { medianHours: null, p90Hours: null };
  const at = (p: number) => {
    const pos = (s.length - 1) * p;
    const lo = Math.floor(pos);
    return s[lo]! + (s[Math.ceil(pos)]! - s[lo]!) * (pos - lo);
  };
  const r = (x: number) => Math.round(x * 100) / 100;
  return { medianHours: r(at(0.5)), p90Hours: r(at(0.9)) };
}

async function monthly(extra: string[] = []): Promise<JsonReport> {
  const r = await run(["monthly", "--org", "QuantEcon", "--month", "2026-05", "--format", "json", "--generated-at", PINNED, "--quiet", ...extra], { cwd: tmp.dir, env });
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as JsonReport;
}

describe("responsiveness on the fixture month, through the CLI", () => {
  it("gives every opened PR and issue its first human response, computed by hand, and the medians", async () => {
    const report = await monthly();
    const got = Object.fromEntries(report.items.filter((i) => i.firstHumanResponseAt !== undefined).map((i) => [i.ref, i.firstHumanResponseAt]));
    expect(got).toEqual(Object.fromEntries(Object.entries(OPENED).map(([ref, [, at]]) => [ref, at])));

    const answered = (prefix: "pull" | "issues") =>
      Object.entries(OPENED)
        .filter(([ref]) => (ref.endsWith("#400") || ref.endsWith("#520") ? "issues" : "pull") === prefix)
        .flatMap(([, [opened, at]]) => (at ? [hours(opened, at)] : []));
    const prHours = answered("pull");
    const issueHours = answered("issues");
    expect(prHours).toEqual([7.185, 24, 6]);
    expect(issueHours).toEqual([34]);
    const { pullRequests, issues } = report.summary.responsiveness;
    expect(pullRequests).toMatchObject({ opened: 5, responded: 3, ...byHand(prHours) });
    expect(pullRequests).toMatchObject({ medianHours: 7.19, p90Hours: 20.64 });
    expect(issues).toMatchObject({ opened: 2, responded: 1, ...byHand(issueHours) });
    // First human reviews: #236 at +13.27 h (HumphreyYang, 02:05), #505 at +25 h.
    expect(pullRequests.firstReview).toMatchObject({ count: 2, ...byHand([hours("2026-05-13T12:48:54Z", "2026-05-14T02:05:00Z"), 25]) });
    expect(report.summary.responsiveness.waiting.map((w) => w.ref)).toEqual(["QuantEcon/lecture-python.myst#520", "QuantEcon/lecture-python.myst#510"]);
  });

  it("gives every comment a verdict and credits people's conversation work", async () => {
    const report = await monthly();
    const comment = (ref: string) => report.items.find((i) => i.ref === ref);
    expect(comment("QuantEcon/lecture-python.myst#505/comment/1")).toMatchObject({ type: "comment", class: "automation", channel: "personal-token", kind: "translation-sync", onBehalfOf: "mmcky" });
    expect(comment("QuantEcon/lecture-python.myst#505/comment/0")).toMatchObject({ class: "automation", kind: "ai-agent" });
    expect(comment("QuantEcon/lecture-python.zh-cn#236/comment/0")).toMatchObject({ class: "automation", channel: "github-actions" });
    expect(comment("QuantEcon/lecture-python.myst#520/comment/0")).toMatchObject({ class: "automation", kind: "triage" });
    expect(comment("QuantEcon/meta#400/comment/0")).toMatchObject({ class: "human", actor: "mmcky" });
    const person = (login: string) => report.people.find((p) => p.login === login);
    // mmcky: #236, old-site#3, meta#400 (the sync report under his token is not his); closed meta#390; first to answer old-site#3 and meta#400.
    expect(person("mmcky")).toMatchObject({ comments: 3, issuesClosed: 1, triage: 2 });
    // HumphreyYang: #236, #505 and the May comment on meta#380; first on #236 and #505.
    expect(person("HumphreyYang")).toMatchObject({ comments: 3, issuesClosed: 0, triage: 2 });
    // jstac: zh-cn#225 and meta#390 in May; closed meta#380 in April, which does not count.
    expect(person("jstac")).toMatchObject({ comments: 2, issuesClosed: 0, triage: 0 });
  });

  it("explains a comment by its ref", async () => {
    const fetched = await run(["fetch", "--org", "QuantEcon", "--month", "2026-05", "--out", "may.json", "--quiet"], { cwd: tmp.dir, env });
    expect(fetched.code, fetched.stderr).toBe(0);
    const r = await run(["explain", "QuantEcon/lecture-python.myst#505/comment/1", "--input", "may.json"], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^QuantEcon\/lecture-python\.myst#505\/comment\/1 \(comment\)/);
    expect(r.stdout).toMatch(/comment by mmcky \(MEMBER\)/);
    expect(r.stdout).toMatch(/builtin\/translation-sync-comment/);
    expect(r.stdout).toMatch(/personal-token \(ran under mmcky's token\)/);
    const missing = await run(["explain", "QuantEcon/lecture-python.myst#505/comment/9", "--input", "may.json"], { cwd: tmp.dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe("qe-report: no comment 9 on QuantEcon/lecture-python.myst#505: its comments are numbered 0 to 3, oldest first");
  });

  it("with --no-comments, says so and counts reviews only", async () => {
    const report = await monthly(["--no-comments"]);
    expect(report.summary.responsiveness.comments).toBe(false);
    expect(report.items.some((i) => i.type === "comment")).toBe(false);
    // Only reviews: #236 answered by HumphreyYang's review, #505 by his changes request.
    expect(report.summary.responsiveness.pullRequests).toMatchObject({ opened: 5, responded: 2 });
    expect(report.people.find((p) => p.login === "mmcky")).toMatchObject({ comments: null, issuesClosed: null, triage: null });
  });
});
