import {
  CHANNELS,
  classify,
  summarize,
  type Config,
  type Dataset,
  type ItemType,
  type Summary,
  type Verdict,
} from "@quantecon/attribution";
import { QeReportError } from "../errors.js";
import { isoInstant, weekBuckets, windowDays, windowLabel } from "./calendar.js";
import { auditChecklist } from "./checklist.js";
import { forEachEvent } from "./events.js";
import { profileUrl, repoSearchUrls, repoUrl } from "./links.js";
import { MEASURES, REPORT_SCHEMA_ID, type Measure, type Report, type ReportContributions, type ReportCounts, type ReportHistoryMonth } from "./schema.js";
import { translationRollup } from "./translation.js";
import { commentLinks, withCommentRuns } from "./comment-runs.js";
import { responsivenessParts, withConversation } from "./responsiveness.js";
import { reportItems } from "./items.js";
import { migrationStatus, movedToMachine, tokenByPerson } from "./migration.js";
import { executiveSummary } from "./story.js";

/** What `buildReport` takes besides the dataset and config. */
export interface BuildReportOptions {
  /** The previous window's dataset, for the change columns and migration progress. */
  previous?: Dataset;
  /** ISO instant that pins the generation time; the current time when absent. */
  generatedAt?: string;
  /** A credential-audit result (`@quantecon/attribution-audit`), for the migration checklist. */
  audit?: unknown;
  /** Verdicts already computed with `classify(dataset, config)`; computed when absent. */
  verdicts?: Verdict[];
  /** Earlier months to show beside this one (from `buildTrend`), oldest first. */
  history?: ReportHistoryMonth[];
}

const MEASURE_LABELS: Record<Measure, string> = {
  pullRequestsOpened: "PRs opened",
  pullRequestsMerged: "PRs merged",
  commits: "Commits",
  issuesOpened: "Issues opened",
  issuesClosed: "Issues closed",
  reviews: "Reviews",
};

const TYPE_WORDS: Record<ItemType, [string, string]> = {
  pullRequest: ["automated PR", "automated PRs"],
  commit: ["commit", "commits"],
  issue: ["issue", "issues"],
  review: ["review", "reviews"],
  comment: ["comment", "comments"],
};

const zeroCounts = (): ReportCounts => ({ pullRequestsOpened: 0, pullRequestsMerged: 0, commits: 0, issuesOpened: 0, issuesClosed: 0, reviews: 0 });

const shareOf = (automation: number, total: number): number | null => (total === 0 ? null : Math.round((automation / total) * 10_000) / 10_000);

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function pinnedTime(generatedAt: string | undefined): string {
  if (generatedAt === undefined) return isoInstant(Date.now());
  const ms = Date.parse(generatedAt);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(generatedAt) || Number.isNaN(ms)) {
    throw new QeReportError("E_USAGE", `generatedAt ${JSON.stringify(generatedAt)}: expected an ISO 8601 instant such as 2026-06-01T00:00:00Z`);
  }
  return isoInstant(ms);
}

/** "18 automated PRs and 18 commits ran under this account's token; listed under Automation". */
function tokenFootnote(types: Map<ItemType, number>): string | null {
  const parts = (["pullRequest", "commit", "issue", "review", "comment"] as const)
    .filter((t) => (types.get(t) ?? 0) > 0)
    .map((t) => {
      const n = types.get(t) ?? 0;
      return `${n} ${TYPE_WORDS[t][n === 1 ? 0 : 1]}`;
    });
  if (parts.length === 0) return null;
  const list = parts.length === 1 ? parts[0] : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
  return `${list} ran under this account's token; listed under Automation`;
}

function measureRows(current: Summary, previous: Summary | undefined): Report["summary"]["measures"] {
  return MEASURES.map((measure) => {
    const { human, automation } = current.totals[measure];
    const prev = previous?.totals[measure];
    const total = human + automation;
    return {
      measure,
      label: MEASURE_LABELS[measure],
      human,
      automation,
      total,
      automationShare: shareOf(automation, total),
      previous: prev
        ? { human: prev.human, automation: prev.automation, total: prev.human + prev.automation, automationShare: shareOf(prev.automation, prev.human + prev.automation) }
        : null,
      change: prev ? { human: human - prev.human, automation: automation - prev.automation, total: total - prev.human - prev.automation } : null,
    };
  });
}

/**
 * The headline: PRs opened, default-branch commits, issues opened and reviews submitted in the
 * window, each counted by its verdict. Merges and closes are left out: they are the acts of the
 * person who did them, not of the PR's or issue's author.
 */
export function contributionsOf(totals: Summary["totals"]): ReportContributions {
  const human = totals.pullRequestsOpened.human + totals.commits.human + totals.issuesOpened.human + totals.reviews.human;
  const automation = totals.pullRequestsOpened.automation + totals.commits.automation + totals.issuesOpened.automation + totals.reviews.automation;
  return { human, automation, share: shareOf(automation, human + automation) };
}

const UNREADABLE = new Set(["FORBIDDEN", "NOT_FOUND"]);

