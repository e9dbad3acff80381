import { describe, expect, it } from "vitest";
import { jsonErrorLine, jsonErrorOffset, lineCol } from "./json-file.js";

const v8Position = (text: string): number | undefined => {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    const m = /at position (\d+)/.exec((err as Error).message);
    return m ? Number(m[1]) : undefined;
  }
};

describe("jsonErrorOffset", () => {
  const broken = ['{"a": 1,}', '{"a" 1}', '[1, 2', '{"a": tru}', '{"a": "x\ty"}', '[01]', '{"a": 1} x', '{a: 1}', '[1,,2]', '"\\q"', '{"a": [1, 2}'];

  it("agrees with V8 wherever V8 gives a position", () => {
    let compared = 0;
    for (const text of broken) {
      const expected = v8Position(text);
      if (expected === undefined) continue;
      compared++;
      expect(jsonErrorOffset(text), text).toBe(expected);
    }
    expect(compared).toBeGreaterThan(3);
  });

  it("points at the offending character where V8 does not say", () => {
    expect(jsonErrorOffset('{\n  "timeZone": UTC\n}')).toBe(16);
    expect(jsonErrorOffset("[1, 2")).toBe(5);
  });

  it("accepts valid JSON to its end", () => {
    const text = JSON.stringify({ a: [1, -2.5e3, "é\u0001", null, true, false, { b: {} }] });
    expect(jsonErrorOffset(text)).toBe(text.length);
  });
});

describe("jsonErrorLine", () => {
  it("names file, line and column in one line", () => {
    const text = '{\n  "repos": [,]\n}';
    let err: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      err = e;
    }
    const line = jsonErrorLine("may.json", text, err);
    expect(line).toMatch(/^may\.json:2:13: invalid JSON: unexpected token ','/);
    expect(line).not.toContain("\n");
  });

  it("counts lines and columns from 1", () => {
    expect(lineCol("ab\ncd", 0)).toBe("1:1");
    expect(lineCol("ab\ncd", 4)).toBe("2:2");
  });
});
