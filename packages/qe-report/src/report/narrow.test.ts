import { classify, inWindow, rangeWindow } from "@quantecon/attribution";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../config-file.js";
import { demoFiles } from "../commands/inputs.js";
import { readDatasetFile } from "../json-file.js";
import { buildReport } from "./build.js";
import { narrowDataset, windowWithin } from "./narrow.js";

const demo = demoFiles();
const month = await readDatasetFile(demo.dataset, "/");
const { config } = await loadConfig(demo.config, "/");
const verdicts = classify(month, config);
const generatedAt = "2026-06-01T00:00:00Z";

describe("narrowDataset", () => {
  it("a report on each week of the month counts what the monthly report's week buckets count", () => {
    const monthly = buildReport(month, config, { generatedAt, verdicts });
    expect(monthly.summary.weeks.length).toBe(5);
    for (const week of monthly.summary.weeks) {
      const window = { from: week.from, to: week.to, timeZone: "UTC" };
      const part = narrowDataset(month, window, verdicts);
      const weekly = buildReport(part.dataset, config, { generatedAt, verdicts: part.verdicts });
      expect(weekly.window).toEqual(window);
      expect({ human: weekly.summary.overall.human, automation: weekly.summary.overall.automation }).toEqual({
        human: week.human,
        automation: week.automation,
      });
    }
  });

  it("keeps exactly the items with an event in the window, each with its verdict from the whole dataset", () => {
    const window = rangeWindow("2026-05-04", "2026-05-10", "UTC");
    const { dataset, verdicts: kept } = narrowDataset(month, window, verdicts);
    expect(dataset.commits.length).toBeGreaterThan(0);
    expect(dataset.commits.every((c) => inWindow(c.committedAt, window))).toBe(true);
    const commented = (item: { comments?: { createdAt: string }[] }) => (item.comments ?? []).some((c) => inWindow(c.createdAt, window));
    expect(dataset.issues.every((i) => inWindow(i.createdAt, window) || inWindow(i.closedAt, window) || commented(i))).toBe(true);
    const outside = month.pullRequests.filter((pr) => !dataset.pullRequests.includes(pr));
    expect(outside.length).toBeGreaterThan(0);
    for (const pr of outside) {
      expect([pr.createdAt, pr.mergedAt, pr.closedAt, ...pr.reviews.map((r) => r.submittedAt), ...(pr.comments ?? []).map((c) => c.createdAt)].some((t) => inWindow(t, window))).toBe(false);
    }
    const byRef = new Map(verdicts.map((v) => [v.ref, v]));
    expect(kept.map((v) => byRef.get(v.ref))).toEqual(kept);
    // Same order as classify() gives for the narrowed dataset: one verdict per item and review.
    expect(kept.map((v) => v.ref)).toEqual(classify(dataset, config).map((v) => v.ref));
    expect(dataset.repos).toEqual(month.repos);
  });

  it("windowWithin accepts a window inside and refuses one that starts before or ends after", () => {
    expect(windowWithin(rangeWindow("2026-05-04", "2026-05-10", "UTC"), month.window)).toBe(true);
    expect(windowWithin(month.window, month.window)).toBe(true);
    expect(windowWithin(rangeWindow("2026-04-30", "2026-05-10", "UTC"), month.window)).toBe(false);
    expect(windowWithin(rangeWindow("2026-05-25", "2026-06-01", "UTC"), month.window)).toBe(false);
  });
});
