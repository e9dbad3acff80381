import { Classifier } from "./classify.js";
import { defaultConfig, type Config } from "./config.js";
import type { Comment, Dataset, Issue, PullRequest, Review } from "./dataset.js";
import { normalizeLogin } from "./known-accounts.js";
import { commentRef, itemRef, reviewRef } from "./refs.js";
import type { Verdict } from "./verdict.js";
import { windowTest } from "./windows.js";

/*
 * How fast people answer. A response is a comment or a review (not pending) by someone other
 * than the item's author; it is human when its own verdict is human. Automation of any channel,
 * a workflow under a maintainer's token included, never counts as a person answering: it is
 * counted apart, as "automation answered first".
 */

/** When each pull request or issue opened in the window was first answered. */
export interface ItemResponse {
  ref: string;
  type: "pullRequest" | "issue";
  repo: string;
  number: number;
  url: string;
  title: string;
  author: string | null;
  createdAt: string;
  /** When it was closed or merged, if it was. */
  closedAt: string | null;
  /** The earliest human comment or review by someone other than the author. */
  firstHumanResponseAt: string | null;
  firstHumanResponder: string | null;
  /** PRs: the earliest human review (not pending) by someone other than the author; null for issues. */
  firstHumanReviewAt: string | null;
  /** The earliest response of automation, when it came before any human response (or none came). */
  automationFirstAt: string | null;
  automationFirstActor: string | null;
  /** Hours from opening to each of the above (null where there is none). */
  firstHumanResponseHours: number | null;
  firstHumanReviewHours: number | null;
  closeHours: number | null;
  automationFirstHours: number | null;
}

/** Opened items, how many got a human response, and how long it took (hours). */
export interface ResponseStats {
  opened: number;
  responded: number;
  /** responded / opened (4 decimals); null when nothing was opened. */
  share: number | null;
  medianHours: number | null;
  p90Hours: number | null;
}

/** Hours from opening to an event, over the items that had it. */
export interface DurationStats {
  count: number;
  medianHours: number | null;
  p90Hours: number | null;
}

/** Responsiveness of one item type. */
export interface TypeResponsiveness extends ResponseStats {
  /** PRs: time to the first human review; null for issues. */
  review: DurationStats | null;
  /** Time to close (or merge). */
  close: DurationStats;
  /** Items that automation answered before any person: how many, their share of opened, and how fast. */
  automationFirst: DurationStats & { share: number | null };
}

/** One repository's responsiveness. */
export interface RepoResponsiveness {
  repo: string;
  pullRequests: ResponseStats;
  issues: ResponseStats;
}

/** Everything `responsiveness` measures. */
export interface Responsiveness {
  /** The instant "still waiting" is measured to: the dataset's generation time (what the data knows). */
  asOf: string;
  /** Whether the dataset carries comments; without them, only reviews are seen as responses. */
  comments: boolean;
  pullRequests: TypeResponsiveness;
  issues: TypeResponsiveness;
  byRepo: RepoResponsiveness[];
  /** Open items with no human response yet, longest waiting first. */
  waiting: (ItemResponse & { waitingHours: number })[];
  /** Every PR and issue opened in the window, in dataset order (PRs, then issues). */
  items: ItemResponse[];
}

const HOUR = 3_600_000;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * The p-quantile (0..1) of `values` by linear interpolation between closest ranks (Hyndman and
 * Fan's type 7, the default of R, NumPy and spreadsheets' PERCENTILE.INC): position (n−1)·p in the
 * sorted list. At p = 0.5 that is the median, the mean of the two middle values for an even count.
 * Null for an empty list.
 */
export function quantile(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  const a = sorted[lo] as number;
  const b = sorted[hi] as number;
  return a + (b - a) * (pos - lo);
}

/** The median: the middle value, or the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number | null {
  return quantile(values, 0.5);
}

function durations(hours: readonly number[]): DurationStats {
  const m = median(hours);
  const p = quantile(hours, 0.9);
  return { count: hours.length, medianHours: m === null ? null : round2(m), p90Hours: p === null ? null : round2(p) };
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** Opened items and the hours to their first human response: a type's or a repository's. */
interface OpenedHours {
  opened: number;
  response: number[];
}

/** The hours lists of one item type, gathered in one pass over the dataset. */
interface TypeHours extends OpenedHours {
  review: number[];
  close: number[];
  automation: number[];
}

const typeHours = (): TypeHours => ({ opened: 0, response: [], review: [], close: [], automation: [] });

