import type { Dataset, Verdict } from "@quantecon/attribution";
import { QeReportError } from "../errors.js";

/** The item `owner/repo#N` a comment belongs to, from the dataset. */
function owner(base: string, dataset: Dataset): Dataset["pullRequests"][number] | Dataset["issues"][number] | undefined {
  return [...dataset.pullRequests, ...dataset.issues].find((i) => `${i.repo}#${i.number}` === base);
}

/** The verdict on `owner/repo#N/comment/<i>`, or a not-found error that says which comments exist. */
export function findCommentVerdict(base: string, index: number, dataset: Dataset, byRef: ReadonlyMap<string, Verdict>): Verdict {
  const verdict = byRef.get(`${base}/comment/${index}`);
  if (verdict) return verdict;
  const item = owner(base, dataset);
  if (item && item.comments === undefined) {
    throw new QeReportError("E_NOT_FOUND", `no comment ${index} on ${base}: the dataset was fetched without comments (fetch again without --no-comments)`);
  }
  const count = item?.comments?.length ?? 0;
  const range = count === 0 ? "it has no comments" : `its comments are numbered 0 to ${count - 1}, oldest first`;
  throw new QeReportError("E_NOT_FOUND", `no comment ${index} on ${base}: ${range}`);
}

/** What a comment is, for `explain`: who wrote it when, its first line, and its item's link. */
export function describeComment(verdict: Verdict, dataset: Dataset): { title: string; url: string | null } | undefined {
  const m = /^(.*)\/comment\/(\d+)$/.exec(verdict.ref);
  if (verdict.type !== "comment" || !m) return undefined;
  const item = owner(m[1] ?? "", dataset);
  const c = item?.comments?.[Number(m[2])];
  if (!item || !c) return { title: "", url: item?.url ?? null };
  const line = c.body.split("\n").find((l) => l.trim() !== "") ?? "";
  const first = line.length > 100 ? `${line.slice(0, 99)}…` : line;
  return { title: `comment by ${c.author ?? "a deleted user"} (${c.authorAssociation}) at ${c.createdAt} on "${item.title}": ${first}`, url: item.url };
}
