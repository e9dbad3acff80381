import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "./classify.js";
import { parseConfig, type ConfigInput } from "./config.js";
import { parseDataset } from "./dataset.js";
import type { Verdict } from "./verdict.js";

const dataset = parseDataset(JSON.parse(readFileSync(new URL("./fixtures/small-month.json", import.meta.url), "utf8")));

// The QuantEcon rules this fixture exercises, in the config's own format.
const quantecon: ConfigInput = {
  machineAccounts: [{ login: "quantecon-services", names: ["QuantEcon Services"], emails: ["admin@quantecon.org", "services@quantecon.org"] }],
  rules: [
    { id: "quantecon/translation-sync-pr", on: ["pullRequest"], kind: "translation-sync", match: [{ branch: "^translation-sync-" }, { labels: ["action-translation"] }] },
    { id: "quantecon/translation-sync-commit", on: ["commit"], kind: "translation-sync", match: { message: "^(Update translation|Delete removed file): " } },
    { id: "quantecon/translation-sync-failure", on: ["issue"], kind: "translation-sync", match: { labels: ["translation-sync-failure"] } },
    { id: "quantecon/notebook-publish", on: ["commit"], kind: "notebook-publish", match: { message: "^auto publishing updates to notebooks" } },
    { id: "quantecon/weekly-report", on: ["issue"], kind: "report", match: { title: "^Weekly Report - Week Ending ", labels: ["weekly-report"] } },
  ],
};
const verdicts = classify(dataset, parseConfig(quantecon));
const byRef = new Map(verdicts.map((v) => [v.ref, v]));

function verdictOf(ref: string): Verdict {
  const v = byRef.get(ref);
  if (!v) throw new Error(`no verdict for ${ref}`);
  return v;
}

function brief(ref: string): Pick<Verdict, "class" | "channel" | "kind" | "actor" | "onBehalfOf"> {
  const { class: cls, channel, kind, actor, onBehalfOf } = verdictOf(ref);
  return { class: cls, channel, kind, actor, onBehalfOf };
}

const S = "QuantEcon/lecture-python.myst";
const R = "QuantEcon/lecture-python.zh-cn";

