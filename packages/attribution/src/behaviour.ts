import type { Commit, PullRequest } from "./dataset.js";
import type { Evidence } from "./verdict.js";
import { BRANCH, kindFromText, readsLikeAutomation, shapeHash, shapeOf, WHOLE } from "./template.js";

/*
 * How an identity behaves across the dataset, gathered in one pass before classifying:
 * the shapes of its titles and messages, how many read like automation, its commits' UTC
 * offsets, and its pull requests grouped by title shape with their branches and times of day.
 * Identity words (`bot`, `automation`, `admin`) never decide alone; these decide with them.
 */

const RUNNER_OFFSET = "+00:00";
const WEB_EDIT_BRANCH = /(^|[-/])patch-\d+$/;
const PAIR_SECONDS = 120;

// A person's PRs that share a title shape: only counted in the pass; read in full only when
// their count and times of day could make a scheduled series.
interface PrGroup {
  prs: PullRequest[];
  /** Minutes after midnight UTC of each PR's creation. */
  minutes: number[];
  /** The group's judgement, made once: lines for each side, or null when it is no series. */
  judged?: Series | null;
}

/** One identity's behaviour in the dataset. */
export class Profile {
  items = 0;
  lexicon = 0;
  readonly shapes = new Map<number, number>();
  // Whether a shape reads like automation, decided on its first line and kept for the rest.
  private readonly shapeLexicon = new Map<number, boolean>();
  readonly repos = new Set<string>();
  /** Offsets of commits made outside GitHub's web UI. */
  readonly offsets = new Map<string, number>();
  offsetTotal = 0;
  /** Runner-offset commits: their shapes and times, for pairs seconds apart. */
  readonly zeroShapes = new Map<number, number>();
  readonly zeroTimes: number[] = [];
  private readonly zeroSeen = new Set<string>();
  private sortedZero = false;
  readonly prGroups = new Map<number, PrGroup>();
  /** Whether any of its PRs was grouped (a series is possible at all). */
  hasGroups = false;

  /** Adds a title or message line to the identity's text features. */
  text(repo: string, text: string, shape = shapeHash(text)): number {
    this.items++;
    if (this.repos.size < 64) this.repos.add(repo);
    this.shapes.set(shape, (this.shapes.get(shape) ?? 0) + 1);
    let lexicon = this.shapeLexicon.get(shape);
    if (lexicon === undefined) this.shapeLexicon.set(shape, (lexicon = readsLikeAutomation(text)));
    if (lexicon) this.lexicon++;
    return shape;
  }

  /** Adds a PR: to its title-shape group always, to the text features when `full`; returns its title shape. */
  pullRequest(pr: PullRequest, full: boolean): number {
    const shape = shapeHash(pr.title);
    if (full) this.text(pr.repo, pr.title, shape);
    let group = this.prGroups.get(shape);
    if (!group) this.prGroups.set(shape, (group = { prs: [], minutes: [] }));
    this.hasGroups = true;
    group.prs.push(pr);
    group.minutes.push(minuteOfDay(pr.createdAt));
    return shape;
  }

  /** Adds a commit: its offset always, its message when `full`. */
  commit(commit: Commit, full: boolean): void {
    const offset = commit.authorOffset;
    const timed = offset !== undefined && !commit.committedViaWeb;
    if (!full && !timed) return;
    const shape = full ? this.text(commit.repo, commit.message) : shapeHash(commit.message);
    // Web edits and merge-button commits carry GitHub's clock, not the person's.
    if (!timed) return;
    this.offsetTotal++;
    this.offsets.set(offset, (this.offsets.get(offset) ?? 0) + 1);
    if (offset === RUNNER_OFFSET) {
      // A rebase or cherry-pick copies a commit with its author time: one commit, not two.
      if (this.zeroSeen.has(commit.authoredAt)) return;
      this.zeroSeen.add(commit.authoredAt);
      this.zeroShapes.set(shape, (this.zeroShapes.get(shape) ?? 0) + 1);
      this.zeroTimes.push(Date.parse(commit.authoredAt));
    }
  }

  private series: Map<number, Series> | null | undefined;
  /** The scheduled templated series of a title shape, if its group is one (each group judged once). */
  seriesOf(shape: number, who: string): Series | undefined {
    if (this.series === undefined) {
      this.series = null;
      for (const [key, group] of this.prGroups) {
        if (group.prs.length < 3) continue;
        const series = judgeGroup(group, who);
        if (series) (this.series ??= new Map()).set(key, series);
      }
    }
    return this.series?.get(shape);
  }

  /** Items whose shape the identity repeats. */
  repeated(): number {
    let n = 0;
    for (const count of this.shapes.values()) if (count >= 2) n += count;
    return n;
  }

