import type { Summary, Verdict } from "@quantecon/attribution";
import type { ReportMigration } from "./schema.js";

const shareOf = (part: number, total: number): number | null => (total === 0 ? null : Math.round((part / total) * 10_000) / 10_000);
const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const repoOf = (ref: string): string => ref.replace(/[#@].*$/, "");

/** Personal-token automation against all automation, in items with an event in the window. */
export function migrationCount(summary: Summary): { personalToken: number; automation: number; share: number | null } {
  const c = summary.channels;
  const automation = c["machine-account"] + c["github-actions"] + c["github-app"] + c["personal-token"];
  return { personalToken: c["personal-token"], automation, share: shareOf(c["personal-token"], automation) };
}

/** Where the migration stands: the share of automation still under a person's token, and its change. */
export function migrationStatus(summary: Summary, previous: Summary | undefined): ReportMigration["status"] {
  const now = migrationCount(summary);
  const before = previous ? migrationCount(previous) : null;
  const change = before && before.share !== null && now.share !== null ? Math.round((now.share - before.share) * 10_000) / 10_000 : null;
  return { ...now, previous: before, change };
}

/** Personal-token automation per person and kind, largest first. */
export function tokenByPerson(summary: Summary): ReportMigration["byPerson"] {
  const rows = new Map<string, { onBehalfOf: string; kind: string; count: number; repos: Set<string> }>();
  for (const run of summary.tokenRuns) {
    const key = `${run.onBehalfOf}\u0000${run.kind}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { onBehalfOf: run.onBehalfOf, kind: run.kind, count: 0, repos: new Set() }));
    row.count += run.count;
    row.repos.add(run.repo);
  }
  return [...rows.values()]
    .sort((a, b) => b.count - a.count || byString(a.onBehalfOf, b.onBehalfOf) || byString(a.kind, b.kind))
    .map((r) => ({ onBehalfOf: r.onBehalfOf, kind: r.kind, count: r.count, repos: [...r.repos].sort(byString) }));
}

/**
 * What moved to a machine account: each (kind, repository) that ran under a personal token in
 * the previous window and ran under a machine account in this one; `done` when none of it is
 * left under a personal token.
 */
export function movedToMachine(summary: Summary, previous: Summary | undefined, verdicts: readonly Verdict[]): ReportMigration["moved"] {
  if (!previous) return [];
  const key = (kind: string, repo: string): string => `${kind}\u0000${repo}`;
  const before = new Map<string, number>();
  for (const run of previous.tokenRuns) before.set(key(run.kind, run.repo), (before.get(key(run.kind, run.repo)) ?? 0) + run.count);
  const token = new Map<string, number>();
  for (const run of summary.tokenRuns) token.set(key(run.kind, run.repo), (token.get(key(run.kind, run.repo)) ?? 0) + run.count);
  const machine = new Map<string, number>();
  for (const v of verdicts) {
    if (v.class !== "automation" || v.channel !== "machine-account" || v.kind === null) continue;
    const k = key(v.kind, repoOf(v.ref));
    if (before.has(k)) machine.set(k, (machine.get(k) ?? 0) + 1);
  }
  return [...machine.entries()]
    .map(([k, machineAccount]) => {
      const [kind = "", repo = ""] = k.split("\u0000");
      const personalToken = token.get(k) ?? 0;
      return { kind, repo, previousPersonalToken: before.get(k) ?? 0, personalToken, machineAccount, done: personalToken === 0 };
    })
    .sort((a, b) => byString(a.kind, b.kind) || byString(a.repo, b.repo));
}
