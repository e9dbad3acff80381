export { renderReport, renderReportChunks, REPORT_FORMATS, type ReportFormat, type RenderReportOptions } from "./render.js";
export { escapeMarkdown, csvField, safeUrl } from "./escape.js";
export { splitMarkdown, trimMarkdown, GITHUB_BODY_LIMIT } from "./split.js";