  /** The identity's usual offset other than the runner's, and how many commits carry it. */
  localOffset(): { offset: string; count: number; others: number } | undefined {
    let best: string | undefined;
    let count = 0;
    let others = 0;
    for (const [offset, n] of this.offsets) {
      if (offset === RUNNER_OFFSET || offset === "-00:00") continue;
      others += n;
      if (n > count) [best, count] = [offset, n];
    }
    return best === undefined ? undefined : { offset: best, count, others };
  }

  private oneOff: number | undefined;
  /** Runner-offset commits whose message shape no other one shares: a person's own work at +00:00. */
  zeroOneOff(): number {
    if (this.oneOff === undefined) {
      this.oneOff = 0;
      for (const n of this.zeroShapes.values()) if (n === 1) this.oneOff++;
    }
    return this.oneOff;
  }

  /** Whether another runner-offset commit lies within seconds of this instant. */
  hasPartner(at: number): boolean {
    if (!this.sortedZero) {
      this.zeroTimes.sort((a, b) => a - b);
      this.sortedZero = true;
    }
    const times = this.zeroTimes;
    let lo = 0;
    let hi = times.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((times[mid] as number) < at) lo = mid + 1;
      else hi = mid;
    }
    // times[lo] is the first at or after `at`; the instant itself is one of them.
    const before = lo > 0 ? (times[lo - 1] as number) : -Infinity;
    let after = Infinity;
    // Copies share the instant and were counted once: the nearest other instant decides.
    for (let i = lo; i < times.length; i++) {
      if ((times[i] as number) !== at) {
        after = times[i] as number;
        break;
      }
    }
    return at - before <= PAIR_SECONDS * 1000 || after - at <= PAIR_SECONDS * 1000;
  }
}


function minuteOfDay(iso: string): number {
  // "2026-05-13T03:17:00Z": read the clock without building a Date.
  if (iso.length >= 16 && iso.charCodeAt(10) === 84 && iso.endsWith("Z")) {
    return (iso.charCodeAt(11) - 48) * 600 + (iso.charCodeAt(12) - 48) * 60 + (iso.charCodeAt(14) - 48) * 10 + (iso.charCodeAt(15) - 48);
  }
  const d = new Date(iso);
  return d.getUTCHours() * 60 + d.getUTCMinutes();
}

const ev = (rule: string, signal: string, detail: string): Evidence => ({ rule, signal, detail });

/** What behaviour says about an identity that names automation: lines for each side, and the outcome. */
export interface Judgement {
  automation: boolean;
  /** Lines that point to automation. */
  toward: Evidence[];
  /** Lines that point to a person (rules under `person/`). */
  against: Evidence[];
}

/**
 * Judges an account or git identity whose login, name or address names automation: it is
 * automation only when its behaviour agrees (templated work, automation-like lines, runner
 * offsets) and outweighs the signs of a person (varied work, a local time zone).
 * `strongIdentity` keeps an identity with no work of its own to judge (reviews only) as automation.
 */
export function judgeIdentity(profile: Profile | undefined, strongIdentity: boolean): Judgement {
  const toward: Evidence[] = [];
  const against: Evidence[] = [];
  const n = profile?.items ?? 0;
  if (!profile || n === 0) {
    if (strongIdentity) toward.push(ev("behaviour/none", "behaviour", "no work of its own in the dataset to judge by; the identity alone decides"));
    else against.push(ev("person/no-behaviour", "behaviour", "no work of its own in the dataset shows automation"));
    return { automation: strongIdentity, toward, against };
  }
  const repeated = profile.repeated();
  if ((n >= 3 && repeated / n >= 0.6) || (n === 2 && repeated === 2)) toward.push(ev("behaviour/templated", "behaviour", `${repeated} of ${n} titles and messages repeat a template with changing slots`));
  if (profile.lexicon / n >= 0.6) toward.push(ev("behaviour/automation-lines", "behaviour", `${profile.lexicon} of ${n} titles and messages read like automation (bumps, releases, syncs, CI-skip pushes)`));
  const zero = profile.offsets.get(RUNNER_OFFSET) ?? 0;
  if (profile.offsetTotal >= 2 && zero === profile.offsetTotal) toward.push(ev("behaviour/runner-offset", "offset", `all ${zero} commits at +00:00, a CI runner's offset`));
  const variety = profile.shapes.size / n;
  if (n >= 4 && variety >= 0.7 && profile.lexicon / n < 0.5) against.push(ev("person/varied-work", "behaviour", `${n} items in ${profile.shapes.size} different shapes: varied hand-written work`));
  const local = profile.localOffset();
  if (local && local.others >= 2 && local.others >= zero) against.push(ev("person/local-offset", "offset", `${local.others} commits at a local offset such as ${local.offset}, as a person commits`));
  return { automation: toward.length > 0 && toward.length > against.length, toward, against };
}