function overall(rows: Report["summary"]["measures"]): Report["summary"]["overall"] {
  const sum = (pick: (r: Report["summary"]["measures"][number]) => number): number => rows.reduce((acc, r) => acc + pick(r), 0);
  const human = sum((r) => r.human);
  const automation = sum((r) => r.automation);
  return { human, automation, total: human + automation, automationShare: shareOf(automation, human + automation) };
}

/**
 * Builds the `qe-report/v1` model of a dataset: header, summary, people (human work only),
 * automation, migration to the machine account, repositories, completeness, and one verdict per item.
 */
export function buildReport(dataset: Dataset, config: Config, options: BuildReportOptions = {}): Report {
  const generatedAt = pinnedTime(options.generatedAt);
  // The report keeps and reads every ref: made flat at once, they cost less memory than read later.
  const verdicts = options.verdicts ?? classify(dataset, config, { flatRefs: true });
  // The migration's headline figures count the same items as before comments existed (PRs,
  // commits, issues, reviews), so a chatty preview-deploy bot does not dilute them; comments under
  // a person's token are still listed in the migration's detail (`summary` below).
  const itemSummary = summarize(dataset, verdicts);
  const summary = withCommentRuns(itemSummary, dataset, verdicts);
  const previousVerdicts = options.previous ? classify(options.previous, config) : undefined;
  const previousItemSummary = options.previous && previousVerdicts ? summarize(options.previous, previousVerdicts) : undefined;
  const previousSummary = options.previous && previousVerdicts && previousItemSummary ? withCommentRuns(previousItemSummary, options.previous, previousVerdicts) : undefined;
  const answered = responsivenessParts(dataset, verdicts, config, options.previous, previousVerdicts);

  const buckets = weekBuckets(dataset.window);
  const weeks = buckets.map((b) => ({ from: isoInstant(b.from), to: isoInstant(b.to), label: b.label, human: 0, automation: 0, days: b.days }));
  const automationByRepo = new Map<string, Report["automation"]["byRepo"][number]>();
  const tokenItems = new Map<string, { url: string; title: string; type: ItemType }>();
  const githubTokenPullRequests: Report["migration"]["githubTokenPullRequests"] = [];

  forEachEvent(dataset, verdicts, (event) => {
    const v = event.verdict;
    const t = Date.parse(event.at);
    // Binary search: a window of centuries has a hundred thousand weeks, and every event looks one up.
    let lo = 0;
    for (let hi = buckets.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if (t < (buckets[mid]?.to ?? 0)) hi = mid;
      else lo = mid + 1;
    }
    const week = weeks[lo];
    if (week) week[v.class] += 1;
    if (v.class !== "automation") return;
    const key = `${event.repo}\u0000${v.kind}\u0000${v.channel}`;
    let row = automationByRepo.get(key);
    if (!row) {
      row = { repo: event.repo, kind: v.kind ?? "other", channel: v.channel, ...zeroCounts(), total: 0 };
      automationByRepo.set(key, row);
    }
    row[event.measure] += 1;
    row.total += 1;
    if (v.channel === "personal-token") tokenItems.set(v.ref, { url: event.url, title: event.title, type: v.type });
    if (v.channel === "github-actions" && v.type === "pullRequest" && event.measure === "pullRequestsOpened") {
      githubTokenPullRequests.push({ ref: v.ref, url: event.url, repo: event.repo, title: event.title, kind: v.kind });
    }
  });

  for (const [ref, link] of commentLinks(summary, dataset)) tokenItems.set(ref, { ...link, type: "comment" });

  const tokenTypes = new Map<string, Map<ItemType, number>>();
  for (const run of summary.tokenRuns) {
    let types = tokenTypes.get(run.onBehalfOf);
    if (!types) tokenTypes.set(run.onBehalfOf, (types = new Map()));
    for (const ref of run.refs) {
      const type = tokenItems.get(ref)?.type ?? "pullRequest";
      types.set(type, (types.get(type) ?? 0) + 1);
    }
  }

  const totals = { pullRequest: { human: 0, automation: 0 }, commit: { human: 0, automation: 0 }, issue: { human: 0, automation: 0 }, review: { human: 0, automation: 0 }, comment: { human: 0, automation: 0 } };
  for (const v of verdicts) totals[v.type][v.class] += 1;

  const measures = measureRows(summary, previousSummary);
  const branches = new Map(dataset.repos.map((r) => [r.name, r.defaultBranch]));
  const days = windowDays(dataset.window);
  const label = windowLabel(dataset.window);
  const org = dataset.source.org;
  const team = new Set(config.team.map((login) => login.toLowerCase()));
  const before = previousSummary ? new Map(previousSummary.people.map((p) => [p.login, p.pullRequestsOpened + p.commits + p.issuesOpened + p.reviews] as const)) : undefined;
  const groupOf = (login: string): Report["people"][number]["group"] => (login === "ghost" ? "deleted" : team.has(login.toLowerCase()) ? "team" : "community");
  const people: Report["people"] = withConversation(summary.people.map((p) => ({
    login: p.login,
    group: groupOf(p.login),
    contributions: p.pullRequestsOpened + p.commits + p.issuesOpened + p.reviews,
    previousContributions: before ? (before.get(p.login) ?? 0) : null,
    url: profileUrl(p.login),
    pullRequestsOpened: p.pullRequestsOpened,
    pullRequestsMerged: p.pullRequestsMerged,
    commits: p.commits,
    issuesOpened: p.issuesOpened,
    reviews: p.reviews,
    merges: p.merges,
    automatedPullRequestsReviewed: p.automatedPullRequestsReviewed,
    automatedPullRequestsMerged: p.automatedPullRequestsMerged,
    aiAssisted: p.aiAssisted,
    automationUnderToken: p.automationUnderToken,
    footnote: tokenFootnote(tokenTypes.get(p.login) ?? new Map()),
  })), answered, (login) => ({ group: groupOf(login), contributions: 0, previousContributions: before ? (before.get(login) ?? 0) : null }));
  // Busiest first by the headline's own unit, so the table reads in the order of its first figure.
  people.sort((a, b) => b.contributions - a.contributions || b.merges - a.merges || byString(a.login, b.login));
  const contributions = contributionsOf(summary.totals);
  const previousContributions = previousSummary ? contributionsOf(previousSummary.totals) : null;
  const warnings = (dataset.warnings ?? []).map((w) => ({ code: w.code, message: w.message, repo: w.repo ?? null }));
  const completeness = {
    complete: warnings.every((w) => w.code === "EXCLUDED"),
    unreadableRepos: [...new Set(warnings.filter((w) => UNREADABLE.has(w.code) && w.repo !== null).map((w) => w.repo as string))].sort(byString),
    warnings,
  };
  const migration: Report["migration"] = {
    machineAccounts: config.machineAccounts.map((m) => m.login),
    status: migrationStatus(itemSummary, previousItemSummary),
    byPerson: tokenByPerson(itemSummary),
    moved: movedToMachine(itemSummary, previousItemSummary, verdicts),
    channels: CHANNELS.filter((c) => c !== "human").map((channel) => {
      const items = summary.channels[channel];
      const previous = previousSummary ? previousSummary.channels[channel] : null;
      return { channel, items, previous, change: previous === null ? null : items - previous };
    }),
    personalToken: summary.tokenRuns.map((run) => ({
      onBehalfOf: run.onBehalfOf,
      kind: run.kind,
      repo: run.repo,
      count: run.count,
      items: run.refs.map((ref) => {
        const item = tokenItems.get(ref);
        return { ref, url: item?.url ?? repoUrl(run.repo), title: item?.title ?? "" };
      }),
    })),
    githubTokenPullRequests,
    checklist: auditChecklist(options.audit),
  };
  const previousLabel = options.previous ? windowLabel(options.previous.window) : null;
  // Last, once nothing else reads the verdicts: verdicts classified here are replaced by their items in place.
  const items = reportItems(dataset, verdicts, { reuse: options.verdicts === undefined ? verdicts : undefined, firstResponses: answered.firstResponses });

  return {
    schema: REPORT_SCHEMA_ID,
    org,
    window: { ...dataset.window },
    header: {
      org,
      title: `${org} activity report: ${label}`,
      window: { ...dataset.window, label, ...days },
      source: { kind: dataset.source.kind, org: dataset.source.org, apiUrl: dataset.source.apiUrl ?? null },
      generatedAt,
      datasetGeneratedAt: dataset.generatedAt,
      previousWindow: options.previous ? { ...options.previous.window, label: windowLabel(options.previous.window) } : null,
    },
    totals,
    summary: {
      contributions,
      previousContributions,
      executive: executiveSummary({ contributions, previousContributions, previousLabel, migration, measures, people, completeness }),
      measures,
      overall: overall(measures),
      weeks,
      responsiveness: answered.summary,
    },
    people,
    automation: {
      byKind: summary.automation.map((a) => ({ ...a, actors: [...a.actors] })),
      byRepo: [...automationByRepo.values()].sort(
        (a, b) => byString(a.repo, b.repo) || b.total - a.total || byString(a.kind, b.kind) || byString(a.channel, b.channel),
      ),
      translation: translationRollup(dataset),
    },
    migration,
    repos: summary.repos.map((r) => {
      const urls = repoSearchUrls(r.repo, dataset.window, branches.get(r.repo) ?? null);
      const cell = (m: keyof typeof urls) => ({ human: r.human[m], automation: r.automation[m], total: r.human[m] + r.automation[m], url: urls[m] });
      return {
        repo: r.repo,
        url: repoUrl(r.repo),
        issuesOpened: cell("issuesOpened"),
        issuesClosed: cell("issuesClosed"),
        pullRequestsOpened: cell("pullRequestsOpened"),
        pullRequestsMerged: cell("pullRequestsMerged"),
        commits: cell("commits"),
      };
    }),
    completeness,
    history: (options.history ?? []).map((h) => ({ month: h.month, label: h.label, contributions: { ...h.contributions }, personalTokenShare: h.personalTokenShare })),
    items,
  };
}
