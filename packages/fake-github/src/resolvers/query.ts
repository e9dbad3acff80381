import { GraphQLError } from "graphql";
import { paginate, type PageArgs } from "../connection.js";
import type { ResolverMap } from "../context.js";
import { runIssueSearch } from "../search-query.js";
import type { SearchItem } from "../world.js";
import { issueNode } from "./issue.js";
import { pullRequestNode } from "./pull-request.js";
import { lookUpRepository, type OrganizationNode } from "./repository.js";

const SEARCH_CACHE_SIZE = 16;

function searchResults(items: readonly SearchItem[], query: string, cache: Map<string, SearchItem[]>): SearchItem[] {
  const hit = cache.get(query);
  if (hit) return hit;
  const found = runIssueSearch(items, query);
  // Pages of one search arrive one after another; keeping the last few avoids re-filtering the world.
  if (cache.size >= SEARCH_CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  cache.set(query, found);
  return found;
}

/** Resolvers of the query root: organization, repository, search, node and rateLimit. */
export const queryResolvers: ResolverMap = {
  Query: {
    organization: (_s, args: { login: string }, context): OrganizationNode => {
      const known = context.world.repos.some((entry) => entry.owner.toLowerCase() === args.login.toLowerCase()) || context.world.org.toLowerCase() === args.login.toLowerCase();
      if (!known) throw new GraphQLError(`Could not resolve to an Organization with the login of '${args.login}'.`, { extensions: { type: "NOT_FOUND" } });
      return { __typename: "Organization", login: context.world.org.toLowerCase() === args.login.toLowerCase() ? context.world.org : args.login };
    },
    repository: (_s, args: { owner: string; name: string }, context) => lookUpRepository(context, args.owner, args.name),
    search: (_s, args: PageArgs & { query: string; type: string }, context) => {
      if (args.type !== "ISSUE") throw new GraphQLError(`fake-github: search type ${args.type} is not modelled`, { extensions: { type: "UNPROCESSABLE" } });
      const found = searchResults(context.world.searchItems, args.query, context.searchCache);
      const page = paginate(found, args, "search", { cap: context.searchCap });
      const toNode = (item: SearchItem) =>
        item.kind === "PullRequest"
          ? pullRequestNode(context.world, item.repo, item.rec as Parameters<typeof pullRequestNode>[2])
          : issueNode(context.world, item.repo, item.rec as Parameters<typeof issueNode>[2]);
      return { ...page, nodes: page.nodes.map(toNode), edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: toNode(edge.node) })), issueCount: found.length, codeCount: 0, discussionCount: 0, repositoryCount: 0, userCount: 0, wikiCount: 0 };
    },
    node: (_s, args: { id: string }, context) => {
      const item = context.world.item(args.id);
      if (!item) throw new GraphQLError(`Could not resolve to a node with the global id of '${args.id}'`, { extensions: { type: "NOT_FOUND" } });
      return item.kind === "PullRequest"
        ? pullRequestNode(context.world, item.repo, item.rec as Parameters<typeof pullRequestNode>[2])
        : issueNode(context.world, item.repo, item.rec as Parameters<typeof issueNode>[2]);
    },
    rateLimit: (_s, _a, context) => ({
      __typename: "RateLimit",
      cost: context.cost,
      limit: context.rate.limit,
      used: context.rate.used,
      remaining: Math.max(0, context.rate.limit - context.rate.used),
      resetAt: new Date(context.rate.resetAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
      nodeCount: 0,
    }),
  },
};
