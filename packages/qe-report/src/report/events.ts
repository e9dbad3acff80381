import { commitRef, inWindow, itemRef, reviewRef, type Dataset, type Verdict } from "@quantecon/attribution";
import { QeReportError } from "../errors.js";
import type { Measure } from "./schema.js";

/** One in-window event of an item: what happened, when, and the item's verdict. */
export interface ActivityEvent {
  verdict: Verdict;
  repo: string;
  measure: Measure;
  at: string;
  url: string;
  /** PR or issue title, or a commit's subject line. */
  title: string;
}

/**
 * Calls `visit` for every event the summary counts (PR opened / merged, commit, issue opened /
 * closed, review) that falls in the dataset's window, in dataset order.
 */
export function forEachEvent(dataset: Dataset, verdicts: ReadonlyMap<string, Verdict>, visit: (event: ActivityEvent) => void): void {
  const window = dataset.window;
  const verdictOf = (ref: string): Verdict => {
    const v = verdicts.get(ref);
    if (!v) throw new QeReportError("E_INPUT", `verdicts: none for ${ref}; pass the verdicts classify() returned for this dataset`);
    return v;
  };
  for (const pr of dataset.pullRequests) {
    const v = verdictOf(itemRef(pr.repo, pr.number));
    if (inWindow(pr.createdAt, window)) visit({ verdict: v, repo: pr.repo, measure: "pullRequestsOpened", at: pr.createdAt, url: pr.url, title: pr.title });
    if (pr.mergedAt && inWindow(pr.mergedAt, window)) visit({ verdict: v, repo: pr.repo, measure: "pullRequestsMerged", at: pr.mergedAt, url: pr.url, title: pr.title });
    pr.reviews.forEach((review, i) => {
      if (!review.submittedAt || !inWindow(review.submittedAt, window)) return;
      visit({ verdict: verdictOf(reviewRef(pr.repo, pr.number, i)), repo: pr.repo, measure: "reviews", at: review.submittedAt, url: pr.url, title: pr.title });
    });
  }
  for (const commit of dataset.commits) {
    if (!inWindow(commit.committedAt, window)) continue;
    visit({ verdict: verdictOf(commitRef(commit.repo, commit.oid)), repo: commit.repo, measure: "commits", at: commit.committedAt, url: commit.url, title: commit.message.split("\n", 1)[0] ?? "" });
  }
  for (const issue of dataset.issues) {
    const v = verdictOf(itemRef(issue.repo, issue.number));
    if (inWindow(issue.createdAt, window)) visit({ verdict: v, repo: issue.repo, measure: "issuesOpened", at: issue.createdAt, url: issue.url, title: issue.title });
    if (issue.closedAt && inWindow(issue.closedAt, window)) visit({ verdict: v, repo: issue.repo, measure: "issuesClosed", at: issue.closedAt, url: issue.url, title: issue.title });
  }
}
