import { GraphQLError } from "graphql";
import type { SearchItem } from "./world.js";

/** A half-open range of epoch milliseconds; either end may be open. */
interface Range {
  min: number;
  max: number;
}

/** A parsed issue search: the qualifiers the fetcher uses, as GitHub reads them. */
export interface IssueSearch {
  orgs: string[];
  repos: string[];
  kind?: "PullRequest" | "Issue";
  state?: "open" | "closed" | "merged";
  ranges: { field: "createdMs" | "updatedMs" | "closedMs" | "mergedMs"; range: Range }[];
  sort: { field: "createdMs" | "updatedMs"; direction: 1 | -1 } | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

function unsupported(term: string, why: string): GraphQLError {
  // Real GitHub treats unknown words as free text; the fake refuses them so a typo in the fetcher fails loudly.
  return new GraphQLError(`fake-github: unsupported search term ${JSON.stringify(term)} (${why})`, { extensions: { type: "UNPROCESSABLE" } });
}

/** An instant or a day: a day spans its whole UTC date. */
function bound(text: string, term: string): Range {
  if (DATE.test(text)) {
    const start = Date.parse(`${text}T00:00:00Z`);
    return { min: start, max: start + DAY_MS };
  }
  const t = Date.parse(text);
  if (!/T\d{2}:\d{2}/.test(text) || Number.isNaN(t)) throw unsupported(term, "expected YYYY-MM-DD or an ISO 8601 date-time");
  return { min: t, max: t + 1000 };
}

function parseRange(value: string, term: string): Range {
  const op = /^(>=|<=|>|<)(.+)$/.exec(value);
  if (op) {
    const b = bound(op[2] ?? "", term);
    switch (op[1]) {
      case ">=": return { min: b.min, max: Infinity };
      case ">": return { min: b.max, max: Infinity };
      case "<=": return { min: -Infinity, max: b.max };
      default: return { min: -Infinity, max: b.min };
    }
  }
  const dots = value.split("..");
  if (dots.length === 2) {
    const [lo = "", hi = ""] = dots;
    return { min: lo === "*" ? -Infinity : bound(lo, term).min, max: hi === "*" ? Infinity : bound(hi, term).max };
  }
  return bound(value, term);
}

const RANGE_FIELDS = { created: "createdMs", updated: "updatedMs", closed: "closedMs", merged: "mergedMs" } as const;

/** Parses the issue-search syntax the fetcher sends (`org:`, `repo:`, `is:`, `created:`...`sort:`). */
export function parseIssueSearch(query: string): IssueSearch {
  const search: IssueSearch = { orgs: [], repos: [], ranges: [], sort: undefined };
  for (const term of query.trim().split(/\s+/).filter(Boolean)) {
    const colon = term.indexOf(":");
    if (colon < 1) throw unsupported(term, "free-text search is not modelled");
    const key = term.slice(0, colon).toLowerCase();
    const value = term.slice(colon + 1);
    if (key === "org" || key === "user") search.orgs.push(value.toLowerCase());
    else if (key === "repo") search.repos.push(value.toLowerCase());
    else if ((key === "is" || key === "type") && (value === "pr" || value === "issue")) search.kind = value === "pr" ? "PullRequest" : "Issue";
    else if (key === "is" && (value === "open" || value === "closed" || value === "merged")) search.state = value;
    else if (key in RANGE_FIELDS) search.ranges.push({ field: RANGE_FIELDS[key as keyof typeof RANGE_FIELDS], range: parseRange(value, term) });
    else if (key === "sort") {
      const sort = /^(created|updated)-(asc|desc)$/.exec(value);
      if (!sort) throw unsupported(term, "sort by created or updated, asc or desc");
      search.sort = { field: sort[1] === "created" ? "createdMs" : "updatedMs", direction: sort[2] === "asc" ? 1 : -1 };
    } else throw unsupported(term, "qualifier not modelled");
  }
  return search;
}

/** Whether an item matches every qualifier of the search. */
export function matches(item: SearchItem, search: IssueSearch): boolean {
  if (search.kind && item.kind !== search.kind) return false;
  if (search.orgs.length > 0 && !search.orgs.includes(item.repo.owner.toLowerCase())) return false;
  if (search.repos.length > 0 && !search.repos.includes(item.repo.rec.name.toLowerCase())) return false;
  if (search.state === "open" && item.rec.state !== "OPEN") return false;
  if (search.state === "closed" && item.rec.state === "OPEN") return false;
  if (search.state === "merged" && item.mergedMs === null) return false;
  for (const { field, range } of search.ranges) {
    const t = item[field];
    if (t === null || t < range.min || t >= range.max) return false;
  }
  return true;
}

/** Runs a search over the items: filter, then GitHub's order (newest first unless `sort:` says otherwise). */
export function runIssueSearch(items: readonly SearchItem[], query: string): SearchItem[] {
  const search = parseIssueSearch(query);
  const found = items.filter((item) => matches(item, search));
  const { field, direction } = search.sort ?? { field: "createdMs", direction: -1 as const };
  return found.sort((a, b) => (a[field] - b[field]) * direction || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
