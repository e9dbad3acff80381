import type { Channel } from "./config.js";
import type { Commit, Dataset, Issue, PullRequest, Review, Window } from "./dataset.js";
import { inDatasetOrder } from "./alignment.js";
import { commitRef, itemRef, reviewRef } from "./refs.js";
import type { Verdict } from "./verdict.js";
import { windowTest } from "./windows.js";

/** Human and automation counts of one measure. */
export interface Split {
  human: number;
  automation: number;
}

/** Activity counted in the window: an item counts once per event that falls inside it. */
export interface ActivityCounts {
  pullRequestsOpened: number;
  pullRequestsMerged: number;
  commits: number;
  issuesOpened: number;
  issuesClosed: number;
  reviews: number;
}

/** Human vs automation totals per measure. */
export type Totals = { [K in keyof ActivityCounts]: Split };

/**
 * One person's human work in the window, plus what ran under their token. No issues-closed
 * count: the dataset does not record who closed an issue.
 */
export interface PersonSummary extends Omit<ActivityCounts, "issuesClosed"> {
  login: string;
  /** PRs (human or automated) this person merged. */
  merges: number;
  /** Reviews this person gave on automated PRs (included in `reviews`). */
  automatedPullRequestsReviewed: number;
  /** Automated PRs this person merged (included in `merges`). */
  automatedPullRequestsMerged: number;
  /** Human commits and PRs that carry an AI assistant's co-author trailer or marker. */
  aiAssisted: number;
  /** Automation items in the window that ran under this person's token (not counted above). */
  automationUnderToken: number;
}

/** Automation of one kind through one channel. */
export interface AutomationSummary extends ActivityCounts {
  kind: string;
  channel: Channel;
  /** Distinct accounts GitHub shows for it. */
  actors: string[];
  total: number;
}

/** One repository's activity, split human / automation. */
export interface RepoSummary {
  repo: string;
  human: ActivityCounts;
  automation: ActivityCounts;
}

/** Automation that ran under a person's token, grouped by person, kind and repo. */
export interface TokenRunSummary {
  onBehalfOf: string;
  kind: string;
  repo: string;
  count: number;
  refs: string[];
}

/** Everything the reports count, derived from a dataset and its verdicts. */
export interface Summary {
  window: Window;
  totals: Totals;
  people: PersonSummary[];
  automation: AutomationSummary[];
  repos: RepoSummary[];
  tokenRuns: TokenRunSummary[];
  /** Automation items per channel (all types), for migration tracking. */
  channels: Record<Channel, number>;
}

const zeroCounts = (): ActivityCounts => ({
  pullRequestsOpened: 0,
  pullRequestsMerged: 0,
  commits: 0,
  issuesOpened: 0,
  issuesClosed: 0,
  reviews: 0,
});

const byTotal = (a: Omit<ActivityCounts, "issuesClosed">): number =>
  a.pullRequestsOpened + a.pullRequestsMerged + a.commits + a.issuesOpened + a.reviews;

// `make` is a module-level function (no closure per call): this runs once per counted event.
// Named stores instead of `counts[measure] += 1`: this runs for every counted event, and keyed
// stores over several object shapes are slow in V8.
function add(counts: Omit<ActivityCounts, "issuesClosed"> & { issuesClosed?: number }, measure: keyof ActivityCounts): void {
  switch (measure) {
    case "pullRequestsOpened":
      counts.pullRequestsOpened++;
      break;
    case "pullRequestsMerged":
      counts.pullRequestsMerged++;
      break;
    case "commits":
      counts.commits++;
      break;
    case "issuesOpened":
      counts.issuesOpened++;
      break;
    case "issuesClosed":
      counts.issuesClosed = (counts.issuesClosed ?? 0) + 1;
      break;
    case "reviews":
      counts.reviews++;
      break;
  }
}

function bump(split: Split, human: boolean): void {
  if (human) split.human++;
  else split.automation++;
}

const newRepo = (repo: string): RepoSummary => ({ repo, human: zeroCounts(), automation: zeroCounts() });
const newPerson = (login: string): PersonSummary => ({
  login,
  pullRequestsOpened: 0,
  pullRequestsMerged: 0,
  commits: 0,
  issuesOpened: 0,
  reviews: 0,
  merges: 0,
  automatedPullRequestsReviewed: 0,
  automatedPullRequestsMerged: 0,
  aiAssisted: 0,
  automationUnderToken: 0,
});
const newKindMap = (): Map<Channel, AutomationSummary> => new Map();
const newRunMap = <V>(): Map<string, V> => new Map();

