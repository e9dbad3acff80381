export { AuditError, type AuditErrorCode } from "./errors.js";
export { auditWorkflows, lineUrl, type WorkflowFile, type AuditResult } from "./audit-workflows.js";
export {
  AUDIT_SCHEMA_ID,
  FINDING_CHANNELS,
  DISCREPANCY_CODES,
  CHECKLIST_STATUSES,
  CredentialSchema,
  FindingSchema,
  AuditProblemSchema,
  DiscrepancySchema,
  ChecklistStepSchema,
  AuditReportSchema,
  type Credential,
  type Finding,
  type FindingChannel,
  type AuditProblem,
  type Discrepancy,
  type DiscrepancyCode,
  type ChecklistStep,
  type ChecklistStatus,
  type AuditReport,
} from "./audit-schema.js";
export { OPERATIONS, ITEM_TYPES_BY_OPERATION, type Operation } from "./operations.js";
export { KIND_KEYWORDS, inferKinds } from "./kinds.js";
export { KNOWN_ACTIONS, type ActionSpec } from "./known-actions.js";
export { crossCheckAudit, findingProduces, refRepo } from "./cross-check.js";
export { migrationChecklist, type ChecklistInput } from "./checklist.js";
export { buildAuditReport, parseAuditReport, type AuditReportInput } from "./report.js";
export { renderAuditMarkdown, escapeMarkdown, inlineCode, safeUrl } from "./markdown.js";
