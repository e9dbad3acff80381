import type { GraphQLResolveInfo } from "graphql";
import type { SearchItem, WorldIndex } from "./world.js";

/** The primary rate limit as the server tracks it. */
export interface RateState {
  limit: number;
  used: number;
  resetAt: number;
}

/** What every resolver can see for one request. */
export interface Context {
  world: WorldIndex;
  /** Points the current query costs, computed before execution as GitHub does. */
  cost: number;
  rate: RateState;
  /** Repositories that answer with an error instead of data (the partial-errors fault). */
  repoErrors: ReadonlyMap<string, "NOT_FOUND" | "FORBIDDEN">;
  searchCache: Map<string, SearchItem[]>;
  searchCap: number;
}

/** A field resolver. Sources are the fake's own node objects, so they stay loosely typed here. */
// oxlint-disable-next-line typescript/no-explicit-any
export type Resolver = (source: any, args: any, context: Context, info: GraphQLResolveInfo) => unknown;

/** Resolvers by GraphQL type name, then field name; a field without one reads the source's property. */
export type ResolverMap = Record<string, Record<string, Resolver>>;
