/**
 * Default-branch commits of a bare (or ordinary) git repository as qe-activity/v1 commits,
 * built from git's own records only. What a GitHub fetch would add and git cannot know is
 * inferred conservatively, and every inference is listed in scripts/eval-real/README.md.
 */
import { execFileSync } from "node:child_process";
import type { Actor, Commit, Dataset, GitActor } from "@quantecon/attribution";

const FIELD = "\x1f";
const RECORD = "\x1e";
// %aI/%cI keep git's own offset; the instant is converted to UTC below.
const FORMAT = ["%H", "%P", "%an", "%ae", "%aI", "%cn", "%ce", "%cI", "%B"].join(FIELD) + RECORD;

/** The window to extract: `from` inclusive, `to` exclusive, both UTC instants. */
export interface ExtractWindow {
  from: string;
  to: string;
}

/** One commit as git records it, before any inference. */
export interface RawCommit {
  oid: string;
  parents: string[];
  authorName: string;
  authorEmail: string;
  authoredAt: string;
  committerName: string;
  committerEmail: string;
  committedAt: string;
  message: string;
}

function git(gitDir: string, args: string[]): string {
  return execFileSync("git", ["--git-dir", gitDir, ...args], { encoding: "utf8", maxBuffer: 512 * 1024 * 1024 });
}

/** The default branch's ref name (`HEAD`'s target), e.g. `main`. */
export function defaultBranch(gitDir: string): string {
  return git(gitDir, ["symbolic-ref", "--short", "HEAD"]).trim();
}

/** The committer date of the default branch's newest commit, as git wrote it. */
export function headCommittedAt(gitDir: string): string {
  return git(gitDir, ["log", "-1", "--format=%cI", "HEAD"]).trim();
}

/**
 * Every commit reachable from HEAD (not only first parents: GitHub's `history` lists them
 * all) whose committer date falls in the window, newest first.
 */
export function readCommits(gitDir: string, window: ExtractWindow): RawCommit[] {
  // --since/--until are inclusive and second-granular; the exact [from, to) test is below.
  const out = git(gitDir, ["log", "HEAD", `--since=${window.from}`, `--until=${window.to}`, `--format=${FORMAT}`]);
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const commits: RawCommit[] = [];
  for (const record of out.split(RECORD)) {
    const text = record.replace(/^\n/, "");
    if (text.trim() === "") continue;
    const [oid = "", parents = "", an = "", ae = "", aI = "", cn = "", ce = "", cI = "", ...body] = text.split(FIELD);
    const at = Date.parse(cI);
    if (at < from || at >= to) continue;
    commits.push({
      oid,
      parents: parents.split(" ").filter(Boolean),
      authorName: an,
      authorEmail: ae,
      authoredAt: aI,
      committerName: cn,
      committerEmail: ce,
      committedAt: cI,
      message: body.join(FIELD).replace(/\n+$/, ""),
    });
  }
  return commits;
}

/** `"2026-05-03T10:00:00+02:00"` → `"+02:00"`; `Z` reads as `+00:00`. */
export function offsetOf(isoWithOffset: string): string {
  const m = /([+-]\d{2}:\d{2}|Z)$/.exec(isoWithOffset);
  if (!m?.[1] || m[1] === "Z") return "+00:00";
  return m[1];
}

/** An instant in UTC with `Z`, seconds precision (as GitHub's DateTime). */
export function utc(isoWithOffset: string): string {
  return new Date(Date.parse(isoWithOffset)).toISOString().replace(/\.\d{3}Z$/, "Z");
}

const NOREPLY = /^(?:(\d+)\+)?([^@+]+)@users\.noreply\.github\.com$/i;

/**
 * The account a git identity is linked to, as GitHub's `GitActor.user` (always a User) would
 * give it, as far as git alone can tell: only GitHub's noreply addresses name their account.
 * `…[bot]` addresses stay unlinked (GitHub links an App to no User), `noreply@github.com` is
 * `web-flow`, every other address stays unlinked (GitHub would link some; we cannot know which).
 */
export function linkedLogin(email: string): string | null {
  if (email.toLowerCase() === "noreply@github.com") return "web-flow";
  const m = NOREPLY.exec(email);
  if (!m?.[2]) return null;
  if (m[2].endsWith("[bot]")) return null;
  return m[2];
}

function gitActor(name: string, email: string): GitActor {
  return { login: linkedLogin(email), name: name === "" ? null : name, email: email === "" ? null : email };
}

