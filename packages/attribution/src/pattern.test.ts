import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { classify } from "./classify.js";
import { parseConfig } from "./config.js";
import { parseDataset } from "./dataset.js";
import { compilePattern, patternProblem } from "./pattern.js";
import { SCAN_LIMITS } from "./rules/match.js";

const dataset = parseDataset(JSON.parse(readFileSync(new URL("./fixtures/small-month.json", import.meta.url), "utf8")));

describe("patterns run on a linear-time engine", () => {
  it("answers a catastrophic pattern on a hostile title at once instead of backtracking forever", () => {
    // With JavaScript's backtracking engine this never finishes (2^41 paths).
    const hostile = `${"a".repeat(41)}!`;
    expect(compilePattern("(a+)+$").test(hostile)).toBe(false);
    expect(compilePattern("(a+)+$").test("aaa")).toBe(true);
    const pr = dataset.pullRequests[0]!;
    const config = parseConfig({ rules: [{ id: "me/greedy", on: ["pullRequest"], kind: "other", match: { title: "(a+)+$" } }] });
    const verdicts = classify({ ...dataset, pullRequests: [{ ...pr, title: hostile }], commits: [], issues: [] }, config);
    expect(verdicts.find((v) => v.ref.endsWith(`#${pr.number}`))?.kind).not.toBe("other");
  });

  it("keeps JavaScript's /…/flags forms, its printing and its whole-name matching", () => {
    expect(compilePattern("/^bump/i").test("Bump x")).toBe(true);
    expect(compilePattern("/^a.b$/s").test("a\nb")).toBe(true);
    expect(compilePattern("/^b$/m").test("a\nb\nc")).toBe(true);
    expect(String(compilePattern("a/b"))).toBe(String(/a\/b/));
    expect(compilePattern("lecture-.*").matchesWhole("lecture-x")).toBe(true);
    expect(compilePattern("lecture-.*").matchesWhole("my-lecture-x")).toBe(false);
  });

  it("rejects at config load, with the rule's path and why, what needs backtracking", () => {
    expect(patternProblem("a(?=b)")).toMatch(/^unsupported regular expression "a\(\?=b\)": .*linear-time engine/);
    expect(patternProblem("(a)\\1")).toMatch(/^unsupported regular expression/);
    expect(() => parseConfig({ rules: [{ id: "me/look", on: ["pullRequest"], kind: "other", match: { title: ["ok", "x(?!y)"] } }] })).toThrow(
      /rules\[0\]\.match\.title\[1\].*unsupported regular expression/,
    );
  });

  it("scans at most a field's limit: a marker past it is not seen", () => {
    const commit = dataset.commits[0]!;
    const config = parseConfig({ rules: [{ id: "me/marker", on: ["commit"], kind: "other", match: { message: "MARKER" } }] });
    const at = (message: string) => classify({ ...dataset, pullRequests: [], issues: [], commits: [{ ...commit, message }] }, config)[0]?.kind;
    expect(at(`${"x".repeat(100)}MARKER`)).toBe("other");
    expect(at(`${"x".repeat(SCAN_LIMITS["message"]!)}MARKER`)).not.toBe("other");
  });
});

describe("plain-text patterns", () => {
  it("answer exactly as the regex would, anchors and escapes included", () => {
    const cases: [string, string, boolean][] = [
      ["^dependabot/", "dependabot/npm", true],
      ["^dependabot/", "x dependabot/npm", false],
      ["^pre-commit-ci-update-config$", "pre-commit-ci-update-config", true],
      ["^pre-commit-ci-update-config$", "pre-commit-ci-update-config-2", false],
      ["Automated changes by \\[create-pull-request\\]\\(https://github\\.com/x\\)", "see Automated changes by [create-pull-request](https://github.com/x) ok", true],
      ["github\\.com", "githubXcom", false],
      ["fix$", "quick fix", true],
      ["/^bump/i", "Bump", true],
      ["a\\/b", "xa/by", true],
    ];
    for (const [pattern, text, expected] of cases) {
      expect(compilePattern(pattern).test(text), `${pattern} on ${text}`).toBe(expected);
      expect(new RegExp(pattern.startsWith("/") ? "^bump" : pattern, pattern.startsWith("/") ? "i" : "").test(text)).toBe(expected);
    }
    const prefixed: [string, string, boolean][] = [
      ["^SYNC: (update|add) \\S+\\.md from \\S+", "SYNC: add a.md from b", true],
      ["^SYNC: (update|add) \\S+\\.md from \\S+", "SYNC:add a.md from b", false],
      ["^ab*c", "ac", true],
      ["^ab?c", "ac", true],
      ["^ab{0,2}c", "ac", true],
      ["^a\\.*c", "ac", true],
      ["^ab|cd", "xcd", true],
      ["^a[|]b", "a|b", true],
      ["^(a|b)c", "bc", true],
      ["^🌐 \\[x\\] ", "🌐 [x] y", true],
      ["^é*x", "x", true],
    ];
    for (const [pattern, text, expected] of prefixed) {
      expect(compilePattern(pattern).test(text), `${pattern} on ${text}`).toBe(expected);
      expect(new RegExp(pattern, "u").test(text), `native ${pattern}`).toBe(expected);
    }
    expect(compilePattern("lecture-python").matchesWhole("lecture-python")).toBe(true);
    expect(compilePattern("lecture-python").matchesWhole("lecture-python.myst")).toBe(false);
  });
});

