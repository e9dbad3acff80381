import type { DatasetWarning } from "@quantecon/attribution";
import type { GitHubClient } from "./client.js";
import { Pager } from "./paging.js";
import { countSearchQuery, searchPageQuery } from "./queries.js";
import type { z } from "zod";
import { CountSearchShape, SearchIssuesShape, SearchPullRequestsShape, type IssueNode, type PullRequestNode, type SearchPage } from "./responses.js";

/** GitHub's search reaches at most this many results, whatever `issueCount` says. */
export const SEARCH_CAP = 1000;
const COUNTS_PER_REQUEST = 40;
const MAX_SPLIT = 40;
/**
 * Ranges counted in one search at most: splitting a month to fit 1,000 results per range needs
 * a few dozen even for busy organizations; a server that claims more than 1,000 everywhere
 * would otherwise be split down to one-second ranges (2.6 million of them).
 */
const MAX_PIECES = 2000;
/** Times a bounded range is read again because items left it while it was being read. */
const MAX_REREADS = 3;

/** A range of `updatedAt` instants in epoch ms: `[lo, hi)`, or open-ended when `hi` is null. */
interface Piece {
  lo: number;
  hi: number | null;
  count: number;
}

/** What to search: pull requests or issues of an org, active since `from`, created before `to`. */
export interface SearchSpec<K extends "PullRequest" | "Issue"> {
  kind: K;
  org: string;
  from: number;
  to: number;
  /** The fetch's start: the upper end for splitting; later updates fall in the open last range. */
  now: number;
  onProgress: (done: number, total: number) => void;
  /** Ask for each item's first page of comments (and an issue's closing event) too. */
  comments?: boolean;
}

type NodeOf<K> = K extends "PullRequest" ? PullRequestNode : IssueNode;

const iso = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/**
 * The search text. Any PR created, closed, merged or reviewed in the window was updated at or
 * after its start, and was created before its end; the caller keeps only what was active in it.
 */
export function searchText(kind: "PullRequest" | "Issue", org: string, piece: { lo: number; hi: number | null }, to: number): string {
  const updated = piece.hi === null ? `>=${iso(piece.lo)}` : `${iso(piece.lo)}..${iso(piece.hi - 1000)}`;
  return `org:${org} is:${kind === "PullRequest" ? "pr" : "issue"} updated:${updated} created:<${iso(to)} sort:created-asc`;
}

