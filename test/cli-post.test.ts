import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { postKey, readPostMarker } from "@quantecon/attribution-github";
import { loadFixtureWorld, postingState, startFakeGitHub, type FakeGitHub } from "@quantecon/fake-github";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { run, tempDir } from "./cli-helpers.js";

// `qe-report post` and `monthly --post` against the local GitHub-schema server.
const TOKEN = "ghp_CANARY_cli_post_0123456789abcdef";
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
  tmp = tempDir("qe-report-post-");
  writeFileSync(join(tmp.dir, "qe-report.config.yaml"), readFileSync(new URL("../examples/quantecon/qe-report.config.yaml", import.meta.url)));
  return () => tmp.remove();
});

const issuesWith = (repo: string, key: string) => gh.world.repo(repo)!.issues.filter((i) => readPostMarker(i.body)?.key === key);

describe("qe-report post", () => {
  it("posts a Markdown report with its --split parts, then updates it on a re-run", async () => {
    const month = await run(["monthly", "--org", "QuantEcon", "--month", "2026-05", "--generated-at", PINNED, "--quiet", "--out", "report.md"], { cwd: tmp.dir, env });
    expect(month.code, month.stderr).toBe(0);
    writeFileSync(join(tmp.dir, "report.part2.md"), "the second part\n");
    const dry = await run(["post", "--repo", "QuantEcon/old-site", "--input", "report.md", "--dry-run"], { cwd: tmp.dir, env });
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toBe("would create issue: a new issue in QuantEcon/old-site\nwould create part 2\n");
    const key = "title:QuantEcon activity report: May 2026";
    expect(issuesWith("QuantEcon/old-site", key)).toHaveLength(0);

    const first = await run(["post", "--repo", "QuantEcon/old-site", "--input", "report.md"], { cwd: tmp.dir, env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toMatch(/^created issue: https:\/\/github\.com\/QuantEcon\/old-site\/issues\/\d+\ncreated part 2: \S+#issuecomment-\d+\n$/);
    writeFileSync(join(tmp.dir, "report.part2.md"), "the second part, revised\n");
    const again = await run(["post", "--repo", "QuantEcon/old-site", "--input", "report.md"], { cwd: tmp.dir, env });
    expect(again.code, again.stderr).toBe(0);
    // The issue's marker keeps a digest of each part, so it changes with part 2.
    expect(again.stdout).toMatch(/^updated issue: .*\nupdated part 2: /);
    expect(issuesWith("QuantEcon/old-site", key)).toHaveLength(1);
    const comment = [...postingState(gh.world).comments.values()].find((c) => readPostMarker(c.body)?.key === key);
    expect(comment?.body).toMatch(/^the second part, revised\n/);
  });

  it("monthly --post posts the report keyed by org and window; a second run updates the same issue", async () => {
    const args = ["monthly", "--org", "QuantEcon", "--month", "2026-05", "--generated-at", PINNED, "--quiet", "--post", "QuantEcon/empty-repo", "--post-labels", "activity-report", "--out", "r.md"];
    const first = await run(args, { cwd: tmp.dir, env });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/^created issue: https:\/\/github\.com\/QuantEcon\/empty-repo\/issues\/\d+\n$/);
    const second = await run([...args.slice(0, -2), "--format", "json"], { cwd: tmp.dir, env });
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).toMatch(/^unchanged issue: /);
    const issues = issuesWith("QuantEcon/empty-repo", postKey("QuantEcon", { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }));
    expect(issues).toHaveLength(1);
    expect(issues[0]!.labels).toEqual(["activity-report"]);
    expect(issues[0]!.body).toBe(readFileSync(join(tmp.dir, "r.md"), "utf8").replace(/\n*$/, "\n") + `\n${issues[0]!.body.split("\n").at(-2)}\n`);
  });

  it("monthly --post writes --out before posting, so a failed post still leaves the report", async () => {
    const r = await run(["monthly", "--org", "QuantEcon", "--month", "2026-05", "--generated-at", PINNED, "--quiet", "--post", "QuantEcon/no-such-repo", "--out", "r.md"], { cwd: tmp.dir, env });
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toMatch(/QuantEcon\/no-such-repo/);
    expect(r.stderr).not.toContain(TOKEN);
    expect(readFileSync(join(tmp.dir, "r.md"), "utf8")).toMatch(/^# QuantEcon activity report: May 2026\n/);
  });

  it("refuses a bad --repo and a missing token with one line and exit code 2", async () => {
    const bad = await run(["post", "--repo", "not-a-repo", "--input", "x.md"], { cwd: tmp.dir, env });
    expect(bad).toMatchObject({ code: 2, stderr: 'qe-report: --repo "not-a-repo": expected OWNER/REPO, e.g. QuantEcon/meta\n' });
    writeFileSync(join(tmp.dir, "x.md"), "# Title\n");
    const noToken = await run(["post", "--repo", "QuantEcon/meta", "--input", "x.md"], { cwd: tmp.dir, env: {} });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toMatch(/^qe-report: posting to QuantEcon\/meta needs a token: set GITHUB_TOKEN/);
    const badMonthly = await run(["monthly", "--demo", "--post", "nope"], { cwd: tmp.dir, env });
    expect(badMonthly).toMatchObject({ code: 2, stderr: 'qe-report: --post "nope": expected OWNER/REPO, e.g. QuantEcon/meta\n' });
  });
});
