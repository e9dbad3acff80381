import { createHash } from "node:crypto";
import { graphql as octokitGraphql, GraphqlResponseError } from "@octokit/graphql";
import { LIMITS } from "./client.js";
import { GitHubError } from "./errors.js";
import { boundedFetch } from "./transport.js";

/** GitHub's limit on an issue or comment body, in characters. */
export const ISSUE_BODY_LIMIT = 65_536;

/** Where to post a report, as what, and how. */
export interface PostReportOptions {
  /** `owner/name` of the repository that gets the issue. */
  repo: string;
  /** A token that may write issues there (`issues: write`). */
  token: string;
  /** The GraphQL endpoint; github.com's by default. */
  apiUrl?: string;
  /** What the report is of, e.g. `postKey(org, window)`: a re-run with the same key updates the same issue. */
  key: string;
  title: string;
  /** The report's body parts, each at most 65,536 characters less room for the marker: the first is the issue, the rest its comments. */
  parts: readonly string[];
  /** Labels a new issue gets (created in the repository when missing). */
  labels?: readonly string[];
  /** The issue cannot be older than this instant (a month's report is posted after the month): the lookup stops there. */
  notBefore?: string;
  /** Look up only: say what would be done, change nothing. */
  dryRun?: boolean;
  /** Options for `@octokit/request`, e.g. `{ fetch }`. */
  request?: Record<string, unknown>;
}

/** What happened to one body: the issue's or a continuation comment's. */
export interface PostedBody {
  action: "created" | "updated" | "unchanged" | "retired" | "would-create" | "would-update" | "would-retire";
  url: string | null;
}

/** The outcome of `postReport`. */
export interface PostResult {
  repo: string;
  /** The issue's URL; null on a dry run that would create it. */
  url: string | null;
  number: number | null;
  issue: PostedBody;
  comments: PostedBody[];
}

const MARKER_RE = /<!-- qe-report:post key=([^ ]+) part=(\d+)(?: comments=([^ ]*))? -->/;

/** The key of a report of `org` over a window: the same org and window give the same key. */
export function postKey(org: string, window: { from: string; to: string }): string {
  return `${org.toLowerCase()} ${window.from}/${window.to}`;
}

/** A posted continuation comment as the issue's marker lists it: its node id and a digest of its body. */
export interface MarkedComment {
  id: string;
  digest: string;
}

/** The digest the marker keeps of a comment's body, so a re-run can leave an unchanged comment alone. */
export const bodyDigest = (body: string): string => createHash("sha256").update(body).digest("base64url").slice(0, 16);

/** The hidden line that identifies a posted body: the report's key, the part, and (in the issue) its continuation comments. */
export function postMarker(key: string, part: number, comments: readonly MarkedComment[] = []): string {
  const ids = part === 1 ? ` comments=${comments.map((c) => `${c.id}~${c.digest}`).join(",")}` : "";
  return `<!-- qe-report:post key=${encodeURIComponent(key)} part=${part}${ids} -->`;
}

/** The marker read back from a body, or null. */
export function readPostMarker(body: string): { key: string; part: number; commentIds: string[]; comments: MarkedComment[] } | null {
  const m = MARKER_RE.exec(body);
  if (!m) return null;
  let key: string;
  try {
    key = decodeURIComponent(m[1]!);
  } catch {
    return null;
  }
  const comments = (m[3] ?? "")
    .split(",")
    .filter(Boolean)
    .map((entry) => {
      const [id = "", digest = ""] = entry.split("~");
      return { id, digest };
    });
  return { key, part: Number(m[2]), commentIds: comments.map((c) => c.id), comments };
}

/**
 * Keeps a body from notifying anyone: `@login` and `@org/team` get a zero-width space after the
 * `@`, so they read the same but are not mentions. Code spans and e-mail addresses are left alone.
 */