function responseStats(h: OpenedHours): ResponseStats {
  const d = durations(h.response);
  return { opened: h.opened, responded: h.response.length, share: share(h.response.length, h.opened), medianHours: d.medianHours, p90Hours: d.p90Hours };
}

/** Hours from one instant to a later one (2 decimals are left to the caller). */
export function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / HOUR;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Finds review and comment verdicts. classify() gives them in a known order (each PR then its
 * reviews, commits, issues, then PRs' comments and issues' comments): checked on a sample of
 * refs, positions are used; any other list is looked up by ref.
 */
function verdictLocator(dataset: Dataset, verdicts: readonly Verdict[]): { review(pr: number, i: number): Verdict | undefined; comment(issue: boolean, item: number, i: number): Verdict | undefined } {
  const reviewAt: number[] = [];
  const prComments: number[] = [];
  const issueComments: number[] = [];
  let n = 0;
  for (const pr of dataset.pullRequests) {
    reviewAt.push(n + 1);
    n += 1 + pr.reviews.length;
  }
  n += dataset.commits.length + dataset.issues.length;
  for (const pr of dataset.pullRequests) {
    prComments.push(n);
    n += pr.comments?.length ?? 0;
  }
  for (const issue of dataset.issues) {
    issueComments.push(n);
    n += issue.comments?.length ?? 0;
  }
  let aligned = n === verdicts.length;
  // A sample of the positions this module reads: reviews and comments spread over the lists.
  const step = Math.max(1, Math.floor(dataset.pullRequests.length / 32));
  for (let k = 0; aligned && k < dataset.pullRequests.length; k += step) {
    const pr = dataset.pullRequests[k] as PullRequest;
    if (pr.reviews.length > 0 && verdicts[reviewAt[k] as number]?.ref !== reviewRef(pr.repo, pr.number, 0)) aligned = false;
    if ((pr.comments?.length ?? 0) > 0 && verdicts[prComments[k] as number]?.ref !== commentRef(pr.repo, pr.number, 0)) aligned = false;
  }
  const issueStep = Math.max(1, Math.floor(dataset.issues.length / 32));
  for (let k = 0; aligned && k < dataset.issues.length; k += issueStep) {
    const issue = dataset.issues[k] as Issue;
    const count = issue.comments?.length ?? 0;
    if (count > 0 && verdicts[(issueComments[k] as number) + count - 1]?.ref !== commentRef(issue.repo, issue.number, count - 1)) aligned = false;
  }
  if (aligned) {
    return {
      review: (pr, i) => verdicts[(reviewAt[pr] as number) + i],
      comment: (issue, item, i) => verdicts[((issue ? issueComments : prComments)[item] as number) + i],
    };
  }
  const byRef = new Map<string, Verdict>();
  for (const v of verdicts) if (v.type === "comment" || v.type === "review") byRef.set(v.ref, v);
  return {
    review: (pr, i) => {
      const p = dataset.pullRequests[pr] as PullRequest;
      return byRef.get(reviewRef(p.repo, p.number, i));
    },
    comment: (issue, item, i) => {
      const it = (issue ? dataset.issues[item] : dataset.pullRequests[item]) as PullRequest | Issue;
      return byRef.get(commentRef(it.repo, it.number, i));
    },
  };
}

// Logins repeat across a month: normalize each once.
const loginKeys = new Map<string, string>();
function keyOf(login: string): string {
  let key = loginKeys.get(login);
  if (key === undefined) {
    key = normalizeLogin(login);
    if (loginKeys.size < 100_000) loginKeys.set(login, key);
  }
  return key;
}

const hoursOrNull = (from: number, to: number | null): number | null => (to === null ? null : (to - from) / HOUR);

/**
 * One item's earliest responses: any, a human one, a human review. One object is reused for
 * every item, so reading a million items allocates nothing per item.
 */
interface Scan {
  created: number;
  anyMs: number;
  anyAt: string | null;
  anyActor: string | null;
  anyHuman: boolean;
  humanMs: number;
  humanAt: string | null;
  humanActor: string | null;
  reviewMs: number;
  reviewAt: string | null;
}

const newScan = (): Scan => ({ created: 0, anyMs: Infinity, anyAt: null, anyActor: null, anyHuman: false, humanMs: Infinity, humanAt: null, humanActor: null, reviewMs: Infinity, reviewAt: null });

