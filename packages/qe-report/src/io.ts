/** Where the CLI reads and writes: passed in, so tests run the CLI with their own streams and env. */
export interface CliIO {
  stdout: { write(chunk: string): unknown; isTTY?: boolean };
  stderr: { write(chunk: string): unknown; isTTY?: boolean; columns?: number };
  env: Record<string, string | undefined>;
  cwd: string;
  /** The clock; tests and `--generated-at` pin it. */
  now: () => Date;
}

/** The real process's streams, environment and clock. */
export function processIO(): CliIO {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd(), now: () => new Date() };
}
