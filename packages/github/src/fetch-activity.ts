import { inWindow, issueInWindow, parseDataset, pullRequestInWindow, utcInstant, type Dataset, type DatasetWarning, type Window } from "@quantecon/attribution";
import { fetchCommits } from "./commits.js";
import { GitHubError } from "./errors.js";
import { ActorRegistry, loginsOf, toCommit, toIssue, toPullRequest } from "./map.js";
import { fetchMoreItems } from "./more-items.js";
import type { MoreItemsRequest } from "./queries.js";
import type { GitHubClient } from "./client.js";
import { byText, checkConnection, connect, selectRepositories, type ConnectionOptions, type RepoSelection } from "./source.js";
import type { ActorNode, PullRequestNode, ReviewNode } from "./responses.js";
import { searchAll } from "./search.js";
import { completeComments, threadsOf } from "./comment-pages.js";

/** Where a fetch is: the phase, items so far and expected, and the API spent so far. */
export interface FetchProgress {
  phase: "repositories" | "pullRequests" | "issues" | "commits" | "comments";
  done: number;
  total: number | undefined;
  requests: number;
  points: number;
}

/** What to fetch, from where, and how patiently. */
export interface FetchActivityOptions extends ConnectionOptions, RepoSelection {
  org: string;
  window: Window;
  onProgress?: (progress: FetchProgress) => void;
  /** Return a dataset with `warnings` instead of failing when something could not be read. */
  allowPartial?: boolean;
  /** Fetch conversation comments and who closed each issue (default true; `--no-comments` turns it off). */
  comments?: boolean;
}

/** Warnings that mean data is missing (as opposed to left out on purpose). */
const MISSING = (w: DatasetWarning): boolean => w.code !== "EXCLUDED";


function checkOptions(options: FetchActivityOptions): void {
  checkConnection(options.org, options);
  if (!(Date.parse(options.window.to) > Date.parse(options.window.from))) {
    throw new GitHubError("E_GITHUB_USAGE", `window: to (${options.window.to}) must be later than from (${options.window.from})`);
  }
}


/** Fills in reviews, labels and assignees of pull requests that had more than 100 of any. */
async function completePullRequests(client: GitHubClient, nodes: PullRequestNode[], warnings: DatasetWarning[]): Promise<void> {
  const requests: { node: PullRequestNode; request: MoreItemsRequest }[] = [];
  for (const node of nodes) {
    if (node.reviews.pageInfo.hasNextPage) requests.push({ node, request: { id: node.id, kind: "PullRequest", field: "reviews", cursor: node.reviews.pageInfo.endCursor } });
    if (node.labels.totalCount > node.labels.nodes.length) requests.push({ node, request: { id: node.id, kind: "PullRequest", field: "labels", cursor: null } });
    if (node.assignees.totalCount > node.assignees.nodes.length) requests.push({ node, request: { id: node.id, kind: "PullRequest", field: "assignees", cursor: null } });
  }
  if (requests.length === 0) return;
  const repoOf = new Map(requests.map((r) => [r.request, r.node.repository.nameWithOwner]));
  const more = await fetchMoreItems(client, requests.map((r) => r.request), (request, problem) => warnings.push({ code: "PAGING", repo: repoOf.get(request) ?? "", message: problem }));
  for (const { node, request } of requests) {
    const items = more.get(request) ?? [];
    // A loop, not a spread: a server can send more reviews than a call takes arguments.
    if (request.field === "reviews") for (const review of items as ReviewNode[]) node.reviews.nodes.push(review);
    else if (request.field === "labels") node.labels.nodes = items as { name: string }[];
    else node.assignees.nodes = items as ActorNode[];
  }
}

/**
 * Fetches an organization's activity in a window from GitHub's GraphQL API as a validated
 * `qe-activity/v1` dataset: every repository scanned, PRs and issues through search, default-branch
 * commits through batched history pages. Throws `GitHubError` (E_GITHUB_PARTIAL, carrying the
 * incomplete dataset, when something could not be read and `allowPartial` is not set).
 */
