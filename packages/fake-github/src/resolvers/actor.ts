import type { ResolverMap } from "../context.js";
import type { WorldIndex } from "../world.js";

/** An account node: `__typename` picks the concrete type behind the `Actor` interface. */
export interface ActorNode {
  __typename: string;
  login: string;
  name: string | null;
}

/** The account with this login, typed as the world says (an unknown login is a `User`). */
export function actorNode(world: WorldIndex, login: string | null): ActorNode | null {
  if (login === null) return null;
  const actor = world.actor(login);
  return { __typename: actor?.type ?? "User", login: actor?.login ?? login, name: actor?.name ?? null };
}

/** The account as a `User`, or null when it is not one (GitHub's `GitActor.user` and `assignees` hold users only). */
export function userNode(world: WorldIndex, login: string | null): ActorNode | null {
  const node = actorNode(world, login);
  return node && node.__typename === "User" ? node : null;
}

const url = (source: ActorNode): string => `https://github.com/${source.__typename === "Bot" ? "apps/" : ""}${source.login}`;

/** Resolvers of the account types. */
export const actorResolvers: ResolverMap = {
  User: { url, id: (s: ActorNode) => `U_${s.login}` },
  Bot: { url, id: (s: ActorNode) => `BOT_${s.login}` },
  Mannequin: { url, id: (s: ActorNode) => `M_${s.login}` },
};
