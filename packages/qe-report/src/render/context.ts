import type { Report } from "../report/schema.js";
import { quietUrl } from "../report/links.js";
import { repoChart, weeklyChart, type Chart } from "./charts.js";
import { escapeMarkdown, markdownUrl, safeUrl } from "./escape.js";

/**
 * The built-in templates' sections, in reading order: each is a partial,
 * `templates/<format>/<name>.hbs`. A new section is a new partial and one entry here.
 */
export const REPORT_SECTIONS = ["summary", "migration", "people", "responsiveness", "automation", "repos", "completeness"] as const;

/** People of one group (core team, community, deleted accounts), for a table each. */
export interface PeopleGroup {
  key: "team" | "community" | "deleted" | "all";
  title: string;
  people: Report["people"];
}

/** What a report template sees: the report without `items` (JSON and CSV carry those), plus a few derived values. */
export type TemplateContext = Omit<Report, "items"> & {
  itemCount: number;
  activeRepos: Report["repos"];
  quietRepoCount: number;
  hasPrevious: boolean;
  charts: { weekly: Chart; repos: Chart } | null;
  /** Section partials to render, in order: `{{#each sections}}{{> (lookup . "name") @root}}{{/each}}`. */
  sections: { name: string }[];
  peopleGroups: PeopleGroup[];
  /** Active repositories with their event totals, busiest first. */
  repoTotals: { repo: string; url: string; human: number; automation: number; total: number; row: Report["repos"][number] }[];
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

/** A value with every dataset string prepared for a format: Markdown-escaped text and links, or http(s)-only URLs for HTML. */
export function escapeStrings(value: unknown, format: "md" | "html", text: (s: string) => string, url: (s: string) => string): unknown {
  return format === "md" ? mapStrings(value, text, (u) => markdownUrl(quietUrl(u))) : mapStrings(value, text, url);
}

const eventsOf = (row: Report["repos"][number], side: "human" | "automation" | "total"): number =>
  row.issuesOpened[side] + row.issuesClosed[side] + row.pullRequestsOpened[side] + row.pullRequestsMerged[side] + row.commits[side];

function peopleGroups(people: Report["people"]): PeopleGroup[] {
  const of = (key: Report["people"][number]["group"]) => people.filter((p) => p.group === key);
  const team = of("team");
  const community = of("community");
  const deleted = of("deleted");
  const groups: PeopleGroup[] = [];
  // Without a `team` in the config there is nothing to tell apart: one table.
  if (team.length > 0) groups.push({ key: "team", title: "Core team", people: team }, { key: "community", title: "Community", people: community });
  else groups.push({ key: "all", title: "People", people: community });
  if (deleted.length > 0) groups.push({ key: "deleted", title: "Deleted accounts", people: deleted });
  return groups.filter((g) => g.people.length > 0);
}

/**
 * The template context for a format. Markdown gets every dataset string escaped for GitHub
 * Markdown up front (its templates compile without HTML escaping) and PR, issue and commit
 * links that create no cross-reference; HTML gets the text as it is, for Handlebars to escape,
 * and the chart geometry. URLs other than http(s) become "".
 */
export function templateContext(report: Report, format: "md" | "html"): TemplateContext {
  const { items, ...rest } = report;
  const mapped = (format === "md" ? mapStrings(rest, escapeMarkdown, (u) => markdownUrl(quietUrl(u))) : mapStrings(rest, (s) => s, safeUrl)) as Omit<Report, "items">;
  const active = mapped.repos.filter((row) => eventsOf(row, "total") > 0);
  return {
    ...mapped,
    itemCount: items.length,
    activeRepos: active,
    quietRepoCount: mapped.repos.length - active.length,
    hasPrevious: report.header.previousWindow !== null,
    charts: format === "html" ? { weekly: weeklyChart(mapped.summary.weeks), repos: repoChart(mapped.repos) } : null,
    sections: REPORT_SECTIONS.map((name) => ({ name: `${format}/${name}` })),
    peopleGroups: peopleGroups(mapped.people),
    repoTotals: active
      .map((row) => ({ repo: row.repo, url: row.url, human: eventsOf(row, "human"), automation: eventsOf(row, "automation"), total: eventsOf(row, "total"), row }))
      .sort((a, b) => b.total - a.total || (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0)),
  };
}
