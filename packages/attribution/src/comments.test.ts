import { describe, expect, it } from "vitest";
import { classify } from "./classify.js";
import { parseConfig } from "./config.js";
import { parseDataset, type Comment, type Dataset } from "./dataset.js";
import { summarize } from "./summarize.js";
import type { Verdict } from "./verdict.js";

const R = "QuantEcon/lecture-python.myst";
const c = (author: string | null, body: string, authorAssociation: Comment["authorAssociation"] = "MEMBER", createdAt = "2026-05-03T10:00:00Z"): Comment => ({ author, createdAt, authorAssociation, body });

function month(comments: Comment[], issueComments: Comment[] = []): Dataset {
  return parseDataset({
    schema: "qe-activity/v1",
    generatedAt: "2026-06-01T00:00:00Z",
    source: { kind: "github", org: "QuantEcon" },
    window: { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z", timeZone: "UTC" },
    repos: [{ name: R, defaultBranch: "main", isArchived: false, isFork: false }],
    actors: [
      { login: "mmcky", type: "User", name: "Matt McKay" },
      { login: "github-actions", type: "Bot", name: null },
      { login: "copilot-pull-request-reviewer", type: "Bot", name: null },
      { login: "robo-dev", type: "User", name: null },
      { login: "quantecon-services", type: "User", name: null },
    ],
    pullRequests: [
      {
        repo: R, number: 7, url: `https://github.com/${R}/pull/7`, title: "Fix a typo", body: "", author: "HumphreyYang",
        createdAt: "2026-05-02T00:00:00Z", updatedAt: "2026-05-04T00:00:00Z", closedAt: null, mergedAt: null, mergedBy: null, state: "OPEN",
        isDraft: false, headRef: "typo", baseRef: "main", headRepo: R, labels: [], assignees: [], additions: 1, deletions: 1, changedFiles: 1,
        reviews: [{ author: "jstac", state: "APPROVED", submittedAt: "2026-05-02T05:00:00Z" }], comments,
      },
    ],
    commits: [],
    issues: [
      {
        repo: R, number: 8, url: `https://github.com/${R}/issues/8`, title: "Question", body: "", author: "someone",
        createdAt: "2026-05-02T00:00:00Z", updatedAt: "2026-05-04T00:00:00Z", closedAt: null, state: "OPEN", labels: [], comments: issueComments,
      },
    ],
  });
}

const config = parseConfig({ machineAccounts: [{ login: "quantecon-services" }] });
const brief = (v: Verdict | undefined) => v && { class: v.class, channel: v.channel, kind: v.kind, actor: v.actor, onBehalfOf: v.onBehalfOf };

describe("comment verdicts", () => {
  const dataset = month(
    [
      c("github-actions", "🚀 Deployed on https://deploy-preview-7--lecture-python.netlify.app", "NONE"),
      c("mmcky", "### ✅ Translation sync completed (zh-cn)\n\n**Target repo**: QuantEcon/lecture-python.zh-cn\n**Translation PR**: https://github.com/QuantEcon/lecture-python.zh-cn/pull/240\n**Files synced** (1):\n- `lectures/ar1.md`"),
      c("copilot-pull-request-reviewer", "## Pull request overview\nCopilot reviewed 1 of 1 changed files.", "NONE"),
      c("mmcky", "Thanks @HumphreyYang, looks good. The preview at the netlify link renders fine."),
      c("robo-dev", "I had a look: the bot in the name is a joke, these are my own words."),
      c("robo-dev", "♻️ **Automatically rebased** after #11 was merged.\n\nOverlapping files: `lectures/ar1.md`\n\nThe translation content is preserved; only unchanged sections were updated to match the current `main` branch. Please re-review if needed."),
      c("quantecon-services", "Weekly sync finished."),
      c(null, "a deleted user's note", "NONE"),
    ],
    [c("github-actions", "👋 Thanks for opening your first issue here! A maintainer will answer soon.", "NONE"), c("mmcky", "Welcome! Could you share the notebook?")],
  );
  const verdicts = classify(dataset, config);
  const byRef = new Map(verdicts.map((v) => [v.ref, v]));
  const at = (n: number, i: number) => brief(byRef.get(`${R}#${n}/comment/${i}`));

  it("gives every comment a verdict, after all other items, with ref owner/repo#N/comment/i", () => {
    expect(verdicts.slice(0, 4).map((v) => v.type)).toEqual(["pullRequest", "review", "issue", "comment"]);
    expect(verdicts.filter((v) => v.type === "comment").map((v) => v.ref)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `${R}#7/comment/${i}`),
      `${R}#8/comment/0`,
      `${R}#8/comment/1`,
    ]);
  });

  it("tells preview deploys, token automation, AI reviewers and greetings from people's words", () => {
    expect(at(7, 0)).toEqual({ class: "automation", channel: "github-actions", kind: "ci", actor: "github-actions", onBehalfOf: null });
    expect(at(7, 1)).toEqual({ class: "automation", channel: "personal-token", kind: "translation-sync", actor: "mmcky", onBehalfOf: "mmcky" });
    expect(at(7, 2)).toEqual({ class: "automation", channel: "github-app", kind: "ai-agent", actor: "copilot-pull-request-reviewer", onBehalfOf: null });
    expect(at(7, 3)).toEqual({ class: "human", channel: "human", kind: null, actor: "mmcky", onBehalfOf: null });
    expect(at(8, 0)).toEqual({ class: "automation", channel: "github-actions", kind: "triage", actor: "github-actions", onBehalfOf: null });
    expect(at(8, 1)).toEqual({ class: "human", channel: "human", kind: null, actor: "mmcky", onBehalfOf: null });
  });

  it("keeps a maintainer's words human when only the login looks like a bot's, and a template still decides", () => {
    const own = byRef.get(`${R}#7/comment/4`);
    expect(brief(own)).toEqual({ class: "human", channel: "human", kind: null, actor: "robo-dev", onBehalfOf: null });
    expect(own?.evidence.map((e) => e.rule)).toEqual(["actor/machine-user-pattern", "behaviour/none", "comment/maintainer-words", "comment/maintainer-words"]);
    expect(at(7, 5)).toMatchObject({ class: "automation", kind: "translation-sync", actor: "robo-dev" });
    // Not a maintainer: the login pattern stands.
    const outsider = classify(month([c("robo-dev", "hello", "NONE")]), config).find((v) => v.type === "comment");
    expect(outsider?.class).toBe("automation");
  });

  it("knows every comment action-translation writes, and not a person's words about them", () => {
    // Templates from QuantEcon/action-translation src/index.ts and src/reviewer.ts (see comments.ts).
    const tool = [
      "### ✅ Translation sync completed (fa)\n\n**Target repo**: QuantEcon/lecture-python.fa\n**Translation PR**: https://github.com/QuantEcon/lecture-python.fa/pull/12\n**Files synced** (0):\n",
      "♻️ **Automatically rebased** after #31 was merged.\n\nOverlapping files: `lectures/ols.md`",
      "⚠️ **Automatic rebase failed** after #31 was merged.\n\nError: conflict\n\nYou may need to manually resolve conflicts or run `/translate-resync` on the source PR.",
      "⚠️ **Automatic branch refresh failed** after #31 was merged.\n\nError: 422",
      "✅ A later sync for PR #88 (zh-cn) succeeded: https://github.com/QuantEcon/lecture-python.zh-cn/pull/301\n\nClosing this failure report.",
      "<!-- action-translation-review -->\n## Translation review\n\n**Verdict**: PASS",
    ];
    const people = [
      "> ♻️ **Automatically rebased** after #31 was merged.\n\nThanks, the rebase kept my edits.",
      "Translation sync completed for this one, merging.",
      "/translate-resync",
      "✅ sync opened QuantEcon/lecture-python.zh-cn#240",
    ];
    const v = classify(month([...tool, ...people].map((body) => c("mmcky", body))), config).filter((x) => x.type === "comment");
    expect(v.map((x) => `${x.class}/${x.channel}/${x.kind}`)).toEqual([
      ...tool.map(() => "automation/personal-token/translation-sync"),
      ...people.map(() => "human/human/null"),
    ]);
  });

  it("calls a configured machine account automation and a ghost's comment human", () => {
    expect(at(7, 6)).toMatchObject({ class: "automation", channel: "machine-account", actor: "quantecon-services" });
    expect(at(7, 7)).toMatchObject({ class: "human", actor: "ghost" });
  });

  it("lets config rules on comments run first, and builtins.disable turn a comment signature off", () => {
    const own = parseConfig({ rules: [{ id: "qe/weekly", on: ["comment"], kind: "report", match: { author: "quantecon-services", body: "^Weekly sync" } }], builtins: { disable: ["builtin/translation-sync-comment"] } });
    const v = new Map(classify(dataset, own).map((x) => [x.ref, x]));
    expect(brief(v.get(`${R}#7/comment/6`))).toMatchObject({ class: "automation", kind: "report" });
    expect(brief(v.get(`${R}#7/comment/1`))).toMatchObject({ class: "human", actor: "mmcky" });
  });

  it("leaves summarize's counts as they were and keeps it on its fast path", () => {
    const without = month([]);
    const a = summarize(dataset, verdicts);
    const b = summarize(without, classify(without, config));
    expect(a.totals).toEqual(b.totals);
  });

  it("gives no comment verdicts for a dataset without comments", () => {
    const d = month([]);
    delete d.pullRequests[0]!.comments;
    delete d.issues[0]!.comments;
    expect(classify(d, config).some((v) => v.type === "comment")).toBe(false);
  });
});