export function defuseMentions(body: string): string {
  return body
    .split(/(`[^`\n]*`)/)
    .map((piece, i) => (i % 2 === 1 ? piece : piece.replace(/(^|[^\w`/.@-])@([A-Za-z0-9][A-Za-z0-9-]*(?:\/[A-Za-z0-9_.-]+)?)/g, "$1@&#8203;$2")))
    .join("");
}

interface IssueHit {
  id: string;
  number: number;
  url: string;
  title: string;
  body: string;
  createdAt: string;
  viewerDidAuthor: boolean;
}

// Light pages (no bodies): only the viewer's own issues are candidates, and only their bodies are read.
const LOOKUP = `query ($owner: String!, $name: String!, $cursor: String) {
  repository(owner: $owner, name: $name) {
    id
    issues(first: 100, after: $cursor, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { id number url title createdAt viewerDidAuthor }
    }
  }
}`;

const bodiesQuery = (ids: readonly string[]): string =>
  `query {\n${ids.map((id, i) => `  i${i}: node(id: ${JSON.stringify(id)}) { ... on Issue { id body } }`).join("\n")}\n}`;

const CREATE_ISSUE = `mutation ($repositoryId: ID!, $title: String!, $body: String!, $labelIds: [ID!]) {
  createIssue(input: { repositoryId: $repositoryId, title: $title, body: $body, labelIds: $labelIds }) { issue { id number url } }
}`;
const UPDATE_ISSUE = `mutation ($id: ID!, $title: String!, $body: String!) {
  updateIssue(input: { id: $id, title: $title, body: $body }) { issue { id number url } }
}`;
const ADD_COMMENT = `mutation ($subjectId: ID!, $body: String!) {
  addComment(input: { subjectId: $subjectId, body: $body }) { commentEdge { node { id url } } }
}`;
const UPDATE_COMMENT = `mutation ($id: ID!, $body: String!) {
  updateIssueComment(input: { id: $id, body: $body }) { issueComment { id url } }
}`;
const LABEL = `query ($owner: String!, $name: String!, $label: String!) { repository(owner: $owner, name: $name) { label(name: $label) { id } } }`;
const CREATE_LABEL = `mutation ($repositoryId: ID!, $name: String!) {
  createLabel(input: { repositoryId: $repositoryId, name: $name, color: "ededed", description: "Activity reports posted by qe-report" }) { label { id } }
}`;

// A month's report issue sits among the newest; past this many issues the lookup gives up rather than guess.
const MAX_LOOKUP_PAGES = 50;

const RETIRED = "_This part of an earlier, longer version of the report is no longer used._\n";

type Send = <T>(query: string, variables: Record<string, unknown>) => Promise<T>;

function sender(options: PostReportOptions): Send {
  const redact = (text: string): string => (options.token ? text.split(options.token).join("[REDACTED]") : text);
  // Posting talks to the same servers as fetching: each attempt is bounded in time and size alike.
  const base = (options.request?.["fetch"] as typeof fetch | undefined) ?? globalThis.fetch;
  const fetch = boundedFetch(base, () => ({ timeoutMs: LIMITS.requestTimeoutMs, maxBytes: LIMITS.maxResponseBytes }), redact);
  const send = octokitGraphql.defaults({
    url: options.apiUrl ?? "https://api.github.com/graphql",
    headers: { authorization: `bearer ${options.token}` },
    request: { ...options.request, fetch },
  });
  return async <T>(query: string, variables: Record<string, unknown>): Promise<T> => {
    try {
      return await send<T>(query, variables);
    } catch (error) {
      if (error instanceof GraphqlResponseError) {
        const message = redact(error.errors?.map((e) => e.message).join("; ") ?? error.message);
        const notFound = error.errors?.some((e) => e.type === "NOT_FOUND");
        throw new GitHubError(notFound ? "E_GITHUB_NOT_FOUND" : "E_GITHUB_RESPONSE", `posting to ${options.repo}: ${message}`);
      }
      const failure = error as { status?: number; message?: string };
      const status = failure.status;
      if (status === 401) throw new GitHubError("E_GITHUB_AUTH", `posting to ${options.repo}: GitHub rejected the post token (401)`, { status });
      if (status === 403) {
        throw new GitHubError("E_GITHUB_AUTH", `posting to ${options.repo}: the post token may not write issues there (403); it needs \`issues: write\` on ${options.repo}`, { status });
      }
      throw new GitHubError(
        "E_GITHUB_NETWORK",
        `posting to ${options.repo}: ${status === undefined ? "could not reach GitHub" : `GitHub answered ${status}`} (${redact(failure.message ?? "unknown error")})`,
        status === undefined ? {} : { status },
      );
    }
  };
}

