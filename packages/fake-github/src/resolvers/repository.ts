import { GraphQLError } from "graphql";
import { paginate, type PageArgs } from "../connection.js";
import type { Context, ResolverMap } from "../context.js";
import type { RepoEntry } from "../world.js";
import { issueNode } from "./issue.js";
import { pullRequestNode } from "./pull-request.js";

/** A repository node. */
export interface RepositoryNode {
  __typename: "Repository";
  entry: RepoEntry;
}

/** The organization node. */
export interface OrganizationNode {
  __typename: "Organization";
  login: string;
}

/** The node for a repository of the world. */
export function repositoryNode(entry: RepoEntry): RepositoryNode {
  return { __typename: "Repository", entry };
}

/** The repository `owner/name`, or the error GitHub answers with (also the partial-errors fault). */
export function lookUpRepository(context: Context, owner: string, name: string): RepositoryNode {
  const full = `${owner}/${name}`;
  const entry = context.world.repo(full);
  const injected = context.repoErrors.get(full.toLowerCase());
  if (injected === "FORBIDDEN") {
    throw new GraphQLError(`Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.`, { extensions: { type: "FORBIDDEN" } });
  }
  if (!entry || injected === "NOT_FOUND") {
    throw new GraphQLError(`Could not resolve to a Repository with the name '${full}'.`, { extensions: { type: "NOT_FOUND" } });
  }
  return repositoryNode(entry);
}

type OrderArgs = PageArgs & { orderBy?: { field: string; direction: "ASC" | "DESC" }; states?: string[] | null };

function ordered<T extends { createdAt: string; updatedAt: string; number: number }>(items: readonly T[], args: OrderArgs): T[] {
  const key = args.orderBy?.field === "UPDATED_AT" ? "updatedAt" : args.orderBy?.field === "CREATED_AT" ? "createdAt" : undefined;
  const sign = args.orderBy?.direction === "DESC" ? -1 : 1;
  const list = args.states ? items.filter((item) => args.states?.includes((item as { state?: string }).state ?? "")) : [...items];
  return list.sort((a, b) => ((key ? Date.parse(a[key]) - Date.parse(b[key]) : 0) || a.number - b.number) * sign);
}

/** Resolvers of Organization, Repository and Ref. */
export const repositoryResolvers: ResolverMap = {
  Organization: {
    id: (s: OrganizationNode) => `O_${s.login}`,
    name: (s: OrganizationNode) => s.login,
    url: (s: OrganizationNode) => `https://github.com/${s.login}`,
    repositories: (s: OrganizationNode, args: PageArgs & { orderBy?: { field: string; direction: string } }, context) => {
      const repos = context.world.repos.filter((entry) => entry.owner.toLowerCase() === s.login.toLowerCase());
      const list = args.orderBy?.direction === "DESC" ? [...repos].reverse() : repos;
      return paginate(list.map(repositoryNode), args, "repositories");
    },
  },
  Repository: {
    id: (s: RepositoryNode) => s.entry.id,
    name: (s: RepositoryNode) => s.entry.name,
    nameWithOwner: (s: RepositoryNode) => s.entry.rec.name,
    url: (s: RepositoryNode) => `https://github.com/${s.entry.rec.name}`,
    owner: (s: RepositoryNode) => ({ __typename: "Organization", login: s.entry.owner }),
    isArchived: (s: RepositoryNode) => s.entry.rec.isArchived,
    isFork: (s: RepositoryNode) => s.entry.rec.isFork,
    defaultBranchRef: (s: RepositoryNode) =>
      s.entry.rec.defaultBranch === null ? null : { __typename: "Ref", name: s.entry.rec.defaultBranch, entry: s.entry },
    pullRequests: (s: RepositoryNode, args: OrderArgs, context) =>
      paginate(ordered(s.entry.pullRequests, args).map((pr) => pullRequestNode(context.world, s.entry, pr)), args, "pullRequests"),
    issues: (s: RepositoryNode, args: OrderArgs, context) =>
      paginate(ordered(s.entry.issues, args).map((issue) => issueNode(context.world, s.entry, issue)), args, "issues"),
  },
  Ref: {
    id: (s: { entry: RepoEntry; name: string }) => `REF_${s.entry.id}_${s.name}`,
    prefix: () => "refs/heads/",
    // The branch tip stands for the whole default branch; its `history` walks the world's commits.
    target: (s: { entry: RepoEntry }) => ({ __typename: "Commit", tip: true, entry: s.entry, rec: s.entry.commits[0] }),
  },
};
