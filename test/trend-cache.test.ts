import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadFixtureWorld, startFakeGitHub, type FakeGitHub } from "@quantecon/fake-github";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { run, tempDir } from "./cli-helpers.js";

// `qe-report trend` and the dataset cache, as a user runs them, against the local GitHub-schema server.
const TOKEN = "ghp_CANARY_trend_cache_0123456789abcdef";
const PINNED = "2026-06-01T00:10:00Z";
const MONTHS = ["2026-03", "2026-04", "2026-05"];
let gh: FakeGitHub;
let tmp: ReturnType<typeof tempDir>;
let env: Record<string, string>;

interface TrendJson {
  schema: string;
  months: { month: string; contributions: { human: number; automation: number; share: number | null }; personalToken: { share: number | null } }[];
}

beforeAll(async () => {
  gh = await startFakeGitHub(loadFixtureWorld(), { token: TOKEN });
  env = { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: gh.url };
});
afterAll(() => gh.close());
beforeEach(() => {
  tmp = tempDir("qe-report-trend-");
  writeFileSync(join(tmp.dir, "qe-report.config.yaml"), readFileSync(new URL("../examples/quantecon/qe-report.config.yaml", import.meta.url)));
  return () => tmp.remove();
});

describe("qe-report trend", () => {
  it("gives per-month shares that match the monthly reports of those months exactly", async () => {
    for (const month of MONTHS) {
      const r = await run(["fetch", "--org", "QuantEcon", "--month", month, "--out", `${month}.json`, "--quiet"], { cwd: tmp.dir, env });
      expect(r.code, r.stderr).toBe(0);
    }
    // Any order: the trend sorts by month.
    const trend = await run(["trend", "--input", "2026-05.json", "2026-03.json", "2026-04.json", "--format", "json", "--generated-at", PINNED], { cwd: tmp.dir });
    expect(trend.code, trend.stderr).toBe(0);
    const series = JSON.parse(trend.stdout) as TrendJson;
    expect(series.schema).toBe("qe-report-trend/v1");
    expect(series.months.map((m) => m.month)).toEqual(MONTHS);
    for (const [i, month] of MONTHS.entries()) {
      const monthly = await run(["monthly", "--input", `${month}.json`, "--format", "json", "--generated-at", PINNED], { cwd: tmp.dir });
      expect(monthly.code, monthly.stderr).toBe(0);
      const report = JSON.parse(monthly.stdout) as { summary: { contributions: unknown }; migration: { status: { share: number | null } } };
      expect(series.months[i]?.contributions, month).toEqual(report.summary.contributions);
      expect(series.months[i]?.personalToken.share, month).toBe(report.migration.status.share);
    }
    // The months differ, so equality above is not one figure repeated.
    expect(new Set(series.months.map((m) => m.contributions.human + m.contributions.automation)).size).toBeGreaterThan(1);

    for (const format of ["md", "html", "csv"]) {
      const r = await run(["trend", "--input", "2026-03.json", "2026-04.json", "2026-05.json", "--format", format, "--generated-at", PINNED], { cwd: tmp.dir });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain(format === "csv" ? "2026-05,contributions,share," : "2026-05");
      if (format === "html") {
        // Inline SVG: a line per share with a point per month, and bars of contributions per month.
        expect(r.stdout.match(/<svg /g)).toHaveLength(2);
        expect(r.stdout.match(/<polyline class="automation" points="[\d.]+,[\d.]+ [\d.]+,[\d.]+ [\d.]+,[\d.]+">/g)).toHaveLength(1);
        expect(r.stdout.match(/<rect class="automation"/g)).toHaveLength(3);
        expect(r.stdout).not.toMatch(/<script|<link |\ssrc=/);
      }
      if (format === "csv") {
        const share = series.months[2]?.contributions.share;
        expect(r.stdout.split("\r\n")).toContain(`2026-05,contributions,share,${share}`);
      }
    }
  });

  it("refuses two datasets of one month, and a window that is not a month", async () => {
    await run(["fetch", "--org", "QuantEcon", "--month", "2026-05", "--out", "may.json", "--quiet"], { cwd: tmp.dir, env });
    const twice = await run(["trend", "--input", "may.json", "may.json"], { cwd: tmp.dir });
    expect(twice.code).toBe(2);
    expect(twice.stderr).toBe("qe-report: may.json: 2026-05 is also the month of may.json; pass one dataset per month\n");
    await run(["fetch", "--org", "QuantEcon", "--from", "2026-05-04", "--to", "2026-05-10", "--out", "week.json", "--quiet"], { cwd: tmp.dir, env });
    const week = await run(["trend", "--input", "week.json"], { cwd: tmp.dir });
    expect(week.code).toBe(2);
    expect(week.stderr).toMatch(/^qe-report: week\.json: its window .* is not one calendar month; trend compares months\n$/);
  });
});

