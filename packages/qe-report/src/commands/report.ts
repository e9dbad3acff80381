import { readFile, unlink } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { Option, type Command } from "commander";
import { classify, monthWindow, utcInstant, type Config, type Dataset, type Verdict } from "@quantecon/attribution";
import { QeReportError } from "../errors.js";
import type { CliIO } from "../io.js";
import { readDatasetFile, readJsonFile, writeFileAtomic, type ProtectedFile } from "../json-file.js";
import { narrowDataset } from "../report/narrow.js";
import { loadInputs } from "./inputs.js";
import { checkTimeZone, resolveWindow, type WindowRequest } from "./windows.js";
import type { PostOptions } from "./post.js";
import { INSECURE_HELP } from "./endpoint.js";
import { cachedMonthsBefore, fetchWithCache, type CacheOptions } from "../cache.js";

/** Output formats of a report. */
export const FORMATS = ["md", "html", "json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

/** The flags monthly, weekly and range share. */
export interface ReportOptions extends PostOptions, CacheOptions {
  org?: string;
  config?: string;
  input?: string;
  demo?: boolean;
  format: Format;
  out?: string;
  tz?: string;
  previous?: string;
  audit?: string;
  saveDataset?: string;
  template?: string;
  split?: boolean;
  generatedAt?: string;
  quiet?: boolean;
  allowPartial?: boolean;
  insecure?: boolean;
  /** False with `--no-comments`. */
  comments?: boolean;
}

/** The report's generation time: `--generated-at`, else `SOURCE_DATE_EPOCH`, else the clock. */
export function resolveGeneratedAt(flag: string | undefined, env: CliIO["env"], now: Date): string {
  if (flag !== undefined) {
    const ms = Date.parse(flag);
    if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(flag) || Number.isNaN(ms)) {
      throw new QeReportError("E_USAGE", `--generated-at ${JSON.stringify(flag)}: expected an ISO 8601 instant with a zone, e.g. 2026-06-01T00:00:00Z`);
    }
    return utcInstant(ms);
  }
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new QeReportError("E_USAGE", `SOURCE_DATE_EPOCH ${JSON.stringify(epoch)}: expected whole seconds since 1970-01-01`);
    return utcInstant(Number(epoch) * 1000);
  }
  return utcInstant(now);
}

/** `report.md` → `report.part2.md`: where the n-th part of a split report goes. */
export function partPath(path: string, n: number): string {
  if (n === 1) return path;
  const m = /^(.*?)(\.[^./\\]+)?$/.exec(path);
  return `${m?.[1] ?? path}.part${n}${m?.[2] ?? ""}`;
}

/** Picks the organization: `--org`, else the config's, else the dataset's; a conflicting `--org` is an error. */
function resolveOrg(flag: string | undefined, configOrg: string | undefined, dataset: Dataset | undefined): string | undefined {
  if (dataset) {
    if (flag !== undefined && flag.toLowerCase() !== dataset.source.org.toLowerCase()) {
      throw new QeReportError("E_INPUT", `--org ${flag}: the dataset is of ${dataset.source.org}`);
    }
    return dataset.source.org;
  }
  return flag ?? configOrg;
}

/** Fetches a window's dataset for a report, from the cache when a valid entry is there. */
export async function fetchForReport(org: string | undefined, window: Dataset["window"], options: CacheOptions & { quiet?: boolean; allowPartial?: boolean; insecure?: boolean; comments?: boolean }, io: CliIO, config: Config): Promise<Dataset> {
  if (!org) throw new QeReportError("E_USAGE", "no organization to fetch: pass --org ORG, set `org` in the config, or report on a file with --input FILE (or --demo)");
  const { fetchDataset, githubApiUrl } = await import("./fetch-dataset.js");
  const quiet = options.quiet ?? false;
  return fetchWithCache({
    org,
    window,
    config,
    apiUrl: githubApiUrl(io.env),
    io,
    options,
    quiet,
    comments: options.comments ?? true,
    fetch: () => fetchDataset({ org, window, config, io, quiet, allowPartial: options.allowPartial ?? false, insecure: options.insecure === true, comments: options.comments ?? true }),
  });
}

/** Refuses flag combinations that would do something other than what they say, before any work. */
function checkMisuse(request: WindowRequest, options: ReportOptions): void {
  if (options.split && options.format !== "md") {
    throw new QeReportError("E_USAGE", `--split applies to --format md only (a ${options.format} report is one file)`);
  }
  if (options.split && options.out === undefined) {
    throw new QeReportError("E_USAGE", "--split needs --out FILE: the parts are written to FILE, FILE.part2, ...; without it they would run together on stdout");
  }
}

