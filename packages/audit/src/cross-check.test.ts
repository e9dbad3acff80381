import { describe, expect, it } from "vitest";
import type { Verdict } from "@quantecon/attribution";
import { auditWorkflows } from "./audit-workflows.js";
import { crossCheckAudit, findingProduces, refRepo } from "./cross-check.js";
import { loadFixtureDataset, loadFixtureWorkflows, quantEconConfig } from "./testing/fixtures.js";
import { fixtureVerdicts } from "./testing/verdicts.js";

const { findings } = auditWorkflows(loadFixtureWorkflows(), quantEconConfig());
const dataset = loadFixtureDataset();
const discrepancies = crossCheckAudit(findings, dataset, fixtureVerdicts());
const byCode = (code: string) => discrepancies.filter((d) => d.code === code);

describe("crossCheckAudit", () => {
  it("catches the mislabelled secret: the machine secret is set, yet mmcky authored the translation-sync PRs", () => {
    const [d, ...rest] = byCode("secret-holds-personal-token");
    expect(rest).toEqual([]);
    expect(d).toMatchObject({
      severity: "error",
      repo: "QuantEcon/lecture-python.myst",
      path: ".github/workflows/translation-sync.yml",
      secret: "QUANTECON_SERVICES_PAT",
      kind: "translation-sync",
      itemType: "pullRequest",
      person: "mmcky",
      count: 2,
      itemRepos: ["QuantEcon/lecture-python.zh-cn"],
      refs: ["QuantEcon/lecture-python.zh-cn#236", "QuantEcon/lecture-python.zh-cn#237"],
      findingIds: ["QuantEcon/lecture-python.myst:.github/workflows/translation-sync.yml:sync-zh-cn:1:create-pr"],
    });
    expect(d!.message).toBe(
      "QUANTECON_SERVICES_PAT is set in Translation Sync (QuantEcon/lecture-python.myst: .github/workflows/translation-sync.yml), yet 2 translation-sync PRs in QuantEcon/lecture-python.zh-cn in the window were authored by mmcky: the secret still holds mmcky's token.",
    );
  });

  it("says when a machine secret's GITHUB_TOKEN fallback ran instead", () => {
    expect(byCode("secret-unset-fallback")).toMatchObject([
      { severity: "warning", path: ".github/workflows/review-translations.yml", itemType: "review", count: 1, refs: ["QuantEcon/lecture-python.zh-cn#236/review/0"] },
    ]);
  });

  it("spots an undeclared secret that holds the machine account's token", () => {
    expect(byCode("secret-holds-machine-token")).toMatchObject([
      { severity: "info", secret: "RELEASE_BOT_TOKEN", person: "quantecon-services", refs: ["QuantEcon/QuantEcon.py#801"] },
    ]);
  });

  it("lists personal-token automation no audited workflow explains, without counting a PR's squash commit", () => {
    expect(byCode("unexplained-personal-automation")).toMatchObject([
      { severity: "warning", repo: null, itemRepos: ["QuantEcon/lecture-python.fa"], person: "mmcky", count: 1, refs: ["QuantEcon/lecture-python.fa#12"] },
    ]);
  });

  it("counts action-translation's issues too, as their own discrepancy", () => {
    const issue: Verdict = { ...fixtureVerdicts()[0]!, ref: "QuantEcon/lecture-python.zh-cn#250", type: "issue" };
    const found = crossCheckAudit(findings, dataset, [...fixtureVerdicts(), issue]).filter((d) => d.code === "secret-holds-personal-token");
    expect(found.map((d) => [d.itemType, d.count])).toEqual([["issue", 1], ["pullRequest", 2]]);
    expect(found[0]!.message).toContain("1 translation-sync issue in QuantEcon/lecture-python.zh-cn in the window was authored by mmcky");
  });

  it("stays quiet when the credential and the activity agree", () => {
    expect(discrepancies.filter((d) => d.refs.some((r) => r.includes("#240") || r.includes("#800")))).toEqual([]);
  });

  it("orders errors before warnings before notes", () => {
    expect(discrepancies.map((d) => d.severity)).toEqual(["error", "warning", "warning", "info"]);
  });

  it("finds nothing once the secret holds the machine account's token", () => {
    const fixed = fixtureVerdicts().map((v): Verdict =>
      v.channel === "personal-token" && v.ref.includes("zh-cn") ? { ...v, channel: "machine-account", actor: "quantecon-services", onBehalfOf: null } : v,
    );
    expect(crossCheckAudit(findings, dataset, fixed).filter((d) => d.code === "secret-holds-personal-token")).toEqual([]);
  });
});

describe("findingProduces", () => {
  const translation = findings.find((f) => f.path.endsWith("translation-sync.yml"))!;
  const verdict = fixtureVerdicts()[0]!;

  it("matches on item type, kind and target repo, case-insensitively", () => {
    expect(findingProduces(translation, verdict)).toBe(true);
    expect(findingProduces(translation, { ...verdict, ref: "quantecon/LECTURE-python.zh-cn#236" })).toBe(true);
    expect(findingProduces(translation, { ...verdict, kind: "content-sync" })).toBe(false);
    expect(findingProduces(translation, { ...verdict, type: "review" })).toBe(false);
    expect(findingProduces(translation, { ...verdict, type: "issue" })).toBe(true);
    expect(findingProduces(translation, { ...verdict, ref: "QuantEcon/lecture-python.myst#1" })).toBe(false);
    expect(findingProduces(translation, { ...verdict, class: "human", channel: "human", kind: null })).toBe(false);
  });

  it("lets a target computed at run time match any repo", () => {
    expect(findingProduces({ ...translation, targets: ["${{ matrix.repo }}"] }, { ...verdict, ref: "QuantEcon/lecture-python.fa#12" })).toBe(true);
  });

  it("reads the repo of every ref form", () => {
    expect(["o/r#1", "o/r@abc", "o/r#1/review/0"].map(refRepo)).toEqual(["o/r", "o/r", "o/r"]);
  });
});
