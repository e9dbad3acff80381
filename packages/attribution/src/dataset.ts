import { z } from "zod";
import { AttributionError } from "./errors.js";
import { issueLines } from "./issues.js";
import { isValidTimeZone } from "./windows.js";

/** The dataset format id this package reads and writes. */
export const DATASET_SCHEMA_ID = "qe-activity/v1";

const timestamp = z.iso.datetime({ offset: true }).describe("ISO 8601 instant");
const login = z.string().min(1).describe("GitHub login");
const repoName = z
  .string()
  .regex(/^[^/\s]+\/[^/\s]+$/, "expected \"owner/name\"")
  .describe("Repository as owner/name");

export const RepoSchema = z
  .object({
    name: repoName,
    defaultBranch: z.string().nullable(),
    isArchived: z.boolean(),
    isFork: z.boolean(),
  })
  .describe("A repository that was scanned, active or not");

export const ActorTypeSchema = z.enum(["User", "Bot", "Organization", "Mannequin", "EnterpriseUserAccount"]);

export const ActorSchema = z
  .object({
    login,
    type: ActorTypeSchema,
    name: z.string().nullable().optional(),
  })
  .describe("An account referenced anywhere in the dataset");

export const ReviewSchema = z.object({
  author: login.nullable(),
  state: z.enum(["APPROVED", "CHANGES_REQUESTED", "COMMENTED", "DISMISSED", "PENDING"]),
  submittedAt: timestamp.nullable(),
});

/** git's own UTC offset of a timestamp, e.g. "+02:00" (a CI runner commits at "+00:00"). */
const utcOffset = z.string().regex(/^[+-]\d{2}:\d{2}$/, 'expected a UTC offset such as "+02:00"');

export const CommentSchema = z
  .object({
    author: login.nullable().describe("login, null for a deleted (ghost) user"),
    createdAt: timestamp,
    authorAssociation: z.enum([
      "MEMBER",
      "OWNER",
      "COLLABORATOR",
      "CONTRIBUTOR",
      "FIRST_TIME_CONTRIBUTOR",
      "FIRST_TIMER",
      "MANNEQUIN",
      "NONE",
    ]),
    body: z.string(),
  })
  .describe("A conversation comment on a pull request or issue");

export const PullRequestSchema = z.object({
  repo: repoName,
  number: z.number().int().positive(),
  url: z.string(),
  title: z.string(),
  body: z.string(),
  author: login.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  closedAt: timestamp.nullable(),
  mergedAt: timestamp.nullable(),
  mergedBy: login.nullable(),
  state: z.enum(["OPEN", "CLOSED", "MERGED"]),
  isDraft: z.boolean(),
  headRef: z.string(),
  baseRef: z.string(),
  headRepo: repoName.nullable(),
  labels: z.array(z.string()),
  assignees: z.array(login),
  additions: z.number().int().nonnegative(),
  deletions: z.number().int().nonnegative(),
  changedFiles: z.number().int().nonnegative(),
  reviews: z.array(ReviewSchema),
  comments: z.array(CommentSchema).optional().describe("Every conversation comment, oldest first"),
});

export const GitActorSchema = z.object({
  login: login.nullable(),
  name: z.string().nullable(),
  email: z.string().nullable(),
});

export const CommitSchema = z.object({
  repo: repoName,
  oid: z.string().regex(/^[0-9a-f]{40}$/, "expected a 40-character hex object id"),
  url: z.string(),
  message: z.string(),
  authoredAt: timestamp,
  committedAt: timestamp,
  author: GitActorSchema,
  committer: GitActorSchema,
  parents: z.number().int().nonnegative(),
  committedViaWeb: z.boolean(),
  pullRequest: z.number().int().positive().nullable(),
  authorOffset: utcOffset.optional().describe("git's own UTC offset of authoredAt"),
  committerOffset: utcOffset.optional().describe("git's own UTC offset of committedAt"),
});

export const IssueSchema = z.object({
  repo: repoName,
  number: z.number().int().positive(),
  url: z.string(),
  title: z.string(),
  body: z.string(),
  author: login.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  closedAt: timestamp.nullable(),
  state: z.enum(["OPEN", "CLOSED"]),
  labels: z.array(z.string()),
  comments: z.array(CommentSchema).optional().describe("Every conversation comment, oldest first"),
  closedBy: login.nullable().optional().describe("Who closed it (ClosedEvent.actor); null when unknown or deleted"),
});

export const WarningSchema = z
  .object({
    code: z.string().describe("Stable id of the problem, e.g. NOT_FOUND, FORBIDDEN, EXCLUDED, SEARCH_CAP"),
    message: z.string(),
    repo: repoName.optional(),
  })
  .describe("Something the fetch could not get or chose to leave out");

export const WindowSchema = z.object({
  from: timestamp.describe("inclusive"),
  to: timestamp.describe("exclusive"),
  timeZone: z
    .string()
    .refine(isValidTimeZone, { message: 'expected an IANA time zone such as "UTC" or "America/New_York"' })
    .describe("IANA zone the window was computed in"),
});

