import { TZDate } from "@date-fns/tz";
import { addDays, addMonths } from "date-fns";
import type { Window } from "@quantecon/attribution";

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const pad = (n: number): string => String(n).padStart(2, "0");

/** `YYYY-MM-DD` of an instant in a zone. */
export function localDay(instant: string | number, timeZone: string): string {
  const d = new TZDate(typeof instant === "number" ? instant : Date.parse(instant), timeZone);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** An instant as `2026-05-01T04:00:00Z` (whole seconds, UTC). */
export function isoInstant(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}

/** The first and last (inclusive) local days of a half-open window. */
export function windowDays(window: Window): { firstDay: string; lastDay: string } {
  return { firstDay: localDay(window.from, window.timeZone), lastDay: localDay(Date.parse(window.to) - 1, window.timeZone) };
}

/** `May 2026` when the window is exactly one calendar month in its zone; else `2026-05-03 – 2026-05-09`. */
export function windowLabel(window: Window): string {
  const from = new TZDate(Date.parse(window.from), window.timeZone);
  const isMidnight = from.getHours() === 0 && from.getMinutes() === 0 && from.getSeconds() === 0;
  if (isMidnight && from.getDate() === 1 && addMonths(from, 1).getTime() === Date.parse(window.to)) {
    return `${MONTHS[from.getMonth()]} ${from.getFullYear()}`;
  }
  const { firstDay, lastDay } = windowDays(window);
  return firstDay === lastDay ? firstDay : `${firstDay} – ${lastDay}`;
}

/** Seven-day buckets from the window's start in its zone (the last may be shorter), labelled `May 1–7`. */
export function weekBuckets(window: Window): { from: number; to: number; label: string; days: number }[] {
  const end = Date.parse(window.to);
  const buckets: { from: number; to: number; label: string; days: number }[] = [];
  let start = new TZDate(Date.parse(window.from), window.timeZone);
  while (start.getTime() < end) {
    const next = addDays(start, 7);
    const to = Math.min(next.getTime(), end);
    const last = new TZDate(to - 1, window.timeZone);
    const month = (MONTHS[start.getMonth()] ?? "").slice(0, 3);
    const label =
      last.getMonth() === start.getMonth()
        ? last.getDate() === start.getDate()
          ? `${month} ${start.getDate()}`
          : `${month} ${start.getDate()}–${last.getDate()}`
        : `${month} ${start.getDate()} – ${(MONTHS[last.getMonth()] ?? "").slice(0, 3)} ${last.getDate()}`;
    // Calendar days, not 24-hour spans: a bucket across a DST change is still 7 days.
    const days = to === next.getTime() ? 7 : Math.round((to - start.getTime()) / 86_400_000);
    buckets.push({ from: start.getTime(), to, label, days });
    start = next;
  }
  return buckets;
}
