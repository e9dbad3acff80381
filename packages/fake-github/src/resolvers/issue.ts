import type { Issue } from "@quantecon/attribution";
import { paginate, type PageArgs } from "../connection.js";
import type { ResolverMap } from "../context.js";
import type { RepoEntry, WorldIndex } from "../world.js";
import { actorNode } from "./actor.js";

/** An issue node. */
export interface IssueNode {
  __typename: "Issue";
  id: string;
  rec: Issue;
  entry: RepoEntry;
}

/** The node for an issue of the world. */
export function issueNode(world: WorldIndex, entry: RepoEntry, rec: Issue): IssueNode {
  const id = world.issueItem(entry, rec.number)?.id ?? `I_${rec.number}`;
  return { __typename: "Issue", id, rec, entry };
}

/** Resolvers of Issue and Label. */
export const issueResolvers: ResolverMap = {
  Issue: {
    author: (s: IssueNode, _a, context) => actorNode(context.world, s.rec.author),
    closed: (s: IssueNode) => s.rec.state === "CLOSED",
    repository: (s: IssueNode) => ({ __typename: "Repository", entry: s.entry }),
    labels: (s: IssueNode, args: PageArgs) => paginate(s.rec.labels.map((name) => ({ __typename: "Label", name })), args, "labels"),
  },
  Label: {
    id: (s: { name: string }) => `LA_${s.name}`,
  },
};
