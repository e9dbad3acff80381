import { GraphQLError } from "graphql";

/** The pagination arguments every GitHub connection takes. */
export interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** A page of a connection in the shape GitHub answers with. */
export interface Connection<T> {
  totalCount: number;
  nodes: T[];
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

const encode = (index: number): string => Buffer.from(`cursor:v2:${index}`).toString("base64");

function decode(cursor: string, field: string): number {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match) throw new GraphQLError(`\`${cursor}\` does not appear to be a valid cursor.`, { extensions: { type: "INVALID_CURSOR_ARGUMENTS", field } });
  return Number(match[1]);
}

/**
 * Pages `items` as GitHub does: `first` or `last` is required and at most 100; cursors are
 * opaque offsets. `cap` limits how far pagination reaches (search stops at 1,000 results).
 */
export function paginate<T>(items: readonly T[], args: PageArgs, field: string, options: { cap?: number; totalCount?: number } = {}): Connection<T> {
  const { first, last } = args;
  if (first == null && last == null) {
    throw new GraphQLError(`You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`, { extensions: { type: "MISSING_PAGINATION_BOUNDARIES" } });
  }
  for (const [name, value] of [["first", first], ["last", last]] as const) {
    if (value != null && (value < 0 || value > 100)) {
      throw new GraphQLError(`Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of 100 records.`, { extensions: { type: "EXCESSIVE_PAGINATION" } });
    }
  }
  const reachable = Math.min(items.length, options.cap ?? Infinity);
  let start = args.after ? decode(args.after, field) + 1 : 0;
  let end = args.before ? decode(args.before, field) : reachable;
  start = Math.min(Math.max(start, 0), reachable);
  end = Math.min(Math.max(end, start), reachable);
  if (first != null) end = Math.min(end, start + first);
  if (last != null) start = Math.max(start, end - last);
  const nodes = items.slice(start, end);
  const edges = nodes.map((node, i) => ({ cursor: encode(start + i), node }));
  return {
    totalCount: options.totalCount ?? items.length,
    nodes,
    edges,
    pageInfo: {
      hasNextPage: end < reachable,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}
