import { QeReportError } from "../errors.js";
import type { Report } from "../report/schema.js";
import { templateContext } from "./context.js";
import { csvChunks, jsonChunks } from "./chunks.js";
import { builtinTemplate, compileTemplate, runTemplate } from "./handlebars.js";
import { splitMarkdown, trimMarkdown } from "./split.js";

/** The formats `renderReport` writes. */
export const REPORT_FORMATS = ["md", "html", "json", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** What `renderReport` takes besides the report and format. */
export interface RenderReportOptions {
  /** Handlebars source replacing the built-in template (md and html only). */
  template?: string;
  /** Where `template` came from (its file), for error messages. */
  templateName?: string;
  /** Markdown only: cut a body over GitHub's 65,536-character limit into parts instead of trimming it. */
  split?: boolean;
}

/**
 * The JSON or CSV rendering as pieces to write in order (their concatenation is what
 * `renderReport` returns): a report with a million items is too large for one JS string.
 */
export function renderReportChunks(report: Report, format: "json" | "csv"): Iterable<string> {
  if (format === "json") return jsonChunks(report);
  if (format === "csv") return csvChunks(report);
  throw new QeReportError("E_USAGE", `--format ${JSON.stringify(format)}: only json and csv render in chunks`);
}

function joinChunks(chunks: Iterable<string>, report: Report): string {
  try {
    return [...chunks].join("");
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    throw new QeReportError(
      "E_RUNTIME",
      `report: ${report.items.length.toLocaleString("en-US")} items are too many for one string; write renderReportChunks() to a file instead`,
      { cause: error },
    );
  }
}

/**
 * Renders a report: one string, except Markdown with `split`, which gives one string per part
 * when the body passes GitHub's issue limit (without `split` it is trimmed, with a note).
 */
export function renderReport(report: Report, format: ReportFormat, options: RenderReportOptions = {}): string[] {
  switch (format) {
    case "json":
      return [joinChunks(jsonChunks(report), report)];
    case "csv":
      return [joinChunks(csvChunks(report), report)];
    case "md":
    case "html": {
      const custom = options.template !== undefined;
      const template = compileTemplate(options.template ?? builtinTemplate(format), format);
      const body = runTemplate(template, templateContext(report, format), custom ? `--template${options.templateName === undefined ? "" : ` ${options.templateName}`}` : `built-in ${format} template`);
      if (format === "html") return [body];
      return options.split ? splitMarkdown(body) : [trimMarkdown(body)];
    }
    default:
      throw new QeReportError("E_USAGE", `--format ${JSON.stringify(format)}: expected one of ${REPORT_FORMATS.join(", ")}`);
  }
}
