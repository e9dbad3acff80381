import { Classifier } from "./classify.js";
import { defaultConfig, type Config } from "./config.js";
import type { Dataset, Issue, PullRequest } from "./dataset.js";
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
  const hours = items.filter((i) => i.firstHumanResponseAt !== null).map((i) => hoursBetween(i.createdAt, i.firstHumanResponseAt as string));
  const d = durations(hours);
  return { opened: items.length, responded: hours.length, share: share(hours.length, items.length), medianHours: d.medianHours, p90Hours: d.p90Hours };
}

/** Hours from one instant to a later one (2 decimals are left to the caller). */
export function hoursBetween(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / HOUR;
}

interface Response {
  at: string;
  login: string | null;
  human: boolean;
  review: boolean;
}

const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The responses to one item: comments and submitted reviews by anyone but its author, oldest first. */
function responsesTo(item: PullRequest | Issue, reviews: PullRequest["reviews"], verdictOf: (ref: string) => Verdict | undefined): Response[] {
  const author = item.author === null ? null : normalizeLogin(item.author);
  const other = (login: string | null): boolean => (login === null ? author !== null : author === null || normalizeLogin(login) !== author);
  const out: Response[] = [];
  const created = Date.parse(item.createdAt);
  (item.comments ?? []).forEach((c, i) => {
    if (!other(c.author) || Date.parse(c.createdAt) < created) return;
    const v = verdictOf(commentRef(item.repo, item.number, i));
    out.push({ at: c.createdAt, login: v?.actor ?? c.author, human: v?.class === "human", review: false });
  });
  reviews.forEach((r, i) => {
    if (r.submittedAt === null || r.state === "PENDING" || !other(r.author) || Date.parse(r.submittedAt) < created) return;
    const v = verdictOf(reviewRef(item.repo, item.number, i));
    out.push({ at: r.submittedAt, login: v?.actor ?? r.author, human: v?.class === "human", review: true });
  });
  return out.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || byText(a.login ?? "", b.login ?? ""));
}

function itemResponse(type: ItemResponse["type"], item: PullRequest | Issue, responses: readonly Response[], closedAt: string | null): ItemResponse {
  const human = responses.find((r) => r.human);
  const review = type === "pullRequest" ? responses.find((r) => r.human && r.review) : undefined;
  const first = responses[0];
  const botFirst = first && !first.human ? first : undefined;
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
    firstHumanResponseAt: human?.at ?? null,
    firstHumanResponder: human ? (human.login ?? "ghost") : null,
    firstHumanReviewAt: review?.at ?? null,
    automationFirstAt: botFirst?.at ?? null,
    automationFirstActor: botFirst ? (botFirst.login ?? "ghost") : null,
  };
}

function typeStats(items: readonly ItemResponse[], withReview: boolean): TypeResponsiveness {
  const reviewHours = items.filter((i) => i.firstHumanReviewAt !== null).map((i) => hoursBetween(i.createdAt, i.firstHumanReviewAt as string));
  const closeHours = items.filter((i) => i.closedAt !== null).map((i) => hoursBetween(i.createdAt, i.closedAt as string));
  const botHours = items.filter((i) => i.automationFirstAt !== null).map((i) => hoursBetween(i.createdAt, i.automationFirstAt as string));
  return {
    ...responseStats(items),
    review: withReview ? durations(reviewHours) : null,
    close: durations(closeHours),
    automationFirst: { ...durations(botHours), share: share(botHours.length, items.length) },
  };
}

/**
 * First human response, first human review (PRs), time to close, and automation answering
 * first, for every pull request and issue opened in the dataset's window, with medians and
 * 90th percentiles (see `quantile`) overall and per repository, and the items still waiting.
 * `verdicts` are classify()'s for this dataset (comment and review verdicts are looked up by ref).
 */
export function responsiveness(dataset: Dataset, verdicts: readonly Verdict[], options: { waiting?: number } = {}): Responsiveness {
  const within = windowTest(dataset.window);
  const byRef = new Map<string, Verdict>();
  for (const v of verdicts) if (v.type === "comment" || v.type === "review") byRef.set(v.ref, v);
  const verdictOf = (ref: string): Verdict | undefined => byRef.get(ref);
  const items: ItemResponse[] = [];
  for (const pr of dataset.pullRequests) {
    if (!within(pr.createdAt)) continue;
    items.push(itemResponse("pullRequest", pr, responsesTo(pr, pr.reviews, verdictOf), pr.mergedAt ?? pr.closedAt));
  }
  for (const issue of dataset.issues) {
    if (!within(issue.createdAt)) continue;
    items.push(itemResponse("issue", issue, responsesTo(issue, [], verdictOf), issue.closedAt));
  }
  const prs = items.filter((i) => i.type === "pullRequest");
  const issues = items.filter((i) => i.type === "issue");
  const repos = new Map<string, ItemResponse[]>();
  for (const i of items) repos.set(i.repo, [...(repos.get(i.repo) ?? []), i]);
  const byRepo = [...repos.entries()]
    .sort(([a], [b]) => byText(a, b))
    .map(([repo, list]) => ({ repo, pullRequests: responseStats(list.filter((i) => i.type === "pullRequest")), issues: responseStats(list.filter((i) => i.type === "issue")) }));
  const asOf = dataset.generatedAt;
  const waiting = items
    .filter((i) => i.firstHumanResponseAt === null && i.closedAt === null)
    .map((i) => ({ ...i, waitingHours: round2(hoursBetween(i.createdAt, asOf)) }))
    .sort((a, b) => b.waitingHours - a.waitingHours || byText(a.ref, b.ref))
    .slice(0, options.waiting ?? 10);
  const comments = [...dataset.pullRequests, ...dataset.issues].some((i) => i.comments !== undefined);
  return { asOf, comments, pullRequests: typeStats(prs, true), issues: typeStats(issues, false), byRepo, waiting, items };
}

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
  const at = new Map<string, string>();
  for (const list of [dataset.pullRequests, dataset.issues] as const) {
    for (const item of list) item.comments?.forEach((c, i) => at.set(commentRef(item.repo, item.number, i), c.createdAt));
  }
  for (const v of verdicts) {
    if (v.type !== "comment" || v.class !== "human" || v.actor === "ghost") continue;
    if (within(at.get(v.ref))) person(v.actor).comments += 1;
  }
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