export const DatasetSchema = z
  .object({
    schema: z.literal(DATASET_SCHEMA_ID),
    generatedAt: timestamp,
    source: z.object({
      kind: z.string(),
      org: z.string(),
      apiUrl: z.string().optional(),
      cost: z
        .object({ requests: z.number().int().nonnegative(), points: z.number().int().nonnegative() })
        .optional()
        .describe("GraphQL requests made and rate-limit points spent by the fetch"),
    }),
    window: WindowSchema,
    repos: z.array(RepoSchema),
    actors: z.array(ActorSchema),
    pullRequests: z.array(PullRequestSchema),
    commits: z.array(CommitSchema),
    issues: z.array(IssueSchema),
    warnings: z.array(WarningSchema).optional().describe("What is missing or was left out"),
  })
  .describe("An organization's activity in a time window (qe-activity/v1)");

export type Repo = z.infer<typeof RepoSchema>;
export type Actor = z.infer<typeof ActorSchema>;
export type ActorType = z.infer<typeof ActorTypeSchema>;
export type Review = z.infer<typeof ReviewSchema>;
export type Comment = z.infer<typeof CommentSchema>;
export type PullRequest = z.infer<typeof PullRequestSchema>;
export type GitActor = z.infer<typeof GitActorSchema>;
export type Commit = z.infer<typeof CommitSchema>;
export type Issue = z.infer<typeof IssueSchema>;
export type DatasetWarning = z.infer<typeof WarningSchema>;
export type Window = z.infer<typeof WindowSchema>;
export type Dataset = z.infer<typeof DatasetSchema>;

function schemaVersionProblem(input: unknown): string | undefined {
  if (typeof input !== "object" || input === null || Array.isArray(input)) {
    return `dataset: expected a JSON object, got ${input === null ? "null" : Array.isArray(input) ? "an array" : typeof input}`;
  }
  const version = (input as { schema?: unknown }).schema;
  if (version === undefined) return `dataset.schema: is required (expected "${DATASET_SCHEMA_ID}")`;
  if (version !== DATASET_SCHEMA_ID) {
    return `dataset.schema: unsupported version ${JSON.stringify(version)} (this version reads "${DATASET_SCHEMA_ID}")`;
  }
  return undefined;
}

function crossCheck(dataset: Dataset): string[] {
  const problems: string[] = [];
  if (Date.parse(dataset.window.to) <= Date.parse(dataset.window.from)) {
    problems.push("dataset.window.to: must be later than window.from");
  }
  const seen = new Set<string>();
  dataset.pullRequests.forEach((pr, i) => {
    const key = `${pr.repo}#${pr.number}`;
    if (seen.has(key)) problems.push(`dataset.pullRequests[${i}]: duplicate item ${key}`);
    seen.add(key);
  });
  dataset.issues.forEach((issue, i) => {
    const key = `${issue.repo}#${issue.number}`;
    if (seen.has(key)) problems.push(`dataset.issues[${i}]: duplicate item ${key} (already a pull request or issue)`);
    seen.add(key);
  });
  dataset.commits.forEach((commit, i) => {
    const key = `${commit.repo}@${commit.oid}`;
    if (seen.has(key)) problems.push(`dataset.commits[${i}]: duplicate commit ${key}`);
    seen.add(key);
  });
  return problems;
}

/** Validation result: the dataset, or every problem as a `path: message` line. */
export type DatasetParseResult =
  | { ok: true; dataset: Dataset; errors: undefined }
  | { ok: false; dataset: undefined; errors: string[] };

/** Validates unknown input as a `qe-activity/v1` dataset without throwing. */
export function safeParseDataset(input: unknown): DatasetParseResult {
  const versionProblem = schemaVersionProblem(input);
  if (versionProblem) return { ok: false, dataset: undefined, errors: [versionProblem] };
  const parsed = DatasetSchema.safeParse(input, { reportInput: true });
  if (!parsed.success) return { ok: false, dataset: undefined, errors: issueLines("dataset", parsed.error) };
  const problems = crossCheck(parsed.data);
  if (problems.length > 0) return { ok: false, dataset: undefined, errors: problems };
  return { ok: true, dataset: parsed.data, errors: undefined };
}

/** Validates unknown input as a `qe-activity/v1` dataset, throwing `E_INVALID_DATASET` with the first problem. */
export function parseDataset(input: unknown): Dataset {
  const result = safeParseDataset(input);
  if (!result.ok) throw invalid("E_INVALID_DATASET", result.errors);
  return result.dataset;
}

/** Builds the error for a list of problems: the first one, and how many more there are. */
export function invalid(code: "E_INVALID_DATASET" | "E_INVALID_CONFIG", errors: string[]): AttributionError {
  const first = errors[0] ?? "invalid input";
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more problem${errors.length > 2 ? "s" : ""})` : "";
  return new AttributionError(code, first + more, errors);
}
