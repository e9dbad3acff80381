import type { Dataset, Issue, PullRequest } from "./dataset.js";
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
  const prs = dataset.pullRequests;
  const commits = dataset.commits;
  const issues = dataset.issues;
  // Indexed loops: a for-of iterator's result objects are a million allocations whenever these
  // once-per-report loops run unoptimized.
  let expected = commits.length + issues.length;
  for (let p = 0; p < prs.length; p++) {
    const pr = prs[p] as PullRequest;
    expected += 1 + pr.reviews.length + (pr.comments?.length ?? 0);
  }
  for (let i = 0; i < issues.length; i++) expected += (issues[i] as Issue).comments?.length ?? 0;
  if (verdicts.length !== expected) return false;
  if (expected === 0) return true;

  const step = Math.max(1, Math.floor(expected / SAMPLES));
  const last = expected - 1;
  // The first checked index at or after `from`, or past the end.
  const nextChecked = (from: number): number => {
    const stepped = Math.ceil(from / step) * step;
    return stepped <= last ? stepped : from <= last ? last : Infinity;
  };
  const wrong = (index: number, ref: string): boolean => verdicts[index]?.ref !== ref;
  let index = 0;
  let next = 0;
  for (let p = 0; p < prs.length; p++) {
    const pr = prs[p] as PullRequest;
    const reviews = pr.reviews.length;
    // The PR at `index`, its reviews after it: only a checked position builds a ref.
    while (next <= index + reviews) {
      if (next === index ? wrong(next, itemRef(pr.repo, pr.number)) : wrong(next, reviewRef(pr.repo, pr.number, next - index - 1))) return false;
      next = nextChecked(next + 1);
    }
    index += 1 + reviews;
  }
  while (next < index + commits.length) {
    const commit = commits[next - index]!;
    if (wrong(next, commitRef(commit.repo, commit.oid))) return false;
    next = nextChecked(next + 1);
  }
  index += commits.length;
  while (next < index + issues.length) {
    const issue = issues[next - index]!;
    if (wrong(next, itemRef(issue.repo, issue.number))) return false;
    next = nextChecked(next + 1);
  }
  index += issues.length;
  for (const list of [prs, issues] as const) {
    for (let k = 0; k < list.length && next <= last; k++) {
      const item = list[k] as PullRequest | Issue;
      const count = item.comments?.length ?? 0;
      while (next < index + count) {
        if (wrong(next, commentRef(item.repo, item.number, next - index))) return false;
        next = nextChecked(next + 1);
      }
      index += count;
    }
  }
  return true;
}
