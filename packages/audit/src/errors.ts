/** Stable error codes of `@quantecon/attribution-audit`. */
export type AuditErrorCode =
  /** `auditWorkflows` was called with something that is not a list of workflow files. */
  | "E_INVALID_AUDIT_INPUT"
  /** A JSON audit report does not match `qe-audit/v1`. */
  | "E_INVALID_AUDIT_REPORT";

/** The one error class of the audit package: a one-line, user-facing message and a stable code. */
export class AuditError extends Error {
  override name = "AuditError";
  readonly code: AuditErrorCode;
  /** Every problem found, as `path: message` lines; `message` holds the first. */
  readonly problems: readonly string[];

  constructor(code: AuditErrorCode, message: string, problems: readonly string[] = [message]) {
    super(message);
    this.code = code;
    this.problems = problems;
  }
}
