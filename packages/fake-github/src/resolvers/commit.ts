import type { Commit, GitActor } from "@quantecon/attribution";
import { paginate, type PageArgs } from "../connection.js";
import { gitTimestamp } from "../git-timestamp.js";
import type { ResolverMap } from "../context.js";
import type { RepoEntry } from "../world.js";
import { userNode } from "./actor.js";
import { pullRequestNode } from "./pull-request.js";

/** A commit node; the default branch's tip (`tip`) also answers `history` for the whole branch. */
export interface CommitNode {
  __typename: "Commit";
  rec: Commit | undefined;
  entry: RepoEntry;
  tip?: boolean;
}

interface GitActorNode {
  actor: GitActor;
  date: string | null;
}

type HistoryArgs = PageArgs & { since?: string | null; until?: string | null };

const commitField = <K extends keyof Commit>(key: K) => (s: CommitNode): Commit[K] | null => s.rec?.[key] ?? null;

/** Resolvers of Commit and GitActor. */
export const commitResolvers: ResolverMap = {
  Commit: {
    id: (s: CommitNode) => `C_${s.rec?.oid ?? "tip"}`,
    oid: commitField("oid"),
    url: commitField("url"),
    message: commitField("message"),
    committedViaWeb: commitField("committedViaWeb"),
    authoredDate: commitField("authoredAt"),
    committedDate: commitField("committedAt"),
    // GitActor.date is a GitTimestamp: git's own offset kept (authoredDate/committedDate stay UTC).
    author: (s: CommitNode): GitActorNode | null => (s.rec ? { actor: s.rec.author, date: gitTimestamp(s.rec.authoredAt, s.rec.authorOffset) } : null),
    committer: (s: CommitNode): GitActorNode | null => (s.rec ? { actor: s.rec.committer, date: gitTimestamp(s.rec.committedAt, s.rec.committerOffset) } : null),
    // The world keeps only the parent count; parents themselves are never read.
    parents: (s: CommitNode, args: PageArgs) => paginate([], args, "parents", { totalCount: s.rec?.parents ?? 0 }),
    associatedPullRequests: (s: CommitNode, args: PageArgs, context) => {
      const number = s.rec?.pullRequest ?? null;
      const pr = number === null ? undefined : s.entry.prByNumber.get(number);
      return paginate(pr ? [pullRequestNode(context.world, s.entry, pr)] : [], args, "associatedPullRequests");
    },
    history: (s: CommitNode, args: HistoryArgs) => {
      // git's --since/--until compare the committer date, both ends included.
      const since = args.since ? Date.parse(args.since) : -Infinity;
      const until = args.until ? Date.parse(args.until) : Infinity;
      const commits = s.entry.commits.filter((c) => {
        const t = Date.parse(c.committedAt);
        return t >= since && t <= until;
      });
      return paginate(commits.map((rec): CommitNode => ({ __typename: "Commit", rec, entry: s.entry })), args, "history");
    },
  },
  GitActor: {
    name: (s: GitActorNode) => s.actor.name,
    email: (s: GitActorNode) => s.actor.email,
    date: (s: GitActorNode) => s.date,
    user: (s: GitActorNode, _a, context) => userNode(context.world, s.actor.login),
  },
};
