import type { ResolverMap } from "../context.js";
import { actorResolvers } from "./actor.js";
import { commitResolvers } from "./commit.js";
import { conversationResolvers } from "./conversation.js";
import { gitObjectResolvers } from "./git-object.js";
import { issueResolvers } from "./issue.js";
import { postingResolvers } from "./posting.js";
import { pullRequestResolvers } from "./pull-request.js";
import { queryResolvers } from "./query.js";
import { repositoryResolvers } from "./repository.js";

/** Every resolver, one module per GraphQL type family. To model more of GitHub, add a module and list it here. */
export function allResolvers(...extra: ResolverMap[]): ResolverMap {
  const merged: ResolverMap = {};
  for (const map of [queryResolvers, repositoryResolvers, pullRequestResolvers, issueResolvers, commitResolvers, actorResolvers, gitObjectResolvers, postingResolvers, conversationResolvers, ...extra]) {
    for (const [type, fields] of Object.entries(map)) merged[type] = { ...merged[type], ...fields };
  }
  return merged;
}
