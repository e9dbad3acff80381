import type { GitHubClient, QueryResult } from "./client.js";
import { GitHubError } from "./errors.js";
import { Pager } from "./paging.js";
import { moreItemsQuery, type MoreItemsRequest } from "./queries.js";
import { MoreItemsShape } from "./responses.js";
import type { z } from "zod";

const NODES_PER_REQUEST = 20;

/**
 * Pages through connections that did not fit in their first 100 (a PR with 150 reviews) and
 * returns every node of each, in order. A request with a cursor continues; one without starts over.
 * A walk a paging guard stops keeps what it read and is reported to `onStop` (thrown without it).
 */
export async function fetchMoreItems(
  client: GitHubClient,
  requests: readonly MoreItemsRequest[],
  onStop?: (request: MoreItemsRequest, problem: string) => void,
): Promise<Map<MoreItemsRequest, unknown[]>> {
  const out = new Map<MoreItemsRequest, unknown[]>(requests.map((r) => [r, []]));
  let pending = requests.map((request) => ({ request, cursor: request.cursor, pager: new Pager("MoreItems", `the ${request.field} of ${request.kind} ${request.id}`) }));
  while (pending.length > 0) {
    const batch = pending.slice(0, NODES_PER_REQUEST);
    const result: QueryResult<z.infer<typeof MoreItemsShape>> = await client.query("MoreItems", moreItemsQuery(batch.map((b) => ({ ...b.request, cursor: b.cursor }))), MoreItemsShape);
    const next: typeof pending = [];
    batch.forEach((entry, i) => {
      const node = result.data[`n${i}`] as z.infer<typeof MoreItemsShape>[string] | undefined;
      const connection = node?.[entry.request.field];
      if (!connection) {
        const error = result.errors.find((e) => e.path?.[0] === `n${i}`);
        throw new GitHubError("E_GITHUB_RESPONSE", `GitHub did not return the ${entry.request.field} of ${entry.request.kind} ${entry.request.id}: ${error?.message ?? "no answer"}`);
      }
      const items = out.get(entry.request);
      for (const item of connection.nodes) items?.push(item);
      const cursor = entry.pager.advance(connection.pageInfo, connection.nodes.length);
      if (entry.pager.problem) {
        if (!onStop) throw new GitHubError("E_GITHUB_RESPONSE", entry.pager.problem);
        onStop(entry.request, entry.pager.problem);
      }
      if (cursor !== null) next.push({ ...entry, cursor });
    });
    pending = [...next, ...pending.slice(NODES_PER_REQUEST)];
  }
  return out;
}
