import { spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { postKey, readPostMarker } from "@quantecon/attribution-github";
import { loadFixtureWorld, postingState, startFakeGitHub, type FakeGitHub } from "@quantecon/fake-github";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { tempDir } from "./cli-helpers.js";

// The built bundle, run as the runner runs a JavaScript action: `node dist/index.js` with INPUT_*
// variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and the API URLs of the local GitHub.
const BUNDLE = fileURLToPath(new URL("../packages/action-activity-report/dist/index.js", import.meta.url));
const CONFIG = fileURLToPath(new URL("../examples/quantecon/qe-report.config.yaml", import.meta.url));
const TOKEN = "ghp_CANARY_action_read_0123456789abcdef";
const APP_ID = 31337;
const keys = generateKeyPairSync("rsa", { modulusLength: 2048, publicKeyEncoding: { type: "spki", format: "pem" }, privateKeyEncoding: { type: "pkcs1", format: "pem" } });
const MAY = { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z" };

let gh: FakeGitHub;
let tmp: ReturnType<typeof tempDir>;

interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Reads `$GITHUB_OUTPUT` as the runner does: `name<<DELIMITER`, lines, `DELIMITER`. */
function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const m = /^([\w-]+)<<(.+)$/.exec(lines[i]!);
    if (!m) continue;
    const end = lines.indexOf(m[2]!, i + 1);
    out[m[1]!] = lines.slice(i + 1, end).join("\n");
    i = end;
  }
  return out;
}

