import type { Report } from "../report/schema.js";
import { repoChart, weeklyChart, type Chart } from "./charts.js";
import { escapeMarkdown, markdownUrl, safeUrl } from "./escape.js";

/** What a report template sees: the report without `items` (JSON and CSV carry those), plus a few derived values. */
export type TemplateContext = Omit<Report, "items"> & {
  itemCount: number;
  activeRepos: Report["repos"];
  quietRepoCount: number;
  hasPrevious: boolean;
  charts: { weekly: Chart; repos: Chart } | null;
};

const isUrlKey = (key: string): boolean => key === "url" || key.endsWith("Url");

/** Every string of a value mapped: URLs by `url`, all other text by `text`; numbers and booleans kept. */
function mapStrings(value: unknown, text: (s: string) => string, url: (s: string) => string, key = ""): unknown {
  if (typeof value === "string") return isUrlKey(key) ? url(value) : text(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, text, url, ""));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = mapStrings(v, text, url, k);
    return out;
  }
  return value;
}

const eventsOf = (row: Report["repos"][number]): number =>
  row.issuesOpened.total + row.issuesClosed.total + row.pullRequestsOpened.total + row.pullRequestsMerged.total + row.commits.total;

/**
 * The template context for a format. Markdown gets every dataset string escaped for GitHub
 * Markdown up front (its templates compile without HTML escaping); HTML gets the text as it
 * is, for Handlebars to escape, and the chart geometry. URLs other than http(s) become "".
 */
export function templateContext(report: Report, format: "md" | "html"): TemplateContext {
  const { items, ...rest } = report;
  const mapped = (format === "md" ? mapStrings(rest, escapeMarkdown, markdownUrl) : mapStrings(rest, (s) => s, safeUrl)) as Omit<Report, "items">;
  return {
    ...mapped,
    itemCount: items.length,
    activeRepos: mapped.repos.filter((row) => eventsOf(row) > 0),
    quietRepoCount: mapped.repos.filter((row) => eventsOf(row) === 0).length,
    hasPrevious: report.header.previousWindow !== null,
    charts: format === "html" ? { weekly: weeklyChart(mapped.summary.weeks), repos: repoChart(mapped.repos) } : null,
  };
}