/** A notice when the config was written for another organization than the one reported on. */
function noticeOtherOrg(configOrg: string | undefined, org: string | undefined, configPath: string | null, io: CliIO): void {
  if (configOrg === undefined || org === undefined || configOrg.toLowerCase() === org.toLowerCase()) return;
  io.stderr.write(`qe-report: notice: the config${configPath ? ` (${relative(io.cwd, resolve(io.cwd, configPath))})` : ""} is for ${configOrg}, the report is on ${org}; its rules and people apply as written\n`);
}

/** Runs one report: load or fetch, classify, build, render, write. */
export async function runReport(request: WindowRequest, options: ReportOptions, io: CliIO): Promise<void> {
  if (options.tz !== undefined) checkTimeZone(options.tz, "--tz");
  if (options.template !== undefined && options.format !== "md" && options.format !== "html") {
    throw new QeReportError("E_USAGE", `--template applies to --format md and html, not ${options.format}`);
  }
  checkMisuse(request, options);
  const generatedAt = resolveGeneratedAt(options.generatedAt, io.env, io.now());
  const { config, configPath, dataset: loaded } = await loadInputs(options, io);
  // A dataset was cut in one zone; unless told otherwise, read its window in that zone.
  const timeZone = options.tz ?? loaded?.window.timeZone ?? config.timeZone;
  const windowFlag = Object.entries(request).some(([key, value]) => key !== "kind" && value !== undefined);
  if (loaded && options.tz !== undefined && !windowFlag && options.tz !== loaded.window.timeZone) {
    throw new QeReportError(
      "E_INPUT",
      `--tz ${options.tz}: the dataset's window was cut in ${loaded.window.timeZone}; a window in ${options.tz} needs its own fetch (or drop --tz)`,
    );
  }
  if (loaded && request.kind === "week" && request.weekEnding === undefined && Date.parse(loaded.window.to) - Date.parse(loaded.window.from) > 8 * 86_400_000) {
    throw new QeReportError(
      "E_USAGE",
      `weekly: the dataset covers ${loaded.window.from} to ${loaded.window.to}, more than a week; pass --week-ending YYYY-MM-DD for a week inside it (or run monthly or range for the whole window)`,
    );
  }
  const { window } = resolveWindow(request, timeZone, io.now(), loaded);
  const org = resolveOrg(options.org, config.org, loaded);
  if (!options.demo || options.config !== undefined) noticeOtherOrg(config.org, org, configPath, io);
  const template = options.template === undefined ? undefined : await readTemplate(options.template, io.cwd);
  const previous = options.previous === undefined ? undefined : await readDatasetFile(options.previous, io.cwd, "--previous");
  if (previous) checkPrevious(previous, options.previous!, org, window);
  const audit = options.audit === undefined ? undefined : await readJsonFile(options.audit, io.cwd, "--audit");
  if (options.post !== undefined) (await import("./post.js")).checkRepoFlag(options.post, "--post");

  // The files this run reads: `--out` or `--save-dataset` naming one of them is refused, not obeyed.
  const readFiles: ProtectedFile[] = (
    [
      ["--input", options.input],
      ["--previous", options.previous],
      ["--audit", options.audit],
      ["--template", options.template],
      ["--config", options.config],
    ] as const
  ).flatMap(([flag, path]) => (path === undefined ? [] : [{ flag, path }]));
  const protect = { protect: readFiles };
  const fetched = loaded ?? (await fetchForReport(org, window, options, io, config));
  if (options.saveDataset !== undefined) {
    await writeFileAtomic(options.saveDataset, JSON.stringify(fetched, null, 2) + "\n", io.cwd, "--save-dataset", protect);
  }
  // A window inside the dataset's (a week of a month): classify the whole dataset, report the part.
  let dataset: Dataset = fetched;
  let verdicts: Verdict[] | undefined;
  if (Date.parse(window.from) !== Date.parse(fetched.window.from) || Date.parse(window.to) !== Date.parse(fetched.window.to)) {
    ({ dataset, verdicts } = narrowDataset(fetched, window, classify(fetched, config, { flatRefs: true })));
  }

  const [{ buildReport }, { renderReport, renderReportChunks }] = await Promise.all([import("../report/index.js"), import("../render/index.js")]);
  const history = options.demo ? [] : await historyAtHand(dataset, config, generatedAt, options, io);
  const report = namingAuditFile(options.audit, () =>
    buildReport(dataset, config, {
      generatedAt,
      ...(verdicts ? { verdicts } : {}),
      ...(previous ? { previous } : {}),
      ...(audit !== undefined ? { audit } : {}),
      ...(history.length > 0 ? { history } : {}),
    }),
  );
  const writeReport = async (): Promise<void> => {
    if ((options.format === "json" || options.format === "csv") && template === undefined) {
      // Written in pieces: a million items make a JSON report larger than one string may be.
      const chunks = renderReportChunks(report, options.format);
      if (options.out !== undefined) await writeFileAtomic(options.out, chunks, io.cwd, "--out", protect);
      else for (const chunk of chunks) await writeOut(io, chunk);
      return;
    }
    const parts = renderReport(report, options.format, { ...(template !== undefined ? { template, templateName: options.template! } : {}), split: options.split ?? false });

    if (options.out === undefined) {
      io.stdout.write(parts.join(""));
      return;
    }
    const paths = parts.map((_, i) => partPath(options.out!, i + 1));
    // Later parts first, so the first file never names parts that are not there yet.
    for (let i = parts.length - 1; i >= 0; i--) await writeFileAtomic(paths[i]!, parts[i]!, io.cwd, "--out", protect);
    // Parts left by an earlier, longer report would be posted as if they belonged to this one.
    for (let n = parts.length + 1; await unlink(resolve(io.cwd, partPath(options.out, n))).then(() => true, () => false); n++);
    if (parts.length > 1) io.stderr.write(`report split into ${parts.length} parts: ${paths.join(", ")}\n`);
  };
  await writeReport();
  // The files first: a post that fails (exit 1) still leaves the report written.
  if (options.post !== undefined) await (await import("./post.js")).postBuiltReport(report, options, io);
}

