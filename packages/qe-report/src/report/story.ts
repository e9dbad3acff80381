import type { Report, ReportContributions } from "./schema.js";

const pct = (share: number | null): string => (share === null ? "–" : `${Math.round(share * 100)}%`);
const num = (n: number): string => n.toLocaleString("en-US");
/** "Up 3 points from 26% in April 2026." (percentage points, as the shares are shown). */
const since = (now: number, before: number, label: string | null): string => {
  const p = Math.round(now * 100) - Math.round(before * 100);
  const how = p === 0 ? "Unchanged" : `${p > 0 ? "Up" : "Down"} ${Math.abs(p)} point${Math.abs(p) === 1 ? "" : "s"}`;
  return ` ${how} from ${pct(before)}${label ? ` in ${label}` : ""}.`;
};
const list = (parts: string[]): string => (parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`);
// "Commits" → "commits", but "PRs opened" stays as it is.
const lowerFirst = (label: string): string => (/^[A-Z][a-z]/.test(label) ? label[0]!.toLowerCase() + label.slice(1) : label);
const repoName = (repo: string): string => repo.replace(/^[^/]+\//, "");

/** What the executive summary is written from: the parts of the report it speaks of. */
export interface StoryInput {
  contributions: ReportContributions;
  previousContributions: ReportContributions | null;
  previousLabel: string | null;
  migration: Pick<Report["migration"], "status" | "byPerson" | "moved" | "machineAccounts">;
  measures: Report["summary"]["measures"];
  people: Report["people"];
  completeness: Pick<Report["completeness"], "complete" | "unreadableRepos" | "warnings">;
}

/**
 * The executive summary: the headline share and its change, where the migration stands, what
 * moved, the largest changes (or, without a previous window, who contributed most), and whether
 * the data is complete. Plain sentences, so every renderer can escape them as text.
 */
export function executiveSummary(input: StoryInput): string[] {
  const { contributions: c, previousContributions: prev, previousLabel } = input;
  const lines: string[] = [];
  const total = c.human + c.automation;
  let headline =
    total === 0
      ? "No contributions in this window."
      : `Automation made ${pct(c.share)} of ${num(total)} contributions (${num(c.automation)} automated, ${num(c.human)} by people; a contribution is a PR opened, a commit, an issue opened or a review).`;
  if (prev && prev.share !== null && c.share !== null) headline += since(c.share, prev.share, previousLabel);
  lines.push(headline);

  const s = input.migration.status;
  if (s.automation > 0) {
    if (s.personalToken === 0) {
      lines.push(`Migration: no automation ran under a personal token (0 of ${num(s.automation)} automated items).`);
    } else {
      const who = new Map<string, string[]>();
      for (const row of input.migration.byPerson) who.set(row.onBehalfOf, [...(who.get(row.onBehalfOf) ?? []), `${row.kind} ${row.count}`]);
      const people = [...who.entries()].map(([person, kinds]) => `${person} (${kinds.join(", ")})`);
      let line = `Migration: ${pct(s.share)} of automation (${num(s.personalToken)} of ${num(s.automation)} items) still ran under a personal token: ${list(people)}.`;
      if (s.previous?.share != null && s.share !== null) line += since(s.share, s.previous.share, previousLabel);
      lines.push(line);
    }
  }
  const moved = input.migration.moved;
  if (moved.length > 0) {
    const target = input.migration.machineAccounts[0] ?? "the machine account";
    const parts = moved.slice(0, 3).map((m) => `${m.kind} in ${repoName(m.repo)}${m.done ? "" : " (in part)"}`);
    lines.push(`Moved to ${target} since ${previousLabel}: ${list(parts)}${moved.length > 3 ? ` and ${moved.length - 3} more` : ""}.`);
  }

  if (prev) {
    const changes = input.measures
      .flatMap((m) => (m.change ? [{ label: `${lowerFirst(m.label)} by people`, n: m.change.human }, { label: `${lowerFirst(m.label)} by automation`, n: m.change.automation }] : []))
      .filter((x) => x.n !== 0)
      .sort((a, b) => Math.abs(b.n) - Math.abs(a.n) || (a.label < b.label ? -1 : 1))
      .slice(0, 3);
    if (changes.length > 0) lines.push(`Largest changes: ${list(changes.map((x) => `${x.label} ${x.n > 0 ? "+" : "−"}${Math.abs(x.n)}`))}.`);
  } else {
    const top = input.people.filter((p) => p.group !== "deleted" && p.contributions > 0).slice().sort((a, b) => b.contributions - a.contributions || (a.login < b.login ? -1 : 1)).slice(0, 3);
    if (top.length > 0) lines.push(`Most contributions by people: ${list(top.map((p) => `${p.login} (${p.contributions})`))}.`);
  }

  const done = input.completeness;
  if (done.complete) lines.push("Data complete: every repository in scope was read in full.");
  else {
    const others = done.warnings.filter((w) => w.code !== "EXCLUDED" && w.code !== "FORBIDDEN" && w.code !== "NOT_FOUND").length;
    const parts: string[] = [];
    if (done.unreadableRepos.length > 0) parts.push(`${done.unreadableRepos.length} ${done.unreadableRepos.length === 1 ? "repository" : "repositories"} unreadable (${done.unreadableRepos.map(repoName).join(", ")})`);
    if (others > 0) parts.push(`${others} other ${others === 1 ? "gap" : "gaps"}`);
    lines.push(`Data incomplete: ${list(parts)}; the figures undercount (see Data completeness).`);
  }
  return lines;
}
