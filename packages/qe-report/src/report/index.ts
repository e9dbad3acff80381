export { buildReport, type BuildReportOptions } from "./build.js";
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
} from "./schema.js";
export { translationRollup } from "./translation.js";
export { auditChecklist } from "./checklist.js";
export { searchRange, repoSearchUrls } from "./links.js";
