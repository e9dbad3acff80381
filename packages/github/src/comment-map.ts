import type { Comment } from "@quantecon/attribution";
import type { ActorRegistry } from "./map.js";
import type { ActorNode, CommentNode } from "./responses.js";

const ASSOCIATIONS: readonly string[] = ["MEMBER", "OWNER", "COLLABORATOR", "CONTRIBUTOR", "FIRST_TIME_CONTRIBUTOR", "FIRST_TIMER", "MANNEQUIN", "NONE"] satisfies Comment["authorAssociation"][];

/** Comment nodes as dataset comments, oldest first (GitHub's order), noting their authors. */
export function toComments(nodes: readonly CommentNode[], actors: ActorRegistry): Comment[] {
  return nodes.map((n) => ({
    author: actors.note(n.author),
    createdAt: n.createdAt,
    // A value GitHub adds later is still someone without a known role.
    authorAssociation: (ASSOCIATIONS.includes(n.authorAssociation) ? n.authorAssociation : "NONE") as Comment["authorAssociation"],
    body: n.body,
  }));
}

/** Who closed an issue: the actor of its last closing event; null when unknown or deleted. */
export function closedByOf(events: readonly ({ __typename: string; actor?: ActorNode | null } | null)[], actors: ActorRegistry): string | null {
  const last = events.filter((e) => e?.__typename === "ClosedEvent").at(-1);
  return actors.note(last?.actor ?? null);
}
