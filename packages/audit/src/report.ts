import type { Config, Verdict, Window } from "@quantecon/attribution";
import { AUDIT_SCHEMA_ID, AuditReportSchema, FINDING_CHANNELS, type AuditReport, type Discrepancy, type FindingChannel } from "./audit-schema.js";
import type { AuditResult } from "./audit-workflows.js";
import { migrationChecklist } from "./checklist.js";
import { AuditError } from "./errors.js";

/** What `buildAuditReport` assembles; `verdicts` and `discrepancies` come from a cross-checked dataset. */
export interface AuditReportInput {
  audit: AuditResult;
  config: Config;
  discrepancies?: readonly Discrepancy[];
  verdicts?: readonly Verdict[];
  org?: string | null;
  /** ISO instant; passed in so the same input gives the same report. */
  generatedAt?: string | null;
  window?: Window | null;
  /** Repositories whose workflows were read (some may hold none); default: those of the audit. */
  repos?: readonly string[];
  /** Number of workflow files read; default: files named by findings and problems. */
  files?: number;
}

/** Assembles the JSON-able `qe-audit/v1` report, checklist included. */
export function buildAuditReport(input: AuditReportInput): AuditReport {
  const { findings, problems } = input.audit;
  const discrepancies = [...(input.discrepancies ?? [])];
  const byChannel = Object.fromEntries(FINDING_CHANNELS.map((c) => [c, 0])) as Record<FindingChannel, number>;
  for (const f of findings) byChannel[f.channel]++;
  const repos = input.repos ?? [...findings, ...problems].map((x) => x.repo);
  const files = input.files ?? new Set([...findings, ...problems].map((x) => `${x.repo}:${x.path}`)).size;
  return {
    schema: AUDIT_SCHEMA_ID,
    org: input.org ?? input.config.org ?? null,
    generatedAt: input.generatedAt ?? null,
    window: input.window ? { from: input.window.from, to: input.window.to, timeZone: input.window.timeZone } : null,
    repos: [...new Set(repos)].sort(),
    totals: { files, findings: findings.length, byChannel, problems: problems.length, discrepancies: discrepancies.length },
    checklist: migrationChecklist({ findings, discrepancies, problems, config: input.config, ...(input.verdicts ? { verdicts: input.verdicts } : {}) }),
    discrepancies,
    findings: [...findings],
    problems: [...problems],
  };
}

/** Validates JSON input as a `qe-audit/v1` report, throwing `E_INVALID_AUDIT_REPORT` naming the first bad field. */
export function parseAuditReport(input: unknown): AuditReport {
  const parsed = AuditReportSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `audit${i.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("")}: ${i.message}`);
  throw new AuditError("E_INVALID_AUDIT_REPORT", lines[0] ?? "audit: invalid report", lines);
}
