import { commentCount } from "./comments.js";
import type { Commit, Dataset, Issue, PullRequest } from "./dataset.js";
import { commentRef, commitRef, itemRef, reviewRef } from "./refs.js";
import type { Verdict } from "./verdict.js";

// About this many places, spread over the list, are compared by ref.
const SAMPLES = 64;

/**
 * Whether `verdicts` are one per item of `dataset` in `classify`'s order (each PR then its
 * reviews, commits, issues, then comments), so the i-th verdict is the i-th item's. Checked by
 * count and by ref at about 64 places, the last one included: reading every ref would copy a
 * million of them flat (see refs.ts) for nothing.
 */
export function inDatasetOrder(dataset: Dataset, verdicts: readonly Verdict[]): boolean {
  const expected = dataset.pullRequests.reduce((n, pr) => n + 1 + pr.reviews.length, 0) + dataset.commits.length + dataset.issues.length + commentCount(dataset);
  if (verdicts.length !== expected) return false;
  const step = Math.max(1, Math.floor(verdicts.length / SAMPLES));
  const last = verdicts.length - 1;
  const checked = (index: number): boolean => index % step === 0 || index === last;
  let index = 0;
  // Indexed loops: a for-of iterator's result objects are a million allocations whenever these
  // once-per-report loops run unoptimized.
  const prs = dataset.pullRequests;
  for (let p = 0; p < prs.length; p++, index++) {
    const pr = prs[p] as PullRequest;
    if (checked(index) && verdicts[index]?.ref !== itemRef(pr.repo, pr.number)) return false;
    for (let i = 0; i < pr.reviews.length; i++) {
      index++;
      if (checked(index) && verdicts[index]?.ref !== reviewRef(pr.repo, pr.number, i)) return false;
    }
  }
  const commits = dataset.commits;
  for (let c = 0; c < commits.length; c++, index++) {
    const commit = commits[c] as Commit;
    if (checked(index) && verdicts[index]?.ref !== commitRef(commit.repo, commit.oid)) return false;
  }
  const issues = dataset.issues;
  for (let i = 0; i < issues.length; i++, index++) {
    const issue = issues[i] as Issue;
    if (checked(index) && verdicts[index]?.ref !== itemRef(issue.repo, issue.number)) return false;
  }
  for (const list of [dataset.pullRequests, dataset.issues] as const) {
    for (let k = 0; k < list.length; k++) {
      const item = list[k] as PullRequest | Issue;
      const thread = item.comments;
      if (!thread) continue;
      for (let i = 0; i < thread.length; i++, index++) {
        if (checked(index) && verdicts[index]?.ref !== commentRef(item.repo, item.number, i)) return false;
      }
    }
  }
  return true;
}
