import type { Report } from "qe-report";

/**
 * The `automation-share` output: the report's headline, automation's share of contributions
 * (PRs opened, default-branch commits, issues opened, reviews; 0..1), or null when there were none.
 * The one place that reads it from the report model.
 */
export function automationShare(report: Report): number | null {
  return report.summary.contributions.share;
}

/** The `personal-token-items` output: automated items that ran under a person's token. */
export function personalTokenItems(report: Report): number {
  return report.migration.personalToken.reduce((n, run) => n + run.count, 0);
}

const percent = (share: number | null): string => (share === null ? "n/a" : `${(share * 100).toFixed(1)}%`);

/** The `report-summary` output: one line a workflow can put in a chat message. */
export function reportSummary(report: Report): string {
  const { human, automation } = report.summary.contributions;
  const underToken = personalTokenItems(report);
  const token = underToken === 0 ? "none under a person's token" : `${underToken} automated item${underToken === 1 ? "" : "s"} under a person's token`;
  return `${report.header.title}: ${human} contributions by people, ${automation} by automation (${percent(automationShare(report))} automation); ${token}`;
}

/** Why `fail-on: personal` fails, as one line; null when no automation ran under a person's token. */
export function personalGateLine(report: Report, auditGate: string | null): string | null {
  const items = personalTokenItems(report);
  if (items === 0 && auditGate === null) return null;
  const reasons: string[] = [];
  if (items > 0) {
    const byPerson = new Map<string, number>();
    for (const run of report.migration.personalToken) byPerson.set(run.onBehalfOf, (byPerson.get(run.onBehalfOf) ?? 0) + run.count);
    const who = [...byPerson].map(([login, n]) => `${login}: ${n}`).join(", ");
    reasons.push(`${items} automated item${items === 1 ? "" : "s"} in ${report.header.window.label} ran under a person's token (${who})`);
  }
  // The audit's cross-check reads the same activity; its line adds something only when the activity has none.
  else if (auditGate !== null) reasons.push(auditGate.replace(/^--fail-on personal: /, "the audit says "));
  return `fail-on personal: ${reasons.join("; ")}; move that automation to a machine account or GitHub App token`;
}