/** The five months before a monthly report's, as far as the dataset cache holds them: shown beside this month, never fetched. */
async function historyAtHand(dataset: Dataset, config: Config, generatedAt: string, options: ReportOptions, io: CliIO) {
  const { monthOf, buildTrend } = await import("../report/trend.js");
  const month = monthOf(dataset.window);
  if (month === undefined || options.cache === false) return [];
  const { githubApiUrl } = await import("./fetch-dataset.js");
  const org = dataset.source.org;
  const earlier = await cachedMonthsBefore(month, 5, { org, timeZone: dataset.window.timeZone, config, apiUrl: githubApiUrl(io.env), io, options }, monthWindow);
  if (earlier.length === 0) return [];
  const trend = buildTrend(earlier.map((d, i) => ({ dataset: d, name: `cached month ${i + 1}` })), config, generatedAt);
  return trend.months.map((m) => ({ month: m.month, label: m.label, contributions: m.contributions, personalTokenShare: m.personalToken.share }));
}

// Waits for a full pipe to drain, so a large report is not buffered whole in memory.
async function writeOut(io: CliIO, chunk: string): Promise<void> {
  const stream = io.stdout as CliIO["stdout"] & { once?: (event: "drain", listener: () => void) => unknown };
  if (stream.write(chunk) === false && typeof stream.once === "function") {
    await new Promise<void>((done) => stream.once?.("drain", done));
  }
}

/**
 * A `--previous` dataset must be the same organization's, over a window that ends before the
 * report's starts; otherwise the change columns would compare unlike things without a word.
 */
export function checkPrevious(previous: Dataset, file: string, org: string | undefined, window: Dataset["window"]): void {
  if (org !== undefined && previous.source.org.toLowerCase() !== org.toLowerCase()) {
    throw new QeReportError("E_INPUT", `--previous ${file}: the dataset is of ${previous.source.org}, the report of ${org}`);
  }
  if (Date.parse(previous.window.to) > Date.parse(window.from)) {
    throw new QeReportError(
      "E_INPUT",
      `--previous ${file}: its window ${previous.window.from} to ${previous.window.to} does not end before the report's starts (${window.from}); pass the dataset of an earlier window`,
    );
  }
}

