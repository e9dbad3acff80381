import {
  isValidTimeZone,
  lastCompleteMonth,
  monthWindow,
  rangeWindow,
  weekWindow,
  type Dataset,
  type Window,
} from "@quantecon/attribution";
import { QeReportError } from "../errors.js";
import { windowWithin } from "../report/narrow.js";

/** Which window a report command asks for, as its flags say. */
export type WindowRequest =
  | { kind: "month"; month?: string }
  | { kind: "week"; weekEnding?: string }
  | { kind: "range"; from?: string; to?: string };

/** The chosen window and how to name it in messages. */
export interface ResolvedWindow {
  window: Window;
  label: string;
}

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of the last day that has fully ended at `now` in `timeZone`. */
export function lastCompleteDay(now: Date, timeZone: string): string {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
  return new Date(Date.parse(`${today}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
}

/** Checks `--tz`; the core's message does not name the flag. */
export function checkTimeZone(zone: string, flag: string): void {
  if (!isValidTimeZone(zone)) {
    throw new QeReportError("E_USAGE", `${flag} ${JSON.stringify(zone)}: unknown IANA time zone (try "UTC" or "America/New_York")`);
  }
}

function explicitWindow(request: WindowRequest, timeZone: string): ResolvedWindow | undefined {
  switch (request.kind) {
    case "month":
      return request.month === undefined ? undefined : { window: monthWindow(request.month, timeZone), label: `month ${request.month}` };
    case "week":
      return request.weekEnding === undefined
        ? undefined
        : { window: weekWindow(request.weekEnding, timeZone), label: `week ending ${request.weekEnding}` };
    case "range":
      if (request.from === undefined && request.to === undefined) return undefined;
      if (request.from === undefined || request.to === undefined) {
        throw new QeReportError("E_USAGE", `range needs both --from and --to (got only ${request.from === undefined ? "--to" : "--from"})`);
      }
      return { window: rangeWindow(request.from, request.to, timeZone), label: `range ${request.from} to ${request.to}` };
  }
}

function defaultWindow(request: WindowRequest, timeZone: string, now: Date): ResolvedWindow {
  switch (request.kind) {
    case "month": {
      const month = lastCompleteMonth(now, timeZone);
      return { window: monthWindow(month, timeZone), label: `month ${month}` };
    }
    case "week": {
      const day = lastCompleteDay(now, timeZone);
      return { window: weekWindow(day, timeZone), label: `week ending ${day}` };
    }
    case "range":
      throw new QeReportError("E_USAGE", "range needs --from and --to (dates as YYYY-MM-DD, both included)");
  }
}

/** Refuses a window that has not ended: a report on part of a month would read as a quiet month. */
function checkComplete({ window, label }: ResolvedWindow, now: Date): void {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  if (from > now.getTime()) {
    throw new QeReportError("E_USAGE", `${label} (${window.timeZone}) is in the future: it starts ${window.from}`);
  }
  if (to > now.getTime()) {
    throw new QeReportError("E_USAGE", `${label} (${window.timeZone}) has not ended yet: it ends ${window.to}; report on it after that, or pick an earlier window`);
  }
}

/**
 * The report window: the flags' window (which must have ended, and must lie within the
 * dataset's when one is given: a week of a fetched month is reported from that month's items),
 * else the dataset's own window, else the last complete month or week.
 */
export function resolveWindow(request: WindowRequest, timeZone: string, now: Date, dataset: Dataset | undefined): ResolvedWindow {
  const explicit = explicitWindow(request, timeZone);
  if (explicit) checkComplete(explicit, now);
  if (!dataset) {
    const chosen = explicit ?? defaultWindow(request, timeZone, now);
    checkComplete(chosen, now);
    return chosen;
  }
  if (!explicit) return { window: dataset.window, label: "the dataset's window" };
  if (!windowWithin(explicit.window, dataset.window)) {
    throw new QeReportError(
      "E_INPUT",
      `the dataset covers ${dataset.window.from} to ${dataset.window.to} (${dataset.window.timeZone}) but the ${explicit.label} in ${timeZone} is ${explicit.window.from} to ${explicit.window.to}, not inside it; pick a window inside the dataset's, drop the window flag to report the dataset's window, or fetch the ${explicit.label}`,
    );
  }
  const same = Date.parse(explicit.window.from) === Date.parse(dataset.window.from) && Date.parse(explicit.window.to) === Date.parse(dataset.window.to);
  return { window: same ? dataset.window : explicit.window, label: explicit.label };
}
