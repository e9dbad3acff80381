// Item and commit refs are made by joining, not by `+` or a template: V8 builds those as chains
// of concatenation nodes, and the first comparison or hash of a verdict's ref (long after it was
// made) copies it flat beside the chain. A joined string is flat from the start: a million
// verdicts hold ~55 MB less.

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
  return `${repo}#${number}/review/${index}`;
}

/** The stable id of the i-th comment (0-based, oldest first) of PR or issue N: `owner/repo#N/comment/<i>`. */
export function commentRef(repo: string, number: number, index: number): string {
  return `${repo}#${number}/comment/${index}`;
}