const SQUASH_SUBJECT = /\s\(#(\d+)\)$/;
const MERGE_SUBJECT = /^Merge pull request #(\d+) from \S+/;

/**
 * The PR a commit came in through, as far as its message says: a squash merge's subject ends
 * with ` (#N)`, a merge commit's reads `Merge pull request #N from …`, and the commits a merge
 * commit brings in (second parent's side) belong to that PR too.
 */
export function pullRequestNumbers(gitDir: string, commits: RawCommit[]): Map<string, number> {
  const numbers = new Map<string, number>();
  const inWindow = new Set(commits.map((c) => c.oid));
  for (const c of commits) {
    const subject = c.message.split("\n", 1)[0] ?? "";
    const merge = MERGE_SUBJECT.exec(subject);
    if (merge?.[1] && c.parents.length === 2) {
      const n = Number(merge[1]);
      numbers.set(c.oid, n);
      const side = git(gitDir, ["rev-list", `${c.parents[1]}`, `^${c.parents[0]}`]).split("\n").filter(Boolean);
      for (const oid of side) if (inWindow.has(oid) && !numbers.has(oid)) numbers.set(oid, n);
      continue;
    }
    const squash = SQUASH_SUBJECT.exec(subject);
    // Only GitHub's own merge (committer web-flow) writes the suffix as a PR reference; a
    // merge commit titled by its PR (`<title> (#N)`, e.g. an automerge action's) counts too.
    if (squash?.[1] && c.committerEmail.toLowerCase() === "noreply@github.com" && !numbers.has(c.oid)) {
      numbers.set(c.oid, Number(squash[1]));
    }
  }
  return numbers;
}

/** The raw commits of one repository as dataset commits. */
export function toDatasetCommits(repo: string, raw: RawCommit[], prs: Map<string, number>): Commit[] {
  return raw.map((c) => ({
    repo,
    oid: c.oid,
    url: `https://github.com/${repo}/commit/${c.oid}`,
    message: c.message,
    authoredAt: utc(c.authoredAt),
    committedAt: utc(c.committedAt),
    author: gitActor(c.authorName, c.authorEmail),
    committer: gitActor(c.committerName, c.committerEmail),
    parents: c.parents.length,
    // GitHub signs web edits and its own merges as `GitHub <noreply@github.com>`.
    committedViaWeb: c.committerEmail.toLowerCase() === "noreply@github.com",
    pullRequest: prs.get(c.oid) ?? null,
    authorOffset: offsetOf(c.authoredAt),
    committerOffset: offsetOf(c.committedAt),
  }));
}

/** Every login the commits name, typed as `GitActor.user` is: a User (Copilot included, as GitHub answers). */
export function actorsOf(commits: Commit[]): Actor[] {
  const names = new Map<string, string | null>();
  for (const c of commits) {
    for (const a of [c.author, c.committer]) {
      if (a.login !== null && !names.has(a.login)) names.set(a.login, a.login === "web-flow" ? null : a.name);
    }
  }
  return [...names].sort(([a], [b]) => a.localeCompare(b)).map(([login, name]) => ({ login, type: "User" as const, name }));
}

/** One repository's default-branch commits in the window as a qe-activity/v1 dataset. */
export function extractDataset(gitDir: string, repo: string, window: ExtractWindow, generatedAt = window.to): Dataset {
  const raw = readCommits(gitDir, window);
  const commits = toDatasetCommits(repo, raw, pullRequestNumbers(gitDir, raw));
  return {
    schema: "qe-activity/v1",
    generatedAt: utc(generatedAt),
    source: { kind: "git", org: repo.split("/")[0] ?? repo },
    window: { from: utc(window.from), to: utc(window.to), timeZone: "UTC" },
    repos: [{ name: repo, defaultBranch: defaultBranch(gitDir), isArchived: false, isFork: false }],
    actors: actorsOf(commits),
    pullRequests: [],
    commits,
    issues: [],
  };
}

/** The 12 months up to the start of the UTC day after the newest commit. */
export function twelveMonthsTo(newestCommittedAt: string): ExtractWindow {
  const end = new Date(Date.parse(newestCommittedAt));
  const to = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth(), end.getUTCDate() + 1));
  const from = new Date(Date.UTC(to.getUTCFullYear() - 1, to.getUTCMonth(), to.getUTCDate()));
  return { from: utc(from.toISOString()), to: utc(to.toISOString()) };
}
