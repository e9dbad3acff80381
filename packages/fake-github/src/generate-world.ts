import type { Comment, Commit, Issue, PullRequest, Repo, Review } from "@quantecon/attribution";
import type { World } from "./world.js";

/** The size and month of a generated organization. */
export interface GenerateWorldOptions {
  org?: string;
  /** `[from, to)` that every generated item falls in. */
  window: { from: string; to: string };
  repos: number;
  pullRequests: number;
  commits: number;
  issues: number;
  seed?: number;
  /**
   * Add conversation comments (a few per item, skewed, and now and then a thread of 101–300 that
   * needs paging) and closers of closed issues. Drawn from their own stream, so the rest of the
   * world is the same with or without them.
   */
  comments?: boolean;
}

/** A small, seeded PRNG (mulberry32): generated worlds, and the fuzz tests' hostile strings, are the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const iso = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.000Z$/, "Z");

/** A generated organization with the given numbers of repos, PRs, commits and issues, all active in the window. */
export function generateWorld(options: GenerateWorldOptions): World {
  const org = options.org ?? "BenchOrg";
  const random = prng(options.seed ?? 1);
  const from = Date.parse(options.window.from);
  const span = Date.parse(options.window.to) - from;
  const at = (lo = 0, hi = 1): number => from + Math.floor(span * (lo + (hi - lo) * random()));
  // Activity is skewed as in real organizations: a few repos get most of it.
  const pickRepo = (): number => Math.floor(options.repos * random() ** 2);
  const logins = ["mmcky", "jstac", "HumphreyYang", "quantecon-services", "dependabot", "github-actions"];
  const login = (): string => logins[Math.floor(random() * logins.length)] ?? "mmcky";
  const repos: Repo[] = Array.from({ length: options.repos }, (_, i) => ({
    name: `${org}/repo-${String(i).padStart(3, "0")}`,
    defaultBranch: "main",
    isArchived: i % 50 === 49,
    isFork: i % 40 === 39,
  }));
  const next = Array.from({ length: options.repos }, () => 1);
  const pullRequests: PullRequest[] = [];
  for (let i = 0; i < options.pullRequests; i++) {
    const r = pickRepo();
    const repo = repos[r]?.name ?? "";
    const number = next[r]!++;
    const created = at(0, 0.9);
    const merged = random() < 0.6 ? created + Math.floor(random() * (from + span - created)) : null;
    const reviews: Review[] = random() < 0.5 ? [{ author: login(), state: "APPROVED", submittedAt: iso(merged ?? created) }] : [];
    const author = login();
    pullRequests.push({
      repo, number, url: `https://github.com/${repo}/pull/${number}`, title: `Change ${i}`, body: `Generated pull request ${i}.`,
      author, createdAt: iso(created), updatedAt: iso(merged ?? created), closedAt: merged === null ? null : iso(merged),
      mergedAt: merged === null ? null : iso(merged), mergedBy: merged === null ? null : login(), state: merged === null ? "OPEN" : "MERGED",
      isDraft: false, headRef: `branch-${i}`, baseRef: "main", headRepo: repo, labels: random() < 0.3 ? ["automated"] : [],
      assignees: [], additions: 1 + (i % 50), deletions: i % 7, changedFiles: 1 + (i % 3), reviews,
    });
  }
  const issues: Issue[] = [];
  for (let i = 0; i < options.issues; i++) {
    const r = pickRepo();
    const repo = repos[r]?.name ?? "";
    const number = next[r]!++;
    const created = at(0, 0.9);
    const closed = random() < 0.4 ? created + Math.floor(random() * (from + span - created)) : null;
    issues.push({
      repo, number, url: `https://github.com/${repo}/issues/${number}`, title: `Issue ${i}`, body: "", author: login(),
      createdAt: iso(created), updatedAt: iso(closed ?? created), closedAt: closed === null ? null : iso(closed),
      state: closed === null ? "OPEN" : "CLOSED", labels: [],
    });
  }
  const mergedByRepo = new Map<string, number[]>();
  for (const pr of pullRequests) if (pr.mergedAt) mergedByRepo.set(pr.repo, [...(mergedByRepo.get(pr.repo) ?? []), pr.number]);
  const commits: Commit[] = [];
  for (let i = 0; i < options.commits; i++) {
    const repo = repos[pickRepo()]?.name ?? "";
    const oid = (i + 1).toString(16).padStart(40, "0");
    const when = iso(at());
    const prs = mergedByRepo.get(repo) ?? [];
    const who = login();
    const person = { login: who === "dependabot" || who === "github-actions" ? null : who, name: who, email: `${who}@example.com` };
    commits.push({
      repo, oid, url: `https://github.com/${repo}/commit/${oid}`, message: `Commit ${i}`, authoredAt: when, committedAt: when,
      author: person, committer: person, parents: 1, committedViaWeb: false,
      pullRequest: prs.length > 0 && random() < 0.5 ? (prs[Math.floor(random() * prs.length)] ?? null) : null,
    });
  }
  if (options.comments) addComments(pullRequests, issues, logins, options.seed ?? 1, Date.parse(options.window.to));
  return {
    schema: "qe-activity/v1",
    generatedAt: options.window.to,
    source: { kind: "github", org },
    window: { from: options.window.from, to: options.window.to, timeZone: "UTC" },
    repos,
    actors: logins.map((l) => ({ login: l, type: l === "dependabot" || l === "github-actions" ? ("Bot" as const) : ("User" as const), name: l === "dependabot" || l === "github-actions" ? null : l })),
    pullRequests,
    commits,
    issues,
  };
}

/** Comments on every generated item, from a stream of their own (see `comments`). */
function addComments(pullRequests: PullRequest[], issues: Issue[], logins: readonly string[], seed: number, to: number): void {
  const random = prng(seed ^ 0x5eed_c0de);
  const login = (): string => logins[Math.floor(random() * logins.length)] ?? "mmcky";
  for (const item of [...pullRequests, ...issues]) {
    const created = Date.parse(item.createdAt);
    const n = random() < 0.003 ? 101 + Math.floor(random() * 200) : Math.floor(random() ** 3 * 8);
    const comments: Comment[] = [];
    let at = created;
    for (let i = 0; i < n; i++) {
      at = Math.min(to - 1000, at + Math.floor(random() * 6 * 3_600_000));
      const who = login();
      const bot = who === "dependabot" || who === "github-actions";
      comments.push({ author: who, createdAt: iso(at), authorAssociation: bot ? "NONE" : "MEMBER", body: bot ? `🚀 Deployed on https://preview-${i}--site.netlify.app` : `Comment ${i} on this.` });
    }
    item.comments = comments;
    if (comments.length > 0 && Date.parse(item.updatedAt) < at) item.updatedAt = iso(at);
    if (!("mergedAt" in item) && item.state === "CLOSED") item.closedBy = login();
  }
}