/** A response at `at` by `login`: kept when it is by someone other than the author and earliest of its kind. Ties go to the smaller login. */
function consider(s: Scan, itemAuthor: string | null, author: string | null, at: string, login: string | null, v: Verdict | undefined, review: boolean): void {
  const other = login === null ? author !== null : author === null || (login !== itemAuthor && keyOf(login) !== author);
  if (!other) return;
  const ms = Date.parse(at);
  if (ms < s.created) return;
  const actor = v?.actor ?? login ?? "ghost";
  const human = v?.class === "human";
  if (ms < s.anyMs || (ms === s.anyMs && byText(actor, s.anyActor ?? "") < 0)) {
    s.anyMs = ms;
    s.anyAt = at;
    s.anyActor = actor;
    s.anyHuman = human;
  }
  if (human && (ms < s.humanMs || (ms === s.humanMs && byText(actor, s.humanActor ?? "") < 0))) {
    s.humanMs = ms;
    s.humanAt = at;
    s.humanActor = actor;
  }
  if (human && review && ms < s.reviewMs) {
    s.reviewMs = ms;
    s.reviewAt = at;
  }
}

/** Reads one item's responses into `s`, in one pass over its comments and reviews. */
function scan(s: Scan, issue: boolean, item: PullRequest | Issue, index: number, reviews: PullRequest["reviews"], locate: ReturnType<typeof verdictLocator>): void {
  const author = item.author === null ? null : keyOf(item.author);
  s.created = Date.parse(item.createdAt);
  s.anyMs = Infinity;
  s.anyAt = null;
  s.anyActor = null;
  s.anyHuman = false;
  s.humanMs = Infinity;
  s.humanAt = null;
  s.humanActor = null;
  s.reviewMs = Infinity;
  s.reviewAt = null;
  const comments = item.comments;
  if (comments) for (let i = 0; i < comments.length; i++) {
    const c = comments[i] as Comment;
    consider(s, item.author, author, c.createdAt, c.author, locate.comment(issue, index, i), false);
  }
  for (let i = 0; i < reviews.length; i++) {
    const r = reviews[i] as Review;
    if (r.submittedAt === null || r.state === "PENDING") continue;
    consider(s, item.author, author, r.submittedAt, r.author, locate.review(index, i), true);
  }
}

/** The item's responses as `scan` left them in `s`. */
function itemResponse(type: ItemResponse["type"], item: PullRequest | Issue, s: Scan, closedAt: string | null): ItemResponse {
  const created = s.created;
  const botFirst = s.anyAt !== null && !s.anyHuman;
  return {
    ref: itemRef(item.repo, item.number),
    type,
    repo: item.repo,
    number: item.number,
    url: item.url,
    title: item.title,
    author: item.author,
    createdAt: item.createdAt,
    closedAt,
    firstHumanResponseAt: s.humanAt,
    firstHumanResponder: s.humanActor,
    firstHumanReviewAt: type === "pullRequest" ? s.reviewAt : null,
    automationFirstAt: botFirst ? s.anyAt : null,
    automationFirstActor: botFirst ? s.anyActor : null,
    firstHumanResponseHours: hoursOrNull(created, s.humanAt === null ? null : s.humanMs),
    firstHumanReviewHours: type === "pullRequest" ? hoursOrNull(created, s.reviewAt === null ? null : s.reviewMs) : null,
    closeHours: hoursOrNull(created, closedAt === null ? null : Date.parse(closedAt)),
    automationFirstHours: hoursOrNull(created, botFirst ? s.anyMs : null),
  };
}

function typeStats(h: TypeHours, withReview: boolean): TypeResponsiveness {
  return {
    ...responseStats(h),
    review: withReview ? durations(h.review) : null,
    close: durations(h.close),
    automationFirst: { ...durations(h.automation), share: share(h.automation.length, h.opened) },
  };
}

/** An open item no person has answered yet: a candidate for the waiting list. */
interface WaitingCandidate {
  ms: number;
  /** Position among the opened items (PRs, then issues): the last tie-break, as a stable sort keeps it. */
  seq: number;
  type: ItemResponse["type"];
  index: number;
  ref?: string;
}

/** What one pass over the opened items gathers: the figures of `Responsiveness`, without its per-item list. */
interface Pass extends Omit<Responsiveness, "items"> {
  /** First human response per PR and issue in dataset order; undefined for those opened outside the window. */
  firstHumanResponseAt: { pullRequests: (string | null | undefined)[]; issues: (string | null | undefined)[] };
  triage: Map<string, number>;
}

/**
 * Every figure of `responsiveness` in one pass over the PRs and issues, keeping per item only
 * the hours the statistics need, the few oldest unanswered items, and the first human response;
 * `visit` sees each opened item's responses (for the per-item list).
 */
