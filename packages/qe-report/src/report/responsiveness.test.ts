import { readFileSync } from "node:fs";
import { parseConfig, parseDataset, responsiveness, classify, type Dataset } from "@quantecon/attribution";
import { describe, expect, it } from "vitest";
import { renderReport } from "../render/render.js";
import { buildReport } from "./build.js";

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
const config = parseConfig(fixture("config.json"));
const may = parseDataset(fixture("may-2026.json"));
const april = parseDataset(fixture("april-2026.json"));

/** The May fixture with comments: a person answers the first opened PR an hour after it opened. */
function withComments(d: Dataset): Dataset {
  const copy = structuredClone(d);
  for (const item of [...copy.pullRequests, ...copy.issues]) item.comments = [];
  const pr = copy.pullRequests.find((p) => p.createdAt >= copy.window.from)!;
  const at = new Date(Date.parse(pr.createdAt) + 3_600_000).toISOString().replace(/\.000Z$/, "Z");
  pr.comments = [{ author: "someone-else", createdAt: at, authorAssociation: "MEMBER", body: "Looking now." }];
  return copy;
}

describe("the responsiveness section of the report", () => {
  it("gives the trend against the previous dataset: its figures and the change of the median", () => {
    const report = buildReport(may, config, { previous: april, generatedAt: "2026-06-01T00:10:00Z" });
    const now = responsiveness(may, classify(may, config));
    const before = responsiveness(april, classify(april, config));
    const prs = report.summary.responsiveness.pullRequests;
    expect(prs).toMatchObject({ opened: now.pullRequests.opened, responded: now.pullRequests.responded, medianHours: now.pullRequests.medianHours });
    expect(prs.previous).toEqual({ opened: before.pullRequests.opened, responded: before.pullRequests.responded, share: before.pullRequests.share, medianHours: before.pullRequests.medianHours, p90Hours: before.pullRequests.p90Hours });
    if (now.pullRequests.medianHours !== null && before.pullRequests.medianHours !== null) {
      expect(prs.medianChangeHours).toBeCloseTo(now.pullRequests.medianHours - before.pullRequests.medianHours, 2);
    }
    const md = renderReport(report, "md")[0]!;
    expect(md).toContain("**Trend** against April 2026");
    expect(md).toContain("This dataset carries no comments");
    expect(report.summary.responsiveness.previousComments).toBe(false);
    const mixed = renderReport(buildReport(withComments(may), config, { previous: april, generatedAt: "2026-06-01T00:10:00Z" }), "md")[0]!;
    expect(mixed).toContain("the previous dataset carries no comments, so its figures count reviews only");
  });

  it("shows people's comments and a dash for them when the dataset has none", () => {
    const without = buildReport(may, config, { generatedAt: "2026-06-01T00:10:00Z" });
    expect(without.people.every((p) => p.comments === null && p.triage === null && p.issuesClosed === null)).toBe(true);
    const withThem = buildReport(withComments(may), config, { generatedAt: "2026-06-01T00:10:00Z" });
    expect(withThem.summary.responsiveness.comments).toBe(true);
    expect(withThem.people.find((p) => p.login === "someone-else")).toMatchObject({ comments: 1, triage: 1, pullRequestsOpened: 0 });
    const md = renderReport(withThem, "md")[0]!;
    expect(md).not.toContain("This dataset carries no comments");
    // Person | Contributions | PRs (merged) | Reviews (automated) | Commits | Issues | Merges (automated) | AI-assisted | Talk: comments (closed, triage)
    expect(md).toMatch(/\| someone-else \| 0 \| 0 \(0\) \| 0 \(0\) \| 0 \| 0 \| 0 \(0\) \| 0 \| 1 \(0, 1\) \|/);
    expect(renderReport(without, "md")[0]!).toMatch(/\| – \(–, –\) \|\n/);
  });
});
