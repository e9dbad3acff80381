import { commitRef, inDatasetOrder, inWindow, itemRef, reviewRef, type Dataset, type Verdict } from "@quantecon/attribution";
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
 * closed, review) that falls in the dataset's window, in dataset order. `verdicts` is the list
 * `classify` returned (in dataset order: read by position, no index built) or a map by ref.
 */
export function forEachEvent(dataset: Dataset, verdicts: ReadonlyMap<string, Verdict> | readonly Verdict[], visit: (event: ActivityEvent) => void): void {
  const window = dataset.window;
  const list = Array.isArray(verdicts) ? (verdicts as readonly Verdict[]) : undefined;
  // In classify's order (checked on a sample), by position; in any other, by ref (an index built once).
  const inOrder = list !== undefined && inDatasetOrder(dataset, list);
  let byRef: ReadonlyMap<string, Verdict> | undefined = list ? undefined : (verdicts as ReadonlyMap<string, Verdict>);
  // Refs are made only when the list is not in order: most reports never need one.
  const verdictOf = (index: number, ref: () => string): Verdict => {
    if (inOrder) return list![index] as Verdict;
    byRef ??= new Map(list!.map((x) => [x.ref, x] as const));
    const v = byRef.get(ref());
    if (!v) throw new QeReportError("E_INPUT", `verdicts: none for ${ref()}; pass the verdicts classify() returned for this dataset`);
    return v;
  };
  let index = 0;
  for (const pr of dataset.pullRequests) {
    const v = verdictOf(index++, () => itemRef(pr.repo, pr.number));
    if (inWindow(pr.createdAt, window)) visit({ verdict: v, repo: pr.repo, measure: "pullRequestsOpened", at: pr.createdAt, url: pr.url, title: pr.title });
    if (pr.mergedAt && inWindow(pr.mergedAt, window)) visit({ verdict: v, repo: pr.repo, measure: "pullRequestsMerged", at: pr.mergedAt, url: pr.url, title: pr.title });
    for (let i = 0; i < pr.reviews.length; i++) {
      const at = index++;
      const review = pr.reviews[i]!;
      if (!review.submittedAt || !inWindow(review.submittedAt, window)) continue;
      visit({ verdict: verdictOf(at, () => reviewRef(pr.repo, pr.number, i)), repo: pr.repo, measure: "reviews", at: review.submittedAt, url: pr.url, title: pr.title });
    }
  }
  for (const commit of dataset.commits) {
    const at = index++;
    if (!inWindow(commit.committedAt, window)) continue;
    visit({ verdict: verdictOf(at, () => commitRef(commit.repo, commit.oid)), repo: commit.repo, measure: "commits", at: commit.committedAt, url: commit.url, title: commit.message.split("\n", 1)[0] ?? "" });
  }
  for (const issue of dataset.issues) {
    const v = verdictOf(index++, () => itemRef(issue.repo, issue.number));
    if (inWindow(issue.createdAt, window)) visit({ verdict: v, repo: issue.repo, measure: "issuesOpened", at: issue.createdAt, url: issue.url, title: issue.title });
    if (issue.closedAt && inWindow(issue.closedAt, window)) visit({ verdict: v, repo: issue.repo, measure: "issuesClosed", at: issue.closedAt, url: issue.url, title: issue.title });
  }
}
