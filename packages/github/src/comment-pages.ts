import type { DatasetWarning } from "@quantecon/attribution";
import { z } from "zod";
import type { GitHubClient } from "./client.js";
import { Pager } from "./paging.js";
import { COMMENT_FRAGMENTS } from "./queries.js";
import { CommentsShape, type CommentNode, type CommentsPage } from "./responses.js";

/** Threads continued per request: each asks for 100 more comments of one item. */
const THREADS_PER_REQUEST = 20;

const RATE_LIMIT = "rateLimit { cost remaining resetAt }";
const lit = (value: string): string => JSON.stringify(value);

/** A pull request or issue whose first page of comments had more after it. */
export interface Thread {
  id: string;
  kind: "PullRequest" | "Issue";
  /** `owner/repo#N`, for warnings. */
  ref: string;
  comments: CommentsPage;
}

const MoreCommentsShape = z.object({ rateLimit: z.object({ cost: z.number(), remaining: z.number(), resetAt: z.string() }) }).catchall(z.object({ comments: CommentsShape.optional() }).nullable());

/** The next page of comments of several items by node id (`n0`, `n1`, ...). */
export function moreCommentsQuery(pages: readonly { id: string; kind: "PullRequest" | "Issue"; cursor: string }[]): string {
  const aliases = pages.map(
    (p, i) => `  n${i}: node(id: ${lit(p.id)}) { ... on ${p.kind} { comments(first: 100, after: ${lit(p.cursor)}) { totalCount pageInfo { hasNextPage endCursor } nodes { ...CommentFields } } } }`,
  );
  return ["query MoreComments {", `  ${RATE_LIMIT}`, ...aliases, "}", ...COMMENT_FRAGMENTS].join("\n");
}

/**
 * Reads every comment of threads longer than their first page, appending them in order to each
 * thread's `comments.nodes`, 20 threads per request. Nothing is capped: a thread that cannot be
 * read to its end (the item vanished, GitHub gave no cursor, or the shared `Pager` guards stopped a
 * looping walk) becomes a `COMMENTS_INCOMPLETE` warning that names it.
 */
export async function completeComments(client: GitHubClient, threads: readonly Thread[], onProgress?: (done: number, total: number) => void): Promise<DatasetWarning[]> {
  const warnings: DatasetWarning[] = [];
  const warn = (t: Thread, why: string): void => {
    const repo = t.ref.split("#")[0] ?? t.ref;
    warnings.push({ code: "COMMENTS_INCOMPLETE", repo, message: `${t.ref}: ${t.comments.nodes.length} of ${t.comments.totalCount} comments read; ${why}` });
  };
  let pending = threads
    .filter((t) => t.comments.pageInfo.hasNextPage)
    .map((t) => ({ thread: t, cursor: t.comments.pageInfo.endCursor, pager: new Pager("MoreComments", `the comments of ${t.ref}`) }));
  // The first page came with the search; the pager learns its cursor so a server that sends it again is caught.
  for (const p of pending) p.pager.advance(p.thread.comments.pageInfo, p.thread.comments.nodes.length);
  for (const p of pending) if (!p.cursor) warn(p.thread, "GitHub gave no cursor for the next page");
  pending = pending.filter((p) => p.cursor);
  const total = pending.length;
  let done = 0;
  while (pending.length > 0) {
    const batch = pending.slice(0, THREADS_PER_REQUEST);
    const { data, errors } = await client.query(
      "MoreComments",
      moreCommentsQuery(batch.map((b) => ({ id: b.thread.id, kind: b.thread.kind, cursor: b.cursor as string }))),
      MoreCommentsShape,
    );
    const next: typeof pending = [];
    batch.forEach((entry, i) => {
      const page = (data[`n${i}`] as { comments?: CommentsPage } | null | undefined)?.comments;
      if (!page) {
        const error = errors.find((e) => e.path?.[0] === `n${i}`);
        warn(entry.thread, `GitHub did not return the next page (${error?.message ?? "the item is gone"})`);
        done++;
        return;
      }
      entry.thread.comments.nodes.push(...(page.nodes as CommentNode[]));
      if (!page.pageInfo.hasNextPage) {
        done++;
        return;
      }
      const cursor = entry.pager.advance(page.pageInfo, page.nodes.length);
      if (cursor === null) {
        warn(entry.thread, entry.pager.problem ?? "GitHub gave no cursor for the next page");
        done++;
        return;
      }
      next.push({ ...entry, cursor });
    });
    onProgress?.(done, total);
    pending = [...next, ...pending.slice(THREADS_PER_REQUEST)];
  }
  return warnings;
}

/** The threads of fetched items that carry comments, for `completeComments`. */
export function threadsOf(nodes: readonly { id: string; number: number; repository: { nameWithOwner: string }; comments?: CommentsPage | undefined }[], kind: Thread["kind"]): Thread[] {
  const out: Thread[] = [];
  for (const n of nodes) if (n.comments) out.push({ id: n.id, kind, ref: `${n.repository.nameWithOwner}#${n.number}`, comments: n.comments });
  return out;
}
