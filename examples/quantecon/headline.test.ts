import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { classify, commitRef, inWindow, itemRef, parseDataset, reviewRef, type Verdict } from "@quantecon/attribution";
import { buildReport, parseConfigText, renderReport } from "qe-report";
import { describe, expect, it } from "vitest";

// The demo's headline figures counted by hand from the dataset (the verdicts are the classifier's;
// the counting is done here, independently of summarize() and the report model).
const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));
const dataset = parseDataset(JSON.parse(readFileSync(here("./demo-2026-05.json"), "utf8")));
const config = parseConfigText(readFileSync(here("./qe-report.config.yaml"), "utf8"), "qe-report.config.yaml");
const verdicts = new Map(classify(dataset, config).map((v) => [v.ref, v] as const));
const verdict = (ref: string): Verdict => verdicts.get(ref)!;
const report = buildReport(dataset, config, { generatedAt: dataset.generatedAt });
const w = dataset.window;

/** Contributions: PRs opened, default-branch commits, issues opened, reviews submitted in the window. */
function handCount(): { human: number; automation: number } {
  const count = { human: 0, automation: 0 };
  for (const pr of dataset.pullRequests) {
    if (inWindow(pr.createdAt, w)) count[verdict(itemRef(pr.repo, pr.number)).class]++;
    pr.reviews.forEach((r, i) => {
      if (inWindow(r.submittedAt, w)) count[verdict(reviewRef(pr.repo, pr.number, i)).class]++;
    });
  }
  for (const c of dataset.commits) if (inWindow(c.committedAt, w)) count[verdict(commitRef(c.repo, c.oid)).class]++;
  for (const issue of dataset.issues) if (inWindow(issue.createdAt, w)) count[verdict(itemRef(issue.repo, issue.number)).class]++;
  return count;
}

/** Automation items with any event in the window, and those under a personal token. */
function migrationCount(): { personalToken: number; automation: number } {
  const seen = new Map<string, Verdict>();
  const touch = (ref: string, ...instants: (string | null | undefined)[]) => {
    if (instants.some((t) => inWindow(t, w))) seen.set(ref, verdict(ref));
  };
  for (const pr of dataset.pullRequests) {
    touch(itemRef(pr.repo, pr.number), pr.createdAt, pr.mergedAt);
    pr.reviews.forEach((r, i) => touch(reviewRef(pr.repo, pr.number, i), r.submittedAt));
  }
  for (const c of dataset.commits) touch(commitRef(c.repo, c.oid), c.committedAt);
  for (const issue of dataset.issues) touch(itemRef(issue.repo, issue.number), issue.createdAt, issue.closedAt);
  const automated = [...seen.values()].filter((v) => v.class === "automation");
  return { personalToken: automated.filter((v) => v.channel === "personal-token").length, automation: automated.length };
}

describe("the demo's headline, by hand", () => {
  const hand = handCount();
  const share = Math.round((hand.automation / (hand.human + hand.automation)) * 10_000) / 10_000;
  const token = migrationCount();
  const tokenShare = Math.round((token.personalToken / token.automation) * 10_000) / 10_000;

  it("the contributions share counts PRs opened, commits, issues opened and reviews, not merges or closes", () => {
    expect(hand).toEqual({ human: 733, automation: 297 });
    expect(report.summary.contributions).toEqual({ human: hand.human, automation: hand.automation, share });
    expect(share).toBe(0.2883);
  });

  it("the migration percentage is personal-token automation over all automation", () => {
    expect(token).toEqual({ personalToken: 99, automation: 298 });
    expect(report.migration.status).toMatchObject({ personalToken: token.personalToken, automation: token.automation, share: tokenShare, previous: null, change: null });
  });

  it("the executive summary and the Markdown headline state those figures", () => {
    const pct = (x: number): string => `${Math.round(x * 100)}%`;
    const total = (hand.human + hand.automation).toLocaleString("en-US");
    expect(report.summary.executive[0]).toBe(
      `Automation made ${pct(share)} of ${total} contributions (${hand.automation} automated, ${hand.human} by people; a contribution is a PR opened, a commit, an issue opened or a review).`,
    );
    expect(report.summary.executive[1]).toBe(
      `Migration: ${pct(tokenShare)} of automation (${token.personalToken} of ${token.automation} items) still ran under a personal token: mmcky (translation-sync 85, content-sync 14).`,
    );
    expect(report.summary.executive.at(-1)).toBe("Data complete: every repository in scope was read in full.");
    const md = renderReport(report, "md")[0]!;
    // At most half the 32,961 characters the demo's Markdown had before the report was reorganised.
    expect(md.length).toBeLessThanOrEqual(32_961 / 2);
    expect(md).toContain(`> **Automation made ${pct(share)} of contributions** (${hand.automation} of ${total}) · **${pct(tokenShare)} of automation still under a personal token** · data complete\n`);
  });

  it("per-person contributions add up to the human side of the headline", () => {
    expect(report.people.reduce((n, p) => n + p.contributions, 0)).toBe(hand.human);
    expect(report.people.find((p) => p.login === "ghost")?.group).toBe("deleted");
    expect(report.people.find((p) => p.login === "mmcky")?.group).toBe("team");
    expect(report.people.find((p) => p.login === "timabbott")?.group).toBe("community");
  });
});
