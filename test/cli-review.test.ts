import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { demoFiles } from "qe-report";
import { run, tempDir } from "./cli-helpers.js";

// What a new user runs first, beyond `monthly --demo`: weeks and ranges of the demo month,
// a comparison with another month, their own template, and the mistakes around them.

const PINNED = "2026-06-01T00:00:00Z";
let tmp: { dir: string; remove: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

interface JsonReport {
  window: { from: string; to: string; timeZone: string };
  header: { title: string };
  summary: { overall: { human: number; automation: number }; weeks: { from: string; human: number; automation: number }[] };
  items: { ref: string }[];
}

/** The demo month moved to another window and organization, as a file in the temp dir. */
function demoVariant(name: string, change: (d: { window: Record<string, string>; source: { org: string } }) => void): string {
  const data = JSON.parse(readFileSync(demoFiles().dataset, "utf8")) as { window: Record<string, string>; source: { org: string } };
  change(data);
  writeFileSync(join(tmp.dir, name), JSON.stringify(data));
  return name;
}

describe("a week or range inside the dataset's window", () => {
  it("weekly --demo --week-ending reports that week from the demo month", async () => {
    const r = await run(["weekly", "--demo", "--week-ending", "2026-05-16", "--generated-at", PINNED]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^# QuantEcon activity report: 2026-05-10 – 2026-05-16\n\n_2026-05-10 to 2026-05-16 \(UTC\)/);
  });

  it("range counts what the monthly report's week bucket counts, with only that week's items", async () => {
    const month = JSON.parse((await run(["monthly", "--demo", "--format", "json", "--generated-at", PINNED])).stdout) as JsonReport;
    const r = await run(["range", "--demo", "--from", "2026-05-08", "--to", "2026-05-14", "--format", "json", "--generated-at", PINNED]);
    expect(r.code, r.stderr).toBe(0);
    const week = JSON.parse(r.stdout) as JsonReport;
    const bucket = month.summary.weeks.find((w) => w.from === "2026-05-08T00:00:00Z");
    expect(week.window).toEqual({ from: "2026-05-08T00:00:00Z", to: "2026-05-15T00:00:00Z", timeZone: "UTC" });
    expect(week.summary.overall).toMatchObject({ human: bucket?.human, automation: bucket?.automation });
    expect(week.items.length).toBeGreaterThan(0);
    expect(week.items.length).toBeLessThan(month.items.length);
  });

  it("a week in another zone is fine while it lies inside the dataset's window", async () => {
    const r = await run(["weekly", "--demo", "--week-ending", "2026-05-16", "--tz", "Europe/Paris", "--format", "json", "--generated-at", PINNED]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as JsonReport).window).toEqual({ from: "2026-05-09T22:00:00Z", to: "2026-05-16T22:00:00Z", timeZone: "Europe/Paris" });
  });

  it("a week reaching outside the dataset is an input error that says which window the file holds", async () => {
    const r = await run(["weekly", "--demo", "--week-ending", "2026-05-03"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      "qe-report: the dataset covers 2026-05-01T00:00:00Z to 2026-06-01T00:00:00Z (UTC) but the week ending 2026-05-03 in UTC is 2026-04-27T00:00:00Z to 2026-05-04T00:00:00Z, not inside it; pick a window inside the dataset's, drop the window flag to report the dataset's window, or fetch the week ending 2026-05-03\n",
    );
  });
});

describe("--previous", () => {
  it("an earlier month of the same organization is compared", async () => {
    const april = demoVariant("april.json", (d) => (d.window = { from: "2026-04-01T00:00:00Z", to: "2026-05-01T00:00:00Z", timeZone: "UTC" }));
    const r = await run(["monthly", "--demo", "--previous", april, "--generated-at", PINNED], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain(" · compared with April 2026_\n");
    expect(r.stdout).toContain("in April 2026");
  });

  it("the same or a later window is refused, not shown as a change", async () => {
    const same = await run(["monthly", "--demo", "--previous", demoFiles().dataset]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/^qe-report: --previous .*demo-2026-05\.json: its window 2026-05-01T00:00:00Z to 2026-06-01T00:00:00Z does not end before the report's starts \(2026-05-01T00:00:00Z\); pass the dataset of an earlier window\n$/);
  });

  it("another organization's dataset is refused", async () => {
    const other = demoVariant("other.json", (d) => {
      d.window = { from: "2026-04-01T00:00:00Z", to: "2026-05-01T00:00:00Z", timeZone: "UTC" };
      d.source.org = "OtherOrg";
    });
    const r = await run(["monthly", "--demo", "--previous", other], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: --previous other.json: the dataset is of OtherOrg, the report of QuantEcon\n");
  });

  it("a broken file's error names --previous, not just the file", async () => {
    writeFileSync(join(tmp.dir, "april.json"), '{"schema":');
    const r = await run(["monthly", "--demo", "--previous", "april.json"], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: --previous april.json:1:11: invalid JSON: unexpected end of JSON input (the file ends too early)\n");
  });
});

describe("mistakes", () => {
  it("a broken --template names the file, the line and what stopped the parser, in one line", async () => {
    writeFileSync(join(tmp.dir, "mine.hbs"), "# {{header.title}}\n{{#each people}}\n{{login}\n{{/each}}\n");
    const r = await run(["monthly", "--demo", "--template", "mine.hbs", "--out", "r.md"], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('qe-report: --template mine.hbs: line 3: parse error after "...ach people}}{{login}": unexpected INVALID\n');
    expect(existsSync(join(tmp.dir, "r.md"))).toBe(false);
  });

  it("a --template field that does not exist is named with its position", async () => {
    writeFileSync(join(tmp.dir, "mine.hbs"), "{{header.title}}\n{{summary.nope}}\n");
    const r = await run(["monthly", "--demo", "--template", "mine.hbs"], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('qe-report: --template mine.hbs: line 2, column 3: "nope" is not a field here (see `qe-report schema report`)\n');
  });

  it("a bad choice reads as one sentence", async () => {
    const r = await run(["monthly", "--demo", "--format", "pdf"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "qe-report monthly: option '--format <format>' argument 'pdf' is invalid. Allowed choices are md, html, json, csv; see 'qe-report monthly --help'\n",
    );
  });

  it.skipIf(!existsSync("/proc/self"))("--out into a directory that takes no files does not claim the directory is missing", async () => {
    const r = await run(["monthly", "--demo", "--out", "/proc/report.md"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: --out /proc/report.md: cannot create a file in /proc\n");
  });

  it("a commit REF with too short a SHA says how long it must be", async () => {
    const r = await run(["explain", "--demo", "QuantEcon/lecture-dp@97"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('qe-report: REF "QuantEcon/lecture-dp@97": give at least 4 hex digits of the commit SHA\n');
  });
});
