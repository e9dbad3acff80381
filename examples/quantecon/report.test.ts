import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseDataset } from "@quantecon/attribution";
import { buildReport, parseConfigText, renderReport, REPORT_FORMATS } from "qe-report";
import { describe, expect, it } from "vitest";

// UPDATE_GOLDEN=1 npx vitest run examples/quantecon/report.test.ts rewrites the golden files.
const UPDATE = process.env.UPDATE_GOLDEN === "1";
const here = (name: string): string => fileURLToPath(new URL(name, import.meta.url));
const dataset = parseDataset(JSON.parse(readFileSync(here("./demo-2026-05.json"), "utf8")));
const config = parseConfigText(readFileSync(here("./qe-report.config.yaml"), "utf8"), "qe-report.config.yaml");
// Pinned to the dataset's own time (as `qe-report monthly --demo --generated-at 2026-06-01T00:10:00Z` is), so the goldens never drift.
const report = buildReport(dataset, config, { generatedAt: dataset.generatedAt });

describe("the demo month's rendered report", () => {
  it.each(REPORT_FORMATS)("demo-report.%s matches the committed golden file", (format) => {
    const path = here(`./demo-report.${format}`);
    const parts = renderReport(report, format);
    expect(parts).toHaveLength(1);
    const rendered = parts[0] ?? "";
    if (UPDATE) writeFileSync(path, rendered);
    expect(existsSync(path), `${path} is missing: run UPDATE_GOLDEN=1 npx vitest run examples/quantecon/report.test.ts`).toBe(true);
    // If a change is intended: UPDATE_GOLDEN=1, then review the diff of the golden file.
    expect(rendered).toBe(readFileSync(path, "utf8"));
  });
});