function splitRepo(repo: string): { owner: string; name: string } {
  const m = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/.exec(repo.trim());
  if (!m) throw new GitHubError("E_GITHUB_USAGE", `repository ${JSON.stringify(repo)}: expected OWNER/REPO`);
  return { owner: m[1]!, name: m[2]! };
}

/** The newest issue the viewer opened that carries the key's marker, and the repository's id. */
async function findIssue(send: Send, options: PostReportOptions, owner: string, name: string): Promise<{ repositoryId: string; issue: IssueHit | undefined }> {
  const stop = options.notBefore === undefined ? Number.NEGATIVE_INFINITY : Date.parse(options.notBefore);
  let cursor: string | null = null;
  let repositoryId = "";
  for (let page = 0; page < MAX_LOOKUP_PAGES; page++) {
    type Listed = Omit<IssueHit, "body">;
    type Answer = { repository: { id: string; issues: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: Listed[] } } | null };
    const answer: Answer = await send<Answer>(LOOKUP, { owner, name, cursor });
    if (!answer.repository) throw new GitHubError("E_GITHUB_NOT_FOUND", `posting to ${options.repo}: repository not found, or the post token cannot see it`);
    repositoryId = answer.repository.id;
    const { nodes, pageInfo } = answer.repository.issues;
    // Only our own issues count: anyone can open an issue that quotes the marker.
    const mine = nodes.filter((n) => n.viewerDidAuthor && Date.parse(n.createdAt) >= stop);
    if (mine.length > 0) {
      const bodies = await send<Record<string, { id: string; body: string } | null>>(bodiesQuery(mine.map((n) => n.id)), {});
      for (const [i, node] of mine.entries()) {
        const marker = readPostMarker(bodies[`i${i}`]?.body ?? "");
        if (marker?.key === options.key && marker.part === 1) return { repositoryId, issue: { ...node, body: bodies[`i${i}`]!.body } };
      }
    }
    if (!pageInfo.hasNextPage || nodes.some((n) => Date.parse(n.createdAt) < stop)) return { repositoryId, issue: undefined };
    cursor = pageInfo.endCursor;
  }
  throw new GitHubError(
    "E_GITHUB_RESPONSE",
    `posting to ${options.repo}: looked through the newest ${(MAX_LOOKUP_PAGES * 100).toLocaleString("en-US")} issues without reaching the report's window; not posting, so as not to open a second issue for it`,
  );
}

async function labelIds(send: Send, owner: string, name: string, repositoryId: string, labels: readonly string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const label of labels) {
    const found = await send<{ repository: { label: { id: string } | null } | null }>(LABEL, { owner, name, label });
    const id =
      found.repository?.label?.id ?? (await send<{ createLabel: { label: { id: string } } }>(CREATE_LABEL, { repositoryId, name: label })).createLabel.label.id;
    ids.push(id);
  }
  return ids;
}

function withMarker(text: string, marker: string, what: string): string {
  const body = `${text.replace(/\n*$/, "\n")}\n${marker}\n`;
  if (body.length > ISSUE_BODY_LIMIT) {
    throw new GitHubError("E_GITHUB_USAGE", `${what} is ${body.length.toLocaleString("en-US")} characters with its marker, over GitHub's ${ISSUE_BODY_LIMIT.toLocaleString("en-US")}; split the report into smaller parts`);
  }
  return body;
}

