import type { DatasetWarning } from "@quantecon/attribution";
import { GitHubClient } from "./client.js";
import { checkEndpoint } from "./endpoint.js";
import { systemClock, type Clock } from "./clock.js";
import { GitHubError } from "./errors.js";
import { anyOf, type RepoFilter } from "./repo-filter.js";
import type { HistoryRange } from "./queries.js";
import { listRepositories, lookUpRepositories, type ScannedRepo } from "./repos.js";

/** Code-point order, the same on every machine (localeCompare is not). */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Refuses an organization that is not a GitHub login, and a missing token, before any request. */
export function checkConnection(org: string, options: ConnectionOptions): void {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(org)) {
    throw new GitHubError("E_GITHUB_USAGE", `organization ${JSON.stringify(org)}: expected a GitHub login (letters, digits and hyphens)`);
  }
  if (!options.token) throw new GitHubError("E_GITHUB_USAGE", `no GitHub token: set GITHUB_TOKEN (or GH_TOKEN) to a token with read access to ${org}`);
  checkEndpoint(options.apiUrl ?? "https://api.github.com/graphql", options.allowInsecure);
}

/** How to reach GitHub and how patiently: shared by every fetch. */
export interface ConnectionOptions {
  token: string;
  /** The GraphQL endpoint; github.com's by default. */
  apiUrl?: string;
  /** Called before each wait (backoff or rate limit), e.g. to tell the user. */
  onWait?: (wait: { ms: number; reason: string }) => void;
  signal?: AbortSignal;
  /** Longest wait for a rate limit to lift, in ms (default 10 minutes); longer fails with E_GITHUB_RATE_LIMIT. */
  maxWait?: number;
  /** Options for `@octokit/request`, e.g. `{ fetch }`. */
  request?: Record<string, unknown>;
  /** Retries after the first attempt for 5xx, dropped connections and secondary limits (default 5). */
  maxRetries?: number;
  clock?: Clock;
  random?: () => number;
  /** Allow a plain-http endpoint on another machine (the token then crosses the network unencrypted). */
  allowInsecure?: boolean;
  /** Milliseconds one HTTP attempt may take, headers and body (default 40 s). */
  requestTimeout?: number;
  /** Milliseconds one query may spend on failed attempts and backoff, rate-limit waits aside (default 100 s). */
  retryDeadline?: number;
  /** Bytes of one decoded answer (default 64 MB). */
  maxResponseBytes?: number;
}

/** Which of an organization's repositories to read. */
export interface RepoSelection {
  /** Only these repositories, by name (`meta` or `QuantEcon/meta`); each is looked up directly. */
  repos?: readonly string[];
  /** Only repositories whose whole name matches one of these patterns. */
  includeRepos?: readonly (string | RegExp)[];
  /** Leave out repositories whose whole name matches one of these patterns (`lecture-.*\.notebooks`). */
  excludeRepos?: readonly (string | RegExp)[];
}

/** The client for one organization, with the defaults every fetch uses. */
export function connect(org: string, options: ConnectionOptions): { client: GitHubClient; clock: Clock } {
  const clock = options.clock ?? systemClock;
  const client = new GitHubClient({
    token: options.token,
    apiUrl: options.apiUrl ?? "https://api.github.com/graphql",
    org,
    clock,
    random: options.random ?? Math.random,
    maxWaitMs: options.maxWait ?? 10 * 60_000,
    maxRetries: options.maxRetries ?? 5,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.request ? { request: options.request } : {}),
    ...(options.onWait ? { onWait: options.onWait } : {}),
    ...(options.requestTimeout !== undefined ? { requestTimeoutMs: options.requestTimeout } : {}),
    ...(options.retryDeadline !== undefined ? { retryDeadlineMs: options.retryDeadline } : {}),
    ...(options.maxResponseBytes !== undefined ? { maxResponseBytes: options.maxResponseBytes } : {}),
  });
  return { client, clock };
}

/** The include and exclude tests of a repository selection (no include patterns: every repo). */
export function repoFilters(selection: RepoSelection): { include: RepoFilter; exclude: RepoFilter } {
  const include = selection.includeRepos && selection.includeRepos.length > 0 ? anyOf(selection.includeRepos, "include pattern") : () => true;
  return { include, exclude: anyOf(selection.excludeRepos ?? [], "exclude pattern") };
}

/**
 * The organization's repositories a selection keeps, sorted by name: named ones looked up
 * directly, else the whole listing filtered by the patterns. Each one left out gets an
 * `EXCLUDED` warning; `leaveOut` can leave out more, saying why.
 */
export async function selectRepositories(
  client: GitHubClient,
  org: string,
  selection: RepoSelection,
  range: HistoryRange,
  options: { onListed?: (count: number) => void; leaveOut?: (repo: ScannedRepo) => string | undefined } = {},
): Promise<{ scanned: ScannedRepo[]; warnings: DatasetWarning[] }> {
  const { include, exclude } = repoFilters(selection);
  const warnings: DatasetWarning[] = [];
  let found: ScannedRepo[];
  if (selection.repos && selection.repos.length > 0) {
    const prefix = `${org.toLowerCase()}/`;
    const names = [...new Set(selection.repos.map((r) => (r.toLowerCase().startsWith(prefix) ? r.slice(prefix.length) : r)))];
    const looked = await lookUpRepositories(client, org, names, range);
    found = looked.repos;
    warnings.push(...looked.warnings);
  } else {
    found = await listRepositories(client, org, range, options.onListed ?? (() => undefined));
  }
  const scanned: ScannedRepo[] = [];
  for (const repo of found) {
    const why = !include(repo.name) || exclude(repo.name) ? `${repo.repo.name} left out by the repository filters` : options.leaveOut?.(repo);
    if (why === undefined) scanned.push(repo);
    else warnings.push({ code: "EXCLUDED", repo: repo.repo.name, message: why });
  }
  scanned.sort((a, b) => byText(a.repo.name, b.repo.name));
  return { scanned, warnings };
}
