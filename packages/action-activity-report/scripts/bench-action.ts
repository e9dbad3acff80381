// Bundle size and cold start of the Action: `node dist/index.js` with dry-run against the local
// GitHub-schema server, as the runner starts it (fresh process each time). Prints figures only.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { loadFixtureWorld, startFakeGitHub } from "@quantecon/fake-github";

const bundle = fileURLToPath(new URL("../dist/index.js", import.meta.url));
const runs = Number(process.argv[2] ?? 5);
const token = "bench-token";
const gh = await startFakeGitHub(loadFixtureWorld(), { token });
const dir = mkdtempSync(join(tmpdir(), "qe-action-bench-"));
// Asynchronous: the fake GitHub answers from this same process, so it must not be blocked.
const timed = async (env: Record<string, string>): Promise<number> => {
  const start = process.hrtime.bigint();
  const child = spawn(process.execPath, [bundle], { cwd: dir, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr.on("data", (d: Buffer) => (log += d.toString()));
  const code = await new Promise<number | null>((done) => child.on("close", done));
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (code !== 0 && env["INPUT_ORGANIZATION"] !== "") throw new Error(`run failed: ${log}`);
  return ms;
};
const times = async (n: number, env: Record<string, string>): Promise<number[]> => {
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(await timed(env));
  return out;
};
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
try {
  writeFileSync(join(dir, "out"), "");
  writeFileSync(join(dir, "summary"), "");
  const env = {
    PATH: process.env["PATH"] ?? "",
    GITHUB_WORKSPACE: dir,
    GITHUB_OUTPUT: join(dir, "out"),
    GITHUB_STEP_SUMMARY: join(dir, "summary"),
    GITHUB_API_URL: gh.apiUrl,
    GITHUB_GRAPHQL_URL: gh.url,
    "INPUT_ORGANIZATION": "QuantEcon",
    "INPUT_MONTH": "2026-05",
    "INPUT_GITHUB-TOKEN": token,
    "INPUT_POST-TO": "QuantEcon/meta",
    "INPUT_DRY-RUN": "true",
  };
  const load = await times(runs, { ...env, INPUT_ORGANIZATION: "" });
  const full = await times(runs, env);
  const bytes = statSync(bundle).size;
  const gz = gzipSync(readFileSync(bundle)).length;
  process.stdout.write(
    [
      `bundle: dist/index.js ${(bytes / 1024).toFixed(0)} KiB (${(gz / 1024).toFixed(0)} KiB gzipped)`,
      `start and exit on a bad input (load only), median of ${runs}: ${median(load).toFixed(0)} ms`,
      `dry run of May 2026 against the fake GitHub (fetch May and April, audit, report, look up the issue), median of ${runs}: ${median(full).toFixed(0)} ms`,
    ].join("\n") + "\n",
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
  await gh.close();
}
