import { parseDataset, type Actor, type Commit, type Dataset, type Issue, type PullRequest, type Repo } from "@quantecon/attribution";

/**
 * A fixture world: everything the fake GitHub knows, written as a `qe-activity/v1` dataset,
 * plus the files of each repository's default branch (`{ "owner/name": { ".github/workflows/ci.yml": text } }`)
 * that `Repository.object(expression:)` serves.
 */
export type World = Dataset & { workflows?: Record<string, Record<string, string>> };

/** One repository of the world with its items, indexed the ways the resolvers look them up. */
export interface RepoEntry {
  rec: Repo;
  id: string;
  owner: string;
  name: string;
  pullRequests: PullRequest[];
  issues: Issue[];
  /** Newest first, as `git log` walks the default branch. */
  commits: Commit[];
  prByNumber: Map<number, PullRequest>;
  /** Files of the default branch by path, from the world's `workflows`. */
  files: Map<string, string>;
}

/** A pull request or issue as a search result. */
export interface SearchItem {
  kind: "PullRequest" | "Issue";
  rec: PullRequest | Issue;
  repo: RepoEntry;
  id: string;
  createdMs: number;
  updatedMs: number;
  closedMs: number | null;
  mergedMs: number | null;
}

const nodeId = (prefix: string, key: string): string => `${prefix}_${Buffer.from(key).toString("base64url")}`;

/** The world, indexed once so each request only filters and slices. */
export class WorldIndex {
  readonly org: string;
  readonly repos: RepoEntry[];
  readonly searchItems: SearchItem[];
  private readonly repoByName = new Map<string, RepoEntry>();
  private readonly actorByLogin = new Map<string, Actor>();
  private readonly itemById = new Map<string, SearchItem>();

  constructor(world: World) {
    const dataset = parseDataset(world);
    this.org = dataset.source.org;
    for (const actor of dataset.actors) this.actorByLogin.set(actor.login.toLowerCase(), actor);
    this.repos = [...dataset.repos]
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
      .map((rec) => {
        const [owner = "", name = ""] = rec.name.split("/");
        return { rec, id: nodeId("R", rec.name), owner, name, pullRequests: [], issues: [], commits: [], prByNumber: new Map(), files: new Map() };
      });
    for (const entry of this.repos) this.repoByName.set(entry.rec.name.toLowerCase(), entry);
    const entryFor = (name: string, what: string): RepoEntry => {
      const entry = this.repoByName.get(name.toLowerCase());
      if (!entry) throw new Error(`fake-github world: ${what} names repo ${name}, which is not in repos`);
      return entry;
    };
    for (const pr of dataset.pullRequests) {
      const entry = entryFor(pr.repo, `pull request #${pr.number}`);
      entry.pullRequests.push(pr);
      entry.prByNumber.set(pr.number, pr);
    }
    for (const issue of dataset.issues) entryFor(issue.repo, `issue #${issue.number}`).issues.push(issue);
    for (const commit of dataset.commits) entryFor(commit.repo, `commit ${commit.oid}`).commits.push(commit);
    for (const [repo, files] of Object.entries(world.workflows ?? {})) {
      const entry = entryFor(repo, "workflows");
      for (const [path, text] of Object.entries(files)) entry.files.set(path, text);
    }
    const ms = (value: string | null): number | null => (value === null ? null : Date.parse(value));
    const items: SearchItem[] = [];
    for (const entry of this.repos) {
      entry.pullRequests.sort((a, b) => a.number - b.number);
      entry.issues.sort((a, b) => a.number - b.number);
      entry.commits.sort((a, b) => Date.parse(b.committedAt) - Date.parse(a.committedAt) || (a.oid < b.oid ? -1 : 1));
      for (const pr of entry.pullRequests) {
        items.push({ kind: "PullRequest", rec: pr, repo: entry, id: nodeId("PR", `${pr.repo}#${pr.number}`), createdMs: Date.parse(pr.createdAt), updatedMs: Date.parse(pr.updatedAt), closedMs: ms(pr.closedAt), mergedMs: ms(pr.mergedAt) });
      }
      for (const issue of entry.issues) {
        items.push({ kind: "Issue", rec: issue, repo: entry, id: nodeId("I", `${issue.repo}#${issue.number}`), createdMs: Date.parse(issue.createdAt), updatedMs: Date.parse(issue.updatedAt), closedMs: ms(issue.closedAt), mergedMs: null });
      }
    }
    this.searchItems = items;
    for (const item of items) this.itemById.set(item.id, item);
  }

  /** The repository `owner/name`, case-insensitively, as GitHub resolves names. */
  repo(nameWithOwner: string): RepoEntry | undefined {
    return this.repoByName.get(nameWithOwner.toLowerCase());
  }

  /** The account with this login, if the world lists it. */
  actor(login: string): Actor | undefined {
    return this.actorByLogin.get(login.toLowerCase());
  }

  /** A pull request or issue by its node id. */
  item(id: string): SearchItem | undefined {
    return this.itemById.get(id);
  }

  /** The search item for an issue. */
  issueItem(repo: RepoEntry, number: number): SearchItem | undefined {
    return this.itemById.get(nodeId("I", `${repo.rec.name}#${number}`));
  }

  /** Adds an issue to a repository, as a mutation would: listed, searchable and reachable by its node id. */
  addIssue(repo: RepoEntry, issue: Issue): SearchItem {
    repo.issues.push(issue);
    const item: SearchItem = { kind: "Issue", rec: issue, repo, id: nodeId("I", `${issue.repo}#${issue.number}`), createdMs: Date.parse(issue.createdAt), updatedMs: Date.parse(issue.updatedAt), closedMs: null, mergedMs: null };
    this.searchItems.push(item);
    this.itemById.set(item.id, item);
    return item;
  }

  /** The search item for a pull request. */
  pullRequestItem(repo: RepoEntry, number: number): SearchItem | undefined {
    return this.itemById.get(nodeId("PR", `${repo.rec.name}#${number}`));
  }
}
