import { z } from "zod";

/**
 * The shapes of GitHub's answers the fetcher relies on. Objects are not strict: GitHub may add
 * fields freely, but a field the fetcher reads that changes type or goes missing fails here.
 */

const rateLimit = z.object({ cost: z.number().int().nonnegative(), remaining: z.number().int(), resetAt: z.string() });
const pageInfo = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });
const named = z.object({ nameWithOwner: z.string() });

export const ActorShape = z.object({ __typename: z.string(), login: z.string(), name: z.string().nullable().optional() });
export type ActorNode = z.infer<typeof ActorShape>;

const historyCount = z.object({
  defaultBranchRef: z
    .object({
      name: z.string(),
      target: z.object({ history: z.object({ totalCount: z.number().int().nonnegative() }).optional() }).nullable(),
    })
    .nullable(),
});

export const RepositoryShape = historyCount.extend({ nameWithOwner: z.string(), isArchived: z.boolean(), isFork: z.boolean() });
export type RepositoryNode = z.infer<typeof RepositoryShape>;

export const ListRepositoriesShape = z.object({
  rateLimit,
  organization: z.object({ repositories: z.object({ pageInfo, nodes: z.array(RepositoryShape) }) }).nullable(),
});

export const LookUpRepositoriesShape = z.object({ rateLimit, organization: z.object({ login: z.string() }).nullable() }).catchall(RepositoryShape.nullable());

export const CountSearchShape = z.object({ rateLimit }).catchall(z.object({ issueCount: z.number().int().nonnegative() }));

export const ReviewShape = z.object({ author: ActorShape.nullable(), state: z.string(), submittedAt: z.string().nullable() });
export type ReviewNode = z.infer<typeof ReviewShape>;

const labels = z.object({ totalCount: z.number().int(), nodes: z.array(z.object({ name: z.string() })) });

export const PullRequestShape = z.object({
  __typename: z.literal("PullRequest"),
  id: z.string(),
  number: z.number().int(),
  url: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  mergedAt: z.string().nullable(),
  state: z.enum(["OPEN", "CLOSED", "MERGED"]),
  isDraft: z.boolean(),
  headRefName: z.string(),
  baseRefName: z.string(),
  additions: z.number().int(),
  deletions: z.number().int(),
  changedFiles: z.number().int(),
  repository: named,
  headRepository: named.nullable(),
  author: ActorShape.nullable(),
  mergedBy: ActorShape.nullable(),
  labels,
  assignees: z.object({ totalCount: z.number().int(), nodes: z.array(ActorShape) }),
  reviews: z.object({ totalCount: z.number().int(), pageInfo, nodes: z.array(ReviewShape) }),
});
export type PullRequestNode = z.infer<typeof PullRequestShape>;

export const IssueShape = z.object({
  __typename: z.literal("Issue"),
  id: z.string(),
  number: z.number().int(),
  url: z.string(),
  title: z.string(),
  body: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  closedAt: z.string().nullable(),
  state: z.enum(["OPEN", "CLOSED"]),
  repository: named,
  author: ActorShape.nullable(),
  labels,
});
export type IssueNode = z.infer<typeof IssueShape>;

const searchPage = <T extends z.ZodType>(node: T) =>
  z.object({ rateLimit, search: z.object({ issueCount: z.number().int().nonnegative(), pageInfo, nodes: z.array(node) }) });

/** One page of an issue search whose nodes are `N`. */
export interface SearchPage<N> {
  rateLimit: z.infer<typeof rateLimit>;
  search: { issueCount: number; pageInfo: z.infer<typeof pageInfo>; nodes: N[] };
}

export const SearchPullRequestsShape = searchPage(PullRequestShape);
export const SearchIssuesShape = searchPage(IssueShape);

const gitActor = z.object({ name: z.string().nullable(), email: z.string().nullable(), date: z.string().nullable().optional(), user: z.object({ login: z.string(), name: z.string().nullable() }).nullable() });

export const CommitShape = z.object({
  oid: z.string(),
  url: z.string(),
  message: z.string(),
  authoredDate: z.string(),
  committedDate: z.string(),
  committedViaWeb: z.boolean(),
  author: gitActor.nullable(),
  committer: gitActor.nullable(),
  parents: z.object({ totalCount: z.number().int().nonnegative() }),
  associatedPullRequests: z.object({ nodes: z.array(z.object({ number: z.number().int(), merged: z.boolean(), repository: named })) }).nullable(),
});
export type CommitNode = z.infer<typeof CommitShape>;

export const HistoryShape = z.object({ totalCount: z.number().int().nonnegative(), pageInfo, nodes: z.array(CommitShape) });

export const CommitHistoryShape = z
  .object({ rateLimit })
  .catchall(
    z
      .object({
        defaultBranchRef: z.object({ target: z.object({ history: HistoryShape.optional() }).nullable() }).nullable(),
      })
      .nullable(),
  );

const moreConnection = z.object({ pageInfo, nodes: z.array(z.unknown()) });

export const MoreItemsShape = z
  .object({ rateLimit })
  .catchall(
    z
      .object({ reviews: moreConnection.optional(), labels: moreConnection.optional(), assignees: moreConnection.optional() })
      .nullable(),
  );
