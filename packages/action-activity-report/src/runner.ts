import { appendFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import { EOL } from "node:os";

// The runner's workflow commands and environment files, as GitHub documents them
// (docs.github.com/actions/reference/workflows-and-actions/workflow-commands). Written here rather
// than taken from @actions/core, whose HTTP client (undici, ~400 KiB) the Action never calls.

const escapeData = (text: string): string => text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");

function command(name: string, message: string): void {
  process.stdout.write(`::${name}::${escapeData(message)}${EOL}`);
}

/** Asks the runner to mask a secret in every later line of the log. */
export function setSecret(secret: string): void {
  command("add-mask", secret);
}

/** A plain log line. */
export function info(line: string): void {
  process.stdout.write(`${line}${EOL}`);
}

/** An annotation of the run. */
export function notice(message: string): void {
  command("notice", message);
}

export function warning(message: string): void {
  command("warning", message);
}

/** Prints the error annotation and makes the step fail (exit code 1). */
export function setFailed(message: string): void {
  process.exitCode = 1;
  command("error", message);
}

/** Writes `name=value` to `$GITHUB_OUTPUT`, with a random delimiter so no value can end the block early. */
export function setOutput(name: string, value: string, env: NodeJS.ProcessEnv = process.env): void {
  const file = env["GITHUB_OUTPUT"];
  if (!file) {
    info(`output ${name}: ${value.length > 200 ? `${value.slice(0, 200)}…` : value}`);
    return;
  }
  const delimiter = `ghadelimiter_${randomUUID()}`;
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, "utf8");
}

/** Appends Markdown to the step's summary (`$GITHUB_STEP_SUMMARY`); nothing outside a runner. */
export function appendSummary(markdown: string, env: NodeJS.ProcessEnv = process.env): boolean {
  const file = env["GITHUB_STEP_SUMMARY"];
  if (!file) return false;
  appendFileSync(file, markdown.endsWith("\n") ? markdown : `${markdown}\n`, "utf8");
  return true;
}
