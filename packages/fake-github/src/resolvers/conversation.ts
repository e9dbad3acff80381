import type { Comment, Issue, PullRequest } from "@quantecon/attribution";
import { GraphQLError } from "graphql";
import { paginate, type PageArgs } from "../connection.js";
import type { ResolverMap } from "../context.js";
import { actorNode } from "./actor.js";
import type { IssueNode } from "./issue.js";
import type { PostedComment } from "./posting.js";
import type { PullRequestNode } from "./pull-request.js";

/** A conversation comment node: the world's comment, its item, and its place in the thread. */
interface CommentNode {
  __typename: "IssueComment";
  rec: Comment;
  item: PullRequestNode | IssueNode;
  index: number;
}

/** A closing event of an issue: who closed it, and when. */
interface ClosedEventNode {
  __typename: "ClosedEvent";
  issue: IssueNode;
}

function comments(s: PullRequestNode | IssueNode, args: PageArgs) {
  const list = (s.rec as PullRequest | Issue).comments ?? [];
  return paginate(list.map((rec, index): CommentNode => ({ __typename: "IssueComment", rec, item: s, index })), args, "comments");
}

/**
 * Conversation comments of pull requests and issues (paged like any connection, so long threads
 * need several requests), and an issue's closing event from `closedAt` and `closedBy` (actor
 * null when the world does not say who closed it). Only `CLOSED_EVENT` timeline items exist here.
 */
export const conversationResolvers: ResolverMap = {
  PullRequest: { comments },
  Issue: {
    comments,
    timelineItems: (s: IssueNode, args: PageArgs & { itemTypes?: string[] | null; since?: string | null; skip?: number | null }) => {
      const types = args.itemTypes ?? [];
      if (types.some((t) => t !== "CLOSED_EVENT")) {
        throw new GraphQLError(`fake-github models only CLOSED_EVENT timeline items, not ${types.filter((t) => t !== "CLOSED_EVENT").join(", ")}`);
      }
      if (types.length === 0) throw new GraphQLError("fake-github models timelineItems only with itemTypes: [CLOSED_EVENT]");
      const events: ClosedEventNode[] = s.rec.state === "CLOSED" && s.rec.closedAt ? [{ __typename: "ClosedEvent", issue: s }] : [];
      return paginate(events, args, "timelineItems");
    },
  },
  // Comments the posting mutations wrote (resolvers/posting.ts) are plain objects without `rec`;
  // they keep their own fields, so both kinds of IssueComment resolve here.
  IssueComment: {
    id: (s: CommentNode | PostedComment) => ("rec" in s ? `IC_${s.item.id}_${s.index}` : s.id),
    author: (s: CommentNode | PostedComment, _a, context) => actorNode(context.world, "rec" in s ? s.rec.author : s.author),
    authorAssociation: (s: CommentNode | PostedComment) => ("rec" in s ? s.rec.authorAssociation : "NONE"),
    body: (s: CommentNode | PostedComment) => ("rec" in s ? s.rec.body : s.body),
    createdAt: (s: CommentNode | PostedComment) => ("rec" in s ? s.rec.createdAt : new Date().toISOString().replace(/\.\d{3}Z$/, "Z")),
  },
  ClosedEvent: {
    id: (s: ClosedEventNode) => `CE_${s.issue.id}`,
    actor: (s: ClosedEventNode, _a, context) => actorNode(context.world, s.issue.rec.closedBy ?? null),
    createdAt: (s: ClosedEventNode) => s.issue.rec.closedAt,
  },
};
