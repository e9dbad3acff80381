import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDataset } from "@quantecon/attribution";
import { loadFixtureWorld, startFakeGitHub, type FakeGitHub, type Fault } from "@quantecon/fake-github";
import { Command } from "commander";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { CliIO } from "../io.js";
import { parseDuration, registerFetch } from "./fetch.js";

const TOKEN = "ghp_CANARY_cli_0123456789abcdef0123456789";
let gh: FakeGitHub;
let dir: string;

beforeAll(async () => {
  gh = await startFakeGitHub(loadFixtureWorld(), { token: TOKEN });
});
afterAll(() => gh.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "qe-fetch-"));
  gh.setFault(undefined);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function run(args: string[], env: Record<string, string> = { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: gh.url }, tty = false) {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s), isTTY: tty, columns: 100 },
    env,
    cwd: dir,
    now: () => new Date("2026-06-02T00:00:00Z"),
  };
  const program = new Command("qe-report").exitOverride();
  registerFetch(program, io);
  let error: (Error & { code?: string }) | undefined;
  try {
    await program.parseAsync(["fetch", ...args], { from: "user" });
  } catch (e) {
    error = e as Error & { code?: string };
  }
  return { stdout, stderr, error };
}

describe("qe-report fetch", () => {
  it("writes the month's dataset and prints requests and points", async () => {
    const { stderr, error } = await run(["--org", "QuantEcon", "--month", "2026-05", "--exclude", "lecture-.*\\.notebooks", "--out", "may.json"]);
    expect(error).toBeUndefined();
    const dataset = parseDataset(JSON.parse(await readFile(join(dir, "may.json"), "utf8")));
    // zh-cn#225 is in May through a comment.
    expect(dataset.pullRequests.map((p) => p.number)).toEqual([500, 505, 510, 225, 230, 236, 3]);
    expect(dataset.window).toEqual({ from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z", timeZone: "UTC" });
    expect(stderr).toMatch(/fetched 7 pull requests, 7 commits, 4 issues, 14 comments from 6 repositories; \d+ requests, \d+ points; wrote may\.json/);
    expect(stderr).toMatch(/^fetch: commits \d+\/\d+/m);
    expect(await readdir(dir)).toEqual(["may.json"]);
  });

  it("computes the window in --tz and takes --week-ending and --from/--to", async () => {
    await run(["--org", "QuantEcon", "--month", "2026-05", "--tz", "Australia/Sydney", "--out", "syd.json", "--quiet"]);
    const syd = JSON.parse(await readFile(join(dir, "syd.json"), "utf8"));
    expect(syd.window).toEqual({ from: "2026-04-30T14:00:00Z", to: "2026-05-31T14:00:00Z", timeZone: "Australia/Sydney" });
    expect(syd.pullRequests.map((p: { number: number }) => p.number)).not.toContain(510);
    await run(["--org", "QuantEcon", "--week-ending", "2026-05-14", "--out", "week.json", "--quiet"]);
    expect(JSON.parse(await readFile(join(dir, "week.json"), "utf8")).window.from).toBe("2026-05-08T00:00:00Z");
    await run(["--org", "QuantEcon", "--from", "2026-05-13", "--to", "2026-05-14", "--repos", "lecture-python.zh-cn", "--out", "range.json", "--quiet"]);
    const range = JSON.parse(await readFile(join(dir, "range.json"), "utf8"));
    expect(range.repos.map((r: { name: string }) => r.name)).toEqual(["QuantEcon/lecture-python.zh-cn"]);
    expect(range.pullRequests.map((p: { number: number }) => p.number)).toEqual([236]);
  });

  it("is quiet with --quiet", async () => {
    const { stdout, stderr } = await run(["--org", "QuantEcon", "--month", "2026-05", "--out", "q.json", "--quiet"]);
    expect(stdout + stderr).toBe("");
  });

  it("draws a progress bar on a terminal", async () => {
    const { stderr, error } = await run(["--org", "QuantEcon", "--month", "2026-05", "--out", "tty.json"], undefined, true);
    expect(error).toBeUndefined();
    expect(stderr).toContain("requests,");
    expect(stderr).not.toMatch(/^fetch: commits/m);
  });

  it("refuses usage errors by flag, before any request", async () => {
    const before = gh.requests;
    const cases: [string[], RegExp][] = [
      [["--month", "2026-05", "--out", "x.json"], /needs --org/],
      [["--org", "QuantEcon", "--out", "x.json"], /needs a window/],
      [["--org", "QuantEcon", "--month", "2026-13", "--out", "x.json"], /--month: month "2026-13"/],
      [["--org", "QuantEcon", "--month", "2026-05", "--week-ending", "2026-05-09", "--out", "x.json"], /one window/],
      [["--org", "QuantEcon", "--month", "2026-05", "--tz", "Mars/Base", "--out", "x.json"], /--tz "Mars\/Base"/],
      [["--org", "QuantEcon", "--month", "2026-05", "--exclude", "a((", "--out", "x.json"], /--exclude "a\(\("/],
      [["--org", "QuantEcon", "--month", "2026-05", "--max-wait", "soon", "--out", "x.json"], /--max-wait "soon"/],
      [["--org", "QuantEcon", "--month", "2026-05", "--out", "no/such/dir/x.json"], /--out no\/such\/dir\/x\.json: directory/],
    ];
    for (const [args, message] of cases) {
      const { error } = await run(args);
      expect(error?.message).toMatch(message);
      expect(error?.code).toBe("E_USAGE");
    }
    const { error } = await run(["--org", "QuantEcon", "--month", "2026-05", "--out", "x.json"], { GITHUB_GRAPHQL_URL: gh.url });
    expect(error).toMatchObject({ code: "E_CONFIG", message: expect.stringContaining("set GITHUB_TOKEN") });
    expect(gh.requests).toBe(before);
  });

  it("leaves an existing --out untouched, and no temp file, when the fetch fails", async () => {
    await writeFile(join(dir, "may.json"), "previous\n");
    gh.setFault({ kind: "status", status: 400, after: 2 });
    const { error } = await run(["--org", "QuantEcon", "--month", "2026-05", "--out", "may.json", "--quiet"]);
    expect(error).toMatchObject({ code: "E_GITHUB_RESPONSE" });
    expect(await readFile(join(dir, "may.json"), "utf8")).toBe("previous\n");
    expect(await readdir(dir)).toEqual(["may.json"]);
  });

  it("fails on a partial fetch unless --allow-partial, listing what is missing", async () => {
    gh.setFault({ kind: "repoError", repo: "QuantEcon/meta", type: "NOT_FOUND" });
    const failed = await run(["--org", "QuantEcon", "--month", "2026-05", "--repos", "meta,old-site", "--out", "p.json"]);
    expect(failed.error).toMatchObject({ code: "E_GITHUB_PARTIAL" });
    expect(failed.stderr).toContain("fetch: missing: QuantEcon/meta: NOT_FOUND");
    expect(await readdir(dir)).toEqual([]);
    const kept = await run(["--org", "QuantEcon", "--month", "2026-05", "--repos", "meta,old-site", "--out", "p.json", "--allow-partial"]);
    expect(kept.error).toBeUndefined();
    expect(kept.stderr).toContain("fetch: warning: incomplete: QuantEcon/meta: NOT_FOUND");
    expect(JSON.parse(await readFile(join(dir, "p.json"), "utf8")).warnings).toEqual([expect.objectContaining({ code: "NOT_FOUND", repo: "QuantEcon/meta" })]);
  });

  it("never shows the token: output, files and errors", async () => {
    const produced: string[] = [];
    const ok = { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: gh.url };
    const scenarios: [string[], Record<string, string>, Fault | undefined][] = [
      [["--out", "ok.json"], ok, undefined],
      [["--out", "bad.json"], { GH_TOKEN: `${TOKEN}-wrong`, GITHUB_GRAPHQL_URL: gh.url }, undefined],
      [["--out", "partial.json", "--allow-partial"], ok, { kind: "repoError", repo: "QuantEcon/old-site", type: "FORBIDDEN" }],
      [["--out", "shape.json"], ok, { kind: "shape" }],
      [["--out", "limit.json", "--max-wait", "1s"], ok, { kind: "primary", resetInSeconds: 600 }],
    ];
    for (const [args, env, fault] of scenarios) {
      gh.setFault(fault);
      const { stdout, stderr, error } = await run(["--org", "QuantEcon", "--month", "2026-05", ...args], env);
      produced.push(stdout, stderr, String(error), error?.stack ?? "", JSON.stringify(error ?? {}));
    }
    for (const name of await readdir(dir)) produced.push(await readFile(join(dir, name), "utf8"));
    expect(produced.join("\n")).toContain("rejected the token (401)");
    expect(produced.join("\n")).toContain("rate limit exhausted");
    expect(await readdir(dir)).toEqual(["ok.json", "partial.json"]);
    expect(produced.join("\n")).not.toContain(TOKEN);
  });
});

describe("parseDuration", () => {
  it("reads seconds, minutes and hours", () => {
    expect(parseDuration("90", "--max-wait")).toBe(90_000);
    expect(parseDuration("10m", "--max-wait")).toBe(600_000);
    expect(parseDuration("1h30m", "--max-wait")).toBe(5_400_000);
  });
});
