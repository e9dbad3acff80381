import type { ItemType } from "../config.js";

/** What rules can look at on one item; fields an item type lacks are undefined. */
export interface Subject {
  type: ItemType;
  repo: string;
  /** Login GitHub shows, or null (ghost user, commit email linked to no account). */
  author: string | null;
  /** The author's login normalized (lower case, no `[bot]`), computed once for all rules. */
  authorKey: string | null;
  authorType: string | undefined;
  branch?: string;
  baseBranch?: string;
  title?: string;
  body?: string;
  labels?: readonly string[];
  message?: string;
  trailers?: readonly string[];
  /** Git names and emails of a commit's author, then committer (null where git had none). */
  gitNames?: readonly (string | null)[];
  gitEmails?: readonly (string | null)[];
  committer?: string | null;
}

const NO_TRAILERS: readonly string[] = Object.freeze([]);

/** A commit message's last paragraph when it could hold trailers (`Key: value` lines), else "". */
export function trailerBlock(message: string): string {
  // Most messages have no trailer block: look only at the last paragraph, found without copying.
  let end = message.length;
  while (end > 0 && /\s/.test(message[end - 1] as string)) end--;
  const cut = message.lastIndexOf("\n\n", end - 1);
  if (cut < 0 || message.indexOf(": ", cut) < 0) return "";
  return message.slice(cut + 2, end);
}

/** The trailer lines (`Key: value`) of a commit message's last paragraph. */
export function trailers(message: string): readonly string[] {
  return trailerLines(trailerBlock(message));
}

/** The trailer lines of a last paragraph (see `trailerBlock`). */
export function trailerLines(last: string): readonly string[] {
  if (last === "") return NO_TRAILERS;
  const lines = last.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.every((l) => /^[A-Za-z][\w-]*: /.test(l)) ? lines : lines.filter((l) => /^Co-authored-by: /i.test(l));
}
