import type { Actor, ActorType, Commit, GitActor, Issue, PullRequest, Review } from "@quantecon/attribution";
import { gitOffset } from "./git-timestamp.js";

const ACTOR_TYPES: readonly string[] = ["User", "Bot", "Organization", "Mannequin", "EnterpriseUserAccount"] satisfies ActorType[];
import type { ActorNode, CommitNode, IssueNode, PullRequestNode, ReviewNode } from "./responses.js";

/** Every account seen in any answer, by login, with its type and name. */
export class ActorRegistry {
  private readonly seen = new Map<string, Actor>();

  /** Records an account from an `Actor` field and returns its login (null for a deleted user). */
  note(node: ActorNode | null | undefined): string | null {
    if (!node) return null;
    // A type the dataset does not know yet is still an account; recording it as a User keeps its login.
    const type = (ACTOR_TYPES.includes(node.__typename) ? node.__typename : "User") as ActorType;
    const known = this.seen.get(node.login);
    const name = node.name ?? known?.name ?? null;
    this.seen.set(node.login, { login: node.login, type, name });
    return node.login;
  }

  /** The accounts behind these logins, sorted by login. */
  pick(logins: Iterable<string>): Actor[] {
    const out: Actor[] = [];
    for (const login of new Set(logins)) out.push(this.seen.get(login) ?? { login, type: "User", name: null });
    return out.sort((a, b) => (a.login < b.login ? -1 : a.login > b.login ? 1 : 0));
  }
}

function review(node: ReviewNode, actors: ActorRegistry): Review {
  return { author: actors.note(node.author), state: node.state as Review["state"], submittedAt: node.submittedAt };
}

/** A pull request node (with its complete reviews, labels and assignees) as a dataset item. */
export function toPullRequest(node: PullRequestNode, actors: ActorRegistry): PullRequest {
  return {
    repo: node.repository.nameWithOwner,
    number: node.number,
    url: node.url,
    title: node.title,
    body: node.body,
    author: actors.note(node.author),
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    closedAt: node.closedAt,
    mergedAt: node.mergedAt,
    mergedBy: actors.note(node.mergedBy),
    state: node.state,
    isDraft: node.isDraft,
    headRef: node.headRefName,
    baseRef: node.baseRefName,
    headRepo: node.headRepository?.nameWithOwner ?? null,
    labels: node.labels.nodes.map((l) => l.name),
    assignees: node.assignees.nodes.map((a) => actors.note(a)).filter((login): login is string => login !== null),
    additions: node.additions,
    deletions: node.deletions,
    changedFiles: node.changedFiles,
    reviews: node.reviews.nodes.map((r) => review(r, actors)),
  };
}

/** An issue node as a dataset item. */
export function toIssue(node: IssueNode, actors: ActorRegistry): Issue {
  return {
    repo: node.repository.nameWithOwner,
    number: node.number,
    url: node.url,
    title: node.title,
    body: node.body,
    author: actors.note(node.author),
    createdAt: node.createdAt,
    updatedAt: node.updatedAt,
    closedAt: node.closedAt,
    state: node.state,
    labels: node.labels.nodes.map((l) => l.name),
  };
}

function gitActor(node: CommitNode["author"], actors: ActorRegistry): GitActor {
  // `GitActor.user` is always a User: bots that commit have no linked account here.
  const login = node?.user ? actors.note({ __typename: "User", login: node.user.login, name: node.user.name }) : null;
  return { login, name: node?.name ?? null, email: node?.email ?? null };
}

/** A default-branch commit node as a dataset item; `pullRequest` is the merged PR of the same repo that brought it in. */
export function toCommit(repo: string, node: CommitNode, actors: ActorRegistry): Commit {
  const merged = (node.associatedPullRequests?.nodes ?? []).filter((pr) => pr.merged && pr.repository.nameWithOwner === repo);
  // GitActor.date is a GitTimestamp: the instant with git's own offset (authoredDate is UTC).
  const authorOffset = gitOffset(node.author?.date);
  const committerOffset = gitOffset(node.committer?.date);
  return {
    repo,
    oid: node.oid,
    url: node.url,
    message: node.message,
    authoredAt: node.authoredDate,
    committedAt: node.committedDate,
    author: gitActor(node.author, actors),
    committer: gitActor(node.committer, actors),
    parents: node.parents.totalCount,
    committedViaWeb: node.committedViaWeb,
    pullRequest: merged.length === 0 ? null : Math.min(...merged.map((pr) => pr.number)),
    ...(authorOffset ? { authorOffset } : {}),
    ...(committerOffset ? { committerOffset } : {}),
  };
}

/** Every login a set of items refers to. */
export function loginsOf(items: { pullRequests: PullRequest[]; commits: Commit[]; issues: Issue[] }): string[] {
  const logins: (string | null)[] = [];
  for (const pr of items.pullRequests) logins.push(pr.author, pr.mergedBy, ...pr.assignees, ...pr.reviews.map((r) => r.author));
  for (const c of items.commits) logins.push(c.author.login, c.committer.login);
  for (const issue of items.issues) logins.push(issue.author);
  return logins.filter((l): l is string => l !== null);
}