export async function fetchActivity(options: FetchActivityOptions): Promise<Dataset> {
  checkOptions(options);
  const { org, window } = options;
  const { client, clock } = connect(org, options);
  const progress = (phase: FetchProgress["phase"], done: number, total: number | undefined): void =>
    options.onProgress?.({ phase, done, total, requests: client.requests, points: client.points });
  const startedAt = clock.now();
  const range = { since: window.from, until: window.to };
  const warnings: DatasetWarning[] = [];

  progress("repositories", 0, undefined);
  const selected = await selectRepositories(client, org, options, range, { onListed: (n) => progress("repositories", n, undefined) });
  const scanned = selected.scanned;
  warnings.push(...selected.warnings);
  progress("repositories", scanned.length, scanned.length);
  const inScope = new Set(scanned.map((r) => r.repo.name.toLowerCase()));
  const scope = { org, from: Date.parse(window.from), to: Date.parse(window.to), now: startedAt };

  const comments = options.comments ?? true;
  const prs = await searchAll(client, { ...scope, kind: "PullRequest", comments, onProgress: (d, t) => progress("pullRequests", d, t) });
  warnings.push(...prs.warnings);
  const keptPrNodes = prs.nodes.filter((node) => inScope.has(node.repository.nameWithOwner.toLowerCase()));
  await completePullRequests(client, keptPrNodes, warnings);
  if (comments) warnings.push(...(await completeComments(client, threadsOf(keptPrNodes, "PullRequest"), (d, t) => progress("comments", d, t))));
  const actors = new ActorRegistry();
  const pullRequests = keptPrNodes.map((node) => toPullRequest(node, actors)).filter((pr) => pullRequestInWindow(pr, window));

  const issueResults = await searchAll(client, { ...scope, kind: "Issue", comments, onProgress: (d, t) => progress("issues", d, t) });
  warnings.push(...issueResults.warnings);
  const keptIssueNodes = issueResults.nodes.filter((node) => inScope.has(node.repository.nameWithOwner.toLowerCase()));
  if (comments) warnings.push(...(await completeComments(client, threadsOf(keptIssueNodes, "Issue"), (d, t) => progress("comments", d, t))));
  const issues = keptIssueNodes
    .map((node) => toIssue(node, actors))
    .filter((issue) => issueInWindow(issue, window));

  const history = await fetchCommits(client, scanned, range, (d, t) => progress("commits", d, t));
  warnings.push(...history.warnings);
  const commits = history.commits.map(({ repo, node }) => toCommit(repo, node, actors)).filter((c) => inWindow(c.committedAt, window));

  pullRequests.sort((a, b) => byText(a.repo, b.repo) || a.number - b.number);
  issues.sort((a, b) => byText(a.repo, b.repo) || a.number - b.number);
  commits.sort((a, b) => byText(a.repo, b.repo) || Date.parse(a.committedAt) - Date.parse(b.committedAt) || byText(a.oid, b.oid));
  warnings.sort((a, b) => byText(a.repo ?? "", b.repo ?? "") || byText(a.code, b.code) || byText(a.message, b.message));

  const draft: Dataset = {
    schema: "qe-activity/v1",
    generatedAt: utcInstant(clock.now()),
    source: { kind: "github", org, apiUrl: client.endpoint, cost: { requests: client.requests, points: client.points } },
    window,
    repos: scanned.map((r) => r.repo),
    actors: actors.pick(loginsOf({ pullRequests, commits, issues })),
    pullRequests,
    commits,
    issues,
    ...(warnings.length > 0 ? { warnings } : {}),
  };
  let dataset: Dataset;
  try {
    dataset = parseDataset(draft);
  } catch (error) {
    throw new GitHubError("E_GITHUB_RESPONSE", `GitHub's answers do not make a valid dataset: ${(error as Error).message}`);
  }
  const missing = warnings.filter(MISSING);
  if (missing.length > 0 && !options.allowPartial) {
    const first = missing[0];
    const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : "";
    throw new GitHubError(
      "E_GITHUB_PARTIAL",
      `the fetch of ${org} is incomplete: ${first?.repo ? `${first.repo}: ` : ""}${first?.code}: ${first?.message}${more}; allow a partial dataset (--allow-partial) to keep the rest`,
      { warnings: missing, dataset },
    );
  }
  return dataset;
}