/** Runs `build`; an error about the audit's content names the `--audit` file it came from. */
function namingAuditFile<T>(file: string | undefined, build: () => T): T {
  try {
    return build();
  } catch (err) {
    if (file !== undefined && err instanceof QeReportError && err.code === "E_INPUT" && /^audit[.:[]/.test(err.message)) {
      throw new QeReportError("E_INPUT", `--audit ${file}: ${err.message.replace(/^audit: /, "")}`);
    }
    throw err;
  }
}

async function readTemplate(path: string, cwd: string): Promise<string> {
  try {
    return await readFile(resolve(cwd, path), "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new QeReportError(code === "ENOENT" ? "E_NOT_FOUND" : "E_INPUT", `--template ${path}: ${code === "ENOENT" ? "file not found" : (err as Error).message}`);
  }
}

/** Adds the options every report command shares. */
function reportOptions(command: Command): Command {
  return command
    .option("--org <org>", "GitHub organization (default: `org` in the config, or the dataset's)")
    .option("--config <file>", "config file (default: qe-report.config.{yaml,yml,json} in the working directory, else built-in rules)")
    .option("--input <dataset>", "report on a dataset file (qe-activity/v1) instead of fetching")
    .option("--demo", "report on the bundled demo month (QuantEcon, May 2026) with QuantEcon's config")
    .addOption(new Option("--format <format>", "output format").choices(FORMATS).default("md"))
    .option("--out <file>", "write the report to FILE (atomically) instead of stdout")
    .option("--tz <zone>", "IANA time zone of the window (default: the config's timeZone, else UTC)")
    .option("--previous <dataset>", "dataset of the previous window, for changes and migration progress")
    .option("--audit <file>", "credential audit result (`qe-report audit --format json`), for the migration checklist")
    .option("--save-dataset <file>", "also write the fetched dataset to FILE")
    .option("--template <file>", "Handlebars template to render with instead of the built-in one (md, html)")
    .option("--split", "split a Markdown report that would pass GitHub's 65,536-character limit into parts (FILE, FILE.part2, ...)")
    .option("--generated-at <iso>", "pin the generation time (also SOURCE_DATE_EPOCH) for byte-identical output")
    .option("--allow-partial", "when fetching, report even if some repositories could not be read")
    .option("--insecure", INSECURE_HELP)
    .option("--no-comments", "when fetching, skip comments and who closed issues (cheaper; no responsiveness section)")
    .option("--cache-dir <dir>", "where fetched datasets are kept (default: QE_REPORT_CACHE_DIR, else the user's cache directory)")
    .option("--refresh", "fetch again even when the cache holds the window, and replace the entry")
    .option("--no-cache", "neither read nor write the dataset cache")
    .option("--quiet", "no progress output while fetching");
}

/** `qe-report monthly`, `weekly` and `range`: the same report for different windows. */
export function registerReports(program: Command, io: CliIO): void {
  reportOptions(
    program
      .command("monthly")
      .description("report on a calendar month: who did the work, people or automation")
      .option("--month <YYYY-MM>", "the month (default: the last complete month in the time zone, or the dataset's)")
      .option("--post <owner/repo>", "also post the report as an issue there (updated, not duplicated, on a re-run; token: GITHUB_TOKEN)")
      .option("--post-labels <names>", "with --post: labels for a new issue, comma-separated")
      .option("--dry-run", "with --post: print what would be posted; change nothing"),
  )
    .addHelpText(
      "after",
      "\nExamples:\n  qe-report monthly --demo\n  GITHUB_TOKEN=... qe-report monthly --org QuantEcon --month 2026-05 --format html --out may.html\n  qe-report monthly --input may.json --previous april.json --split --out report.md\n",
    )
    .action((options: ReportOptions & { month?: string }) => runReport({ kind: "month", month: options.month }, options, io));

  reportOptions(
    program
      .command("weekly")
      .description("report on the seven days ending on a date")
      .option("--week-ending <YYYY-MM-DD>", "last day of the week, included (default: yesterday in the time zone, or the dataset's window)"),
  )
    .addHelpText("after", "\nExamples:\n  qe-report weekly --demo --week-ending 2026-05-16\n  GITHUB_TOKEN=... qe-report weekly --org QuantEcon --week-ending 2026-05-09\n")
    .action((options: ReportOptions & { weekEnding?: string }) => runReport({ kind: "week", weekEnding: options.weekEnding }, options, io));

  reportOptions(
    program
      .command("range")
      .description("report on any window: whole days (both included) or ISO instants")
      .option("--from <date>", "first day (YYYY-MM-DD) or instant (2026-05-01T00:00:00Z)")
      .option("--to <date>", "last day, included (YYYY-MM-DD), or instant, excluded"),
  )
    .addHelpText("after", "\nExamples:\n  qe-report range --demo --from 2026-05-04 --to 2026-05-10\n  GITHUB_TOKEN=... qe-report range --org QuantEcon --from 2026-04-01 --to 2026-06-30\n")
    .action((options: ReportOptions & { from?: string; to?: string }) => runReport({ kind: "range", from: options.from, to: options.to }, options, io));
}
