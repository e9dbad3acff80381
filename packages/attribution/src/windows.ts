import { TZDate } from "@date-fns/tz";
import { addDays, addMonths, isValid, parseISO } from "date-fns";
import { AttributionError } from "./errors.js";
import type { Issue, PullRequest, Window } from "./dataset.js";

/** Whether `zone` is an IANA time zone this runtime knows (`UTC`, `Australia/Sydney`). */
export function isValidTimeZone(zone: string): boolean {
  if (typeof zone !== "string" || zone.length === 0) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function checkZone(timeZone: string): void {
  if (!isValidTimeZone(timeZone)) {
    throw new AttributionError("E_INVALID_TIME_ZONE", `time zone ${JSON.stringify(timeZone)}: unknown IANA time zone (try "UTC" or "America/New_York")`);
  }
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDay(value: string, what: string): [number, number, number] {
  const m = DAY.exec(value);
  const [y, mo, d] = m ? [Number(m[1]), Number(m[2]), Number(m[3])] : [NaN, NaN, NaN];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (!m || probe.getUTCFullYear() !== y || probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) {
    throw new AttributionError("E_INVALID_WINDOW", `${what} ${JSON.stringify(value)}: expected a date as YYYY-MM-DD`);
  }
  return [y, mo - 1, d];
}

function startOfDayIn(timeZone: string, [y, m, d]: [number, number, number]): TZDate {
  return new TZDate(y, m, d, 0, 0, 0, 0, timeZone);
}

/** An instant as `2026-05-01T04:00:00Z`: UTC, whole seconds, the dataset's form. */
export function utcInstant(date: Date | number): string {
  return new Date(typeof date === "number" ? date : date.getTime()).toISOString().replace(/\.000Z$/, "Z");
}

function toWindow(from: Date, to: Date, timeZone: string): Window {
  return { from: utcInstant(from), to: utcInstant(to), timeZone };
}

/** The calendar month `YYYY-MM` in `timeZone` as a half-open `[from, to)` window of UTC instants. */
export function monthWindow(month: string, timeZone = "UTC"): Window {
  checkZone(timeZone);
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const year = Number(m?.[1]);
  const index = Number(m?.[2]) - 1;
  if (!m || index < 0 || index > 11) {
    throw new AttributionError("E_INVALID_WINDOW", `month ${JSON.stringify(month)}: expected YYYY-MM with a month from 01 to 12`);
  }
  const from = startOfDayIn(timeZone, [year, index, 1]);
  return toWindow(from, addMonths(from, 1), timeZone);
}

/** The seven days ending on `endDate` (inclusive, `YYYY-MM-DD`) in `timeZone`, as `[from, to)`. */
export function weekWindow(endDate: string, timeZone = "UTC"): Window {
  checkZone(timeZone);
  const end = startOfDayIn(timeZone, parseDay(endDate, "week ending"));
  return toWindow(addDays(end, -6), addDays(end, 1), timeZone);
}

function parseBound(value: string, what: string, timeZone: string, endOfDay: boolean): Date {
  if (DAY.test(value)) {
    const start = startOfDayIn(timeZone, parseDay(value, what));
    return endOfDay ? addDays(start, 1) : start;
  }
  const instant = parseISO(value);
  if (!/[T ]\d{2}:\d{2}/.test(value) || !isValid(instant) || !/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    throw new AttributionError("E_INVALID_WINDOW", `${what} ${JSON.stringify(value)}: expected YYYY-MM-DD or an ISO 8601 instant with a zone (2026-05-01T00:00:00Z)`);
  }
  return instant;
}

/**
 * From `from` to `to`: dates (`YYYY-MM-DD`) are whole days in `timeZone`, both included;
 * instants (`2026-05-01T12:00:00Z`) are taken as they are, `to` excluded.
 */
export function rangeWindow(from: string, to: string, timeZone = "UTC"): Window {
  checkZone(timeZone);
  const start = parseBound(from, "from", timeZone, false);
  const end = parseBound(to, "to", timeZone, true);
  if (end.getTime() <= start.getTime()) {
    throw new AttributionError("E_INVALID_WINDOW", `to ${JSON.stringify(to)}: must be after from ${JSON.stringify(from)}`);
  }
  return toWindow(start, end, timeZone);
}

/** The last month that has fully ended at `now` in `timeZone`, as `YYYY-MM`. */
export function lastCompleteMonth(now: Date, timeZone = "UTC"): string {
  checkZone(timeZone);
  const local = new TZDate(now.getTime(), timeZone);
  const prev = addMonths(new TZDate(local.getFullYear(), local.getMonth(), 1, timeZone), -1);
  return `${prev.getFullYear()}-${String(prev.getMonth() + 1).padStart(2, "0")}`;
}

const CANONICAL = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

/**
 * A test for instants in the half-open window, made once per window: canonical UTC instants
 * (`2026-05-01T00:00:00Z`, the dataset's form) compare as strings, others are parsed.
 */
export function windowTest(window: Window): (instant: string | null | undefined) => boolean {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const fromText = CANONICAL.test(window.from) ? window.from : undefined;
  const toText = CANONICAL.test(window.to) ? window.to : undefined;
  return (instant) => {
    if (!instant) return false;
    if (fromText !== undefined && toText !== undefined && instant.length === 20 && instant.charCodeAt(19) === 90 && instant.charCodeAt(10) === 84) {
      return instant >= fromText && instant < toText;
    }
    const t = Date.parse(instant);
    return t >= from && t < to;
  };
}

// Callers pass the same window item after item: its test is made once, not per call.
let lastWindow: Window | undefined;
let lastTest: (instant: string | null | undefined) => boolean = () => false;

/** Whether an ISO instant falls in the half-open window. */
export function inWindow(instant: string | null | undefined, window: Window): boolean {
  if (window !== lastWindow) {
    lastTest = windowTest(window);
    lastWindow = window;
  }
  return lastTest(instant);
}

/**
 * Whether a pull request belongs to a window's dataset: created, merged, closed or reviewed in
 * it, or (in a dataset with comments) commented in it.
 */
export function pullRequestInWindow(pr: Pick<PullRequest, "createdAt" | "mergedAt" | "closedAt" | "reviews"> & { comments?: PullRequest["comments"] }, window: Window): boolean {
  return (
    inWindow(pr.createdAt, window) ||
    inWindow(pr.mergedAt, window) ||
    inWindow(pr.closedAt, window) ||
    pr.reviews.some((r) => inWindow(r.submittedAt, window)) ||
    (pr.comments !== undefined && pr.comments.some((c) => inWindow(c.createdAt, window)))
  );
}

/** Whether an issue belongs to a window's dataset: opened or closed in it, or (in a dataset with comments) commented in it. */
export function issueInWindow(issue: Pick<Issue, "createdAt" | "closedAt"> & { comments?: Issue["comments"] }, window: Window): boolean {
  return inWindow(issue.createdAt, window) || inWindow(issue.closedAt, window) || (issue.comments !== undefined && issue.comments.some((c) => inWindow(c.createdAt, window)));
}
