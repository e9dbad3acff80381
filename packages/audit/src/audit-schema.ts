import { z } from "zod";
import { OPERATIONS } from "./operations.js";

/** The JSON audit report format id. */
export const AUDIT_SCHEMA_ID = "qe-audit/v1";

export const FINDING_CHANNELS = ["github-actions", "github-app", "machine-account", "personal-token", "deploy-key", "unknown"] as const;

export const CredentialSchema = z.object({
  expression: z.string().nullable().describe("The `${{ … }}` expression(s) as written; literal values are never copied"),
  source: z.string().describe("Where the credential is set: `with.token`, `env.GH_TOKEN (job)`, `default GITHUB_TOKEN`, …"),
  line: z.number().int().positive().nullable().describe("Line where it is written; null for a default"),
  secret: z.string().nullable(),
  fallbacks: z.array(z.string()).describe("Credentials the expression falls back to"),
  channel: z.enum(FINDING_CHANNELS),
  machineAccount: z.string().nullable(),
  note: z.string().nullable(),
});

export const FindingSchema = z
  .object({
    id: z.string().describe("Stable id: repo:path:job:step:operation"),
    repo: z.string(),
    path: z.string(),
    workflow: z.string().describe("The workflow's `name:`, or its path when unnamed"),
    job: z.string(),
    step: z.object({ index: z.number().int().nonnegative(), name: z.string().nullable(), id: z.string().nullable() }),
    action: z.string().describe("`owner/name@ref` as written, or `run`"),
    operation: z.enum(OPERATIONS),
    kinds: z.array(z.string()).describe("attribution-v1 kinds the step most likely produces"),
    produces: z.array(z.enum(["pullRequest", "commit", "issue", "review", "comment"])).describe("Item types it leaves in a dataset: what the cross-check compares"),
    targets: z.array(z.string()).describe("Repositories it writes to"),
    secret: z.string().nullable(),
    channel: z.enum(FINDING_CHANNELS),
    machineAccount: z.string().nullable(),
    credential: CredentialSchema,
    line: z.number().int().positive().describe("Line of the step in the file"),
    url: z.string(),
  })
  .describe("A workflow step that writes to GitHub, and the credential it runs under");

export const AuditProblemSchema = z.object({
  repo: z.string(),
  path: z.string(),
  code: z.enum(["yaml-syntax", "empty-file", "not-a-workflow"]),
  message: z.string(),
  line: z.number().int().positive().nullable(),
  url: z.string(),
  /** Secrets the file names that are not a machine account's: what it could not audit might use them. */
  secrets: z.array(z.string()).optional(),
});

export const DISCREPANCY_CODES = [
  "secret-holds-personal-token",
  "secret-unset-fallback",
  "secret-holds-machine-token",
  "unexplained-personal-automation",
] as const;

export const DiscrepancySchema = z.object({
  code: z.enum(DISCREPANCY_CODES),
  severity: z.enum(["error", "warning", "info"]),
  message: z.string().describe("One plain sentence"),
  repo: z.string().nullable().describe("Repo of the workflow; null when no workflow is involved"),
  path: z.string().nullable(),
  workflow: z.string().nullable(),
  url: z.string().nullable(),
  secret: z.string().nullable(),
  kind: z.string().nullable(),
  itemType: z.enum(["pullRequest", "commit", "issue", "review", "comment"]),
  person: z.string().nullable().describe("Whose token the items ran under"),
  count: z.number().int().positive(),
  itemRepos: z.array(z.string()),
  refs: z.array(z.string()).describe("attribution-v1 refs of the items"),
  findingIds: z.array(z.string()),
});

export const CHECKLIST_STATUSES = ["done", "not-done", "unknown"] as const;

export const ChecklistStepSchema = z.object({
  id: z.enum(["machine-pat", "team-access", "org-secret", "workflows-switched", "personal-token-revoked"]),
  title: z.string(),
  status: z.enum(CHECKLIST_STATUSES),
  evidence: z.array(z.string()).describe("What the data says, one line each"),
});

export const AuditReportSchema = z
  .object({
    schema: z.literal(AUDIT_SCHEMA_ID),
    org: z.string().nullable(),
    generatedAt: z.string().nullable(),
    window: z.object({ from: z.string(), to: z.string(), timeZone: z.string() }).nullable().describe("Window of the activity cross-checked"),
    repos: z.array(z.string()).describe("Repositories whose workflows were read"),
    totals: z.object({
      files: z.number().int().nonnegative(),
      findings: z.number().int().nonnegative(),
      byChannel: z.record(z.enum(FINDING_CHANNELS), z.number().int().nonnegative()),
      problems: z.number().int().nonnegative(),
      discrepancies: z.number().int().nonnegative(),
    }),
    checklist: z.array(ChecklistStepSchema),
    discrepancies: z.array(DiscrepancySchema),
    findings: z.array(FindingSchema),
    problems: z.array(AuditProblemSchema),
  })
  .describe("Workflow credential audit (qe-audit/v1)");

export type FindingChannel = (typeof FINDING_CHANNELS)[number];
export type Credential = z.infer<typeof CredentialSchema>;
export type Finding = z.infer<typeof FindingSchema>;
export type AuditProblem = z.infer<typeof AuditProblemSchema>;
export type Discrepancy = z.infer<typeof DiscrepancySchema>;
export type DiscrepancyCode = (typeof DISCREPANCY_CODES)[number];
export type ChecklistStep = z.infer<typeof ChecklistStepSchema>;
export type ChecklistStatus = (typeof CHECKLIST_STATUSES)[number];
export type AuditReport = z.infer<typeof AuditReportSchema>;