describe("the engine's fast paths", () => {
  // Every fast path must give the engine's own answer: each pattern runs on each text both ways.
  it("answer as RE2 does for anchored starts, alternatives, case-insensitive starts and Unicode folds", async () => {
    const { RE2JS } = await import("re2js");
    const patterns = [
      "^(Update translation|Delete removed file): \\S+$",
      "^(codex|cursor|devin)/",
      "^(?:ab|a)c",
      "^(a|)b",
      "^(a|b)?c",
      "^(a|b)+c",
      "^(a|b){2}c",
      "^x(a\\|b|c)d",
      "^x(a\\\\|b)d",
      "^(a.b|c)d",
      "/^198982749\\+copilot(-swe-agent\\[bot\\])?@users\\.noreply\\.github\\.com$/i",
      "/^bump (a|b)/i",
      "/^kelvin/i",
      "/^ask/i",
      "/^ß/i",
      "/^(x|ks)y/i",
      "/^a\\nb/m",
      "/^ab$/s",
      "^🌐 (a|🔄)b",
      "^translation-sync-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-pr-\\d+$",
      "^a\\d+",
      "^a\\w{2}$",
      "^a\\w{2}",
      "^ab$",
      "^a{0}b$",
      "^\\d+\\d$",
      "^a\\+b$",
      "^a\\d*$",
      "/^a\\d+$/i",
    ];
    const texts = [
      "", "Update translation: x.md", "Update translation: a b", "Delete removed file: y", "update translation: x", "codex/x", "cursor/", "devin",
      "xcodex/", "ac", "abc", "b", "ab", "bc", "c", "aac", "abac", "xa|bd", "xcd", "xa\\d", "xbd", "xa\\bd", "axbd", "cd", "ABc", "abc", "Abc",
      "198982749+copilot@users.noreply.github.com", "198982749+Copilot-SWE-Agent[bot]@USERS.noreply.github.com", "198982749+copilot@example.org",
      "Bump a", "BUMP B", "bump c", "\u212Aelvin", "Kelvin", "a\u017Fk", "ASK", "ß", "ẞ", "\u212As y", "KSy", "xy", "q\na\nb", "ab", "🌐 ab", "🌐 🔄b", "🌐 cb",
      "translation-sync-2026-05-13T12-48-54-pr-12", "translation-sync-2026-05-13T12-48-54-pr-", "translation-sync-2026-05-13T12-48-54-pr-12\n",
      "translation-sync-2026-05-13T12-48-54-pr-12x", "translation-sync-2026-5-13T12-48-54-pr-12", "translation-sync-２026-05-13T12-48-54-pr-1",
      "a1", "a12", "a", "a1x", "A1", "a_z", "aé1", "a٣", "a\n", "ab\n", "a+b", "a+", "a12\n", "a𝟙",
    ];
    for (const source of patterns) {
      const literal = /^\/(.*)\/([a-z]*)$/s.exec(source);
      const [body, flags] = literal ? [literal[1]!, literal[2]!] : [source, ""];
      const engine = RE2JS.compile(body, (flags.includes("i") ? RE2JS.CASE_INSENSITIVE : 0) | (flags.includes("m") ? RE2JS.MULTILINE : 0) | (flags.includes("s") ? RE2JS.DOTALL : 0));
      const pattern = compilePattern(source);
      for (const text of texts) {
        expect(pattern.test(text), `${source} on ${JSON.stringify(text)}`).toBe(engine.test(text));
        expect(pattern.matchesWhole(text), `${source} whole ${JSON.stringify(text)}`).toBe(engine.matches(text));
      }
    }
  });
});