function getOrAdd<K, V>(map: Map<K, V>, key: K, make: (key: K) => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make(key);
    map.set(key, value);
  }
  return value;
}

/** Whether a verdict's evidence marks human work as AI-assisted. */
export function isAiAssisted(verdict: Verdict): boolean {
  if (verdict.class !== "human") return false;
  for (const e of verdict.evidence) if (e.signal === "ai-assisted") return true;
  return false;
}

/**
 * Counts per person (human work only), per automation kind × channel, per repo, and human vs
 * automation totals. Reviews and merges of automated PRs are the reviewer's and merger's work.
 */
export function summarize(dataset: Dataset, verdicts: readonly Verdict[]): Summary {
  const window = dataset.window;
  const within = windowTest(window);

  // Verdicts from classify() come in dataset order, one per item: then the i-th verdict is the
  // i-th item's, checked on a sample of refs. Any other order is looked up by ref.
  // Comment verdicts come after all of these (classify's order), so they do not shift them.
  const aligned = inDatasetOrder(dataset, verdicts);
  let cursor = 0;
  const take = (): Verdict => verdicts[cursor++] as Verdict;
  let byRef: Map<string, Verdict> | undefined;
  const lookup = (ref: string): Verdict => {
    byRef ??= new Map(verdicts.map((v) => [v.ref, v]));
    const v = byRef.get(ref);
    if (!v) throw new Error(`[@quantecon/attribution] summarize: no verdict for ${ref}; pass the verdicts classify() returned for this dataset`);
    return v;
  };

  const totals = Object.fromEntries(Object.keys(zeroCounts()).map((k) => [k, { human: 0, automation: 0 }])) as Totals;
  const people = new Map<string, PersonSummary>();
  const automation = new Map<string, Map<Channel, AutomationSummary>>();
  const actorSets = new Map<AutomationSummary, Set<string>>();
  const repos = new Map<string, RepoSummary>();
  // By person, then kind, then repo: keys the verdicts already hold, no key string per item.
  const tokenRuns = new Map<string, Map<string, Map<string, TokenRunSummary>>>();
  const channels: Record<Channel, number> = { human: 0, "machine-account": 0, "github-actions": 0, "github-app": 0, "personal-token": 0 };

  const person = (login: string): PersonSummary => getOrAdd(people, login, newPerson);
  // Accounts that are automation themselves: their merges (auto-merge) are nobody's human work.
  const automationAccounts = new Set<string>(dataset.actors.filter((a) => a.type === "Bot").map((a) => a.login.toLowerCase()));
  for (let i = 0; i < verdicts.length; i++) {
    const v = verdicts[i] as Verdict;
    if (v.class === "automation" && v.channel !== "personal-token") automationAccounts.add(v.actor.toLowerCase());
  }
  for (const repo of dataset.repos) getOrAdd(repos, repo.name, newRepo);

  // Records one in-window event of an item under its verdict.
  const count = (v: Verdict, repoSummary: RepoSummary, measure: keyof ActivityCounts): void => {
    const human = v.class === "human";
    bump(totals[measure], human);
    add(human ? repoSummary.human : repoSummary.automation, measure);
    if (human) {
      if (measure !== "issuesClosed") add(person(v.actor), measure);
      return;
    }
    const kinds = getOrAdd(automation, v.kind ?? "other", newKindMap);
    let auto = kinds.get(v.channel);
    if (!auto) {
      auto = { kind: v.kind ?? "other", channel: v.channel, actors: [], ...zeroCounts(), total: 0 };
      kinds.set(v.channel, auto);
      actorSets.set(auto, new Set());
    }
    add(auto, measure);
    auto.total += 1;
    // A set beside the list: automation under people's tokens has as many actors as the org has people.
    if (auto.actors[auto.actors.length - 1] !== v.actor) {
      const seen = actorSets.get(auto) as Set<string>;
      if (!seen.has(v.actor)) {
        seen.add(v.actor);
        auto.actors.push(v.actor);
      }
    }
  };

  // Each automation item is listed once for migration, whatever events it had in the window.
  const note = (v: Verdict, repo: string): void => {
    if (v.class !== "automation") return;
    channels[v.channel] += 1;
    if (v.channel === "personal-token" && v.onBehalfOf) {
      person(v.onBehalfOf).automationUnderToken += 1;
      const kind = v.kind ?? "other";
      const inRepo = getOrAdd(getOrAdd(tokenRuns, v.onBehalfOf, newRunMap<Map<string, TokenRunSummary>>), kind, newRunMap<TokenRunSummary>);
      let run = inRepo.get(repo);
      if (!run) {
        run = { onBehalfOf: v.onBehalfOf, kind, repo, count: 0, refs: [] };
        inRepo.set(repo, run);
      }
      run.count += 1;
      run.refs.push(v.ref);
    }
  };

  const prs = dataset.pullRequests;
  for (let p = 0; p < prs.length; p++) {
    const pr = prs[p] as PullRequest;
    const v = aligned ? take() : lookup(itemRef(pr.repo, pr.number));
    const opened = within(pr.createdAt);
    const merged = within(pr.mergedAt);
    const repo = getOrAdd(repos, pr.repo, newRepo);
    if (opened) count(v, repo, "pullRequestsOpened");
    if (merged) {
      // The PR's author is credited with the merged PR; the merge itself is the merger's.
      count(v, repo, "pullRequestsMerged");
      if (pr.mergedBy && !automationAccounts.has(pr.mergedBy.toLowerCase())) {
        const merger = person(pr.mergedBy);
        merger.merges += 1;
        if (v.class === "automation") merger.automatedPullRequestsMerged += 1;
      }
    }
    if (opened || merged || within(pr.closedAt)) note(v, pr.repo);
    for (let i = 0; i < pr.reviews.length; i++) {
      const review = pr.reviews[i] as Review;
      const rv = aligned ? take() : lookup(reviewRef(pr.repo, pr.number, i));
      if (!within(review.submittedAt)) continue;
      count(rv, repo, "reviews");
      note(rv, pr.repo);
      if (rv.class === "human" && v.class === "automation") person(rv.actor).automatedPullRequestsReviewed += 1;
    }
    if (v.class === "human" && opened && isAiAssisted(v)) person(v.actor).aiAssisted += 1;
  }
  const commits = dataset.commits;
  for (let c = 0; c < commits.length; c++) {
    const commit = commits[c] as Commit;
    const v = aligned ? take() : lookup(commitRef(commit.repo, commit.oid));
    if (!within(commit.committedAt)) continue;
    count(v, getOrAdd(repos, commit.repo, newRepo), "commits");
    note(v, commit.repo);
    if (isAiAssisted(v)) person(v.actor).aiAssisted += 1;
  }
  const issues = dataset.issues;
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as Issue;
    const v = aligned ? take() : lookup(itemRef(issue.repo, issue.number));
    const opened = within(issue.createdAt);
    const closed = within(issue.closedAt);
    const repo = getOrAdd(repos, issue.repo, newRepo);
    if (opened) count(v, repo, "issuesOpened");
    // Who closed an issue is not in the dataset, so a closed issue counts to the repo and totals only.
    if (closed) count(v, repo, "issuesClosed");
    if (opened || closed) note(v, issue.repo);
  }

  const peopleList = [...people.values()]
    .filter((p) => byTotal(p) + p.merges + p.automationUnderToken + p.aiAssisted > 0)
    .sort((a, b) => byTotal(b) + b.merges - (byTotal(a) + a.merges) || a.login.localeCompare(b.login, "en"));
  const automationList = [...automation.values()]
    .flatMap((channelsOfKind) => [...channelsOfKind.values()])
    .map((a) => ({ ...a, actors: [...a.actors].sort() }))
    .sort((a, b) => b.total - a.total || a.kind.localeCompare(b.kind, "en") || a.channel.localeCompare(b.channel, "en"));
  const repoList = [...repos.values()].sort((a, b) => a.repo.localeCompare(b.repo, "en"));
  const runList = [...tokenRuns.values()].flatMap((byKind) => [...byKind.values()].flatMap((byRepo) => [...byRepo.values()])).sort(
    (a, b) => a.onBehalfOf.localeCompare(b.onBehalfOf, "en") || b.count - a.count || a.kind.localeCompare(b.kind, "en") || a.repo.localeCompare(b.repo, "en"),
  );
  return { window, totals, people: peopleList, automation: automationList, repos: repoList, tokenRuns: runList, channels };
}