function measure(
  dataset: Dataset,
  verdicts: readonly Verdict[],
  options: { waiting?: number },
  visit?: (type: ItemResponse["type"], item: PullRequest | Issue, s: Scan, closedAt: string | null) => void,
): Pass {
  const within = windowTest(dataset.window);
  const locate = verdictLocator(dataset, verdicts);
  const prs = typeHours();
  const issues = typeHours();
  const repos = new Map<string, { pullRequests: OpenedHours; issues: OpenedHours }>();
  const firstPr: (string | null | undefined)[] = [];
  const firstIssue: (string | null | undefined)[] = [];
  const triage = new Map<string, number>();
  const limit = options.waiting ?? 10;
  // For a whole-number limit only the `limit` oldest candidates are kept (sorted and cut when the
  // list doubles); the order is total (seq last), so this is the full sort's first `limit`.
  const bounded = Number.isSafeInteger(limit) && limit >= 0;
  let candidates: WaitingCandidate[] = [];
  let cutoff = Infinity;
  const refOf = (c: WaitingCandidate): string => {
    if (c.ref === undefined) {
      const it = (c.type === "issue" ? dataset.issues[c.index] : dataset.pullRequests[c.index]) as PullRequest | Issue;
      c.ref = itemRef(it.repo, it.number);
    }
    return c.ref;
  };
  const order = (a: WaitingCandidate, b: WaitingCandidate): number => a.ms - b.ms || byText(refOf(a), refOf(b)) || a.seq - b.seq;
  const cut = (): void => {
    candidates.sort(order);
    if (candidates.length > limit) candidates.length = limit;
    if (candidates.length === limit) cutoff = limit === 0 ? -Infinity : (candidates[limit - 1] as WaitingCandidate).ms;
  };
  const s = newScan();
  let seq = 0;
  const add = (type: ItemResponse["type"], item: PullRequest | Issue, index: number, closedAt: string | null, h: TypeHours, firsts: (string | null | undefined)[]): void => {
    if (!within(item.createdAt)) {
      firsts.push(undefined);
      return;
    }
    const pr = type === "pullRequest";
    scan(s, !pr, item, index, pr ? (item as PullRequest).reviews : NO_REVIEWS, locate);
    visit?.(type, item, s, closedAt);
    firsts.push(s.humanAt);
    const created = s.created;
    const humanHours = s.humanAt === null ? null : (s.humanMs - created) / HOUR;
    h.opened += 1;
    let repo = repos.get(item.repo);
    if (!repo) repos.set(item.repo, (repo = { pullRequests: { opened: 0, response: [] }, issues: { opened: 0, response: [] } }));
    const inRepo = pr ? repo.pullRequests : repo.issues;
    inRepo.opened += 1;
    if (humanHours !== null) {
      h.response.push(humanHours);
      inRepo.response.push(humanHours);
    }
    if (pr && s.reviewAt !== null) h.review.push((s.reviewMs - created) / HOUR);
    if (closedAt !== null) h.close.push((Date.parse(closedAt) - created) / HOUR);
    if (s.anyAt !== null && !s.anyHuman) h.automation.push((s.anyMs - created) / HOUR);
    const responder = s.humanActor;
    if (responder && responder !== "ghost" && within(s.humanAt)) triage.set(responder, (triage.get(responder) ?? 0) + 1);
    if (s.humanAt === null && closedAt === null && !(created > cutoff)) {
      candidates.push({ ms: created, seq, type, index });
      if (bounded && candidates.length >= 2 * limit + 64) cut();
    }
    seq += 1;
  };
  dataset.pullRequests.forEach((pr, k) => add("pullRequest", pr, k, pr.mergedAt ?? pr.closedAt, prs, firstPr));
  dataset.issues.forEach((issue, k) => add("issue", issue, k, issue.closedAt, issues, firstIssue));
  const byRepo = [...repos.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([repo, r]) => ({ repo, pullRequests: responseStats(r.pullRequests), issues: responseStats(r.issues) }));
  const asOf = dataset.generatedAt;
  const asOfMs = Date.parse(asOf);
  candidates.sort(order);
  candidates = candidates.slice(0, limit);
  const waiting = candidates.map((c) => {
    const issue = c.type === "issue";
    const item = (issue ? dataset.issues[c.index] : dataset.pullRequests[c.index]) as PullRequest | Issue;
    scan(s, issue, item, c.index, issue ? NO_REVIEWS : (item as PullRequest).reviews, locate);
    return { ...itemResponse(c.type, item, s, null), waitingHours: round2((asOfMs - c.ms) / HOUR) };
  });
  const comments = dataset.pullRequests.some((i) => i.comments !== undefined) || dataset.issues.some((i) => i.comments !== undefined);
  return {
    asOf,
    comments,
    pullRequests: typeStats(prs, true),
    issues: typeStats(issues, false),
    byRepo,
    waiting,
    firstHumanResponseAt: { pullRequests: firstPr, issues: firstIssue },
    triage,
  };
}

