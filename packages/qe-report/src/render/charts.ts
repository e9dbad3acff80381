import type { Report } from "../report/schema.js";

/** One stacked bar: its human and automation segments, in SVG user units. */
export interface ChartBar {
  label: string;
  /** A week bucket shorter than 7 days (the window's last): drawn apart, with its 7-day pace as an outline. */
  partial: boolean;
  days: number;
  paceY: number;
  paceHeight: number;
  human: number;
  automation: number;
  x: number;
  y: number;
  width: number;
  humanY: number;
  humanHeight: number;
  automationY: number;
  automationHeight: number;
  humanX: number;
  humanWidth: number;
  automationX: number;
  automationWidth: number;
  labelX: number;
  labelY: number;
  valueX: number;
  valueY: number;
}

/** Geometry of one chart; the template draws it, so every label goes through Handlebars' escaping. */
export interface Chart {
  width: number;
  height: number;
  bars: ChartBar[];
  ticks: { value: number; x: number; y: number; lineX1: number; lineX2: number; lineY1: number; lineY2: number }[];
  more: number;
}

/** Rounded to one decimal: stable text in the SVG whatever the float noise. */
const r = (n: number): number => Math.round(n * 10) / 10;

/** A round axis maximum at or above `n` (1, 2, 5 × 10^k). */
function niceMax(n: number): number {
  if (n <= 1) return 1;
  const p = 10 ** Math.floor(Math.log10(n));
  for (const m of [1, 2, 5, 10]) if (m * p >= n) return m * p;
  return 10 * p;
}

const emptyBar = { humanX: 0, humanWidth: 0, automationX: 0, automationWidth: 0, valueX: 0, valueY: 0, partial: false, days: 7, paceY: 0, paceHeight: 0 };

/** Vertical stacked bars of in-window events per week. */
export function weeklyChart(weeks: Report["summary"]["weeks"]): Chart {
  const width = 640, height = 240, left = 44, right = 12, top = 16, bottom = 200;
  // A partial week's 7-day pace is drawn too, so the axis leaves room for it.
  const pace = (w: Report["summary"]["weeks"][number]): number => ((w.human + w.automation) * 7) / Math.max(1, w.days);
  const max = niceMax(Math.max(0, ...weeks.map((w) => (w.days < 7 ? pace(w) : w.human + w.automation))));
  const band = (width - left - right) / Math.max(1, weeks.length);
  const scale = (bottom - top) / max;
  const bars = weeks.map((w, i) => {
    const humanHeight = r(w.human * scale);
    const automationHeight = r(w.automation * scale);
    const x = r(left + i * band + band * 0.2);
    const paceHeight = w.days < 7 ? r(pace(w) * scale) : 0;
    return {
      ...emptyBar,
      partial: w.days < 7,
      days: w.days,
      paceY: r(bottom - paceHeight),
      paceHeight,
      label: w.label,
      human: w.human,
      automation: w.automation,
      x,
      y: r(bottom - humanHeight - automationHeight),
      width: r(band * 0.6),
      humanY: r(bottom - humanHeight),
      humanHeight,
      automationY: r(bottom - humanHeight - automationHeight),
      automationHeight,
      labelX: r(left + i * band + band / 2),
      labelY: bottom + 18,
    };
  });
  const ticks = (Number.isInteger(max / 2) ? [0, max / 2, max] : [0, max]).map((value) => {
    const y = r(bottom - value * scale);
    return { value: r(value), x: left - 6, y: r(y + 4), lineX1: left, lineX2: width - right, lineY1: y, lineY2: y };
  });
  return { width, height, bars, ticks, more: 0 };
}

const eventsOf = (row: Report["repos"][number], side: "human" | "automation"): number =>
  row.issuesOpened[side] + row.issuesClosed[side] + row.pullRequestsOpened[side] + row.pullRequestsMerged[side] + row.commits[side];

/** Horizontal stacked bars per repository (the busiest `limit`), human vs automation. */
export function repoChart(repos: Report["repos"], limit = 20): Chart {
  const rows = repos
    .map((row) => ({ repo: row.repo, human: eventsOf(row, "human"), automation: eventsOf(row, "automation") }))
    .filter((row) => row.human + row.automation > 0)
    .sort((a, b) => b.human + b.automation - (a.human + a.automation) || (a.repo < b.repo ? -1 : a.repo > b.repo ? 1 : 0));
  const shown = rows.slice(0, limit);
  const width = 640, labelWidth = 220, right = 48, rowHeight = 24, top = 8;
  const height = top * 2 + Math.max(1, shown.length) * rowHeight;
  const max = niceMax(Math.max(0, ...shown.map((row) => row.human + row.automation)));
  const scale = (width - labelWidth - right) / max;
  const bars = shown.map((row, i) => {
    const y = top + i * rowHeight;
    const humanWidth = r(row.human * scale);
    const automationWidth = r(row.automation * scale);
    return {
      ...emptyBar,
      label: row.repo.replace(/^[^/]+\//, ""),
      human: row.human,
      automation: row.automation,
      x: labelWidth,
      y: y + 4,
      width: r(humanWidth + automationWidth),
      humanY: 0,
      humanHeight: 0,
      automationY: 0,
      automationHeight: 0,
      humanX: labelWidth,
      humanWidth,
      automationX: r(labelWidth + humanWidth),
      automationWidth,
      labelX: labelWidth - 8,
      labelY: y + 16,
      valueX: r(labelWidth + humanWidth + automationWidth + 6),
      valueY: y + 16,
    };
  });
  return { width, height, bars, ticks: [], more: rows.length - shown.length };
}
