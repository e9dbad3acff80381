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

function responseStats(items: readonly ItemResponse[]): ResponseStats {
  const hours: number[] = [];
  for (const i of items) if (i.firstHumanResponseHours !== null) hours.push(i.firstHumanResponseHours);
  const d = durations(hours);
  return { opened: items.length, responded: hours.length, share: share(hours.length, items.length), medianHours: d.medianHours, p90Hours: d.p90Hours };
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

/** One item's responses, read in one pass: the earliest human one, human review and response of any kind. */
function itemResponse(
  type: ItemResponse["type"],
  item: PullRequest | Issue,
  index: number,
  reviews: PullRequest["reviews"],
  locate: ReturnType<typeof verdictLocator>,
  closedAt: string | null,
): ItemResponse {
  const author = item.author === null ? null : keyOf(item.author);
  const created = Date.parse(item.createdAt);
  // Earliest so far of: any response, a human one, a human review. Ties go to the smaller login.
  let anyMs = Infinity, anyAt: string | null = null, anyActor: string | null = null, anyHuman = false;
  let humanMs = Infinity, humanAt: string | null = null, humanActor: string | null = null;
  let reviewMs = Infinity, reviewAt: string | null = null;
  const consider = (at: string, login: string | null, v: Verdict | undefined, review: boolean): void => {
    const other = login === null ? author !== null : author === null || (login !== item.author && keyOf(login) !== author);
    if (!other) return;
    const ms = Date.parse(at);
    if (ms < created) return;
    const actor = v?.actor ?? login ?? "ghost";
    const human = v?.class === "human";
    if (ms < anyMs || (ms === anyMs && byText(actor, anyActor ?? "") < 0)) [anyMs, anyAt, anyActor, anyHuman] = [ms, at, actor, human];
    if (human && (ms < humanMs || (ms === humanMs && byText(actor, humanActor ?? "") < 0))) [humanMs, humanAt, humanActor] = [ms, at, actor];
    if (human && review && ms < reviewMs) [reviewMs, reviewAt] = [ms, at];
  };
  const issue = type === "issue";
  const comments = item.comments;
  if (comments) for (let i = 0; i < comments.length; i++) {
    const c = comments[i] as Comment;
    consider(c.createdAt, c.author, locate.comment(issue, index, i), false);
  }
  for (let i = 0; i < reviews.length; i++) {
    const r = reviews[i] as Review;
    if (r.submittedAt === null || r.state === "PENDING") continue;
    consider(r.submittedAt, r.author, locate.review(index, i), true);
  }
  const botFirst = anyAt !== null && !anyHuman;
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
    firstHumanResponseAt: humanAt,
    firstHumanResponder: humanActor,
    firstHumanReviewAt: type === "pullRequest" ? reviewAt : null,
    automationFirstAt: botFirst ? anyAt : null,
    automationFirstActor: botFirst ? anyActor : null,
    firstHumanResponseHours: hoursOrNull(created, humanAt === null ? null : humanMs),
    firstHumanReviewHours: type === "pullRequest" ? hoursOrNull(created, reviewAt === null ? null : reviewMs) : null,
    closeHours: hoursOrNull(created, closedAt === null ? null : Date.parse(closedAt)),
    automationFirstHours: hoursOrNull(created, botFirst ? anyMs : null),
  };
}

function typeStats(items: readonly ItemResponse[], withReview: boolean): TypeResponsiveness {
  const pick = (read: (i: ItemResponse) => number | null): number[] => {
    const out: number[] = [];
    for (const i of items) {
      const h = read(i);
      if (h !== null) out.push(h);
    }
    return out;
  };
  const botHours = pick((i) => i.automationFirstHours);
  return {
    ...responseStats(items),
    review: withReview ? durations(pick((i) => i.firstHumanReviewHours)) : null,
    close: durations(pick((i) => i.closeHours)),
    automationFirst: { ...durations(botHours), share: share(botHours.length, items.length) },
  };
}

/**
 * First human response, first human review (PRs), time to close, and automation answering
 * first, for every pull request and issue opened in the dataset's window, with medians and
 * 90th percentiles (see `quantile`) overall and per repository, and the items still waiting.
 * `verdicts` are classify()'s for this dataset (its review and comment verdicts decide who is a person).
 */
export function responsiveness(dataset: Dataset, verdicts: readonly Verdict[], options: { waiting?: number } = {}): Responsiveness {
  const within = windowTest(dataset.window);
  const locate = verdictLocator(dataset, verdicts);
  const items: ItemResponse[] = [];
  dataset.pullRequests.forEach((pr, k) => {
    if (within(pr.createdAt)) items.push(itemResponse("pullRequest", pr, k, pr.reviews, locate, pr.mergedAt ?? pr.closedAt));
  });
  dataset.issues.forEach((issue, k) => {
    if (within(issue.createdAt)) items.push(itemResponse("issue", issue, k, NO_REVIEWS, locate, issue.closedAt));
  });
  const prs = items.filter((i) => i.type === "pullRequest");
  const issues = items.filter((i) => i.type === "issue");
  const repos = new Map<string, ItemResponse[]>();
  for (const i of items) {
    const list = repos.get(i.repo);
    if (list) list.push(i);
    else repos.set(i.repo, [i]);
  }
  const byRepo = [...repos.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([repo, list]) => ({ repo, pullRequests: responseStats(list.filter((i) => i.type === "pullRequest")), issues: responseStats(list.filter((i) => i.type === "issue")) }));
  const asOf = dataset.generatedAt;
  const asOfMs = Date.parse(asOf);
  const waiting = items
    .filter((i) => i.firstHumanResponseAt === null && i.closedAt === null)
    .map((i) => ({ i, ms: Date.parse(i.createdAt) }))
    .sort((a, b) => a.ms - b.ms || byText(a.i.ref, b.i.ref))
    .slice(0, options.waiting ?? 10)
    .map(({ i, ms }) => ({ ...i, waitingHours: round2((asOfMs - ms) / HOUR) }));
  const comments = dataset.pullRequests.some((i) => i.comments !== undefined) || dataset.issues.some((i) => i.comments !== undefined);
  return { asOf, comments, pullRequests: typeStats(prs, true), issues: typeStats(issues, false), byRepo, waiting, items };
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
export function conversationWork(dataset: Dataset, verdicts: readonly Verdict[], config: Config = defaultConfig(), answered?: Responsiveness): ConversationWork[] {
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
  for (const item of (answered ?? responsiveness(dataset, verdicts)).items) {
    if (item.firstHumanResponder && item.firstHumanResponder !== "ghost" && within(item.firstHumanResponseAt)) person(item.firstHumanResponder).triage += 1;
  }
  return [...people.values()].sort((a, b) => b.comments + b.issuesClosed + b.triage - (a.comments + a.issuesClosed + a.triage) || byText(a.login, b.login));
}
