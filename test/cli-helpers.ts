import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli, type CliIO } from "qe-report";

/** The small hand-written May 2026 dataset the CLI tests read. */
export const SMALL_DATASET = fileURLToPath(new URL("./fixtures/cli/small-2026-05.json", import.meta.url));

/** A clock reading for tests: late November 2026, so May 2026 is complete and 2027 is the future. */
export const NOW = new Date("2026-11-27T12:00:00Z");

/** What one CLI run printed, and its exit code. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured streams, an empty environment and a pinned clock. */
export async function run(argv: string[], options: { cwd?: string; env?: Record<string, string>; now?: Date } = {}): Promise<CliRun> {
  let stdout = "";
  let stderr = "";
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    now: () => options.now ?? NOW,
  };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary directory, and a function that removes it. */
export function tempDir(prefix = "qe-report-cli-"): { dir: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
