import { describe, expect, it } from "vitest";
import { classify, defaultConfig, evidenceSide, parseDataset, type Evidence } from "@quantecon/attribution";
import { generateInventedOrg } from "./generate.js";
import { score } from "./score.js";

const explainSides = (lines: readonly Evidence[]) => ({
  automation: lines.filter((e) => evidenceSide(e) === "automation"),
  person: lines.filter((e) => evidenceSide(e) === "person"),
});

describe("an invented org with no config", () => {
  it.each([20260501, 7, 99])("seed %i: precision ≥ 0.98, generic recall ≥ 0.95, behaviour-only recall ≥ 0.5", (seed) => {
    const org = generateInventedOrg(seed);
    const verdicts = classify(parseDataset(org.dataset), defaultConfig());
    const s = score(verdicts, org.expected);
    expect(s.falseAutomation).toEqual([]);
    expect(s.precision).toBeGreaterThanOrEqual(0.98);
    expect(s.recallBy.generic?.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.recallBy.behaviour?.recall).toBeGreaterThanOrEqual(0.5);
    expect(s.channel).toBeGreaterThanOrEqual(0.95);
  });

  it("keeps the person named Bot, the UK maintainer at +00:00 and the web-editor series human", () => {
    const org = generateInventedOrg();
    const verdicts = classify(parseDataset(org.dataset), defaultConfig());
    for (const login of ["sam-bot", "mjones-uk", "lgarcia"]) {
      const theirs = verdicts.filter((v) => v.actor === login);
      expect(theirs.length).toBeGreaterThan(5);
      expect(theirs.filter((v) => v.class === "automation")).toEqual([]);
    }
    // The scheduled series under dkovacs's token shows what pointed each way.
    const series = verdicts.find((v) => v.actor === "dkovacs" && v.class === "automation" && v.type === "pullRequest");
    expect(series?.channel).toBe("personal-token");
    const sides = explainSides(series?.evidence ?? []);
    expect(sides.automation.length).toBeGreaterThanOrEqual(3);
    expect(sides.person.length).toBeGreaterThanOrEqual(1);
  });

  it("is the same month for the same seed", () => {
    expect(JSON.stringify(generateInventedOrg(7))).toBe(JSON.stringify(generateInventedOrg(7)));
  });
});
