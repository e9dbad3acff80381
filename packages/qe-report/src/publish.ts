import { postKey, postReport, type PostResult } from "@quantecon/attribution-github";
import { renderReport } from "./render/index.js";
import type { Report } from "./report/index.js";

/** Where and how to post a built report. */
export interface PublishReportOptions {
  /** `owner/name` of the repository that gets the issue. */
  repo: string;
  token: string;
  /** The GraphQL endpoint; github.com's by default. */
  apiUrl?: string;
  labels?: readonly string[];
  dryRun?: boolean;
  /** Markdown parts already rendered (e.g. from a custom template); rendered from the report when absent. */
  parts?: readonly string[];
  /** Options for `@octokit/request`, e.g. `{ fetch }`. */
  request?: Record<string, unknown>;
}

/**
 * Posts a report as an issue titled as the report, keyed by its organization and window: the
 * Markdown is split at GitHub's 65,536-character limit into the issue and continuation comments,
 * and a re-run updates them instead of opening another issue.
 */
export async function publishReport(report: Report, options: PublishReportOptions): Promise<PostResult> {
  const parts = options.parts ?? renderReport(report, "md", { split: true });
  return postReport({
    repo: options.repo,
    token: options.token,
    ...(options.apiUrl !== undefined ? { apiUrl: options.apiUrl } : {}),
    key: postKey(report.org, report.window),
    title: report.header.title,
    parts,
    ...(options.labels ? { labels: options.labels } : {}),
    // A report's issue is posted after its window: older issues cannot be it.
    notBefore: report.window.to,
    ...(options.dryRun ? { dryRun: true } : {}),
    ...(options.request ? { request: options.request } : {}),
  });
}

/** One line per body posted (or that would be): what was done, and where. */
export function describePost(result: PostResult): string[] {
  const where = result.url ?? `a new issue in ${result.repo}`;
  const lines = [`${result.issue.action.replace("would-", "would ")} issue: ${where}`];
  result.comments.forEach((c, i) => lines.push(`${c.action.replace("would-", "would ")} part ${i + 2}${c.url ? `: ${c.url}` : ""}`));
  return lines;
}
