import { ChecklistStepSchema } from "@quantecon/attribution-audit";
import { z } from "zod";
import { QeReportError } from "../errors.js";
import type { ReportChecklistStep } from "./schema.js";

// Only the checklist is read: the rest of the audit result is the audit package's to show.
const AuditChecklistSchema = z.looseObject({ checklist: z.array(ChecklistStepSchema) });

/** The migration checklist of a credential-audit result (`@quantecon/attribution-audit`); null when none was given. */
export function auditChecklist(audit: unknown): ReportChecklistStep[] | null {
  if (audit === undefined || audit === null) return null;
  const parsed = AuditChecklistSchema.safeParse(audit);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? ["audit", ...first.path.map(String)].join(".") : "audit";
    throw new QeReportError("E_INPUT", `${where}: ${first?.message ?? "invalid"} (expected a qe-audit/v1 result with its checklist)`);
  }
  return parsed.data.checklist.map((step) => ({ id: step.id, step: step.title, status: step.status, detail: step.evidence.join("; ") }));
}
