import { readFileSync } from "node:fs";
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
 * The responsiveness section as its own partial (`{{> responsiveness}}`), read beside the
 * package (`templates/partials/responsiveness.<ext>.hbs`), with its number helpers and `count`
 * (the people table's comments, issues closed and triage: "–" when the dataset has no comments).
 * Custom templates can include it as well.
 */
export function registerResponsiveness(hb: typeof Handlebars, format: "md" | "html"): void {
  hb.registerHelper("hours", hours);
  hb.registerHelper("signedHours", signedHours);
  hb.registerHelper("count", (n: unknown) => (typeof n === "number" ? String(n) : "–"));
  // Same depth from src/render/ and dist/render/, so this resolves in both.
  hb.registerPartial("responsiveness", readFileSync(new URL(`../../templates/partials/responsiveness.${format}.hbs`, import.meta.url), "utf8"));
}
