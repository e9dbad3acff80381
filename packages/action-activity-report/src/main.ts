import * as core from "./runner.js";
import { run } from "./run.js";

/** One line, whatever went wrong: a user error says what and where; anything else says it was unexpected. */
function failureLine(error: unknown): string {
  const code: unknown = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  const coded = typeof code === "string" && /^E_[A-Z0-9_]+$/.test(code);
  const message = (error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, " ").trim();
  return coded ? message : `unexpected error: ${message}`;
}

try {
  await run();
} catch (error) {
  // Secrets were masked by the runner before this line is printed; setFailed sets exit code 1.
  core.setFailed(failureLine(error));
  if (process.env["RUNNER_DEBUG"] === "1" && error instanceof Error && error.stack) core.info(error.stack);
}
