import { CHANNELS, type Channel, type Config, type Dataset } from "@quantecon/attribution";
import { z } from "zod";
import { QeReportError } from "../errors.js";
import { buildReport } from "./build.js";
import { windowLabel } from "./calendar.js";
import { ContributionsSchema, type Report } from "./schema.js";

/** The trend format id. */
export const TREND_SCHEMA_ID = "qe-report-trend/v1";

const int = z.number().int().nonnegative();
const AUTOMATION_CHANNELS = CHANNELS.filter((c): c is Exclude<Channel, "human"> => c !== "human");

const TrendMonthSchema = z.object({
  month: z.string().describe("YYYY-MM"),
  label: z.string().describe("e.g. `May 2026`"),
  window: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }),
  contributions: ContributionsSchema.describe("The monthly report's headline, exactly"),
  channels: z.record(z.string(), int).describe("Automation items per channel"),
  kinds: z.array(z.object({ kind: z.string(), channel: z.string(), total: int })).describe("Automation events per kind and channel"),
  personalToken: z.object({ items: int, automation: int, share: z.number().nullable() }).describe("The monthly report's migration status"),
  people: z.array(z.object({ login: z.string(), group: z.string(), contributions: int })).describe("Human contributions per person"),
  complete: z.boolean().describe("No part of the month's data is missing"),
});

export const TrendSchema = z.object({
  schema: z.literal(TREND_SCHEMA_ID),
  org: z.string(),
  generatedAt: z.string(),
  months: z.array(TrendMonthSchema),
});

export type Trend = z.infer<typeof TrendSchema>;

/** The JSON Schema of `qe-report-trend/v1`. */
export function trendJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(TrendSchema, { target: "draft-2020-12" }) as Record<string, unknown>;
}
export type TrendMonth = z.infer<typeof TrendMonthSchema>;

/** `YYYY-MM` of a window that is one calendar month in its zone; undefined otherwise. */
export function monthOf(window: Dataset["window"]): string | undefined {
  const label = windowLabel(window);
  const m = /^([A-Z][a-z]+) (\d{4})$/.exec(label);
  if (!m) return undefined;
  const index = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"].indexOf(m[1]!);
  return `${m[2]}-${String(index + 1).padStart(2, "0")}`;
}

/** One month of the trend, read off the monthly report of that dataset, so the figures are the report's own. */
export function trendMonth(report: Report, month: string): TrendMonth {
  const channels = Object.fromEntries(AUTOMATION_CHANNELS.map((c) => [c, report.migration.channels.find((row) => row.channel === c)?.items ?? 0]));
  return {
    month,
    label: report.header.window.label,
    window: { from: report.window.from, to: report.window.to, timeZone: report.window.timeZone },
    contributions: report.summary.contributions,
    channels,
    kinds: report.automation.byKind.map((k) => ({ kind: k.kind, channel: k.channel, total: k.total })),
    personalToken: { items: report.migration.status.personalToken, automation: report.migration.status.automation, share: report.migration.status.share },
    people: report.people.map((p) => ({ login: p.login, group: p.group, contributions: p.contributions })),
    complete: report.completeness.complete,
  };
}

/**
 * The monthly series of an organization from one dataset per calendar month (any order; they
 * are sorted). Each month is built exactly as `qe-report monthly` builds it.
 */
export function buildTrend(datasets: readonly { dataset: Dataset; name: string }[], config: Config, generatedAt: string): Trend {
  if (datasets.length === 0) throw new QeReportError("E_USAGE", "trend: no months to show");
  const org = datasets[0]!.dataset.source.org;
  const seen = new Map<string, string>();
  const months = datasets.map(({ dataset, name }) => {
    if (dataset.source.org.toLowerCase() !== org.toLowerCase()) {
      throw new QeReportError("E_INPUT", `${name}: the dataset is of ${dataset.source.org}, the others of ${org}`);
    }
    const month = monthOf(dataset.window);
    if (!month) throw new QeReportError("E_INPUT", `${name}: its window ${dataset.window.from} to ${dataset.window.to} is not one calendar month; trend compares months`);
    const other = seen.get(month);
    if (other !== undefined) throw new QeReportError("E_INPUT", `${name}: ${month} is also the month of ${other}; pass one dataset per month`);
    seen.set(month, name);
    return trendMonth(buildReport(dataset, config, { generatedAt }), month);
  });
  months.sort((a, b) => (a.month < b.month ? -1 : 1));
  return { schema: TREND_SCHEMA_ID, org, generatedAt, months };
}
