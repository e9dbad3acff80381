import type { DatasetWarning } from "@quantecon/attribution";
import { z } from "zod";
import { byText, checkConnection, connect, selectRepositories, type ConnectionOptions, type RepoSelection } from "./source.js";

/** A workflow file of a repository's default branch; `url` is its blob page, the base of line links. */
export interface FetchedWorkflowFile {
  repo: string;
  path: string;
  text: string;
  url: string;
}

/** Where a workflow fetch is: repositories read so far, of how many, and the API spent. */
export interface WorkflowFetchProgress {
  done: number;
  total: number;
  requests: number;
  points: number;
}

/** Which repositories' workflows to read, from where, and how patiently. */
export interface FetchWorkflowFilesOptions extends ConnectionOptions, RepoSelection {
  org: string;
  /** Read archived repositories too; their workflows cannot run, so they are left out by default. */
  includeArchived?: boolean;
  onProgress?: (progress: WorkflowFetchProgress) => void;
}

/** The workflow files read, the repositories they were read from, and what could not be read. */
export interface WorkflowFiles {
  files: FetchedWorkflowFile[];
  /** Every repository whose workflows folder was read (with or without workflows), by full name. */
  repos: string[];
  /** What is missing (NOT_FOUND, FORBIDDEN, BINARY, TRUNCATED) or left out (EXCLUDED). */
  warnings: DatasetWarning[];
  cost: { requests: number; points: number };
}

/** Where GitHub Actions looks for workflows; files in subfolders are not workflows. */
export const WORKFLOWS_FOLDER = ".github/workflows";

// Workflow files are small, but one request carries every file of each repository in it.
const REPOS_PER_REQUEST = 25;

const lit = (value: string): string => JSON.stringify(value);

/** The workflow folder of several repositories at once (`r0`, `r1`, ...), each file's text included. */
export function workflowFilesQuery(repos: readonly { owner: string; name: string }[]): string {
  const aliases = repos.map(
    (r, i) => `  r${i}: repository(owner: ${lit(r.owner)}, name: ${lit(r.name)}) {
    nameWithOwner url
    defaultBranchRef { name }
    object(expression: ${lit(`HEAD:${WORKFLOWS_FOLDER}`)}) {
      __typename
      ... on Tree { entries { name type mode object { __typename ... on Blob { text isBinary isTruncated byteSize } } } }
    }
  }`,
  );
  return ["query WorkflowFiles {", "  rateLimit { cost remaining resetAt }", ...aliases, "}"].join("\n");
}

const rateLimit = z.object({ cost: z.number().int().nonnegative(), remaining: z.number().int(), resetAt: z.string() });
const BlobShape = z.object({ __typename: z.string(), text: z.string().nullable().optional(), isBinary: z.boolean().nullable().optional(), isTruncated: z.boolean().optional(), byteSize: z.number().int().optional() });
const EntryShape = z.object({ name: z.string(), type: z.string(), mode: z.number().int(), object: BlobShape.nullable() });
const RepoFilesShape = z.object({
  nameWithOwner: z.string(),
  url: z.string(),
  defaultBranchRef: z.object({ name: z.string() }).nullable(),
  object: z.object({ __typename: z.string(), entries: z.array(EntryShape).optional() }).nullable(),
});
export const WorkflowFilesShape = z.object({ rateLimit }).catchall(RepoFilesShape.nullable());

const SYMLINK_MODE = 0o120000;
const blobUrl = (repoUrl: string, branch: string, path: string): string =>
  `${repoUrl}/blob/${branch.split("/").map(encodeURIComponent).join("/")}/${path.split("/").map(encodeURIComponent).join("/")}`;


/** The files of one repository's answer, and warnings for those that cannot be audited. */
function filesOf(answer: z.infer<typeof RepoFilesShape>, warnings: DatasetWarning[]): FetchedWorkflowFile[] {
  const repo = answer.nameWithOwner;
  const branch = answer.defaultBranchRef?.name;
  // An empty repository has no branch; a repository without the folder answers null: neither runs workflows.
  if (!branch || answer.object?.__typename !== "Tree") return [];
  const files: FetchedWorkflowFile[] = [];
  for (const entry of answer.object.entries ?? []) {
    if (entry.type !== "blob" || entry.mode === SYMLINK_MODE || !/\.ya?ml$/i.test(entry.name)) continue;
    const path = `${WORKFLOWS_FOLDER}/${entry.name}`;
    const blob = entry.object;
    if (blob?.isBinary) {
      warnings.push({ code: "BINARY", repo, message: `${repo}: ${path} is binary, not a YAML workflow; not audited` });
    } else if (blob?.isTruncated || typeof blob?.text !== "string") {
      const size = blob?.byteSize === undefined ? "" : ` (${blob.byteSize} bytes)`;
      warnings.push({ code: "TRUNCATED", repo, message: `${repo}: GitHub returned ${path}${size} cut short; not audited` });
    } else {
      files.push({ repo, path, text: blob.text, url: blobUrl(answer.url, branch, path) });
    }
  }
  return files;
}

/**
 * Reads `.github/workflows/*.yml|*.yaml` of an organization's repositories (default branch) through
 * GraphQL, many repositories per request, with the activity fetcher's retries, rate-limit waits and
 * errors. Repositories without workflows are fine; files that cannot be read whole become warnings.
 */
export async function fetchWorkflowFiles(options: FetchWorkflowFilesOptions): Promise<WorkflowFiles> {
  const { org } = options;
  checkConnection(org, options);
  const { client, clock } = connect(org, options);
  const warnings: DatasetWarning[] = [];
  // The repository listing counts commits in a range; an empty one keeps that part cheap.
  const instant = new Date(clock.now()).toISOString().replace(/\.\d{3}Z$/, "Z");
  const range = { since: instant, until: instant };

  const { scanned, warnings: left } = await selectRepositories(client, org, options, range, {
    leaveOut: (repo) => (repo.repo.isArchived && !options.includeArchived ? `${repo.repo.name} is archived: its workflows cannot run` : undefined),
  });
  warnings.push(...left);

  const files: FetchedWorkflowFile[] = [];
  const read: string[] = [];
  const progress = (done: number): void => options.onProgress?.({ done, total: scanned.length, requests: client.requests, points: client.points });
  progress(0);
  for (let start = 0; start < scanned.length; start += REPOS_PER_REQUEST) {
    const batch = scanned.slice(start, start + REPOS_PER_REQUEST);
    const { data, errors } = await client.query("WorkflowFiles", workflowFilesQuery(batch), WorkflowFilesShape);
    batch.forEach((repo, i) => {
      const answer = data[`r${i}`] as z.infer<typeof RepoFilesShape> | null | undefined;
      if (!answer) {
        const error = errors.find((e) => e.path?.[0] === `r${i}`);
        warnings.push({ code: error?.type ?? "NOT_FOUND", repo: repo.repo.name, message: `workflows of ${repo.repo.name} could not be read: ${error?.message ?? "no answer"}` });
        return;
      }
      read.push(answer.nameWithOwner);
      files.push(...filesOf(answer, warnings));
    });
    progress(Math.min(start + batch.length, scanned.length));
  }
  files.sort((a, b) => byText(a.repo, b.repo) || byText(a.path, b.path));
  warnings.sort((a, b) => byText(a.repo ?? "", b.repo ?? "") || byText(a.code, b.code) || byText(a.message, b.message));
  return { files, repos: read.sort(byText), warnings, cost: { requests: client.requests, points: client.points } };
}
