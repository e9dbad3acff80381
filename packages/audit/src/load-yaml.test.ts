import { describe, expect, it } from "vitest";
import { loadYaml } from "./load-yaml.js";

function load(text: string) {
  const result = loadYaml(text);
  if (!result.ok) throw new Error(`unexpected failure: ${result.failure.message}`);
  return result.yaml;
}

describe("loadYaml", () => {
  it("resolves aliases and merge keys, explicit keys winning", () => {
    const yaml = load("a: &base\n  x: 1\n  y: 2\nb:\n  <<: *base\n  y: 3\nc: *base\n");
    expect(yaml.value).toEqual({ a: { x: 1, y: 2 }, b: { x: 1, y: 3 }, c: { x: 1, y: 2 } });
  });

  it("gives the line of mappings, sequences and keys; an alias stands at its own line, its keys at the anchor's", () => {
    const yaml = load("top: 1\nlist:\n  - &s\n    name: one\n  - *s\nmerged:\n  <<: *s\n  own: 2\n");
    const root = yaml.value as Record<string, unknown>;
    const list = root["list"] as object[];
    expect(yaml.keyLine(root, "list")).toBe(2);
    expect(yaml.lineOf(list[0]!)).toBe(4);
    expect(yaml.lineOf(list[1]!)).toBe(5);
    expect(yaml.keyLine(list[1]!, "name")).toBe(4);
    const merged = root["merged"] as object;
    expect(yaml.keyLine(merged, "name")).toBe(4);
    expect(yaml.keyLine(merged, "own")).toBe(8);
  });

  it("keeps __proto__ as data", () => {
    const yaml = load("__proto__:\n  polluted: true\n");
    expect(Object.keys(yaml.value as object)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>)["polluted"]).toBeUndefined();
  });

  it("reports syntax errors with their line, without the file text", () => {
    const result = loadYaml("a: 1\nb: [1, 2\nc: 3\n");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.failure.line).toBeGreaterThanOrEqual(2);
    expect(result.failure.message).not.toContain("\n");
    expect(result.failure.message).not.toMatch(/at line/);
  });

  it("rejects duplicate keys and multiple documents", () => {
    expect(loadYaml("a: 1\na: 2\n").ok).toBe(false);
    expect(loadYaml("a: 1\n---\nb: 2\n").ok).toBe(false);
  });

  it("stops an alias bomb instead of expanding it", () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 9; i++) lines.push(`${"abcdefghij"[i]}: &${"abcdefghij"[i]} [${Array(10).fill(`*${"abcdefghij"[i - 1]}`).join(", ")}]`);
    const result = loadYaml(lines.join("\n"));
    expect(result).toEqual({ ok: false, failure: { message: "too many alias expansions", line: null } });
  });
});
