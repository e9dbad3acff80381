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
  /** Git names and emails of a commit's author, then committer. */
  gitNames?: readonly string[];
  gitEmails?: readonly string[];
  committer?: string | null;
}

/** The trailer lines (`Key: value`) of a commit message's last paragraph. */
export function trailers(message: string): string[] {
  // Most messages have no trailer block: look only at the last paragraph, found without splitting.
  const text = message.trimEnd();
  const cut = text.lastIndexOf("\n\n");
  if (cut < 0 || text.indexOf(": ", cut) < 0) return [];
  const last = text.slice(cut + 2);
  const lines = last.split("\n").map((l) => l.trim()).filter(Boolean);
  return lines.every((l) => /^[A-Za-z][\w-]*: /.test(l)) ? lines : lines.filter((l) => /^Co-authored-by: /i.test(l));
}