describe("classify", () => {
  it("gives one verdict per PR, review, commit and issue, in dataset order", () => {
    const reviews = dataset.pullRequests.reduce((n, pr) => n + pr.reviews.length, 0);
    expect(verdicts).toHaveLength(dataset.pullRequests.length + reviews + dataset.commits.length + dataset.issues.length);
    expect(verdicts.slice(0, 3).map((v) => v.ref)).toEqual([`${R}#236`, `${R}#236/review/0`, `${R}#240`]);
    expect(new Set(verdicts.map((v) => v.ref)).size).toBe(verdicts.length);
    expect(Object.keys(verdicts[0] ?? {}).sort()).toEqual(["actor", "channel", "class", "evidence", "kind", "onBehalfOf", "ref", "type"]);
  });

  it("moves a translation-sync PR shown as mmcky to personal-token automation on his behalf", () => {
    expect(brief(`${R}#236`)).toEqual({ class: "automation", channel: "personal-token", kind: "translation-sync", actor: "mmcky", onBehalfOf: "mmcky" });
    const signals = verdictOf(`${R}#236`).evidence.map((e) => e.signal);
    expect(signals).toContain("branch");
    expect(signals).toContain("token");
    expect(signals.at(-1)).toBe("verdict");
  });

  it("shows the same sync after the migration as the machine account", () => {
    expect(brief(`${R}#240`)).toEqual({ class: "automation", channel: "machine-account", kind: "translation-sync", actor: "quantecon-services", onBehalfOf: null });
  });

  it("keeps the human review of an automated PR human", () => {
    expect(brief(`${R}#236/review/0`)).toMatchObject({ class: "human", actor: "HumphreyYang" });
  });

  it("gives the squash commit of a personal-token PR the PR's verdict", () => {
    expect(brief(`${R}@${"a".repeat(40)}`)).toEqual({ class: "automation", channel: "personal-token", kind: "translation-sync", actor: "mmcky", onBehalfOf: "mmcky" });
    expect(verdictOf(`${R}@${"a".repeat(40)}`).evidence.some((e) => e.signal === "pull-request")).toBe(true);
  });

  it("recognises a direct commit by its message template", () => {
    expect(brief(`${R}@${"b".repeat(40)}`)).toMatchObject({ class: "automation", channel: "personal-token", kind: "translation-sync" });
  });

  it("recognises an unlinked commit by the machine account's git identity", () => {
    expect(brief(`QuantEcon/lecture-python.notebooks@${"c".repeat(40)}`)).toEqual({ class: "automation", channel: "machine-account", kind: "notebook-publish", actor: "QuantEcon Services", onBehalfOf: null });
  });

  it("keeps a maintainer's merge commit of a dependabot PR human, and dependabot's own commit automation", () => {
    expect(brief(`${S}#700`)).toMatchObject({ class: "automation", channel: "github-app", kind: "dependency-update", actor: "dependabot" });
    expect(brief(`${S}@${"d".repeat(40)}`)).toMatchObject({ class: "human", actor: "mmcky" });
    expect(brief(`${S}@${"e".repeat(40)}`)).toMatchObject({ class: "automation", channel: "github-app", kind: "dependency-update" });
    expect(brief(`${S}#700/review/0`)).toMatchObject({ class: "human", actor: "mmcky" });
  });

  it("keeps a person's bump PR from their own branch human", () => {
    expect(brief(`${S}#701`)).toEqual({ class: "human", channel: "human", kind: null, actor: "mmcky", onBehalfOf: null });
    expect(brief(`${S}@${"0".repeat(40)}`)).toMatchObject({ class: "human" });
  });

  it("attributes a Copilot coding agent PR to the person who assigned it", () => {
    expect(brief(`${S}#702`)).toEqual({ class: "automation", channel: "github-app", kind: "ai-agent", actor: "copilot-swe-agent", onBehalfOf: "HumphreyYang" });
    expect(brief(`${S}#701/review/1`)).toMatchObject({ class: "automation", channel: "github-app", kind: "ai-agent" });
  });

  it("keeps olgabot human and marks an AI co-authored commit as assisted human work", () => {
    expect(brief(`${S}#703`)).toMatchObject({ class: "human", actor: "olgabot" });
    const assisted = verdictOf(`${S}@${"f".repeat(40)}`);
    expect(assisted.class).toBe("human");
    expect(assisted.evidence.some((e) => e.signal === "ai-assisted")).toBe(true);
  });

  it("classifies issues: workflow reports, failure issues under a token, ghosts", () => {
    expect(brief("QuantEcon/meta#400")).toEqual({ class: "automation", channel: "github-actions", kind: "report", actor: "github-actions", onBehalfOf: null });
    expect(brief(`${R}#241`)).toMatchObject({ class: "automation", channel: "personal-token", onBehalfOf: "mmcky" });
    expect(brief(`${S}#650`)).toMatchObject({ class: "human", actor: "ghost" });
  });

  it("lets a config rule override a built-in by id, and disable one", () => {
    const overridden = classify(dataset, parseConfig({ rules: [{ id: "builtin/dependabot", on: ["pullRequest"], kind: "deps", match: { author: "dependabot" } }] }));
    expect(overridden.find((v) => v.ref === `${S}#700`)?.kind).toBe("deps");
    const human = classify(dataset, parseConfig({ rules: [{ id: "local/bump-human", class: "human", on: ["pullRequest"], match: { author: "dependabot" } }] }));
    expect(human.find((v) => v.ref === `${S}#700`)?.class).toBe("human");
  });

  it("is deterministic", () => {
    expect(JSON.stringify(classify(dataset, parseConfig(quantecon)))).toBe(JSON.stringify(verdicts));
  });
});
