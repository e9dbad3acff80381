import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAuditReport, type AuditReport } from "@quantecon/attribution-audit";
import { startFakeGitHub, type FakeGitHub, type World } from "@quantecon/fake-github";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { run, tempDir, type CliRun } from "./cli-helpers.js";

/**
 * `qe-report audit` end to end: the CLI against the local GitHub-schema server serving the
 * audit package's fixture workflows and a small month of QuantEcon-like activity in which
 * translation-sync PRs are authored by mmcky although their workflow names QUANTECON_SERVICES_PAT.
 */

const CANARY = "ghp_CANARY_audit_5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b";
const PINNED = "2026-06-01T00:00:00Z";
const FIXTURES = fileURLToPath(new URL("../packages/audit/fixtures/", import.meta.url));
const QE_CONFIG = fileURLToPath(new URL("../examples/quantecon/qe-report.config.yaml", import.meta.url));
const ACTIVITY = join(FIXTURES, "activity-2026-05.json");

/** The fixture workflows as the world's `workflows` map: `{ "QuantEcon/meta": { ".github/workflows/x.yml": text } }`. */
function fixtureWorkflows(): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  const owner = "QuantEcon";
  for (const repo of readdirSync(join(FIXTURES, owner)).sort()) {
    const dir = join(FIXTURES, owner, repo, ".github", "workflows");
    out[`${owner}/${repo}`] = Object.fromEntries(readdirSync(dir).map((f) => [`.github/workflows/${f}`, readFileSync(join(dir, f), "utf8")]));
  }
  return out;
}

let gh: FakeGitHub;
let tmp: { dir: string; remove: () => void };
beforeAll(async () => {
  const world = JSON.parse(readFileSync(ACTIVITY, "utf8")) as World;
  world.workflows = fixtureWorkflows();
  gh = await startFakeGitHub(world, { token: CANARY });
});
afterAll(() => gh.close());
beforeEach(() => {
  tmp = tempDir("qe-report-audit-");
  gh.setFault(undefined);
});
afterEach(() => tmp.remove());

const env = (): Record<string, string> => ({ GITHUB_TOKEN: CANARY, GITHUB_GRAPHQL_URL: gh.url });

async function audit(args: string[], options: { env?: Record<string, string> } = {}): Promise<CliRun> {
  const r = await run(["audit", "--org", "QuantEcon", "--config", QE_CONFIG, "--generated-at", PINNED, "--quiet", ...args], { cwd: tmp.dir, env: options.env ?? env() });
  expect(r.stdout).not.toContain(CANARY);
  expect(r.stderr).not.toContain(CANARY);
  return r;
}

const json = (r: CliRun): AuditReport => parseAuditReport(JSON.parse(r.stdout));

