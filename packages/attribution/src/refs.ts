/** The stable id of a pull request or issue: `owner/repo#N`. */
export function itemRef(repo: string, number: number): string {
  return `${repo}#${number}`;
}

/** The stable id of a commit: `owner/repo@<oid>`. */
export function commitRef(repo: string, oid: string): string {
  return `${repo}@${oid}`;
}

/** The stable id of the i-th review (0-based, dataset order) of PR N: `owner/repo#N/review/<i>`. */
export function reviewRef(repo: string, number: number, index: number): string {
  return `${repo}#${number}/review/${index}`;
}

/** The stable id of the i-th comment (0-based, oldest first) of PR or issue N: `owner/repo#N/comment/<i>`. */
export function commentRef(repo: string, number: number, index: number): string {
  return `${repo}#${number}/comment/${index}`;
}
