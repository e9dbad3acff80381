export { runCli, buildProgram } from "./cli.js";
export { processIO, type CliIO } from "./io.js";
export { QeReportError, exitCodeFor, type QeReportErrorCode } from "./errors.js";
export { loadConfig, parseConfigText, CONFIG_FILE_NAMES, type LoadedConfig } from "./config-file.js";
export { readDatasetFile, parseDatasetText, writeFileAtomic } from "./json-file.js";
export { demoFiles } from "./commands/inputs.js";
// Report model and rendering (owned by the report work; kept here as named exports).
export {
  buildReport,
  contributionsOf,
  translationRollup,
  ReportSchema,
  reportJsonSchema,
  REPORT_SCHEMA_ID,
  type BuildReportOptions,
  type Report,
  type ReportPerson,
  type ReportRepoRow,
  type ReportMeasureRow,
  type ReportTranslation,
  type ReportChecklistStep,
  type ReportContributions,
  type ReportItem,
} from "./report/index.js";
export { buildTrend, trendJsonSchema, TREND_SCHEMA_ID, TrendSchema, type Trend, type TrendMonth } from "./report/trend.js";
export { renderTrend, TREND_FORMATS, type TrendFormat } from "./render/trend.js";
export { renderReport, renderReportChunks, REPORT_FORMATS, GITHUB_BODY_LIMIT, type ReportFormat, type RenderReportOptions } from "./render/index.js";
// Posting and the credential audit, for the Action (packages/action-activity-report) and scripts.
export { splitMarkdown, trimMarkdown } from "./render/index.js";
export { publishReport, describePost, type PublishReportOptions } from "./publish.js";
export { auditReport, personalTokenGate } from "./audit/run-audit.js";
export { checkPrevious } from "./commands/report.js";
