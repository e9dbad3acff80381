import type { PullRequest, Review } from "@quantecon/attribution";
import { paginate, type PageArgs } from "../connection.js";
import type { ResolverMap } from "../context.js";
import type { RepoEntry, WorldIndex } from "../world.js";
import { actorNode, userNode } from "./actor.js";

/** A pull request node. */
export interface PullRequestNode {
  __typename: "PullRequest";
  id: string;
  rec: PullRequest;
  entry: RepoEntry;
}

/** The node for a pull request of the world. */
export function pullRequestNode(world: WorldIndex, entry: RepoEntry, rec: PullRequest): PullRequestNode {
  return { __typename: "PullRequest", id: world.pullRequestItem(entry, rec.number)?.id ?? `PR_${rec.number}`, rec, entry };
}

interface ReviewNode {
  __typename: "PullRequestReview";
  rec: Review;
  pr: PullRequestNode;
  index: number;
}

/** Resolvers of PullRequest and PullRequestReview. */
export const pullRequestResolvers: ResolverMap = {
  PullRequest: {
    author: (s: PullRequestNode, _a, context) => actorNode(context.world, s.rec.author),
    mergedBy: (s: PullRequestNode, _a, context) => actorNode(context.world, s.rec.mergedBy),
    merged: (s: PullRequestNode) => s.rec.mergedAt !== null,
    closed: (s: PullRequestNode) => s.rec.state !== "OPEN",
    headRefName: (s: PullRequestNode) => s.rec.headRef,
    baseRefName: (s: PullRequestNode) => s.rec.baseRef,
    headRepository: (s: PullRequestNode, _a, context) => {
      if (s.rec.headRepo === null) return null;
      const entry = context.world.repo(s.rec.headRepo);
      // A fork outside the world still has a name; that is all the fetcher reads.
      return entry ? { __typename: "Repository", entry } : { __typename: "Repository", entry: { rec: { name: s.rec.headRepo } } };
    },
    baseRepository: (s: PullRequestNode) => ({ __typename: "Repository", entry: s.entry }),
    repository: (s: PullRequestNode) => ({ __typename: "Repository", entry: s.entry }),
    labels: (s: PullRequestNode, args: PageArgs) => paginate(s.rec.labels.map((name) => ({ __typename: "Label", name })), args, "labels"),
    assignees: (s: PullRequestNode, args: PageArgs, context) =>
      paginate(s.rec.assignees.map((login) => userNode(context.world, login) ?? { __typename: "User", login, name: null }), args, "assignees"),
    reviews: (s: PullRequestNode, args: PageArgs) =>
      paginate(s.rec.reviews.map((rec, index): ReviewNode => ({ __typename: "PullRequestReview", rec, pr: s, index })), args, "reviews"),
  },
  PullRequestReview: {
    id: (s: ReviewNode) => `PRR_${s.pr.id}_${s.index}`,
    author: (s: ReviewNode, _a, context) => actorNode(context.world, s.rec.author),
    state: (s: ReviewNode) => s.rec.state,
    submittedAt: (s: ReviewNode) => s.rec.submittedAt,
  },
};
