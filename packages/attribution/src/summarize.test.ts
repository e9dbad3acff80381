import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "./classify.js";
import { parseConfig } from "./config.js";
import { parseDataset } from "./dataset.js";
import { summarize } from "./summarize.js";

const dataset = parseDataset(JSON.parse(readFileSync(new URL("./fixtures/small-month.json", import.meta.url), "utf8")));
const config = parseConfig({
  machineAccounts: [{ login: "quantecon-services", names: ["QuantEcon Services"], emails: ["admin@quantecon.org"] }],
  rules: [
    { id: "q/sync-pr", on: ["pullRequest"], kind: "translation-sync", match: { branch: "^translation-sync-" } },
    { id: "q/sync-commit", on: ["commit"], kind: "translation-sync", match: { message: "^Update translation: " } },
    { id: "q/sync-failure", on: ["issue"], kind: "translation-sync", match: { labels: ["translation-sync-failure"] } },
    { id: "q/publish", on: ["commit"], kind: "notebook-publish", match: { message: "^auto publishing" } },
    { id: "q/report", on: ["issue"], kind: "report", match: { title: "^Weekly Report" } },
  ],
});
const summary = summarize(dataset, classify(dataset, config));
const person = (login: string) => summary.people.find((p) => p.login === login);

describe("summarize", () => {
  it("counts only events inside the window", () => {
    // #703 was opened in April and merged in May; its April review is outside the window.
    // Opened in May: #236, #240, #700, #702 (automation) and #701 (human).
    expect(summary.totals.pullRequestsOpened).toEqual({ human: 1, automation: 4 });
    expect(summary.totals.pullRequestsMerged).toEqual({ human: 2, automation: 2 });
    expect(summary.totals.reviews).toEqual({ human: 4, automation: 1 });
    expect(summary.totals.commits).toEqual({ human: 3, automation: 4 });
    expect(summary.totals.issuesOpened).toEqual({ human: 1, automation: 2 });
    expect(summary.totals.issuesClosed).toEqual({ human: 2, automation: 1 });
  });

  it("keeps token-run automation out of a person's work and counts it apart", () => {
    const mmcky = person("mmcky");
    expect(mmcky).toMatchObject({ pullRequestsOpened: 1, commits: 2, reviews: 1, merges: 1, automatedPullRequestsMerged: 1, automatedPullRequestsReviewed: 1 });
    // PR #236, its squash commit, the direct commit and the failure issue ran under his token.
    expect(mmcky?.automationUnderToken).toBe(4);
    expect(summary.tokenRuns).toEqual([
      { onBehalfOf: "mmcky", kind: "translation-sync", repo: "QuantEcon/lecture-python.zh-cn", count: 4, refs: expect.any(Array) },
    ]);
  });

  it("credits reviews and merges of automated PRs to the people who did them", () => {
    expect(person("HumphreyYang")).toMatchObject({ reviews: 1, merges: 1, automatedPullRequestsReviewed: 1, automatedPullRequestsMerged: 1, issuesOpened: 1 });
    expect(person("jstac")).toMatchObject({ reviews: 2, merges: 2, automatedPullRequestsMerged: 0, commits: 1, aiAssisted: 1 });
  });

  it("groups automation by kind and channel, and counts channels for migration", () => {
    // #236 opened + merged, its squash commit, the direct commit, #241 opened + closed: 6 events.
    const sync = summary.automation.filter((a) => a.kind === "translation-sync").map((a) => [a.channel, a.total]);
    expect(sync).toEqual(expect.arrayContaining([["personal-token", 6], ["machine-account", 1]]));
    expect(summary.channels).toMatchObject({ "personal-token": 4, "machine-account": 2, "github-actions": 1 });
    expect(summary.automation.find((a) => a.kind === "dependency-update")?.actors).toEqual(["dependabot"]);
  });

  it("lists every scanned repo, active or not, split human / automation", () => {
    expect(summary.repos.map((r) => r.repo)).toEqual(dataset.repos.map((r) => r.name).sort());
    const myst = summary.repos.find((r) => r.repo === "QuantEcon/lecture-python.myst");
    expect(myst?.human.pullRequestsMerged).toBe(2);
    expect(myst?.automation.pullRequestsOpened).toBe(2);
  });

  it("refuses verdicts that do not belong to the dataset", () => {
    expect(() => summarize(dataset, [])).toThrow(/no verdict for/);
  });
});
