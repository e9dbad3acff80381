import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "./classify.js";
import { parseConfig } from "./config.js";
import { parseDataset, type Dataset } from "./dataset.js";
import { compilePattern } from "./pattern.js";
import { BUILTIN_RULES } from "./rules/builtin.js";

/*
 * The rule engine skips a condition set when a field's first character is one its anchored
 * pattern cannot start with. These tests hold that gate to "never skips a match".
 */

const first = (source: string): string[] | undefined => compilePattern(source).firstCodes?.map((c) => String.fromCharCode(c));

const fixtures = new URL("./fixtures/", import.meta.url);
const datasets: Dataset[] = [
  parseDataset(JSON.parse(readFileSync(new URL("small-month.json", fixtures), "utf8"))),
  ...readdirSync(new URL("real/", fixtures))
    .filter((f) => f.endsWith(".json") && f !== "expected.json")
    .map((f) => parseDataset(JSON.parse(readFileSync(new URL(`real/${f}`, fixtures), "utf8")))),
];

// Every text field of the fixtures, and hand-picked starts: case flips, and the two characters
// beyond ASCII that RE2 folds to ASCII letters (ſ to s, the Kelvin sign to k).
const corpus: string[] = [
  ...datasets.flatMap((d) => [
    ...d.pullRequests.flatMap((p) => [p.title, p.body, p.headRef, p.baseRef, p.repo]),
    ...d.commits.map((c) => c.message),
    ...d.issues.flatMap((i) => [i.title, i.body]),
  ]),
  "Bump numpy from 1 to 2", "bump numpy", "BUMP x", "ſkip", "\u212Aelvin", "Kelvin", "skip", "Skip ci", "", " leading space",
  "dependabot/pip/x", "Dependabot/pip/x", "🌐 [translation-sync] Update", "🔄 resync a.md", "SYNC: update a.md from b", "sync: update a.md from b",
  "translation-sync-2026-05-13T12-48-54-pr-7", "codex/fix", "cursor/fix", "devin/fix", "Codex/fix",
];

describe("condition sets gated on their anchored first character", () => {
  it("knows the first characters of anchored patterns and claims none for others", () => {
    expect(first("^dependabot/")).toEqual(["d"]);
    expect(first("/^bump /i")).toEqual(["B", "b"]);
    expect(first("^(codex|cursor|devin)/")).toEqual(["c", "d"]);
    expect(first("^translation-sync-\\d{4}-\\d{2}$")).toEqual(["t"]);
    expect(first("^🌐 \\[translation-sync\\] ")).toEqual(["\ud83c"]);
    // Unanchored, a class first, or a letter RE2 also folds from beyond ASCII: no gate.
    expect(first("chore")).toBeUndefined();
    expect(first("^\\d+ items")).toBeUndefined();
    expect(first("/^skip/i")).toBeUndefined();
    expect(first("/^(a|b)c/m")).toBeUndefined();
    expect(first("^ab|cd")).toBeUndefined();
  });

  it("never rules out a text the pattern matches (built-in patterns and hand-picked ones, on every fixture text)", () => {
    const sources = [
      ...BUILTIN_RULES.flatMap((r) => (Array.isArray(r.match) ? r.match : [r.match])).flatMap((m) =>
        [m.title, m.body, m.branch, m.message, m.repo, m.baseBranch, m.gitEmail, m.gitName].flat().filter((s): s is string => typeof s === "string"),
      ),
      "/^bump /i", "/^skip/i", "/^kelvin/i", "^SYNC: (update|add) \\S+\\.md from \\S+", "^🌐 \\[translation-sync\\] ", "^🔄 resync \\S+\\.md", "^$", "^ ",
    ];
    expect(sources.length).toBeGreaterThan(20);
    let matched = 0;
    for (const source of sources) {
      const pattern = compilePattern(source);
      for (const text of corpus) {
        if (!pattern.test(text)) continue;
        matched++;
        if (pattern.firstCodes !== undefined) expect(pattern.firstCodes, `${source} on ${JSON.stringify(text.slice(0, 40))}`).toContain(text.charCodeAt(0));
      }
    }
    // The corpus does reach the patterns: the check above is not vacuous.
    expect(matched).toBeGreaterThan(15);
  });

  it("moves on to the rule's next condition set when a gate rules one out", () => {
    const config = parseConfig({
      rules: [{ id: "me/bumps", on: ["pullRequest"], kind: "dependency-update", match: [{ title: "/^bump /i", labels: ["deps"] }, { branch: "^deps/" }] }],
    });
    const base = datasets[0]!;
    const pr = base.pullRequests[0]!;
    const one = (title: string, headRef: string, labels: string[]) =>
      classify({ ...base, pullRequests: [{ ...pr, title, headRef, labels, reviews: [] }], commits: [], issues: [] }, config)[0]!;
    // Upper case passes the `i` gate and the labels decide.
    expect(one("BUMP numpy", "feature", ["deps"]).evidence.map((e) => e.detail)).toContain('label "deps"');
    // The first set's gate rules out "Update…"; the second set still decides.
    const byBranch = one("Update numpy", "deps/numpy", []);
    expect(byBranch.class).toBe("automation");
    expect(byBranch.evidence.some((e) => e.signal === "branch")).toBe(true);
    // Neither set holds: the person's own work.
    expect(one("Update numpy", "feature", ["deps"]).class).toBe("human");
  });
});
