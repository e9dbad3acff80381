/** Stable error codes of `@quantecon/attribution`; the CLI maps every one of them to exit code 2. */
export type AttributionErrorCode =
  | "E_INVALID_DATASET"
  | "E_INVALID_CONFIG"
  | "E_INVALID_WINDOW"
  | "E_INVALID_TIME_ZONE"
  | "E_INVALID_REF";

/** The one error class of the core: a one-line, user-facing message and a stable code. */
export class AttributionError extends Error {
  override name = "AttributionError";
  readonly code: AttributionErrorCode;
  /** Every problem found, as `path: message` lines; `message` holds the first. */
  readonly problems: readonly string[];

  constructor(code: AttributionErrorCode, message: string, problems: readonly string[] = [message]) {
    super(message);
    this.code = code;
    this.problems = problems;
  }
}