/**
 * Evidence that a runner-offset commit under a person's identity is a workflow's, or undefined.
 * The +00:00 offset alone proves nothing (people live there too): two more signs must agree
 * among a usual local offset of the person's own, an automation line (a bare version, a bump,
 * a lock file), a twin commit seconds apart, a workflow-written identity (`login
 * <login@users.noreply.github.com>`, no id) and a message shape the runner commits repeat,
 * and one of them must say where or as whom it was written (the local offset or the workflow
 * identity): a maintainer at +00:00 who follows a release checklist by hand writes the same
 * bump messages, repeated, minutes apart (sphinx-doc/sphinx's "Bump to X final", "Bump version").
 */
export function judgeRunnerCommit(profile: Profile | undefined, commit: Commit, who: string): { toward: Evidence[]; against: Evidence[]; kind: string } | undefined {
  if (!profile || commit.authorOffset !== RUNNER_OFFSET || commit.committedViaWeb || commit.parents > 1) return undefined;
  // Committed by someone else (a rebase, a cherry-pick, `git am`): a person applied it, no runner.
  if (commit.committer.email?.toLowerCase() !== commit.author.email?.toLowerCase() && !workflowCommitter(commit.committer)) return undefined;
  const toward: Evidence[] = [];
  const local = profile.localOffset();
  // Where the person works is read from their varied commits: the runner's repeated ones would
  // outvote a local offset they themselves put at +00:00.
  const elsewhere = local !== undefined && local.others >= 3 && local.others > profile.zeroOneOff();
  const asWorkflow = workflowIdentity(commit.author);
  if (!elsewhere && !asWorkflow) return undefined;
  if (elsewhere) {
    toward.push(ev("behaviour/runner-offset", "offset", `committed at +00:00, a CI runner's offset, while ${who} commits by hand at ${local.offset} (${local.others} of ${profile.offsetTotal} commits)`));
  }
  if (readsLikeAutomation(commit.message)) toward.push(ev("behaviour/automation-lines", "message", `the message reads like a release or dependency tool's ("${shapeOf(commit.message)}")`));
  const sameShape = profile.zeroShapes.get(shapeHash(commit.message)) ?? 0;
  if (sameShape >= 2) toward.push(ev("behaviour/templated", "message", `${sameShape} commits at +00:00 share the message shape "${shapeOf(commit.message)}"`));
  if (profile.hasPartner(Date.parse(commit.authoredAt))) toward.push(ev("behaviour/cadence", "cadence", `another +00:00 commit by the same identity within ${PAIR_SECONDS} seconds`));
  if (asWorkflow) toward.push(ev("behaviour/workflow-identity", "git-identity", `git identity "${commit.author.name} <${commit.author.email}>" is the login and its id-less noreply address, as workflows write it`));
  if (toward.length < 2) return undefined;
  toward.unshift(ev("behaviour/runner-offset", "offset", "committed at +00:00, the offset of a CI runner"));
  const against = [ev("person/own-identity", "git-identity", `the git identity is ${who}'s own`)];
  return { toward, against, kind: kindFromText(commit.message) };
}

// A committer a workflow sets: the github-actions identities, or any that names automation.
function workflowCommitter(committer: Commit["committer"]): boolean {
  const email = committer.email?.toLowerCase() ?? "";
  return email.startsWith("41898282+") || email === "action@github.com" || email === "actions@github.com" || identityWords(committer.name, committer.email).length > 0;
}

// `maint-k <maint-k@users.noreply.github.com>`: `${GITHUB_ACTOR}` twice, as release workflows
// and commit actions set it; a person's own noreply address carries their numeric id.
function workflowIdentity(author: Commit["author"]): boolean {
  const { name, email } = author;
  if (!name || !email) return false;
  const suffix = "@users.noreply.github.com";
  return email.length === name.length + suffix.length && email.toLowerCase() === `${name.toLowerCase()}${suffix}`;
}

/** A series of PRs behaviour found: one object per series, so its lines are built once. */
export interface Series {
  toward: Evidence[];
  against: Evidence[];
  kind: string;
}

/** Evidence that a PR is one of a periodic templated series under a person's account, or undefined. */
export function judgeSeries(profile: Profile | undefined, pr: PullRequest, who: string, shape = shapeHash(pr.title)): Series | undefined {
  const series = profile?.seriesOf(shape, who);
  // GitHub's web editor names branches `<login>-patch-N`: a person's edits, however alike.
  return series && !(pr.headRef.includes("patch-") && WEB_EDIT_BRANCH.test(pr.headRef)) ? series : undefined;
}

const top = <K>(counts: Map<K, number>, skip?: K) => {
  let best = 0;
  for (const [key, n] of counts) if (key !== skip && n > best) best = n;
  return best;
};

