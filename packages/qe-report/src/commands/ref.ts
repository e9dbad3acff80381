import type { Dataset, Verdict } from "@quantecon/attribution";
import { QeReportError } from "../errors.js";
import { findCommentVerdict } from "./comment-ref.js";

/** An item reference as the user typed it, parsed. */
export type ParsedRef =
  | { type: "number"; repo: string; number: number; review?: number; comment?: number }
  | { type: "commit"; repo: string; sha: string };

const REPO = "([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)";
const FORMS: readonly [RegExp, (m: RegExpExecArray) => ParsedRef][] = [
  [new RegExp(`^${REPO}#(\\d+)/review/(\\d+)$`), (m) => ({ type: "number", repo: m[1]!, number: Number(m[2]), review: Number(m[3]) })],
  [new RegExp(`^${REPO}#(\\d+)/comment/(\\d+)$`), (m) => ({ type: "number", repo: m[1]!, number: Number(m[2]), comment: Number(m[3]) })],
  [new RegExp(`^${REPO}#(\\d+)$`), (m) => ({ type: "number", repo: m[1]!, number: Number(m[2]) })],
  [new RegExp(`^${REPO}@([0-9a-fA-F]{4,40})$`), (m) => ({ type: "commit", repo: m[1]!, sha: m[2]!.toLowerCase() })],
  [
    new RegExp(`^https?://[^/]+/${REPO}/(?:pull|issues)/(\\d+)(?:/(?:files|commits|checks)?)?(?:[?#].*)?$`),
    (m) => ({ type: "number", repo: m[1]!, number: Number(m[2]) }),
  ],
  [
    new RegExp(`^https?://[^/]+/${REPO}/(?:commit|pull/\\d+/commits)/([0-9a-fA-F]{4,40})(?:[?#].*)?$`),
    (m) => ({ type: "commit", repo: m[1]!, sha: m[2]!.toLowerCase() }),
  ],
];

/** Parses `owner/repo#N`, `owner/repo#N/review/i`, `owner/repo#N/comment/i`, `owner/repo@sha` or a GitHub pull/issue/commit URL. */
export function parseRef(input: string): ParsedRef {
  const text = input.trim();
  for (const [pattern, build] of FORMS) {
    const m = pattern.exec(text);
    if (m) return build(m);
  }
  if (new RegExp(`^${REPO}@[0-9a-fA-F]{1,3}$`).test(text)) {
    throw new QeReportError("E_USAGE", `REF ${JSON.stringify(input)}: give at least 4 hex digits of the commit SHA`);
  }
  throw new QeReportError(
    "E_USAGE",
    `REF ${JSON.stringify(input)}: expected owner/repo#N, owner/repo#N/review/I, owner/repo#N/comment/I, owner/repo@SHA or a GitHub pull, issue or commit URL`,
  );
}

/** Levenshtein distance, for "did you mean" suggestions. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row.push(Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    prev = row;
  }
  return prev[b.length]!;
}

function repoNames(dataset: Dataset): string[] {
  const names = new Set<string>(dataset.repos.map((r) => r.name));
  for (const list of [dataset.pullRequests, dataset.commits, dataset.issues]) for (const item of list) names.add(item.repo);
  return [...names];
}

function notFound(message: string, suggestions: string[]): QeReportError {
  const hint = suggestions.length > 0 ? ` (did you mean ${suggestions.slice(0, 3).join(", ")}?)` : "";
  return new QeReportError("E_NOT_FOUND", message + hint);
}

/** The dataset's spelling of `repo` (GitHub names are case-insensitive), or a not-found error with near names. */
function resolveRepo(repo: string, dataset: Dataset): string {
  const names = repoNames(dataset);
  const exact = names.find((n) => n.toLowerCase() === repo.toLowerCase());
  if (exact) return exact;
  const near = names
    .map((n) => ({ n, d: distance(n.toLowerCase(), repo.toLowerCase()) }))
    .filter(({ d, n }) => d <= Math.max(3, Math.floor(n.length / 4)))
    .sort((a, b) => a.d - b.d || a.n.localeCompare(b.n))
    .map(({ n }) => n);
  throw notFound(`repository ${repo} is not in the dataset`, near);
}

/** Finds the verdict a reference names, or throws `E_NOT_FOUND` suggesting near matches. */
export function findVerdict(ref: ParsedRef, dataset: Dataset, verdicts: readonly Verdict[]): Verdict {
  const repo = resolveRepo(ref.repo, dataset);
  const byRef = new Map(verdicts.map((v) => [v.ref, v] as const));
  if (ref.type === "commit") {
    const matches = dataset.commits.filter((c) => c.repo === repo && c.oid.startsWith(ref.sha));
    if (matches.length > 1) {
      throw new QeReportError("E_USAGE", `${repo}@${ref.sha} is ambiguous: ${matches.length} commits start with it (${matches.slice(0, 3).map((c) => c.oid.slice(0, 12)).join(", ")}${matches.length > 3 ? ", ..." : ""}); give more of the sha`);
    }
    const commit = matches[0];
    const verdict = commit && byRef.get(`${repo}@${commit.oid}`);
    if (verdict) return verdict;
    const near = dataset.commits.filter((c) => c.repo === repo && distance(c.oid.slice(0, ref.sha.length), ref.sha) <= 2).map((c) => `${repo}@${c.oid.slice(0, 12)}`);
    throw notFound(`no commit ${ref.sha} in ${repo} in the dataset`, near);
  }
  const base = `${repo}#${ref.number}`;
  const item = byRef.get(base);
  if (!item) {
    const numbers = [...dataset.pullRequests, ...dataset.issues].filter((i) => i.repo === repo).map((i) => i.number);
    const near = numbers.sort((a, b) => Math.abs(a - ref.number) - Math.abs(b - ref.number) || a - b).slice(0, 3).map((n) => `${repo}#${n}`);
    throw notFound(`no pull request or issue ${base} in the dataset`, near);
  }
  if (ref.comment !== undefined) return findCommentVerdict(base, ref.comment, dataset, byRef);
  if (ref.review === undefined) return item;
  const review = byRef.get(`${base}/review/${ref.review}`);
  if (review) return review;
  const count = dataset.pullRequests.find((p) => p.repo === repo && p.number === ref.number)?.reviews.length ?? 0;
  const range = count === 0 ? "it has no reviews" : `its reviews are numbered 0 to ${count - 1}`;
  throw new QeReportError("E_NOT_FOUND", `no review ${ref.review} on ${base}: ${range}`);
}