describe("qe-report audit of the fixture org, through the GitHub-schema server", () => {
  it("finds every writing step with its credential, line and link, and reads repositories without workflows", async () => {
    const r = await audit(["--month", "2026-05", "--format", "json"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    const report = json(r);
    expect(report.repos).toEqual(["QuantEcon/QuantEcon.py", "QuantEcon/lecture-python.fa", "QuantEcon/lecture-python.myst", "QuantEcon/lecture-python.zh-cn", "QuantEcon/meta"]);
    expect(report.totals).toEqual({
      files: 12,
      findings: 18,
      byChannel: { "github-actions": 6, "github-app": 1, "machine-account": 4, "personal-token": 7, "deploy-key": 0, unknown: 0 },
      problems: 3,
      discrepancies: report.discrepancies.length,
    });
    const sync = report.findings.find((f) => f.path === ".github/workflows/translation-sync.yml");
    expect(sync).toMatchObject({
      repo: "QuantEcon/lecture-python.myst",
      action: "QuantEcon/action-translation@v0.9",
      operation: "create-pr",
      secret: "QUANTECON_SERVICES_PAT",
      channel: "machine-account",
      targets: ["QuantEcon/lecture-python.zh-cn"],
      line: 25,
      // The link is built from the blob URL GitHub gave: the default branch, not a guess.
      url: "https://github.com/QuantEcon/lecture-python.myst/blob/main/.github/workflows/translation-sync.yml#L25",
    });
    const personal = report.findings.filter((f) => f.channel === "personal-token").map((f) => `${f.repo.slice(10)}:${f.secret}`);
    expect([...new Set(personal)]).toEqual(["QuantEcon.py:RELEASE_BOT_TOKEN", "lecture-python.myst:ACTIONS_PAT", "lecture-python.zh-cn:MMCKY_PAT", "meta:MMCKY_PAT"]);
    expect(report.problems.map((p) => `${p.path}:${p.code}`)).toEqual([
      ".github/workflows/not-a-workflow.yml:not-a-workflow",
      ".github/workflows/broken.yml:yaml-syntax",
      ".github/workflows/empty.yml:empty-file",
    ]);
  });

  it("catches the mislabelled secret: QUANTECON_SERVICES_PAT set, yet mmcky authored the translation-sync PRs", async () => {
    const report = json(await audit(["--month", "2026-05", "--format", "json"]));
    const mislabelled = report.discrepancies.filter((d) => d.code === "secret-holds-personal-token");
    expect(mislabelled).toEqual([
      expect.objectContaining({
        severity: "error",
        secret: "QUANTECON_SERVICES_PAT",
        person: "mmcky",
        repo: "QuantEcon/lecture-python.myst",
        path: ".github/workflows/translation-sync.yml",
        kind: "translation-sync",
        itemType: "pullRequest",
        refs: ["QuantEcon/lecture-python.zh-cn#236", "QuantEcon/lecture-python.zh-cn#237"],
      }),
    ]);
    // No audited workflow writes to lecture-python.fa, so its translation-sync PR under mmcky's token is unexplained.
    expect(report.discrepancies).toContainEqual(expect.objectContaining({ code: "unexplained-personal-automation", itemRepos: ["QuantEcon/lecture-python.fa"], person: "mmcky" }));
    expect(report.window).toEqual({ from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z", timeZone: "UTC" });
    expect(report.checklist.find((s) => s.id === "org-secret")?.status).toBe("not-done");
    expect(report.checklist.find((s) => s.id === "personal-token-revoked")?.status).toBe("not-done");
  });

  it("says it plainly in Markdown, with the line linked", async () => {
    const r = await audit(["--month", "2026-05"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^# Workflow credential audit: QuantEcon\n/);
    expect(r.stdout).toContain("yet 2 translation-sync PRs in QuantEcon/lecture-python.zh-cn in the window were authored by mmcky: the secret still holds mmcky's token.");
    expect(r.stdout).toContain("(https://github.com/QuantEcon/lecture-python.myst/blob/main/.github/workflows/translation-sync.yml#L25)");
  });

  it("cross-checks a saved dataset (--input) just as a fetched month, and writes --out atomically", async () => {
    const fetched = await audit(["--month", "2026-05", "--format", "json"]);
    const saved = await audit(["--input", ACTIVITY, "--format", "json", "--out", "audit.json"]);
    expect(saved.code).toBe(0);
    expect(saved.stdout).toBe("");
    const fromFile = parseAuditReport(JSON.parse(readFileSync(join(tmp.dir, "audit.json"), "utf8")));
    expect(fromFile.discrepancies).toEqual(json(fetched).discrepancies);
    expect(fromFile.checklist).toEqual(json(fetched).checklist);
  });

  it("audits only the named repositories, and cross-checks only their activity and their targets'", async () => {
    const r = await audit(["--repos", "lecture-python.myst", "--month", "2026-05", "--format", "json"]);
    expect(r.stderr).toBe("");
    const report = json(r);
    expect(report.repos).toEqual(["QuantEcon/lecture-python.myst"]);
    expect(new Set(report.findings.map((f) => f.repo))).toEqual(new Set(["QuantEcon/lecture-python.myst"]));
    expect(report.discrepancies.map((d) => d.code)).toContain("secret-holds-personal-token");
    // lecture-python.fa's translation-sync PR is outside what was audited: not blamed on it.
    expect(report.discrepancies.flatMap((d) => d.itemRepos)).not.toContain("QuantEcon/lecture-python.fa");
  });

  it("reads only the workflows with --no-cross-check: no window, no discrepancies", async () => {
    const before = gh.queries.length;
    const report = json(await audit(["--no-cross-check", "--format", "json"]));
    expect(report.window).toBeNull();
    expect(report.discrepancies).toEqual([]);
    expect(report.totals.findings).toBe(18);
    expect(gh.queries.slice(before).some((q) => q.includes("search("))).toBe(false);
  });
});

describe("qe-report audit progress", () => {
  it("says what it reads and fetches on stderr, one line each, unless --quiet", async () => {
    const r = await run(["audit", "--org", "QuantEcon", "--config", QE_CONFIG, "--month", "2026-05"], { cwd: tmp.dir, env: env() });
    expect(r.code).toBe(0);
    expect(r.stderr.split("\n").filter(Boolean)).toEqual([
      `audit: reading the workflows of QuantEcon via ${gh.url}`,
      "audit: read 12 workflow files from 5 repositories (2 requests)",
      "audit: fetching activity from 2026-05-01T00:00:00Z to 2026-06-01T00:00:00Z for the cross-check",
      "audit: fetched 6 pull requests, 1 commits, 0 issues",
    ]);
  });
});

describe("qe-report audit --fail-on personal", () => {
  it("exits 1 while a personal token remains, after writing the whole audit, with one line saying why", async () => {
    const r = await audit(["--month", "2026-05", "--fail-on", "personal"]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^# Workflow credential audit: QuantEcon\n[\s\S]*## Writing steps/);
    expect(r.stderr).toMatch(/^qe-report: --fail-on personal: a personal token is still in use: .*QUANTECON_SERVICES_PAT still holds mmcky's token\n$/);
  });
  it("exits 0 when nothing audited uses a personal token", async () => {
    const r = await audit(["--repos", "lecture-python.fa", "--no-cross-check", "--fail-on", "personal"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
  });
  it("refuses an unknown gate as a usage error", async () => {
    const r = await audit(["--demo", "--fail-on", "everything"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^qe-report audit: option '--fail-on <what>' argument 'everything' is invalid/);
  });
});

describe("qe-report audit: failures are one line, and never show the token", () => {
  it("asks for a token", async () => {
    const r = await audit(["--month", "2026-05"], { env: { GITHUB_GRAPHQL_URL: gh.url } });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: auditing QuantEcon needs a token: set GITHUB_TOKEN (or GH_TOKEN) to a token with read access to QuantEcon's repositories\n");
  });
  it("names a rejected token without showing it", async () => {
    const r = await audit(["--month", "2026-05"], { env: { GITHUB_TOKEN: `${CANARY}-wrong`, GITHUB_GRAPHQL_URL: gh.url } });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^qe-report: GitHub rejected the token \(401\)[^\n]*\n$/);
  });
  it("stops on a repository it cannot read unless --allow-partial, which keeps the rest", async () => {
    gh.setFault({ kind: "repoError", repo: "QuantEcon/meta", type: "FORBIDDEN", times: 100 });
    const strict = await audit(["--no-cross-check"]);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toBe("");
    expect(strict.stderr.trim().split("\n").at(-1)).toMatch(/^qe-report: the audit of QuantEcon is incomplete: workflows of QuantEcon\/meta could not be read: .*; allow a partial audit \(--allow-partial\) to keep the rest$/);
    const partial = await audit(["--no-cross-check", "--allow-partial", "--format", "json"]);
    expect(partial.code).toBe(0);
    expect(partial.stderr).toMatch(/^audit: warning: QuantEcon\/meta: FORBIDDEN: /);
    expect(json(partial).repos).not.toContain("QuantEcon/meta");
  });
  it("refuses two sources of activity", async () => {
    const r = await audit(["--input", ACTIVITY, "--month", "2026-05"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: audit takes one source of activity, got --input and --month\n");
  });
});

describe("qe-report audit --demo", () => {
  it("audits the bundled workflows against the demo month, offline, and catches the mislabelled secret", async () => {
    const r = await run(["audit", "--demo", "--generated-at", PINNED]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/^# Workflow credential audit: QuantEcon\n\n18 writing steps in 12 workflow files across 33 repos /);
    expect(r.stdout).toContain(
      "QUANTECON\\_SERVICES\\_PAT is set in Translation Sync \\(QuantEcon/lecture-python.myst: .github/workflows/translation-sync.yml\\), yet 13 translation-sync PRs in QuantEcon/lecture-python.zh-cn in the window were authored by mmcky: the secret still holds mmcky's token.",
    );
    expect((await run(["audit", "--demo", "--generated-at", PINNED])).stdout).toBe(r.stdout);
  });
  it("gives a qe-audit/v1 JSON report whose checklist says the personal token cannot be revoked yet", async () => {
    const report = json(await run(["audit", "--demo", "--format", "json", "--generated-at", PINNED]));
    expect(report.org).toBe("QuantEcon");
    expect(report.generatedAt).toBe(PINNED);
    expect(report.checklist.map((s) => `${s.id}:${s.status}`)).toEqual([
      "machine-pat:done",
      "team-access:unknown",
      "org-secret:not-done",
      "workflows-switched:not-done",
      "personal-token-revoked:not-done",
    ]);
  });
  it("refuses repository selection flags, which only a fetch uses", async () => {
    const r = await run(["audit", "--demo", "--repos", "meta"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("qe-report: --demo audits the bundled workflows; --repos select repositories to fetch\n");
  });
});

describe("the monthly report with --audit", () => {
  it("shows the audit's checklist in the migration section, in Markdown and HTML", async () => {
    const saved = await run(["audit", "--demo", "--format", "json", "--out", "audit.json", "--generated-at", PINNED], { cwd: tmp.dir });
    expect(saved.code).toBe(0);
    const md = await run(["monthly", "--demo", "--audit", "audit.json", "--generated-at", PINNED], { cwd: tmp.dir });
    expect(md.code).toBe(0);
    const migration = md.stdout.slice(md.stdout.indexOf("## Migration to the machine account"), md.stdout.indexOf("## People"));
    expect(migration).toContain("**Checklist** (from `qe-report audit`, checked against the activity):");
    expect(migration).toContain("`qe-report audit`");
    expect(migration).toContain("- [x] Fine-grained PAT on the machine account (quantecon-services): ");
    expect(migration).toMatch(/- \[ \] Org secret QUANTECON\\_SERVICES\\_PAT holds the machine account's token\b.*: .*the secret still holds mmcky's token\./);
    expect(migration).toMatch(/- \[ \] Personal token revoked\b.*: .*QUANTECON\\_SERVICES\\_PAT still holds mmcky's token/);
    const html = await run(["monthly", "--demo", "--audit", "audit.json", "--format", "html", "--generated-at", PINNED], { cwd: tmp.dir });
    expect(html.stdout).toMatch(/<li class="status-not-done">☐ Personal token revoked\b[^<]*QUANTECON_SERVICES_PAT still holds mmcky&#x27;s token<\/li>/);
    const without = await run(["monthly", "--demo", "--generated-at", PINNED], { cwd: tmp.dir });
    expect(without.stdout).not.toContain("**Checklist**");
  });
  it("carries the checklist into the JSON report", async () => {
    writeFileSync(join(tmp.dir, "audit.json"), (await run(["audit", "--demo", "--format", "json", "--generated-at", PINNED])).stdout);
    const r = await run(["monthly", "--demo", "--audit", "audit.json", "--format", "json", "--generated-at", PINNED], { cwd: tmp.dir });
    const report = JSON.parse(r.stdout) as { migration: { checklist: { step: string; status: string }[] } };
    expect(report.migration.checklist.map((s) => s.status)).toEqual(["done", "unknown", "not-done", "not-done", "not-done"]);
  });
});
