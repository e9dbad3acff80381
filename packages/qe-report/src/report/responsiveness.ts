import { classify, conversationWork, responseTimes, type Config, type ConversationWork, type Dataset, type ResponseStats, type ResponseTimes, type Verdict } from "@quantecon/attribution";
import { profileUrl, repoUrl } from "./links.js";
import type { ReportResponsiveness } from "./responsiveness-schema.js";
import type { ReportPerson } from "./schema.js";

/** What the report takes from the responsiveness measures. */
export interface ResponsivenessParts {
  summary: ReportResponsiveness;
  /** First human response per PR and issue, in dataset order (null: none yet; undefined: opened outside the window). */
  firstResponses: ResponseTimes["firstHumanResponseAt"];
  conversation: ConversationWork[];
}

const stats = (s: ResponseStats) => ({ opened: s.opened, responded: s.responded, share: s.share, medianHours: s.medianHours, p90Hours: s.p90Hours });

/**
 * The responsiveness section, the per-person conversation work and each opened item's first
 * human response, from the dataset's verdicts (and the previous dataset's, for the trend).
 */
export function responsivenessParts(dataset: Dataset, verdicts: readonly Verdict[], config: Config, previous?: Dataset, previousVerdicts?: readonly Verdict[]): ResponsivenessParts {
  const now = responseTimes(dataset, verdicts);
  const before: ResponseTimes | undefined = previous ? responseTimes(previous, previousVerdicts ?? classify(previous, config)) : undefined;
  const type = (key: "pullRequests" | "issues"): ReportResponsiveness["pullRequests"] => {
    const t = now[key];
    const p = before?.[key];
    return {
      ...stats(t),
      firstReview: t.review,
      close: t.close,
      automationFirst: t.automationFirst,
      previous: p ? stats(p) : null,
      medianChangeHours: p && p.medianHours !== null && t.medianHours !== null ? Math.round((t.medianHours - p.medianHours) * 100) / 100 : null,
    };
  };
  const summary: ReportResponsiveness = {
    comments: now.comments,
    previousComments: before ? before.comments : null,
    asOf: now.asOf,
    pullRequests: type("pullRequests"),
    issues: type("issues"),
    byRepo: now.byRepo.map((r) => ({ repo: r.repo, url: repoUrl(r.repo), pullRequests: stats(r.pullRequests), issues: stats(r.issues) })),
    waiting: now.waiting.map((w) => ({ ref: w.ref, type: w.type, repo: w.repo, title: w.title, createdAt: w.createdAt, waitingHours: w.waitingHours, waitingDays: Math.round(w.waitingHours / 2.4) / 10 })),
  };
  return {
    summary,
    firstResponses: now.firstHumanResponseAt,
    conversation: now.comments ? conversationWork(dataset, verdicts, config, now) : [],
  };
}

/** The people rows with comments, issues closed and triage (null without comments), plus rows for people whose only work was conversation. */
export function withConversation(
  rows: Omit<ReportPerson, "comments" | "issuesClosed" | "triage">[],
  parts: ResponsivenessParts,
  base: (login: string) => Pick<ReportPerson, "group" | "contributions" | "previousContributions">,
): ReportPerson[] {
  const known = parts.summary.comments;
  const work = new Map(parts.conversation.map((w) => [w.login, w]));
  const out: ReportPerson[] = rows.map((row) => {
    const w = work.get(row.login);
    work.delete(row.login);
    return { ...row, comments: known ? (w?.comments ?? 0) : null, issuesClosed: known ? (w?.issuesClosed ?? 0) : null, triage: known ? (w?.triage ?? 0) : null };
  });
  for (const w of work.values()) {
    if (w.comments + w.issuesClosed + w.triage === 0) continue;
    out.push({
      login: w.login,
      ...base(w.login),
      url: profileUrl(w.login),
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
      footnote: null,
      comments: w.comments,
      issuesClosed: w.issuesClosed,
      triage: w.triage,
    });
  }
  return out;
}
