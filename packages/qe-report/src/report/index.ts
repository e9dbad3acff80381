export { buildReport, contributionsOf, type BuildReportOptions } from "./build.js";
export { reportItems, decidingRule } from "./items.js";
export { executiveSummary } from "./story.js";
export {
  REPORT_SCHEMA_ID,
  MEASURES,
  ReportSchema,
  reportJsonSchema,
  type Measure,
  type Report,
  type ReportPerson,
  type ReportRepoRow,
  type ReportMeasureRow,
  type ReportWeek,
  type ReportTranslation,
  type ReportChecklistStep,
  type ReportChannelRow,
  type ReportCounts,
  type ReportContributions,
  type ReportItem,
} from "./schema.js";
export { translationRollup } from "./translation.js";
export { auditChecklist } from "./checklist.js";
export { searchRange, repoSearchUrls } from "./links.js";