async function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const outputFile = join(tmp.dir, "github_output");
  const summaryFile = join(tmp.dir, "step_summary");
  writeFileSync(outputFile, "");
  writeFileSync(summaryFile, "");
  const env: Record<string, string> = {
    PATH: process.env["PATH"] ?? "",
    GITHUB_ACTIONS: "true",
    GITHUB_WORKSPACE: tmp.dir,
    GITHUB_REPOSITORY_OWNER: "QuantEcon",
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_API_URL: gh.apiUrl,
    GITHUB_GRAPHQL_URL: gh.url,
    SOURCE_DATE_EPOCH: "1780272000",
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value;
  const child = spawn(process.execPath, [BUNDLE], { cwd: tmp.dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  return { code, stdout, stderr, outputs: parseOutputs(readFileSync(outputFile, "utf8")), summary: readFileSync(summaryFile, "utf8") };
}

const base = (): Record<string, string> => ({
  organization: "QuantEcon",
  month: "2026-05",
  config: "qe-report.config.yaml",
  "github-token": TOKEN,
  "post-to": "QuantEcon/meta",
  labels: "activity-report",
});

/** The log without the `::add-mask::` lines, which are the one place a secret may appear (the runner swallows them). */
const unmasked = (r: ActionRun): string => (r.stdout + r.stderr).split("\n").filter((l) => !l.startsWith("::add-mask::")).join("\n");

const reportIssues = () => gh.world.repo("QuantEcon/meta")!.issues.filter((i) => readPostMarker(i.body)?.key === postKey("QuantEcon", MAY));

beforeAll(async () => {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run \`pnpm build\` (the root \`pnpm test\` does) before this test`);
  // A repository outside the organization, for track-external-repos.
  const world = loadFixtureWorld();
  const pr = world.pullRequests.find((p) => p.repo === "QuantEcon/lecture-python.zh-cn" && p.number === 236)!;
  world.repos.push({ name: "jstac/notes", defaultBranch: "main", isArchived: false, isFork: false });
  world.pullRequests.push({ ...pr, repo: "jstac/notes", number: 7, url: "https://github.com/jstac/notes/pull/7", title: "Fix a typo", body: "", author: "HumphreyYang", headRef: "fix-typo", headRepo: "jstac/notes", labels: [] });
  gh = await startFakeGitHub(world, { token: TOKEN, app: { appId: APP_ID, publicKey: keys.publicKey, installations: { QuantEcon: 4040 } } });
});
afterAll(() => gh?.close());
beforeEach(() => {
  tmp = tempDir("qe-action-");
  writeFileSync(join(tmp.dir, "qe-report.config.yaml"), readFileSync(CONFIG));
  return () => tmp.remove();
});

describe("the bundled Action, run as the runner runs it", () => {
  it("fetches May, posts the issue, and on a re-run updates it instead of opening another", async () => {
    const inputs = base();
    const first = await runAction(inputs);
    expect(first.code, first.stdout + first.stderr).toBe(0);
    expect(reportIssues()).toHaveLength(1);
    const issue = reportIssues()[0]!;
    expect(first.outputs["issue-url"]).toBe(issue.url);
    expect(issue.title).toBe("QuantEcon activity report: May 2026");
    expect(issue.labels).toEqual(["activity-report"]);
    expect(first.stdout).toContain(`created issue: ${issue.url}`);

    // Outputs: files that exist, numbers that agree with the JSON report.
    const report = JSON.parse(readFileSync(first.outputs["report-json"]!, "utf8")) as { org: string; summary: { contributions: { share: number } }; migration: { personalToken: { count: number }[] }; header: { previousWindow: unknown } };
    expect(report.org).toBe("QuantEcon");
    expect(Number(first.outputs["automation-share"])).toBe(report.summary.contributions.share);
    expect(Number(first.outputs["personal-token-items"])).toBe(report.migration.personalToken.reduce((n, r) => n + r.count, 0));
    expect(Number(first.outputs["personal-token-items"])).toBeGreaterThan(0);
    expect(first.outputs["report-summary"]).toMatch(/^QuantEcon activity report: May 2026: \d+ contributions by people, \d+ by automation \(\d+\.\d% automation\); \d+ automated items? under a person's token$/);
    const dataset = JSON.parse(readFileSync(first.outputs["dataset"]!, "utf8")) as { schema: string; window: { from: string } };
    expect(dataset).toMatchObject({ schema: "qe-activity/v1", window: { from: MAY.from } });
    expect(existsSync(join(tmp.dir, "qe-report", "report.html"))).toBe(true);
    // Last month was fetched again, so the report compares with April.
    expect(report.header.previousWindow).toMatchObject({ from: "2026-04-01T00:00:00Z" });
    // audit is on by default: the posted issue carries the credential audit's checklist.
    expect(existsSync(join(tmp.dir, "qe-report", "audit.json"))).toBe(true);
    expect(issue.body).toContain("**Checklist** (from `qe-report audit`, checked against the activity)");
    // The step summary is the Markdown report.
    expect(first.summary).toMatch(/^# QuantEcon activity report: May 2026/);
    expect(first.summary).toBe(readFileSync(join(tmp.dir, "qe-report", "report.md"), "utf8"));

    // A re-run that reports differently (a repository left out) updates the same issue.
    const firstBody = issue.body;
    const before = postingState(gh.world).mutations.length;
    const second = await runAction({ ...inputs, "exclude-repos": "sphinx-theme-fork" });
    expect(second.code, second.stdout + second.stderr).toBe(0);
    expect(reportIssues()).toHaveLength(1);
    expect(second.outputs["issue-url"]).toBe(issue.url);
    expect(second.stdout).toContain(`updated issue: ${issue.url}`);
    expect(postingState(gh.world).mutations.slice(before)).toEqual(["updateIssue"]);
    expect(reportIssues()[0]!.body).not.toBe(firstBody);
    expect(reportIssues()[0]!.body).toContain("sphinx-theme-fork left out by the repository filters");
    // The same run again changes nothing: the body is identical (pinned time), so it is left as it is.
    const third = await runAction({ ...inputs, "exclude-repos": "sphinx-theme-fork" });
    expect(third.stdout).toContain(`unchanged issue: ${issue.url}`);
    expect(reportIssues()).toHaveLength(1);

    // Tokens appear only in the mask commands the runner swallows.
    expect(first.stdout).toContain(`::add-mask::${TOKEN}`);
    for (const r of [first, second, third]) expect(unmasked(r)).not.toContain(TOKEN);
  });

  it("with fail-on: personal fails on the demo org with one clear line, after posting", async () => {
    const r = await runAction({ ...base(), "fail-on": "personal", month: "2026-05" });
    expect(r.code).toBe(1);
    const errors = r.stdout.split("\n").filter((l) => l.startsWith("::error::"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::fail-on personal: \d+ automated items in May 2026 ran under a person's token \(mmcky: \d+\); move that automation to a machine account or GitHub App token$/);
    expect(r.outputs["issue-url"]).toMatch(/^https:\/\/github\.com\/QuantEcon\/meta\/issues\/\d+$/);
    expect(r.stderr).toBe("");
  });

  it("authenticates as a GitHub App: signs a JWT, exchanges it for an installation token, reads and posts with it", async () => {
    const r = await runAction({ ...base(), "github-token": "", "post-token": "", "app-id": String(APP_ID), "private-key": keys.privateKey, month: "2026-04", "fetch-previous": "false" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.stdout).toContain("reading QuantEcon as GitHub App 31337 (installation 4040); posting to QuantEcon/meta as GitHub App 31337");
    expect(r.outputs["issue-url"]).toMatch(/issues\/\d+$/);
    const issued = [...gh.app!.issued.keys()];
    expect(issued.length).toBeGreaterThan(0);
    // The installation token and every line of the key are masked, and never printed otherwise.
    for (const token of issued) expect(unmasked(r)).not.toContain(token);
    expect(unmasked(r)).not.toContain("PRIVATE KEY-----\n");
    expect(r.stdout).toContain("::notice::no previous month");

    const wrong = generateKeyPairSync("rsa", { modulusLength: 2048, privateKeyEncoding: { type: "pkcs1", format: "pem" }, publicKeyEncoding: { type: "spki", format: "pem" } });
    const bad = await runAction({ ...base(), "github-token": "", "app-id": String(APP_ID), "private-key": wrong.privateKey });
    expect(bad.code).toBe(1);
    expect(bad.stdout.split("\n").filter((l) => l.startsWith("::error::"))).toEqual(["::error::GitHub App installation on QuantEcon: GitHub rejected the app's JSON Web Token (401): check app-id and private-key"]);
  });

  it("on a dry run writes the files and summary, looks the issue up, and posts nothing", async () => {
    const before = postingState(gh.world).mutations.length;
    const r = await runAction({ ...base(), month: "2026-03", "dry-run": "true", "previous-dataset": "missing.json" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(postingState(gh.world).mutations.length).toBe(before);
    expect(r.stdout).toContain("dry run: would create issue: a new issue in QuantEcon/meta");
    expect(r.outputs["issue-url"]).toBe("");
    expect(r.summary).toMatch(/^# QuantEcon activity report: March 2026/);
    // A missing previous month is a notice, not a failure.
    expect(r.stdout).toMatch(/::notice::previous-dataset missing\.json: file not found; the report has no comparison with last month/);
  });

  it("refuses a bad input with one line naming it", async () => {
    const r = await runAction({ ...base(), month: "May" });
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split("\n").at(-1)).toBe('::error::input month: "May" is not a month (YYYY-MM, e.g. 2026-05)');
    const regex = await runAction({ ...base(), "exclude-repos": "lecture-(" });
    expect(regex.code).toBe(1);
    expect(regex.stdout.trim().split("\n").at(-1)).toMatch(/^::error::input exclude-repos: "lecture-\(" is not a valid regular expression \(.+\)$/);
    const wrongToken = await runAction({ ...base(), "github-token": "ghp_not_the_right_token_42" });
    expect(wrongToken.code).toBe(1);
    const errors = wrongToken.stdout.split("\n").filter((l) => l.startsWith("::error::"));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^::error::reading QuantEcon as github-token: GitHub rejected the token \(401\)/);
    expect(unmasked(wrongToken)).not.toContain("ghp_not_the_right_token_42");
  });

  it("includes track-external-repos in the report", async () => {
    const r = await runAction({ ...base(), "post-to": "", audit: "false", "fetch-previous": "false", "track-external-repos": "jstac/notes" });
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(r.summary).not.toContain("**Checklist** (from `qe-report audit`, checked against the activity)");
    expect(r.stdout).toContain("fetching tracked repository jstac/notes");
    expect(r.stdout).toContain("post-to is empty: the report is not posted");
    const report = JSON.parse(readFileSync(r.outputs["report-json"]!, "utf8")) as { repos: { repo: string }[]; items: { ref: string; class: string }[] };
    expect(report.repos.map((x) => x.repo)).toContain("jstac/notes");
    expect(report.items.find((i) => i.ref === "jstac/notes#7")).toMatchObject({ class: "human" });
    const dataset = JSON.parse(readFileSync(r.outputs["dataset"]!, "utf8")) as { repos: { name: string }[] };
    expect(dataset.repos.map((x) => x.name)).toEqual(expect.arrayContaining(["QuantEcon/meta", "jstac/notes"]));
  });

  it("release writes the publishable tree: action.yml, the bundle, README and LICENSE", async () => {
    const out = join(tmp.dir, "release");
    const child = spawn(process.execPath, [fileURLToPath(new URL("../packages/action-activity-report/scripts/release.mjs", import.meta.url)), out], { stdio: "ignore" });
    expect(await new Promise((done) => child.on("close", done))).toBe(0);
    for (const file of ["action.yml", "README.md", "LICENSE", "dist/index.js", "dist/package.json"]) expect(existsSync(join(out, file)), file).toBe(true);
    expect(readFileSync(join(out, "dist/index.js"))).toEqual(readFileSync(BUNDLE));
  });
});
