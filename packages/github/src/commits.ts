import type { DatasetWarning } from "@quantecon/attribution";
import type { GitHubClient, QueryResult } from "./client.js";
import { Pager } from "./paging.js";
import { commitHistoryQuery, type HistoryRange, type HistorySlice } from "./queries.js";
import type { ScannedRepo } from "./repos.js";
import { CommitHistoryShape, type CommitNode, HistoryShape } from "./responses.js";
import type { z } from "zod";

/**
 * Commits per request. Several repositories share a request (by alias), each asking for just
 * as many commits as it has left, so small repos cost no extra requests; kept modest because
 * `associatedPullRequests` makes commit pages slow for GitHub to answer.
 */
export const COMMITS_PER_REQUEST = 300;
const ALIASES_PER_REQUEST = 50;

interface RepoHistory {
  scanned: ScannedRepo;
  cursor: string | null;
  left: number;
  fetched: number;
  done: boolean;
  pager: Pager;
  oids: Set<string>;
}

/** Every default-branch commit in the window of each repository that has any, with their repo's name. */
export async function fetchCommits(
  client: GitHubClient,
  repos: readonly ScannedRepo[],
  range: HistoryRange,
  onProgress: (done: number, total: number) => void,
): Promise<{ commits: { repo: string; node: CommitNode }[]; warnings: DatasetWarning[] }> {
  const histories: RepoHistory[] = repos
    .filter((r) => r.repo.defaultBranch !== null && r.commitCount > 0)
    .map((scanned) => ({ scanned, cursor: null, left: scanned.commitCount, fetched: 0, done: false, pager: new Pager("CommitHistory", scanned.repo.name), oids: new Set<string>() }));
  const commits: { repo: string; node: CommitNode }[] = [];
  const warnings: DatasetWarning[] = [];
  const total = histories.reduce((sum, h) => sum + h.left, 0);
  onProgress(0, total);
  for (;;) {
    const batch: { history: RepoHistory; slice: HistorySlice }[] = [];
    let budget = COMMITS_PER_REQUEST;
    for (const history of histories) {
      if (history.done) continue;
      if (budget <= 0 || batch.length >= ALIASES_PER_REQUEST) break;
      const first = Math.min(100, budget, Math.max(1, history.left));
      budget -= first;
      batch.push({ history, slice: { owner: history.scanned.owner, name: history.scanned.name, first, cursor: history.cursor } });
    }
    if (batch.length === 0) return { commits, warnings };
    const result: QueryResult<z.infer<typeof CommitHistoryShape>> = await client.query("CommitHistory", commitHistoryQuery(batch.map((b) => b.slice), range), CommitHistoryShape);
    batch.forEach(({ history }, i) => {
      const repo = history.scanned.repo.name;
      const alias = `r${i}`;
      const answer = result.data[alias] as z.infer<typeof CommitHistoryShape>[string] | undefined;
      const connection: z.infer<typeof HistoryShape> | undefined = answer?.defaultBranchRef?.target?.history;
      if (!connection) {
        history.done = true;
        const error = result.errors.find((e) => e.path?.[0] === alias);
        // A branch deleted or emptied since the listing simply has no commits now; anything else is missing data.
        if (error || !answer) warnings.push({ code: error?.type ?? "NOT_FOUND", repo, message: `commits of ${repo} could not be read: ${error?.message ?? "no answer"}` });
        return;
      }
      let fresh = 0;
      for (const node of connection.nodes) {
        if (history.oids.has(node.oid)) continue;
        history.oids.add(node.oid);
        commits.push({ repo, node });
        fresh += 1;
      }
      history.fetched += connection.nodes.length;
      history.left = connection.totalCount - history.fetched;
      history.cursor = history.pager.advance(connection.pageInfo, connection.nodes.length, fresh);
      history.done = history.cursor === null;
      if (history.pager.problem) warnings.push({ code: "PAGING", repo, message: history.pager.problem });
    });
    onProgress(commits.length, Math.max(total, commits.length));
  }
}
