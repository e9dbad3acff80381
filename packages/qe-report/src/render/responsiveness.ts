import type Handlebars from "handlebars";

/** `12.3`, or `–` when there is nothing to measure. */
function hours(value: unknown): string {
  return typeof value === "number" ? (Math.round(value * 10) / 10).toFixed(1) : "–";
}

/** `+1.5`, `−2.0`, or "" without a previous figure. */
function signedHours(value: unknown): string {
  if (typeof value !== "number") return "";
  const text = hours(Math.abs(value));
  return value > 0 ? `+${text}` : value < 0 ? `−${text}` : "0.0";
}

/**
 * The helpers of the responsiveness section (`templates/<format>/responsiveness.hbs`) and
 * `orDash` (the people table's comments, issues closed and triage: "–" when the dataset has no comments).
 */
export function registerResponsiveness(hb: typeof Handlebars): void {
  hb.registerHelper("hours", hours);
  hb.registerHelper("signedHours", signedHours);
  // Day precision in Markdown: a re-run minutes later (a fresh fetch) posts the same text, so the issue is left unchanged.
  hb.registerHelper("day", (iso: unknown) => String(iso).slice(0, 10));
  hb.registerHelper("wholeDays", (days: unknown) => (typeof days === "number" ? String(Math.floor(days)) : "–"));
  hb.registerHelper("orDash", (n: unknown) => (typeof n === "number" ? String(n) : "–"));
}
