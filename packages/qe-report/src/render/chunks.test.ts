import { readFileSync } from "node:fs";
import { parseConfig, parseDataset } from "@quantecon/attribution";
import { describe, expect, it } from "vitest";
import { buildReport } from "../report/build.js";
import type { Report } from "../report/schema.js";
import { renderReport, renderReportChunks } from "./render.js";

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../report/fixtures/${name}`, import.meta.url), "utf8"));
const report = buildReport(parseDataset(fixture("may-2026.json")), parseConfig(fixture("config.json")), { generatedAt: "2026-06-01T00:10:00Z" });
const joined = (format: "json" | "csv", r: Report): string => [...renderReportChunks(r, format)].join("");

describe("renderReportChunks", () => {
  it("json pieces concatenate to JSON.stringify(report, null, 2)", () => {
    expect(joined("json", report)).toBe(JSON.stringify(report, null, 2) + "\n");
    const empty = { ...report, items: [] };
    expect(joined("json", empty)).toBe(JSON.stringify(empty, null, 2) + "\n");
  });

  it("writes items of any shape exactly as JSON.stringify does", () => {
    const [first] = report.items;
    if (!first) throw new Error("fixture has no items");
    const odd = {
      ...report,
      items: [
        { ...first, evidence: [] },
        Object.fromEntries(Object.entries(first).reverse()),
        { ...first, extra: { nested: [1, "two"] } },
        { ...first, kind: undefined as unknown as null, actor: 'quote " and \\ and \n newline' },
        { ...first, evidence: [{ detail: "d", rule: "r", signal: "s" }] },
      ],
    } as Report;
    expect(joined("json", odd)).toBe(JSON.stringify(odd, null, 2) + "\n");
  });

  it("writes items with a first human response (a string, null, undefined or followed by another key) exactly as JSON.stringify does", () => {
    const [first] = report.items;
    if (!first) throw new Error("fixture has no items");
    const { firstHumanResponseAt: _, ...plain } = first;
    const answered = {
      ...report,
      items: [
        { ...plain, firstHumanResponseAt: "2026-05-01T05:00:00Z" },
        { ...plain, firstHumanResponseAt: null },
        { ...plain, firstHumanResponseAt: undefined },
        { ...plain, firstHumanResponseAt: 'quote " and \\ and \n newline' },
        { ...plain, firstHumanResponseAt: null, extra: 1 },
        { ...plain, firstHumanResponseAt: 7 as unknown as string },
        { ...plain, evidence: [], firstHumanResponseAt: null },
        plain,
      ],
    } as Report;
    expect(joined("json", answered)).toBe(JSON.stringify(answered, null, 2) + "\n");
  });

  it("writes long lists before the items (the migration's) element by element, exactly", () => {
    const run = report.migration.personalToken[0];
    const pr = report.migration.githubTokenPullRequests[0];
    if (!run || !pr) throw new Error("fixture has no personal-token run or GITHUB_TOKEN PR");
    const long = {
      ...report,
      migration: {
        ...report.migration,
        personalToken: Array.from({ length: 2_500 }, (_, i) => ({ ...run, count: i, items: i % 2 ? [] : run.items })),
        githubTokenPullRequests: Array.from({ length: 1_001 }, (_, i) => ({ ...pr, title: `t"${i}\n`, kind: i % 3 ? pr.kind : null })),
      },
    } as Report;
    const pieces = [...renderReportChunks(long, "json")];
    expect(pieces.join("")).toBe(JSON.stringify(long, null, 2) + "\n");
    expect(Math.max(...pieces.map((p) => p.length))).toBeLessThan(200_000);
  });

  it("stays exact across batch boundaries", () => {
    const item = report.items[0];
    if (!item) throw new Error("fixture has no items");
    const many = { ...report, items: Array.from({ length: 25_001 }, (_, i) => ({ ...item, ref: `o/r#${i + 1}` })) };
    const pieces = [...renderReportChunks(many, "json")];
    expect(pieces.length).toBeGreaterThan(3);
    expect(pieces.join("")).toBe(JSON.stringify(many, null, 2) + "\n");
    expect(joined("csv", many)).toBe(renderReport(many, "csv")[0]);
    expect(joined("csv", many).split("\r\n")).toHaveLength(25_001 + 2);
  });
});