/**
 * First human response, first human review (PRs), time to close, and automation answering
 * first, for every pull request and issue opened in the dataset's window, with medians and
 * 90th percentiles (see `quantile`) overall and per repository, and the items still waiting.
 * `verdicts` are classify()'s for this dataset (its review and comment verdicts decide who is a person).
 */
export function responsiveness(dataset: Dataset, verdicts: readonly Verdict[], options: { waiting?: number } = {}): Responsiveness {
  const items: ItemResponse[] = [];
  const pass = measure(dataset, verdicts, options, (type, item, s, closedAt) => items.push(itemResponse(type, item, s, closedAt)));
  return { asOf: pass.asOf, comments: pass.comments, pullRequests: pass.pullRequests, issues: pass.issues, byRepo: pass.byRepo, waiting: pass.waiting, items };
}

/** `responsiveness` without the per-item list: the figures, and per item only what a report shows. */
export interface ResponseTimes extends Omit<Responsiveness, "items"> {
  /** Each PR's and issue's first human response, in dataset order: null when none came yet, undefined when it was opened outside the window. */
  firstHumanResponseAt: { pullRequests: readonly (string | null | undefined)[]; issues: readonly (string | null | undefined)[] };
  /** Per person, the opened items they were the first person to answer, within the window (conversationWork's triage). */
  triage: ReadonlyMap<string, number>;
}

/**
 * The figures of `responsiveness` with, per item, only the first human response: a million
 * items cost a few lists of hours instead of an object each.
 */
export function responseTimes(dataset: Dataset, verdicts: readonly Verdict[], options: { waiting?: number } = {}): ResponseTimes {
  return measure(dataset, verdicts, options);
}

const NO_REVIEWS: PullRequest["reviews"] = Object.freeze([]) as unknown as PullRequest["reviews"];

/** One person's conversation work in the window. */
export interface ConversationWork {
  login: string;
  /** Human comments they wrote in the window. */
  comments: number;
  /** Issues they closed in the window (from `closedBy`). */
  issuesClosed: number;
  /** Items opened in the window by someone else that they were the first person to answer. */
  triage: number;
}

/**
 * Per person: comments written, issues closed and first responses given (triage), human work
 * only. Issues closed need `closedBy` and comments need `comments` in the dataset.
 */
export function conversationWork(dataset: Dataset, verdicts: readonly Verdict[], config: Config = defaultConfig(), answered?: Responsiveness | ResponseTimes): ConversationWork[] {
  const within = windowTest(dataset.window);
  const people = new Map<string, ConversationWork>();
  const person = (login: string): ConversationWork => {
    let p = people.get(login);
    if (!p) people.set(login, (p = { login, comments: 0, issuesClosed: 0, triage: 0 }));
    return p;
  };
  const locate = verdictLocator(dataset, verdicts);
  const count = (issue: boolean, item: PullRequest | Issue, k: number): void => {
    const comments = item.comments;
    if (comments) for (let i = 0; i < comments.length; i++) {
      if (!within((comments[i] as Comment).createdAt)) continue;
      const v = locate.comment(issue, k, i);
      if (v && v.class === "human" && v.actor !== "ghost") person(v.actor).comments += 1;
    }
  };
  dataset.pullRequests.forEach((pr, k) => count(false, pr, k));
  dataset.issues.forEach((issue, k) => count(true, issue, k));
  const classifier = new Classifier(config, dataset);
  for (const issue of dataset.issues) {
    if (!issue.closedBy || !within(issue.closedAt)) continue;
    if (classifier.account(issue.closedBy).class === "human") person(issue.closedBy).issuesClosed += 1;
  }
  const measured = answered ?? responseTimes(dataset, verdicts);
  if ("triage" in measured) {
    for (const [login, n] of measured.triage) person(login).triage += n;
  } else {
    for (const item of measured.items) {
      if (item.firstHumanResponder && item.firstHumanResponder !== "ghost" && within(item.firstHumanResponseAt)) person(item.firstHumanResponder).triage += 1;
    }
  }
  return [...people.values()].sort((a, b) => b.comments + b.issuesClosed + b.triage - (a.comments + a.issuesClosed + a.triage) || byText(a.login, b.login));
}
