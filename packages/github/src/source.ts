import { GitHubClient } from "./client.js";
import { systemClock, type Clock } from "./clock.js";
import { anyOf, type RepoFilter } from "./repo-filter.js";

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
  });
  return { client, clock };
}

/** The include and exclude tests of a repository selection (no include patterns: every repo). */
export function repoFilters(selection: RepoSelection): { include: RepoFilter; exclude: RepoFilter } {
  const include = selection.includeRepos && selection.includeRepos.length > 0 ? anyOf(selection.includeRepos, "include pattern") : () => true;
  return { include, exclude: anyOf(selection.excludeRepos ?? [], "exclude pattern") };
}