describe("the dataset cache", () => {
  const trendArgs = (cache: string) => ["trend", "--org", "QuantEcon", "--months", "3", "--to", "2026-05", "--cache-dir", cache, "--format", "json", "--generated-at", PINNED];

  it("makes a warm trend and a re-run closed month free of API requests", async () => {
    const cache = join(tmp.dir, "cache");
    const before = gh.requests;
    const cold = await run([...trendArgs(cache), "--quiet"], { cwd: tmp.dir, env });
    expect(cold.code, cold.stderr).toBe(0);
    const coldRequests = gh.requests - before;
    expect(coldRequests).toBeGreaterThan(0);
    expect(readdirSync(join(cache, "quantecon"))).toHaveLength(3);

    const warmStart = gh.requests;
    const warm = await run(trendArgs(cache), { cwd: tmp.dir, env });
    expect(warm.code, warm.stderr).toBe(0);
    expect(gh.requests - warmStart).toBe(0);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.stderr.match(/^using the cached dataset of QuantEcon /gm)).toHaveLength(3);

    // The monthly report of a cached month: no request either, and the same report as a fetch.
    const monthlyStart = gh.requests;
    const monthly = await run(["monthly", "--org", "QuantEcon", "--month", "2026-04", "--cache-dir", cache, "--format", "json", "--generated-at", PINNED, "--quiet"], { cwd: tmp.dir, env });
    expect(monthly.code, monthly.stderr).toBe(0);
    expect(gh.requests - monthlyStart).toBe(0);
    const fresh = await run(["monthly", "--org", "QuantEcon", "--month", "2026-04", "--no-cache", "--format", "json", "--generated-at", PINNED, "--quiet"], { cwd: tmp.dir, env });
    expect(gh.requests - monthlyStart).toBeGreaterThan(0);
    // The same report but for the dataset's time and the earlier months only the cache has at hand.
    expect(JSON.parse(fresh.stdout).history).toEqual([]);
    expect(JSON.parse(monthly.stdout).history.map((h: { month: string }) => h.month)).toEqual(["2026-03"]);
    // Responsiveness measures "still waiting" to the dataset's time, so those figures go too.
    const withoutDatasetTime = (text: string) => {
      const r = JSON.parse(text);
      const responsiveness = { ...r.summary.responsiveness, asOf: null, waiting: r.summary.responsiveness.waiting.map((w: object) => ({ ...w, waitingHours: null, waitingDays: null })) };
      return { ...r, history: null, header: { ...r.header, datasetGeneratedAt: null }, summary: { ...r.summary, responsiveness } };
    };
    expect(withoutDatasetTime(monthly.stdout)).toEqual(withoutDatasetTime(fresh.stdout));

    // The monthly report shows the earlier months the cache holds beside its own, with the trend's figures.
    const may = await run(["monthly", "--org", "QuantEcon", "--month", "2026-05", "--cache-dir", cache, "--format", "json", "--generated-at", PINNED, "--quiet"], { cwd: tmp.dir, env });
    const history = (JSON.parse(may.stdout) as { history: { month: string; contributions: unknown; personalTokenShare: number | null }[] }).history;
    const trend = JSON.parse(cold.stdout) as TrendJson;
    expect(history.map((h) => h.month)).toEqual(["2026-03", "2026-04"]);
    history.forEach((h, i) => {
      expect(h.contributions).toEqual(trend.months[i]?.contributions);
      expect(h.personalTokenShare).toBe(trend.months[i]?.personalToken.share);
    });
    const mayMd = await run(["monthly", "--org", "QuantEcon", "--month", "2026-05", "--cache-dir", cache, "--generated-at", PINNED, "--quiet"], { cwd: tmp.dir, env });
    expect(mayMd.stdout).toMatch(/\nAutomation's share of contributions, last months: March 2026 \d+% · April 2026 \d+% · \*\*May 2026 \d+%\*\*\./);

    // QE_REPORT_CACHE_DIR is the same cache.
    const envStart = gh.requests;
    const viaEnv = await run(trendArgs(cache).filter((a, i, all) => a !== "--cache-dir" && all[i - 1] !== "--cache-dir"), { cwd: tmp.dir, env: { ...env, QE_REPORT_CACHE_DIR: cache } });
    expect(viaEnv.code, viaEnv.stderr).toBe(0);
    expect(gh.requests - envStart).toBe(0);

    // --refresh fetches every month again.
    const refreshStart = gh.requests;
    const refreshed = await run([...trendArgs(cache), "--refresh", "--quiet"], { cwd: tmp.dir, env });
    expect(refreshed.code, refreshed.stderr).toBe(0);
    expect(gh.requests - refreshStart).toBe(coldRequests);
  });

  it("never trusts a corrupt entry: it is fetched again, with a notice", async () => {
    const cache = join(tmp.dir, "cache");
    const cold = await run([...trendArgs(cache), "--quiet"], { cwd: tmp.dir, env });
    expect(cold.code, cold.stderr).toBe(0);
    const dir = join(cache, "quantecon");
    const [march] = readdirSync(dir).sort();
    const entry = join(dir, march!);
    const valid = JSON.parse(readFileSync(entry, "utf8")) as { pullRequests: unknown[] };
    // Half a file, then a file that parses but is not a dataset.
    for (const broken of [readFileSync(entry, "utf8").slice(0, 200), JSON.stringify({ ...valid, pullRequests: "none" })]) {
      writeFileSync(entry, broken);
      const start = gh.requests;
      const r = await run([...trendArgs(cache), "--quiet"], { cwd: tmp.dir, env });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toBe(cold.stdout);
      expect(gh.requests - start).toBeGreaterThan(0);
      expect(r.stderr).toMatch(new RegExp(`^qe-report: notice: cache entry .*${march!.replace(/[.]/g, "\\.")} is not a valid dataset \\(.+\\); fetching it again\\n$`));
      // Rewritten whole: the next run is free again.
      const again = gh.requests;
      await run([...trendArgs(cache), "--quiet"], { cwd: tmp.dir, env });
      expect(gh.requests - again).toBe(0);
    }
  });

  it("an entry fetched with --no-comments does not serve a run that wants comments", async () => {
    const cache = join(tmp.dir, "cache");
    const args = ["monthly", "--org", "QuantEcon", "--month", "2026-04", "--cache-dir", cache, "--format", "json", "--generated-at", PINNED, "--quiet"];
    const without = await run([...args, "--no-comments"], { cwd: tmp.dir, env });
    expect(without.code, without.stderr).toBe(0);
    expect(JSON.parse(without.stdout).summary.responsiveness.comments).toBe(false);
    // The cheap entry serves another --no-comments run for free.
    let start = gh.requests;
    await run([...args, "--no-comments"], { cwd: tmp.dir, env });
    expect(gh.requests - start).toBe(0);
    // A run that wants comments fetches again, says so, and replaces the entry.
    start = gh.requests;
    const withThem = await run(args, { cwd: tmp.dir, env });
    expect(withThem.code, withThem.stderr).toBe(0);
    expect(gh.requests - start).toBeGreaterThan(0);
    expect(withThem.stderr).toMatch(/^qe-report: notice: the cached dataset of QuantEcon .* was fetched without comments; fetching it again with them\n$/);
    expect(JSON.parse(withThem.stdout).summary.responsiveness.comments).toBe(true);
    start = gh.requests;
    await run(args, { cwd: tmp.dir, env });
    expect(gh.requests - start).toBe(0);
  });
});
