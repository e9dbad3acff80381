// Two ways to make the same ref. Verdicts take the template: V8 keeps `a + b` as a chain of two
// parts, made at once, and most verdict refs are never read (summaries go by position). A ref
// that is kept and read (a report item's, a map key) is joined instead: a joined string is flat
// from the start, while a chain read later is copied flat beside itself, ~55 MB more at a
// million items.

/** The stable id of a pull request or issue: `owner/repo#N`. */
export function itemRef(repo: string, number: number): string {
  return [repo, number].join("#");
}

/** The stable id of a commit: `owner/repo@<oid>`. */
export function commitRef(repo: string, oid: string): string {
  return [repo, oid].join("@");
}

/** The stable id of the i-th review (0-based, dataset order) of PR N: `owner/repo#N/review/<i>`. */
export function reviewRef(repo: string, number: number, index: number): string {
  return [repo, "#", number, "/review/", index].join("");
}

/** The stable id of the i-th comment (0-based, oldest first) of PR or issue N: `owner/repo#N/comment/<i>`. */
export function commentRef(repo: string, number: number, index: number): string {
  return [repo, "#", number, "/comment/", index].join("");
}

/** @internal `itemRef` for a verdict: the same text, made as a template (see above). */
export function verdictItemRef(repo: string, number: number): string {
  return `${repo}#${number}`;
}

/** @internal `commitRef` for a verdict. */
export function verdictCommitRef(repo: string, oid: string): string {
  return `${repo}@${oid}`;
}

/** @internal `commentRef` for a verdict. */
export function verdictCommentRef(repo: string, number: number, index: number): string {
  return `${repo}#${number}/comment/${index}`;
}
