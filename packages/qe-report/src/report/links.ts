import type { Window } from "@quantecon/attribution";
import { isoInstant, windowDays } from "./calendar.js";

const GITHUB = "https://github.com";
const DAY_MS = 86_400_000;

const isUtcMidnight = (ms: number): boolean => ms % DAY_MS === 0;

/**
 * The window as a GitHub search range. Dates when it is whole UTC days (search reads dates in
 * UTC); otherwise exact instants, so a window in another zone searches the same span.
 */
export function searchRange(window: Window): string {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  if (isUtcMidnight(from) && isUtcMidnight(to)) return `${isoInstant(from).slice(0, 10)}..${isoInstant(to - DAY_MS).slice(0, 10)}`;
  return `${isoInstant(from)}..${isoInstant(to - 1000)}`;
}

/** A repository's page. */
export function repoUrl(repo: string): string {
  return `${GITHUB}/${repo}`;
}

// GitHub logins: letters, digits and single inner hyphens, up to 39 characters (apps may end in `[bot]`).
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;

/** A person's or account's profile page; "" when the actor is a git name with no GitHub login. */
export function profileUrl(login: string): string {
  const bare = login.replace(/\[bot\]$/i, "");
  return LOGIN.test(bare) ? `${GITHUB}/${bare}` : "";
}

/** Search links for each repository measure in the window. */
export function repoSearchUrls(repo: string, window: Window, defaultBranch: string | null) {
  const range = searchRange(window);
  const { firstDay, lastDay } = windowDays(window);
  const branch = defaultBranch ? `/${defaultBranch.split("/").map(encodeURIComponent).join("/")}` : "";
  return {
    issuesOpened: `${GITHUB}/${repo}/issues?q=is:issue+created:${range}`,
    issuesClosed: `${GITHUB}/${repo}/issues?q=is:issue+closed:${range}`,
    pullRequestsOpened: `${GITHUB}/${repo}/pulls?q=is:pr+created:${range}`,
    pullRequestsMerged: `${GITHUB}/${repo}/pulls?q=is:pr+merged:${range}`,
    commits: `${GITHUB}/${repo}/commits${branch}?since=${firstDay}&until=${lastDay}`,
  };
}

const ITEM_PAGE = /^https:\/\/github\.com\/([^/]+\/[^/]+\/(?:pull|issues|commit)\/[^/?#]+)/i;

/**
 * A PR, issue or commit URL that GitHub does not turn into a cross-reference: a link to
 * `github.com/o/r/pull/N` in an issue body adds "mentioned this" to that PR's timeline every
 * time the report is posted; `redirect.github.com` goes to the same page without the backlink
 * (GitHub's documented way, used by Dependabot and Renovate). Other URLs are returned as they are.
 */
export function quietUrl(url: string): string {
  return url.replace(ITEM_PAGE, "https://redirect.github.com/$1");
}
