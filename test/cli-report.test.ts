import { execFile } from "node:child_process";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseDataset } from "@quantecon/attribution";
import { SMALL_DATASET, run, tempDir } from "./cli-helpers.js";

const PINNED = "2026-06-01T00:00:00Z";
let tmp: { dir: string; remove: () => void };
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => tmp.remove());

describe("monthly on the demo month", () => {
  for (const format of ["md", "html", "json", "csv"] as const) {
    it(`--format ${format} is byte-identical across two runs with --generated-at`, async () => {
      const argv = ["monthly", "--demo", "--format", format, "--generated-at", PINNED];
      const first = await run(argv);
      const second = await run(argv, { now: new Date("2027-03-03T03:03:03Z") });
      expect(first.code).toBe(0);
      expect(first.stderr).toBe("");
      expect(first.stdout.length).toBeGreaterThan(1000);
      expect(second.stdout).toBe(first.stdout);
    });
  }

  it("the JSON report is qe-report/v1 for the demo window, pinned to --generated-at", async () => {
    const r = await run(["monthly", "--demo", "--format", "json", "--generated-at", "2026-06-01T09:30:00+09:30"]);
    const report = JSON.parse(r.stdout) as { schema: string; org: string; window: { from: string }; header: { generatedAt: string }; items: unknown[] };
    expect(report.schema).toBe("qe-report/v1");
    expect(report.org).toBe("QuantEcon");
    expect(report.window.from).toBe("2026-05-01T00:00:00Z");
    expect(report.header.generatedAt).toBe("2026-06-01T00:00:00Z");
    expect(report.items.length).toBeGreaterThan(100);
  });

  it("SOURCE_DATE_EPOCH pins the time as --generated-at does", async () => {
    const flag = await run(["monthly", "--demo", "--generated-at", PINNED]);
    const env = await run(["monthly", "--demo"], { env: { SOURCE_DATE_EPOCH: String(Date.parse(PINNED) / 1000) } });
    expect(env.stdout).toBe(flag.stdout);
    const bad = await run(["monthly", "--demo"], { env: { SOURCE_DATE_EPOCH: "yesterday" } });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('qe-report: SOURCE_DATE_EPOCH "yesterday": expected whole seconds since 1970-01-01\n');
  });

  it("an unparseable --generated-at is a usage error", async () => {
    const r = await run(["monthly", "--demo", "--generated-at", "June 1st"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--generated-at \"June 1st\": expected an ISO 8601 instant");
  });

  it("--month matching the dataset is accepted, and --out writes the file atomically with nothing on stdout", async () => {
    const r = await run(["monthly", "--demo", "--month", "2026-05", "--out", "may.md", "--generated-at", PINNED], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("");
    expect(readdirSync(tmp.dir)).toEqual(["may.md"]);
    const same = await run(["monthly", "--demo", "--generated-at", PINNED]);
    expect(readFileSync(join(tmp.dir, "may.md"), "utf8")).toBe(same.stdout);
  });

  it("--out into a missing directory names the flag, exit 2", async () => {
    const r = await run(["monthly", "--demo", "--out", "nowhere/may.md"], { cwd: tmp.dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: --out nowhere/may.md: directory nowhere does not exist\n");
  });

  it("--input and --demo together are refused", async () => {
    const r = await run(["monthly", "--demo", "--input", SMALL_DATASET]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("--input and --demo cannot be used together");
  });

  it("--org that is not the dataset's organization is refused", async () => {
    const r = await run(["monthly", "--demo", "--org", "octo-org"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: --org octo-org: the dataset is of QuantEcon\n");
  });

  it("--template replaces the built-in template; with csv it is refused", async () => {
    writeFileSync(join(tmp.dir, "t.hbs"), "{{header.title}}: {{itemCount}} items\n");
    const r = await run(["monthly", "--demo", "--template", "t.hbs"], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^QuantEcon activity report: May 2026: \d+ items\n$/);
    const csv = await run(["monthly", "--demo", "--template", "t.hbs", "--format", "csv"], { cwd: tmp.dir });
    expect(csv.code).toBe(2);
  });
});

describe("monthly on a dataset file", () => {
  it("--previous adds the change against the previous window", async () => {
    const april = JSON.parse(readFileSync(SMALL_DATASET, "utf8")) as { window: Record<string, string> };
    april.window = { from: "2026-04-01T00:00:00Z", to: "2026-05-01T00:00:00Z", timeZone: "UTC" };
    writeFileSync(join(tmp.dir, "april.json"), JSON.stringify(april));
    const r = await run(["monthly", "--input", SMALL_DATASET, "--previous", join(tmp.dir, "april.json"), "--format", "json", "--generated-at", PINNED]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as { header: { previousWindow: { from: string } | null } };
    expect(report.header.previousWindow?.from).toBe("2026-04-01T00:00:00Z");
  });

  it("--audit adds the migration checklist; a file without one names the flag", async () => {
    const audit = await run(["audit", "--demo", "--format", "json", "--out", "audit.json"], { cwd: tmp.dir });
    expect(audit.code, audit.stderr).toBe(0);
    const saved = JSON.parse(readFileSync(join(tmp.dir, "audit.json"), "utf8")) as { checklist: { id: string; status: string }[] };
    const r = await run(["monthly", "--input", SMALL_DATASET, "--audit", "audit.json", "--format", "json"], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { migration: { checklist: { id: string; status: string }[] | null } };
    expect(report.migration.checklist?.map((s) => s.id)).toEqual(["machine-pat", "team-access", "org-secret", "workflows-switched", "personal-token-revoked"]);
    expect(report.migration.checklist?.map((s) => s.status)).toEqual(saved.checklist.map((s) => s.status));
    writeFileSync(join(tmp.dir, "nope.json"), "{}");
    const bad = await run(["monthly", "--input", SMALL_DATASET, "--audit", "nope.json"], { cwd: tmp.dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^qe-report: --audit nope\.json: audit\.checklist: .*expected a qe-audit\/v1 result with its checklist\)\n$/);
  });

  it("--split --out writes the parts of a long report as FILE, FILE.part2, ... and removes stale later parts", async () => {
    const data = JSON.parse(readFileSync(SMALL_DATASET, "utf8")) as { repos: unknown[]; commits: Record<string, unknown>[] };
    const commit = data.commits[1]!;
    // 1,500 active repositories: the repository table alone passes GitHub's issue limit.
    for (let i = 0; i < 1500; i++) {
      const repo = `QuantEcon/lecture-number-${String(i).padStart(4, "0")}`;
      const oid = i.toString(16).padStart(40, "0");
      data.repos.push({ name: repo, defaultBranch: "main", isArchived: false, isFork: false });
      data.commits.push({ ...commit, repo, oid, url: `https://github.com/${repo}/commit/${oid}`, pullRequest: null });
    }
    writeFileSync(join(tmp.dir, "big.json"), JSON.stringify(data));
    const r = await run(["monthly", "--input", "big.json", "--split", "--out", "report.md", "--generated-at", PINNED], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    const partNumber = (f: string) => Number(/\.part(\d+)\./.exec(f)?.[1] ?? 1);
    const files = readdirSync(tmp.dir).filter((f) => f.startsWith("report")).sort((a, b) => partNumber(a) - partNumber(b));
    expect(files.length).toBeGreaterThan(1);
    expect(files[0]).toBe("report.md");
    files.slice(1).forEach((f, i) => expect(f).toBe(`report.part${i + 2}.md`));
    for (const f of files) expect(readFileSync(join(tmp.dir, f), "utf8").length).toBeLessThanOrEqual(65_536);
    expect(r.stderr).toBe(`report split into ${files.length} parts: ${["report.md", ...files.slice(1)].join(", ")}\n`);

    // A shorter report to the same --out leaves no part of the longer one behind.
    const short = await run(["monthly", "--input", SMALL_DATASET, "--split", "--out", "report.md"], { cwd: tmp.dir });
    expect(short.code).toBe(0);
    expect(readdirSync(tmp.dir).filter((f) => f.startsWith("report"))).toEqual(["report.md"]);
  });

  it("--save-dataset writes the dataset it reported on", async () => {
    const r = await run(["monthly", "--input", SMALL_DATASET, "--save-dataset", "kept.json", "--format", "csv"], { cwd: tmp.dir });
    expect(r.code).toBe(0);
    const kept = parseDataset(JSON.parse(readFileSync(join(tmp.dir, "kept.json"), "utf8")));
    expect(kept.pullRequests).toHaveLength(2);
  });

  it("a config in the working directory is discovered", async () => {
    writeFileSync(join(tmp.dir, "qe-report.config.yaml"), "people: [dependabot]\n");
    const withConfig = await run(["monthly", "--input", SMALL_DATASET, "--format", "csv", "--generated-at", PINNED], { cwd: tmp.dir });
    const without = await run(["monthly", "--input", SMALL_DATASET, "--format", "csv", "--generated-at", PINNED]);
    expect(withConfig.code).toBe(0);
    expect(withConfig.stdout).not.toBe(without.stdout);
  });

  it("range reports the dataset's window when given no window flags; weekly on a month asks for --week-ending", async () => {
    const r = await run(["range", "--input", SMALL_DATASET, "--format", "json", "--generated-at", PINNED]);
    expect(r.code, r.stderr).toBe(0);
    expect((JSON.parse(r.stdout) as { window: { to: string } }).window.to).toBe("2026-06-01T00:00:00Z");
    // A "weekly" report of a whole month would read as a very busy week.
    const weekly = await run(["weekly", "--input", SMALL_DATASET, "--format", "json"]);
    expect(weekly.code).toBe(2);
    expect(weekly.stdout).toBe("");
    expect(weekly.stderr).toBe(
      "qe-report: weekly: the dataset covers 2026-05-01T00:00:00Z to 2026-06-01T00:00:00Z, more than a week; pass --week-ending YYYY-MM-DD for a week inside it (or run monthly or range for the whole window)\n",
    );
    const range = await run(["range", "--input", SMALL_DATASET, "--from", "2026-05-01", "--to", "2026-05-31", "--format", "json"]);
    expect(range.code, range.stderr).toBe(0);
    // A week inside the dataset's month is reported from it; one reaching past its end is refused.
    const week = await run(["weekly", "--input", SMALL_DATASET, "--week-ending", "2026-05-31", "--format", "json"]);
    expect(week.code, week.stderr).toBe(0);
    expect((JSON.parse(week.stdout) as { window: { from: string } }).window.from).toBe("2026-05-25T00:00:00Z");
    const outside = await run(["weekly", "--input", SMALL_DATASET, "--week-ending", "2026-06-03"]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain("the week ending 2026-06-03 in UTC is 2026-05-28T00:00:00Z to 2026-06-04T00:00:00Z, not inside it");
  });
});

describe("the real bin", () => {
  const bin = fileURLToPath(new URL("../packages/qe-report/src/bin.ts", import.meta.url));
  const exec = promisify(execFile);
  const runBin = async (argv: string[], env: Record<string, string> = {}) => {
    try {
      const { stdout, stderr } = await exec(process.execPath, ["--conditions=@quantecon/source", "--import", "tsx", bin, ...argv], {
        env: { PATH: process.env.PATH ?? "", ...env },
      });
      return { code: 0, stdout, stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it("exits 0 with the report on stdout", async () => {
    const r = await runBin(["monthly", "--demo", "--format", "csv", "--generated-at", PINNED]);
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n")[0]).toContain("ref");
  });

  it("exits 2 on a usage error, one line on stderr", async () => {
    const r = await runBin(["monthly", "--month", "2999-01", "--org", "QuantEcon"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^qe-report: month 2999-01 \(UTC\) is in the future: it starts 2999-01-01T00:00:00Z\n$/);
  });

  it("exits 1 when GitHub rejects the token, with no stack trace and no token", async () => {
    // A local stand-in for the API that rejects every token, as GitHub does a revoked one.
    const server = createServer((_req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ message: "Bad credentials" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    const token = "ghp_canary0123456789abcdefghijklmnopqrstu";
    try {
      const r = await runBin(["monthly", "--org", "QuantEcon", "--month", "2026-05", "--quiet"], {
        GITHUB_TOKEN: token,
        GITHUB_GRAPHQL_URL: `http://127.0.0.1:${port}/graphql`,
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^qe-report: .*401.*\n$/);
      expect(r.stderr).not.toContain(token);
      expect(r.stdout).toBe("");
    } finally {
      server.close();
    }
  });
});
