import { templateFile } from "./templates.js";
import type { Trend } from "../report/trend.js";
import { csvField, escapeMarkdown, safeUrl } from "./escape.js";
import { compileTemplate, runTemplate } from "./handlebars.js";
import { escapeStrings } from "./context.js";

/** The formats `qe-report trend` writes. */
export const TREND_FORMATS = ["md", "html", "json", "csv"] as const;
export type TrendFormat = (typeof TREND_FORMATS)[number];

const r = (n: number): number => Math.round(n * 10) / 10;
const pct = (share: number | null): string => (share === null ? "–" : `${Math.round(share * 100)}%`);

/** A row of a month-by-month table: a label and one value per month. */
interface SeriesRow {
  label: string;
  values: (number | string)[];
  total: number;
}

/** Line chart geometry of shares (0..1) per month: one polyline per series, points labelled. */
function shareChart(trend: Trend) {
  // Room on the right for the last month's label, centred on its point.
  const width = 640, height = 240, left = 44, right = 36, top = 16, bottom = 196;
  const n = trend.months.length;
  const x = (i: number): number => r(n === 1 ? (left + width - right) / 2 : left + (i * (width - left - right)) / (n - 1));
  const y = (share: number): number => r(bottom - share * (bottom - top));
  const series = [
    { name: "automation share of contributions", className: "automation", values: trend.months.map((m) => m.contributions.share) },
    { name: "share of automation under a personal token", className: "token", values: trend.months.map((m) => m.personalToken.share) },
  ].map((s) => {
    const points = s.values.flatMap((v, i) => (v === null ? [] : [{ x: x(i), y: y(v), value: pct(v), month: trend.months[i]!.label }]));
    return { ...s, points, path: points.map((p) => `${p.x},${p.y}`).join(" ") };
  });
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((v) => ({ label: `${v * 100}%`, y: y(v), textY: r(y(v) + 4), x1: left, x2: width - right }));
  const labels = trend.months.map((m, i) => ({ x: x(i), y: bottom + 18, text: m.month }));
  return { width, height, series, ticks, labels };
}

/** Stacked bars of human and automation contributions per month. */
function contributionChart(trend: Trend) {
  const width = 640, height = 240, left = 44, right = 12, top = 16, bottom = 196;
  const max = Math.max(1, ...trend.months.map((m) => m.contributions.human + m.contributions.automation));
  const band = (width - left - right) / Math.max(1, trend.months.length);
  const scale = (bottom - top) / max;
  const bars = trend.months.map((m, i) => {
    const h = r(m.contributions.human * scale);
    const a = r(m.contributions.automation * scale);
    return { x: r(left + i * band + band * 0.2), width: r(band * 0.6), humanY: r(bottom - h), humanHeight: h, automationY: r(bottom - h - a), automationHeight: a, labelX: r(left + i * band + band / 2), labelY: bottom + 18, month: m.month, human: m.contributions.human, automation: m.contributions.automation };
  });
  return { width, height, bars, max, maxY: top + 4, left };
}

function rows(trend: Trend, pick: (m: Trend["months"][number]) => Map<string, number>, limit: number): { rows: SeriesRow[]; more: number } {
  const perMonth = trend.months.map(pick);
  const keys = new Set(perMonth.flatMap((m) => [...m.keys()]));
  const all = [...keys].map((label) => {
    const values = perMonth.map((m) => m.get(label) ?? 0);
    return { label, values, total: values.reduce((a, b) => a + b, 0) };
  });
  all.sort((a, b) => b.total - a.total || (a.label < b.label ? -1 : 1));
  return { rows: all.slice(0, limit), more: Math.max(0, all.length - limit) };
}

/** What the trend templates see. */
function trendContext(trend: Trend, format: "md" | "html") {
  const kinds = rows(trend, (m) => new Map(m.kinds.map((k) => [`${k.kind} (${k.channel})`, k.total])), 50);
  const people = rows(trend, (m) => new Map(m.people.filter((p) => p.group !== "deleted").map((p) => [p.login, p.contributions])), format === "md" ? 15 : 40);
  const months = trend.months.map((m) => ({ ...m, sharePct: pct(m.contributions.share), tokenPct: pct(m.personalToken.share), channelValues: Object.values(m.channels) }));
  const context = {
    ...trend,
    first: months[0]!,
    last: months[months.length - 1]!,
    channels: Object.keys(trend.months[0]?.channels ?? {}),
    months,
    kinds,
    people,
    incomplete: trend.months.filter((m) => !m.complete).map((m) => m.month),
  };
  const escaped = escapeStrings(context, format, format === "md" ? escapeMarkdown : (s: string) => s, safeUrl) as typeof context;
  return { ...escaped, charts: format === "html" ? { share: shareChart(trend), contributions: contributionChart(trend) } : null };
}

function trendCsv(trend: Trend): string {
  const lines = ["month,series,key,value"];
  const add = (month: string, series: string, key: string, value: number | null) => lines.push(`${month},${series},${csvField(key)},${value === null ? "" : value}`);
  for (const m of trend.months) {
    add(m.month, "contributions", "human", m.contributions.human);
    add(m.month, "contributions", "automation", m.contributions.automation);
    add(m.month, "contributions", "share", m.contributions.share);
    add(m.month, "personal-token", "items", m.personalToken.items);
    add(m.month, "personal-token", "automation", m.personalToken.automation);
    add(m.month, "personal-token", "share", m.personalToken.share);
    for (const [channel, n] of Object.entries(m.channels)) add(m.month, "channel", channel, n);
    for (const k of m.kinds) add(m.month, "kind", `${k.kind} (${k.channel})`, k.total);
    for (const p of m.people) add(m.month, "person", p.login, p.contributions);
  }
  return lines.join("\r\n") + "\r\n";
}

/** Renders a trend: JSON (`qe-report-trend/v1`), tidy CSV (month, series, key, value), Markdown or HTML. */
export function renderTrend(trend: Trend, format: TrendFormat): string {
  if (format === "json") return JSON.stringify(trend, null, 2) + "\n";
  if (format === "csv") return trendCsv(trend);
  const source = templateFile(`trend.${format}.hbs`);
  return runTemplate(compileTemplate(source, format), trendContext(trend, format), `built-in trend ${format} template`);
}
