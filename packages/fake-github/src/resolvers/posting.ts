import type { Issue } from "@quantecon/attribution";
import { GraphQLError } from "graphql";
import type { Context, ResolverMap } from "../context.js";
import type { RepoEntry, WorldIndex } from "../world.js";
import { issueNode, type IssueNode } from "./issue.js";
import type { RepositoryNode } from "./repository.js";

/** The login the fake's token acts as: issues and comments it posts are authored by it. */
export const FAKE_VIEWER = "qe-report-test[bot]";

/** A comment the fake holds, keyed by its node id. */
export interface PostedComment {
  __typename: "IssueComment";
  id: string;
  url: string;
  body: string;
  issueId: string;
  author: string;
}

/** What the posting mutations wrote, per world: labels created and comments added. */
export interface PostingState {
  comments: Map<string, PostedComment>;
  labels: Map<string, { id: string; name: string }[]>;
  /** Mutations received, by name, for tests that count writes. */
  mutations: string[];
}

const states = new WeakMap<WorldIndex, PostingState>();

/** The posting state of a world (created on first use). */
export function postingState(world: WorldIndex): PostingState {
  let state = states.get(world);
  if (!state) {
    state = { comments: new Map(), labels: new Map(), mutations: [] };
    states.set(world, state);
  }
  return state;
}

function notFound(what: string, id: string): GraphQLError {
  return new GraphQLError(`Could not resolve to a node with the global id of '${id}' (${what})`, { extensions: { type: "NOT_FOUND" } });
}

function repoById(context: Context, id: string): RepoEntry {
  const entry = context.world.repos.find((e) => e.id === id);
  if (!entry) throw notFound("repository", id);
  return entry;
}

function issueById(context: Context, id: string): IssueNode {
  const item = context.world.item(id);
  if (!item || item.kind !== "Issue") throw notFound("issue", id);
  return issueNode(context.world, item.repo, item.rec as Issue);
}

function checkBody(body: string): void {
  // GitHub's own limit on an issue or comment body.
  if (body.length > 65_536) throw new GraphQLError("Body is too long (maximum is 65536 characters)", { extensions: { type: "UNPROCESSABLE" } });
}

const nowIso = (): string => new Date().toISOString().replace(/\.\d{3}Z$/, "Z");

/** Resolvers of the issue-posting mutations, `Repository.label` and `viewerDidAuthor`. */
export const postingResolvers: ResolverMap = {
  Mutation: {
    createIssue: (_s, { input }: { input: { repositoryId: string; title: string; body?: string; labelIds?: string[] | null } }, context) => {
      const state = postingState(context.world);
      state.mutations.push("createIssue");
      const entry = repoById(context, input.repositoryId);
      checkBody(input.body ?? "");
      const labels = (input.labelIds ?? []).map((id) => (state.labels.get(entry.id) ?? []).find((l) => l.id === id)?.name ?? id.replace(/^LA_/, ""));
      const number = Math.max(0, ...entry.issues.map((i) => i.number), ...entry.pullRequests.map((p) => p.number)) + 1;
      const at = nowIso();
      const rec: Issue = {
        repo: entry.rec.name,
        number,
        url: `https://github.com/${entry.rec.name}/issues/${number}`,
        title: input.title,
        body: input.body ?? "",
        author: FAKE_VIEWER,
        createdAt: at,
        updatedAt: at,
        closedAt: null,
        state: "OPEN",
        labels,
      };
      context.world.addIssue(entry, rec);
      context.searchCache.clear();
      return { issue: issueNode(context.world, entry, rec) };
    },
    updateIssue: (_s, { input }: { input: { id: string; title?: string; body?: string } }, context) => {
      postingState(context.world).mutations.push("updateIssue");
      const node = issueById(context, input.id);
      if (node.rec.author !== FAKE_VIEWER) throw new GraphQLError("Resource not accessible by integration", { extensions: { type: "FORBIDDEN" } });
      if (input.body !== undefined) {
        checkBody(input.body);
        node.rec.body = input.body;
      }
      if (input.title !== undefined) node.rec.title = input.title;
      node.rec.updatedAt = nowIso();
      return { issue: node };
    },
    addComment: (_s, { input }: { input: { subjectId: string; body: string } }, context) => {
      const state = postingState(context.world);
      state.mutations.push("addComment");
      const issue = issueById(context, input.subjectId);
      checkBody(input.body);
      const n = state.comments.size + 1;
      const comment: PostedComment = { __typename: "IssueComment", id: `IC_${n}`, url: `${issue.rec.url}#issuecomment-${1000 + n}`, body: input.body, issueId: issue.id, author: FAKE_VIEWER };
      state.comments.set(comment.id, comment);
      return { commentEdge: { cursor: comment.id, node: comment }, subject: issue };
    },
    updateIssueComment: (_s, { input }: { input: { id: string; body: string } }, context) => {
      const state = postingState(context.world);
      state.mutations.push("updateIssueComment");
      const comment = state.comments.get(input.id);
      if (!comment) throw notFound("comment", input.id);
      checkBody(input.body);
      comment.body = input.body;
      return { issueComment: comment };
    },
    createLabel: (_s, { input }: { input: { repositoryId: string; name: string } }, context) => {
      const state = postingState(context.world);
      state.mutations.push("createLabel");
      const entry = repoById(context, input.repositoryId);
      const list = state.labels.get(entry.id) ?? [];
      const label = { __typename: "Label", id: `LA_${entry.name}_${input.name}`, name: input.name };
      list.push(label);
      state.labels.set(entry.id, list);
      return { label };
    },
  },
  Repository: {
    label: (s: RepositoryNode, { name }: { name: string }, context) => {
      const found = (postingState(context.world).labels.get(s.entry.id) ?? []).find((l) => l.name.toLowerCase() === name.toLowerCase());
      return found ? { __typename: "Label", ...found } : null;
    },
  },
  Issue: {
    viewerDidAuthor: (s: IssueNode) => s.rec.author === FAKE_VIEWER,
  },
  IssueComment: {
    viewerDidAuthor: (s: PostedComment) => s.author === FAKE_VIEWER,
  },
};