/** Searches everything the spec asks for, splitting the `updated` range wherever one search would pass the 1,000 cap. */
export async function searchAll<K extends "PullRequest" | "Issue">(client: GitHubClient, spec: SearchSpec<K>): Promise<{ nodes: NodeOf<K>[]; warnings: DatasetWarning[] }> {
  const byId = new Map<string, NodeOf<K>>();
  const warnings: DatasetWarning[] = [];
  const nowEnd = Math.floor(spec.now / 1000) * 1000 + 1000;
  let total = 0;
  let done = 0;
  let piecesCounted = 0;
  const text = (piece: { lo: number; hi: number | null }): string => searchText(spec.kind, spec.org, piece, spec.to);
  const splittable = (p: Piece): boolean => (p.hi ?? nowEnd) - p.lo > 1000 && p.lo < nowEnd && piecesCounted < MAX_PIECES;

  const split = (p: Piece): Piece[] => {
    const hi = Math.min(p.hi ?? nowEnd, nowEnd);
    const k = Math.min(MAX_SPLIT, Math.max(2, Math.ceil((p.count * 1.5) / SEARCH_CAP)));
    const step = Math.max(1000, Math.ceil((hi - p.lo) / k / 1000) * 1000);
    const pieces: Piece[] = [];
    for (let lo = p.lo; lo < hi; lo += step) pieces.push({ lo, hi: Math.min(lo + step, hi), count: -1 });
    if (p.hi === null) pieces.push({ lo: hi, hi: null, count: -1 });
    else if (p.hi > hi) pieces.push({ lo: hi, hi: p.hi, count: -1 });
    return pieces;
  };

  const countAll = async (pieces: Piece[]): Promise<void> => {
    piecesCounted += pieces.length;
    for (let start = 0; start < pieces.length; start += COUNTS_PER_REQUEST) {
      const batch = pieces.slice(start, start + COUNTS_PER_REQUEST);
      const { data } = await client.query("CountSearch", countSearchQuery(batch.map(text)), CountSearchShape);
      batch.forEach((piece, i) => {
        piece.count = (data[`c${i}`] as { issueCount: number } | undefined)?.issueCount ?? 0;
      });
    }
  };

  // Splits until every piece fits under the cap (or is one second wide), then joins neighbours while they fit.
  const refine = async (start: Piece): Promise<Piece[]> => {
    let list = [start];
    let pending = list.filter((p) => p.count > SEARCH_CAP && splittable(p));
    while (pending.length > 0) {
      const children = new Map(pending.map((p) => [p, split(p)]));
      await countAll([...children.values()].flat());
      list = list.flatMap((p) => children.get(p) ?? [p]);
      pending = [...children.values()].flat().filter((p) => p.count > SEARCH_CAP && splittable(p));
    }
    const merged: Piece[] = [];
    for (const piece of list) {
      const last = merged.at(-1);
      if (last && last.count <= SEARCH_CAP && piece.count <= SEARCH_CAP && last.count + piece.count <= SEARCH_CAP) {
        merged[merged.length - 1] = { lo: last.lo, hi: piece.hi, count: last.count + piece.count };
      } else merged.push(piece);
    }
    return merged.filter((p) => p.count !== 0);
  };

  const shape = (spec.kind === "PullRequest" ? SearchPullRequestsShape : SearchIssuesShape) as unknown as z.ZodType<SearchPage<NodeOf<K>>>;
  const queryName = spec.kind === "PullRequest" ? "SearchPullRequests" : "SearchIssues";
  const noun = spec.kind === "PullRequest" ? "pull requests" : "issues";

  /**
   * Bounded ranges already read, with their size when reading began. Search cursors are offsets:
   * an item updated while its range is being read leaves the range, every later item moves up one
   * place, and the next page skips one. The open range at the end only gains items, which at
   * worst repeats one; so bounded ranges are counted again at the end and read again if they shrank.
   */
  const bounded: Piece[] = [];

  // `counted`: the piece's size is already in the progress total.
  const pageThrough = async (piece: { lo: number; hi: number | null }, counted: boolean): Promise<void> => {
    let cursor: string | null = null;
    let seen = 0;
    const ids = new Set<string>();
    const range = piece.hi === null ? `since ${iso(piece.lo)}` : `from ${iso(piece.lo)} to ${iso(piece.hi)}`;
    // A search reaches at most 1,000 results: 10 pages of 100, one more for slack.
    const pager = new Pager(queryName, `${noun} of ${spec.org} updated ${range}`, SEARCH_CAP / 100 + 1);
    for (;;) {
      const result: { data: SearchPage<NodeOf<K>> } = await client.query(queryName, searchPageQuery(spec.kind, text(piece), cursor, spec.comments ?? false), shape);
      const page: SearchPage<NodeOf<K>>["search"] = result.data.search;
      if (cursor === null) {
        const full: Piece = { ...piece, count: page.issueCount };
        if (page.issueCount > SEARCH_CAP && splittable(full)) {
          // Too many for one search (the first, uncounted range, or a range that grew): split it first.
          const parts = await refine(full);
          if (!counted) total += parts.reduce((sum, p) => sum + p.count, 0);
          for (const part of parts) await pageThrough(part, true);
          return;
        }
        if (!counted) total += page.issueCount;
        if (piece.hi !== null) bounded.push(full);
        if (page.issueCount > SEARCH_CAP) {
          warnings.push({
            code: "SEARCH_CAP",
            message: `${page.issueCount} ${noun} updated ${range} match one search that cannot be split further; GitHub returns ${SEARCH_CAP}, so ${page.issueCount - SEARCH_CAP} are missing`,
          });
        }
      }
      let fresh = 0;
      for (const node of page.nodes) {
        if (!ids.has(node.id)) fresh += 1;
        ids.add(node.id);
        byId.set(node.id, node);
      }
      seen += page.nodes.length;
      done += page.nodes.length;
      spec.onProgress(done, Math.max(total, done));
      if (seen >= SEARCH_CAP) return;
      cursor = pager.advance(page.pageInfo, page.nodes.length, fresh);
      if (pager.problem) warnings.push({ code: "PAGING", message: pager.problem });
      if (cursor === null) return;
    }
  };

  await pageThrough({ lo: spec.from, hi: null }, false);
  for (let round = 0; bounded.length > 0; round++) {
    const read = bounded.splice(0);
    const now = read.map((p): Piece => ({ lo: p.lo, hi: p.hi, count: -1 }));
    await countAll(now);
    const shrunk = read.filter((p, i) => (now[i]?.count ?? 0) < p.count);
    if (shrunk.length === 0) break;
    if (round === MAX_REREADS) {
      warnings.push({
        code: "SEARCH_CHANGED",
        message: `${noun} kept changing while they were read (${shrunk.length} ranges of updated times still shrinking after ${MAX_REREADS} rereads); some may be missing, fetch again`,
      });
      break;
    }
    for (const piece of shrunk) await pageThrough(piece, true);
  }
  return { nodes: [...byId.values()], warnings };
}
