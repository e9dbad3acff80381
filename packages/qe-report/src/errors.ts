/** Stable error codes of the `qe-report` package. */
export type QeReportErrorCode =
  | "E_USAGE"
  | "E_CONFIG"
  | "E_INPUT"
  | "E_NOT_FOUND"
  | "E_RUNTIME"
  /** A check the user asked to fail on failed (`audit --fail-on personal`): exit 1, but not a crash. */
  | "E_GATE";

/** The CLI's error: one user-facing line and a code the top level maps to an exit code. */
export class QeReportError extends Error {
  override name = "QeReportError";
  readonly code: QeReportErrorCode;
  /** Every problem found, one line each, when there was more than the message shows; `--debug` prints them. */
  readonly problems: readonly string[];
  constructor(code: QeReportErrorCode, message: string, options?: { cause?: unknown; problems?: readonly string[] }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.problems = options?.problems ?? [message];
  }
}

/**
 * Exit code for any of our packages' error codes: 2 for usage, config and input errors
 * (`E_USAGE`, `E_CONFIG`, `E_INPUT`, `E_NOT_FOUND`, the core's `E_INVALID_*`, `E_GITHUB_USAGE`);
 * 1 for everything else (runtime, API and network failures, codes we do not know).
 */
export function exitCodeFor(code: string): 1 | 2 {
  return /^E_(USAGE|CONFIG|INPUT|NOT_FOUND|INVALID(_\w+)?|\w+_USAGE)$/.test(code) ? 2 : 1;
}
