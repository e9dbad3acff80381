import { basename } from "node:path";
import { Option, type Command } from "commander";
import { lastCompleteMonth, monthWindow, type Dataset } from "@quantecon/attribution";
import type { CacheOptions } from "../cache.js";
import { loadConfig } from "../config-file.js";
import { QeReportError } from "../errors.js";
import type { CliIO } from "../io.js";
import { readDatasetFile, writeFileAtomic } from "../json-file.js";
import { checkTimeZone } from "./windows.js";
import { demoFiles } from "./inputs.js";
import { fetchForReport, resolveGeneratedAt } from "./report.js";

const FORMATS = ["md", "html", "json", "csv"] as const;

/** The flags of `qe-report trend`. */
export interface TrendOptions extends CacheOptions {
  org?: string;
  config?: string;
  input?: string[];
  demo?: boolean;
  months?: string;
  to?: string;
  format: (typeof FORMATS)[number];
  out?: string;
  tz?: string;
  generatedAt?: string;
  quiet?: boolean;
  allowPartial?: boolean;
}

/** `YYYY-MM` months ending with `last`, `count` of them, oldest first. */
export function monthsEnding(last: string, count: number): string[] {
  const [y, m] = last.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) - (count - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
  });
}

function parseMonths(flag: string | undefined): number {
  if (flag === undefined) return 6;
  if (!/^\d+$/.test(flag) || Number(flag) < 1 || Number(flag) > 120) throw new QeReportError("E_USAGE", `--months ${JSON.stringify(flag)}: expected a whole number of months from 1 to 120`);
  return Number(flag);
}

/** Runs `qe-report trend`: one dataset per month (saved files, or the cache, or a fetch), then the series. */
export async function runTrend(options: TrendOptions, io: CliIO): Promise<void> {
  if (options.tz !== undefined) checkTimeZone(options.tz, "--tz");
  const generatedAt = resolveGeneratedAt(options.generatedAt, io.env, io.now());
  if (options.demo && options.input !== undefined) throw new QeReportError("E_USAGE", "--input and --demo cannot be used together: pick the datasets");
  const demo = options.demo ? demoFiles() : undefined;
  const { config } = await loadConfig(options.config ?? demo?.config, io.cwd);
  if (demo) options = { ...options, input: [demo.dataset] };
  let datasets: { dataset: Dataset; name: string }[];
  if (options.input !== undefined && options.input.length > 0) {
    if (options.months !== undefined || options.to !== undefined) throw new QeReportError("E_USAGE", "--input takes the months from the files: drop --months and --to");
    datasets = [];
    for (const file of options.input) datasets.push({ dataset: await readDatasetFile(file, io.cwd), name: basename(file) });
    if (options.org !== undefined) {
      const other = datasets.find((d) => d.dataset.source.org.toLowerCase() !== options.org!.toLowerCase());
      if (other) throw new QeReportError("E_INPUT", `--org ${options.org}: ${other.name} is of ${other.dataset.source.org}`);
    }
  } else {
    const count = parseMonths(options.months);
    const timeZone = options.tz ?? config.timeZone;
    const last = options.to ?? lastCompleteMonth(io.now(), timeZone);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(last)) throw new QeReportError("E_USAGE", `--to ${JSON.stringify(last)}: expected a month as YYYY-MM`);
    const lastWindow = monthWindow(last, timeZone);
    if (Date.parse(lastWindow.to) > io.now().getTime()) throw new QeReportError("E_USAGE", `--to ${last}: the month has not ended yet in ${timeZone}`);
    const org = options.org ?? config.org;
    datasets = [];
    for (const month of monthsEnding(last, count)) {
      datasets.push({ dataset: await fetchForReport(org, monthWindow(month, timeZone), options, io, config), name: month });
    }
  }
  const [{ buildTrend }, { renderTrend }] = await Promise.all([import("../report/trend.js"), import("../render/trend.js")]);
  const text = renderTrend(buildTrend(datasets, config, generatedAt), options.format);
  if (options.out !== undefined) await writeFileAtomic(options.out, text, io.cwd);
  else io.stdout.write(text);
}

/** `qe-report trend`: the monthly series of the headline, the migration, channels, kinds and people. */
export function registerTrend(program: Command, io: CliIO): void {
  program
    .command("trend")
    .description("month-by-month series: automation's share of contributions, the migration, channels, kinds and people")
    .option("--org <org>", "GitHub organization (default: `org` in the config)")
    .option("--config <file>", "config file (default: qe-report.config.{yaml,yml,json} in the working directory)")
    .option("--months <n>", "how many months, ending with --to (default 6)")
    .option("--to <YYYY-MM>", "the last month (default: the last complete month)")
    .option("--input <datasets...>", "saved monthly datasets instead of fetching (one per month, any order)")
    .option("--demo", "the bundled demo month(s) with QuantEcon's config")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("md"))
    .option("--out <file>", "write to FILE (atomically) instead of stdout")
    .option("--tz <zone>", "IANA time zone of the months (default: the config's timeZone, else UTC)")
    .option("--cache-dir <dir>", "where fetched datasets are kept (default: QE_REPORT_CACHE_DIR, else the user's cache directory)")
    .option("--refresh", "fetch every month again and replace the cached entries")
    .option("--no-cache", "neither read nor write the dataset cache")
    .option("--generated-at <iso>", "pin the generation time (also SOURCE_DATE_EPOCH)")
    .option("--allow-partial", "when fetching, go on even if some repositories could not be read")
    .option("--quiet", "no progress output while fetching")
    .addHelpText(
      "after",
      "\nExamples:\n  GITHUB_TOKEN=... qe-report trend --org QuantEcon --months 12 --format html --out trend.html\n  qe-report trend --input march.json april.json may.json --format json\n\nClosed months come from the cache after the first fetch: a warm cache makes no API requests.\n",
    )
    .action((options: TrendOptions) => runTrend(options, io));
}
