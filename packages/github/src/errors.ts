import type { Dataset, DatasetWarning } from "@quantecon/attribution";

/** Stable error codes of `@quantecon/attribution-github`. */
export type GitHubErrorCode =
  | "E_GITHUB_AUTH"
  | "E_GITHUB_NOT_FOUND"
  | "E_GITHUB_RATE_LIMIT"
  | "E_GITHUB_PARTIAL"
  | "E_GITHUB_NETWORK"
  | "E_GITHUB_RESPONSE"
  | "E_GITHUB_ABORTED"
  | "E_GITHUB_USAGE";

/** The package's one error: a one-line message (never holding the token) and a stable code. */
export class GitHubError extends Error {
  override name = "GitHubError";
  readonly code: GitHubErrorCode;
  /** HTTP status, when GitHub answered with one. */
  readonly status: number | undefined;
  /** For `E_GITHUB_PARTIAL`: what is missing, and the dataset without it. */
  readonly warnings: DatasetWarning[];
  readonly dataset: Dataset | undefined;

  constructor(code: GitHubErrorCode, message: string, details: { status?: number; warnings?: DatasetWarning[]; dataset?: Dataset } = {}) {
    super(message);
    this.code = code;
    this.status = details.status;
    this.warnings = details.warnings ?? [];
    this.dataset = details.dataset;
  }
}
