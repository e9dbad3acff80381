import { commentRef, commitRef, inWindow, issueInWindow, itemRef, pullRequestInWindow, reviewRef, type Dataset, type Verdict, type Window } from "@quantecon/attribution";

/** Whether `inner` lies within `outer` (both half-open). */
export function windowWithin(inner: Window, outer: Window): boolean {
  return Date.parse(inner.from) >= Date.parse(outer.from) && Date.parse(inner.to) <= Date.parse(outer.to);
}

/**
 * The part of a dataset that a narrower window holds (a week of a fetched month), with the
 * verdicts of the items kept. The verdicts come from classifying the whole dataset, because a
 * commit takes its verdict from its PR, which may only be active outside the narrower window.
 * Items are kept by the dataset spec's rule for a window; repos, actors and warnings are kept whole.
 */
export function narrowDataset(dataset: Dataset, window: Window, verdicts: readonly Verdict[]): { dataset: Dataset; verdicts: Verdict[] } {
  const byRef = new Map(verdicts.map((v) => [v.ref, v] as const));
  const kept: Verdict[] = [];
  const keep = (ref: string): void => {
    const v = byRef.get(ref);
    if (v) kept.push(v);
  };
  const pullRequests = dataset.pullRequests.filter((pr) => pullRequestInWindow(pr, window));
  for (const pr of pullRequests) {
    const ref = itemRef(pr.repo, pr.number);
    keep(ref);
    // A PR keeps all its reviews (the spec's rule), so review indexes stay what they were.
    pr.reviews.forEach((_, i) => keep(reviewRef(pr.repo, pr.number, i)));
  }
  const commits = dataset.commits.filter((c) => inWindow(c.committedAt, window));
  for (const c of commits) keep(commitRef(c.repo, c.oid));
  const issues = dataset.issues.filter((i) => issueInWindow(i, window));
  for (const i of issues) keep(itemRef(i.repo, i.number));
  // Comments last, as classify orders them; an item keeps all of them, so indexes stay.
  for (const item of [...pullRequests, ...issues]) item.comments?.forEach((_, n) => keep(commentRef(item.repo, item.number, n)));
  return { dataset: { ...dataset, window: { ...window }, pullRequests, commits, issues }, verdicts: kept };
}
