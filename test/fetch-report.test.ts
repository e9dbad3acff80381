import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadFixtureWorld, startFakeGitHub, type FakeGitHub } from "@quantecon/fake-github";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { run, tempDir } from "./cli-helpers.js";

// The whole pipeline as a user runs it: the real CLI against the local GitHub-schema server.
const TOKEN = "ghp_CANARY_e2e_fetch_report_0123456789abcdef";
const PINNED = "2026-06-01T00:10:00Z";
let gh: FakeGitHub;
let tmp: ReturnType<typeof tempDir>;
let env: Record<string, string>;

beforeAll(async () => {
  gh = await startFakeGitHub(loadFixtureWorld(), { token: TOKEN });
  env = { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: gh.url };
});
afterAll(() => gh.close());
beforeEach(() => {
  gh.setFault(undefined);
  tmp = tempDir("qe-report-e2e-");
  return () => tmp.remove();
});

describe("fetch → classify → report through the CLI", () => {
  it("reports a fetched month exactly as it reports the same month saved to a file", async () => {
    const config = join(tmp.dir, "qe-report.config.yaml");
    writeFileSync(config, readFileSync(new URL("../examples/quantecon/qe-report.config.yaml", import.meta.url)));
    const fetched = await run(["fetch", "--org", "QuantEcon", "--month", "2026-05", "--out", "may.json", "--quiet"], { cwd: tmp.dir, env });
    expect(fetched.code, fetched.stderr).toBe(0);
    const direct = await run(["monthly", "--org", "QuantEcon", "--month", "2026-05", "--format", "json", "--generated-at", PINNED, "--save-dataset", "again.json"], { cwd: tmp.dir, env });
    expect(direct.code, direct.stderr).toBe(0);
    const fromFile = await run(["monthly", "--input", "again.json", "--format", "json", "--generated-at", PINNED], { cwd: tmp.dir });
    expect(fromFile.code, fromFile.stderr).toBe(0);
    // `fetch` and `monthly --save-dataset` write the same dataset but for the time it was made.
    const withoutTime = (name: string) => ({ ...JSON.parse(readFileSync(join(tmp.dir, name), "utf8")), generatedAt: null });
    expect(withoutTime("again.json")).toEqual(withoutTime("may.json"));
    const lines = (text: string) => text.split("\n");
    const firstDiff = lines(direct.stdout).findIndex((line, i) => line !== lines(fromFile.stdout)[i]);
    expect(firstDiff, `${lines(direct.stdout)[firstDiff]} | ${lines(fromFile.stdout)[firstDiff]}`).toBe(-1);

    const report = JSON.parse(fromFile.stdout) as { schema: string; org: string; items: { ref: string; class: string; channel: string; onBehalfOf: string | null }[] };
    expect(report.schema).toBe("qe-report/v1");
    expect(report.org).toBe("QuantEcon");
    const dataset = JSON.parse(readFileSync(join(tmp.dir, "may.json"), "utf8")) as { pullRequests: unknown[]; commits: unknown[]; issues: unknown[] };
    expect(report.items.length).toBeGreaterThanOrEqual(dataset.pullRequests.length + dataset.commits.length + dataset.issues.length);
    // The fixture's translation-sync PR shown as mmcky is automation under his token, not his work.
    const sync = report.items.find((i) => i.ref === "QuantEcon/lecture-python.zh-cn#236");
    expect(sync).toMatchObject({ class: "automation", channel: "personal-token", onBehalfOf: "mmcky" });
  });

  it("explains a fetched item by its GitHub URL", async () => {
    await run(["fetch", "--org", "QuantEcon", "--month", "2026-05", "--out", "may.json", "--quiet"], { cwd: tmp.dir, env });
    writeFileSync(join(tmp.dir, "qe-report.config.yaml"), readFileSync(new URL("../examples/quantecon/qe-report.config.yaml", import.meta.url)));
    const r = await run(["explain", "https://github.com/QuantEcon/lecture-python.zh-cn/pull/236", "--input", "may.json"], { cwd: tmp.dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/personal-token/);
    expect(r.stdout).toMatch(/quantecon\/translation-sync-pr/);
  });

  it("exits 1 with one line when GitHub rejects the token, and never prints it", async () => {
    const r = await run(["monthly", "--org", "QuantEcon", "--month", "2026-05"], { cwd: tmp.dir, env: { ...env, GITHUB_TOKEN: `${TOKEN}-revoked` } });
    expect(r.code).toBe(1);
    // Progress lines, then the error: one line naming the status and what to do.
    expect(r.stderr.trim().split("\n").at(-1)).toBe("qe-report: GitHub rejected the token (401): set GITHUB_TOKEN to a token with read access to QuantEcon");
    expect(r.stderr.match(/^qe-report: /gm)).toHaveLength(1);
    expect(r.stdout + r.stderr).not.toContain(TOKEN);
    expect(readdirSync(tmp.dir)).toEqual([]);
  });
});