/**
 * Posts a report as one issue and, when it came in parts, continuation comments, idempotently:
 * a hidden marker carries the key (org + window), so a re-run updates the issue the same
 * credential opened before, and its comments, instead of opening another. Mentions are
 * defused, so the post notifies nobody; assignees are never set.
 */
export async function postReport(options: PostReportOptions): Promise<PostResult> {
  const { owner, name } = splitRepo(options.repo);
  if (options.parts.length === 0) throw new GitHubError("E_GITHUB_USAGE", "nothing to post: the report has no parts");
  if (!options.token) throw new GitHubError("E_GITHUB_USAGE", `posting to ${options.repo} needs a token with \`issues: write\` there`);
  const send = sender(options);
  const parts = options.parts.map(defuseMentions);
  const title = options.title.replace(/\s+/g, " ").trim().slice(0, 256);
  const { repositoryId, issue } = await findIssue(send, options, owner, name);
  const known = issue ? readPostMarker(issue.body)!.comments : [];
  const extra = parts.length - 1;

  if (options.dryRun) {
    const comments: PostedBody[] = [];
    for (let i = 0; i < Math.max(extra, known.length); i++) {
      comments.push({ action: i >= extra ? "would-retire" : i < known.length ? "would-update" : "would-create", url: null });
    }
    return { repo: options.repo, url: issue?.url ?? null, number: issue?.number ?? null, issue: { action: issue ? "would-update" : "would-create", url: issue?.url ?? null }, comments };
  }

  let current = issue;
  let issueAction: PostedBody["action"] = "unchanged";
  if (!current) {
    const ids = options.labels && options.labels.length > 0 ? await labelIds(send, owner, name, repositoryId, options.labels) : [];
    const body = withMarker(parts[0]!, postMarker(options.key, 1), "the report's first part");
    const created = await send<{ createIssue: { issue: { id: string; number: number; url: string } } }>(CREATE_ISSUE, { repositoryId, title, body, labelIds: ids.length > 0 ? ids : null });
    current = { ...created.createIssue.issue, title, body, createdAt: "", viewerDidAuthor: true };
    issueAction = "created";
  }
  const subjectId = current.id;

  const comments: PostedBody[] = [];
  const ids: MarkedComment[] = [];
  for (let i = 0; i < Math.max(extra, known.length); i++) {
    const text = i < extra ? parts[i + 1]! : RETIRED;
    const body = withMarker(text, postMarker(options.key, i + 2), `part ${i + 2} of the report`);
    const digest = bodyDigest(body);
    const id = known[i]?.id;
    if (id !== undefined && known[i]?.digest === digest) {
      ids.push({ id, digest });
      comments.push({ action: "unchanged", url: null });
      continue;
    }
    if (id !== undefined) {
      try {
        const updated = await send<{ updateIssueComment: { issueComment: { id: string; url: string } } }>(UPDATE_COMMENT, { id, body });
        ids.push({ id, digest });
        comments.push({ action: i < extra ? "updated" : "retired", url: updated.updateIssueComment.issueComment.url });
        continue;
      } catch (error) {
        // Someone deleted the comment: post the part again.
        if (!(error instanceof GitHubError && error.code === "E_GITHUB_NOT_FOUND")) throw error;
        if (i >= extra) continue;
      }
    }
    if (i >= extra) continue;
    const added = await send<{ addComment: { commentEdge: { node: { id: string; url: string } } } }>(ADD_COMMENT, { subjectId, body });
    ids.push({ id: added.addComment.commentEdge.node.id, digest });
    comments.push({ action: "created", url: added.addComment.commentEdge.node.url });
  }

  const body = withMarker(parts[0]!, postMarker(options.key, 1, ids), "the report's first part");
  if (body !== current.body || title !== current.title) {
    await send(UPDATE_ISSUE, { id: subjectId, title, body });
    if (issueAction === "unchanged") issueAction = "updated";
  }
  return { repo: options.repo, url: current.url, number: current.number, issue: { action: issueAction, url: current.url }, comments };
}
