/** Stable error codes of the `qe-report` package. */
export type QeReportErrorCode =
  | "E_USAGE"
  | "E_CONFIG"
  | "E_INPUT"
  | "E_NOT_FOUND"
  | "E_RUNTIME";

/** The CLI's error: one user-facing line and a code the top level maps to an exit code. */
export class QeReportError extends Error {
  override name = "QeReportError";
  readonly code: QeReportErrorCode;
  constructor(code: QeReportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/** Exit codes: 2 for usage, config and input errors; 1 for runtime and API failures. */
export function exitCodeFor(code: string): 1 | 2 {
  return code === "E_RUNTIME" || code.startsWith("E_API") || code.startsWith("E_GITHUB") ? 1 : 2;
}