function judgeGroup(group: PrGroup, who: string): Series | null {
  const count = group.prs.length;
  const window = clockWindow(group.minutes);
  if (window.share < 0.8) return null;
  const titles = new Set<string>();
  const branchNames = new Set<string>();
  const branches = new Map<number, number>();
  const bodies = new Map<number, number>();
  let lastBody: string | undefined;
  let body = 0;
  // Shares are read on an even sample of at most 64 PRs: the same answer, a bounded cost.
  const step = Math.max(1, Math.floor(count / 64));
  let sampled = 0;
  for (let i = 0; i < count; i += step) {
    const pr = group.prs[i] as PullRequest;
    sampled++;
    // Two distinct values are all the checks need.
    if (titles.size < 2) titles.add(pr.title);
    if (branchNames.size < 2) branchNames.add(pr.headRef);
    const branch = shapeHash(pr.headRef, BRANCH);
    branches.set(branch, (branches.get(branch) ?? 0) + 1);
    // Bodies compare by shape: a date or a run number may change from one to the next.
    if (pr.body !== lastBody) body = pr.body.length === 0 ? 0 : shapeHash(pr.body, WHOLE) || 1;
    lastBody = pr.body;
    bodies.set(body, (bodies.get(body) ?? 0) + 1);
  }
  // One title shape: the same automation words, so the first title speaks for all.
  const lexicon = readsLikeAutomation(group.prs[0]?.title ?? "") ? count : 0;
  // Slots must change, and the branch must follow one shape with changing slots.
  const topBranch = top(branches);
  if (branchNames.size < 2 || topBranch / sampled < 0.8) return null;
  const topBody = top(bodies, 0);
  const sameBody = topBody / sampled >= 0.8;
  const automationLines = lexicon / count >= 0.5;
  if (!sameBody && !automationLines) return null;
  const sample = group.prs[0]?.title ?? "";
  const toward = [
    ev("behaviour/templated", "title", `${count} PRs by ${who} share the title shape "${shapeOf(sample)}"${titles.size > 1 ? " with changing slots" : ""}`),
    ev("behaviour/templated", "branch", `${Math.round((topBranch / sampled) * 100)}% of them share one branch shape`),
    ev("behaviour/cadence", "cadence", `${Math.round(window.share * count)} of them opened within the same hour of the day (${clock(window.start)}–${clock(window.start + 60)} UTC): a schedule`),
  ];
  if (sameBody) toward.push(ev("behaviour/templated", "body", `${Math.round((topBody / sampled) * 100)}% of them carry the same body`));
  if (automationLines) toward.push(ev("behaviour/automation-lines", "title", "the titles read like automation"));
  return { toward, against: [ev("person/own-account", "author", `opened under ${who}'s own account`)], kind: kindFromText(sample) };
}

// The 60-minute window of the day (wrapping at midnight) holding the most of these minutes.
function clockWindow(minutes: readonly number[]): { start: number; share: number } {
  const sorted = [...minutes].sort((a, b) => a - b);
  const n = sorted.length;
  let best = 0;
  let start = 0;
  for (let i = 0, j = 0; i < n; i++) {
    while (j < i + n && ((sorted[j % n] as number) + (j >= n ? 1440 : 0)) - (sorted[i] as number) <= 60) j++;
    if (j - i > best) [best, start] = [j - i, sorted[i] as number];
  }
  return { start, share: n === 0 ? 0 : best / n };
}

function clock(minutes: number): string {
  const m = ((minutes % 1440) + 1440) % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

// Words in git names and address local parts that name automation (weak alone).
const NAME_WORDS = new Set([
  "bot", "robot", "automation", "automated", "automatic", "auto", "ci", "cd", "admin", "administrator", "build", "builder", "deploy",
  "deployer", "release", "releaser", "nightly", "service", "services", "actions", "action", "jenkins", "travis", "buildkite", "workflow",
  "pipeline", "sync", "daemon", "cron", "scheduler", "noreply", "no-reply", "bors", "updater", "publisher", "machine",
]);

/** The words of a git identity that name automation (`QuantEcon Automation <automation@…>`), or empty. */
export function identityWords(name: string | null, email: string | null): string[] {
  const found: string[] = [];
  const words = (name ?? "").toLowerCase().split(/[^a-z0-9]+/);
  for (const w of words) if (NAME_WORDS.has(w) && !found.includes(w)) found.push(w);
  const lower = (email ?? "").toLowerCase();
  const at = lower.indexOf("@");
  // A GitHub noreply address is a person's private address, not an automation address.
  if (at > 0 && !lower.endsWith("@users.noreply.github.com")) {
    for (const w of lower.slice(0, at).split(/[^a-z0-9]+/)) if (NAME_WORDS.has(w) && !found.includes(`${w}@`)) found.push(`${w}@`);
    if (lower.slice(0, at) === "no-reply" && !found.includes("no-reply@")) found.push("no-reply@");
  }
  return found;
}
