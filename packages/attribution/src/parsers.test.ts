import { describe, expect, it } from "vitest";
import { aiAssistance } from "./ai-assist.js";
import { compilePattern, patternProblem } from "./pattern.js";
import { trailers } from "./rules/subject.js";
import { parseTranslationMetadata } from "./translation.js";

describe("parseTranslationMetadata", () => {
  it("reads action-translation's block", () => {
    const body = '## Automated Translation Sync\n\n<!-- translation-sync-metadata\n{"sourceRepo":"QuantEcon/lecture-python.myst","sourcePR":530,"sourceLanguage":"en","targetLanguage":"zh-cn","files":["lectures/a.md"]}\n-->';
    expect(parseTranslationMetadata(body)).toEqual({ sourceRepo: "QuantEcon/lecture-python.myst", sourcePR: 530, sourceLanguage: "en", targetLanguage: "zh-cn", files: ["lectures/a.md"] });
  });

  it("reads files written as { path } objects", () => {
    const body = '<!-- translation-sync-metadata\n{"sourceRepo":"QuantEcon/a","sourcePR":"7","targetLanguage":"fa","files":[{"path":"lectures/b.md"},{"size":3}]}\n-->';
    expect(parseTranslationMetadata(body)).toMatchObject({ sourcePR: 7, targetLanguage: "fa", files: ["lectures/b.md"] });
  });

  it("returns null without a block or with broken JSON", () => {
    expect(parseTranslationMetadata("## Automated Translation Sync")).toBeNull();
    expect(parseTranslationMetadata("<!-- translation-sync-metadata {not json -->")).toBeNull();
    expect(parseTranslationMetadata("<!-- translation-sync-metadata [1] -->")).toBeNull();
  });
});

describe("trailers and AI assistance", () => {
  it("reads the trailer block of the last paragraph only", () => {
    expect(trailers("Fix\n\nBody: not a trailer block\nmore text\n\nCo-authored-by: A <a@x>\nSigned-off-by: B <b@x>\n")).toEqual(["Co-authored-by: A <a@x>", "Signed-off-by: B <b@x>"]);
    expect(trailers("One line: no body")).toEqual([]);
  });

  it("names the assistant of an AI co-author trailer and ignores people", () => {
    expect(aiAssistance(["Co-authored-by: Claude <noreply@anthropic.com>"], undefined).map((e) => e.detail)).toEqual(["a Co-authored-by trailer credits Claude, an AI assistant"]);
    expect(aiAssistance(["Co-authored-by: Copilot <175728472+Copilot@users.noreply.github.com>"], undefined)).toHaveLength(1);
    expect(aiAssistance(["Co-authored-by: Claude Monet <claude@monet.fr>"], undefined)).toEqual([]);
    expect(aiAssistance([], "Done.\n\n🤖 Generated with [Claude Code](https://claude.com/claude-code)")).toHaveLength(1);
  });
});

describe("patterns", () => {
  it("takes plain and /…/flags forms", () => {
    expect(compilePattern("^Bump").test("bump")).toBe(false);
    expect(compilePattern("/^bump/i").test("Bump x")).toBe(true);
    expect(patternProblem("(")).toMatch(/^invalid regular expression "\(":/);
    expect(patternProblem("/ok/i")).toBeUndefined();
  });
});
