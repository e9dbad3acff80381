/**
 * Guards for every paginated walk over a GitHub connection. A server that keeps answering
 * "next page" (the same cursor, empty pages, pages of items already read, or simply forever)
 * must not spend the token's hourly budget or grow memory without end: each walk stops at the
 * first such page with one line naming the query and the repository (or other scope).
 *
 * Use: `const pager = new Pager("CommitHistory", "QuantEcon/meta")`, then after each page
 * `cursor = pager.advance(page.pageInfo, page.nodes.length)`; `null` ends the walk, and
 * `pager.problem` is set when a guard ended it (turn it into a warning or an error).
 */

/** A connection page's `pageInfo`, as GitHub returns it. */
export interface PageInfoLike {
  hasNextPage: boolean;
  endCursor: string | null;
}

/**
 * Pages one walk may read. 1,000 pages of 100 is 100,000 commits of one repository in one
 * window, or 100,000 repositories in an organization: far past any real one, and far below the
 * 5,000 requests an hour a token has.
 */
export const MAX_PAGES = 1000;

/** Why a walk was stopped, as `Pager.reason`. */
export type PagingStop = "repeated-cursor" | "empty-page" | "no-new-items" | "page-budget";

/** Follows one connection's cursors, page by page, refusing to loop. */
export class Pager {
  /** Pages read so far. */
  pages = 0;
  /** Why a guard stopped the walk, when one did. */
  reason: PagingStop | undefined;
  /** The one-line explanation when a guard stopped the walk. */
  problem: string | undefined;
  private readonly seen = new Set<string>();

  /**
   * `query`: the GraphQL operation (`CommitHistory`); `scope`: what it walks (`QuantEcon/meta`,
   * `pull requests of QuantEcon updated since …`); `budget`: most pages to read.
   */
  constructor(
    readonly query: string,
    readonly scope: string,
    readonly budget = MAX_PAGES,
  ) {}

  /**
   * Records a page and returns the cursor of the next one, or null when the walk ends: because
   * the page was the last, or because a guard stopped it (`problem` then says why).
   * `fresh`: how many of the page's items were new, when the caller can tell (a page of only
   * items already read that claims more is a loop even with a new cursor).
   */
  advance(pageInfo: PageInfoLike, items: number, fresh = items): string | null {
    this.pages += 1;
    if (!pageInfo.hasNextPage || pageInfo.endCursor === null || pageInfo.endCursor === "") return null;
    const cursor = pageInfo.endCursor;
    if (this.seen.has(cursor)) return this.stop("repeated-cursor", `the server repeated a cursor it had already sent (page ${this.pages})`);
    if (items === 0) return this.stop("empty-page", `the server sent an empty page that claims more (page ${this.pages})`);
    if (fresh === 0) return this.stop("no-new-items", `page ${this.pages} held only items already read yet claims more`);
    if (this.pages >= this.budget) return this.stop("page-budget", `the walk reached its budget of ${this.budget} pages and the server still claims more`);
    this.seen.add(cursor);
    return cursor;
  }

  private stop(reason: PagingStop, why: string): null {
    this.reason = reason;
    this.problem = `paging of the ${this.query} query for ${this.scope} stopped: ${why}`;
    return null;
  }
}
