import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SMALL_DATASET, run, tempDir } from "./cli-helpers.js";

// Each way a report could silently do something other than what was asked: one line, exit 2, or a notice.
describe("no silent misuse", () => {
  it("--split without --out is refused: the parts would run together on stdout", async () => {
    const r = await run(["monthly", "--demo", "--split"]);
    expect(r).toEqual({
      code: 2,
      stdout: "",
      stderr: "qe-report: --split needs --out FILE: the parts are written to FILE, FILE.part2, ...; without it they would run together on stdout\n",
    });
  });

  it("--split with another format than md is refused", async () => {
    const tmp = tempDir();
    try {
      for (const format of ["html", "json", "csv"]) {
        const r = await run(["monthly", "--demo", "--split", "--format", format, "--out", `r.${format}`], { cwd: tmp.dir });
        expect(r.code).toBe(2);
        expect(r.stderr).toBe(`qe-report: --split applies to --format md only (a ${format} report is one file)\n`);
        expect(existsSync(join(tmp.dir, `r.${format}`))).toBe(false);
      }
    } finally {
      tmp.remove();
    }
  });

  it("weekly --demo without --week-ending is refused instead of reporting the whole month", async () => {
    const r = await run(["weekly", "--demo"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^qe-report: weekly: the dataset covers 2026-05-01T00:00:00Z to 2026-06-01T00:00:00Z, more than a week; pass --week-ending YYYY-MM-DD/);
    const week = await run(["weekly", "--demo", "--week-ending", "2026-05-16", "--format", "json"]);
    expect(week.code, week.stderr).toBe(0);
  });

  it("a config written for another organization is applied with a notice", async () => {
    const tmp = tempDir();
    try {
      writeFileSync(join(tmp.dir, "qe-report.config.yaml"), "org: SomeOtherOrg\n");
      const r = await run(["monthly", "--input", SMALL_DATASET, "--format", "json"], { cwd: tmp.dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stderr).toBe("qe-report: notice: the config (qe-report.config.yaml) is for SomeOtherOrg, the report is on QuantEcon; its rules and people apply as written\n");
      // The demo with its own config says nothing.
      expect((await run(["monthly", "--demo"])).stderr).toBe("");
    } finally {
      tmp.remove();
    }
  });

  it("the `report:` config key, which never did anything, is refused", async () => {
    const tmp = tempDir();
    try {
      writeFileSync(join(tmp.dir, "qe-report.config.yaml"), "org: QuantEcon\nreport:\n  title: Monthly\n");
      const r = await run(["monthly", "--input", SMALL_DATASET], { cwd: tmp.dir });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        "qe-report: qe-report.config.yaml:2:1: config.report: is not a config key any more (it never did anything): remove it; report options are qe-report's command-line flags\n",
      );
    } finally {
      tmp.remove();
    }
  });

  it("the config's team groups the people table", async () => {
    const tmp = tempDir();
    try {
      writeFileSync(join(tmp.dir, "qe-report.config.yaml"), "org: QuantEcon\nteam: [humphreyyang]\n");
      const r = await run(["monthly", "--input", SMALL_DATASET, "--format", "json"], { cwd: tmp.dir });
      expect(r.code, r.stderr).toBe(0);
      const people = (JSON.parse(r.stdout) as { people: { login: string; group: string }[] }).people;
      expect(people.filter((p) => p.group === "team").map((p) => p.login)).toEqual(["HumphreyYang"]);
      expect(people.filter((p) => p.group === "community").length).toBeGreaterThan(0);
    } finally {
      tmp.remove();
    }
  });
});
