import { access, constants, stat } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { commentCount, compilePattern, isValidTimeZone, monthWindow, rangeWindow, weekWindow, type Dataset, type Window } from "@quantecon/attribution";
import { fetchActivity, GitHubError, resolveGitHubEnv, type FetchProgress } from "@quantecon/attribution-github";
import cliProgress from "cli-progress";
import type { Command } from "commander";
import { QeReportError } from "../errors.js";
import type { CliIO } from "../io.js";
import { writeFileAtomic } from "../json-file.js";
import { checkedEndpoint, INSECURE_HELP } from "./endpoint.js";

interface FetchFlags {
  org?: string;
  month?: string;
  tz: string;
  weekEnding?: string;
  from?: string;
  to?: string;
  repos?: string;
  exclude: string[];
  out?: string;
  quiet?: boolean;
  allowPartial?: boolean;
  maxWait: string;
  insecure?: boolean;
  /** False with `--no-comments`. */
  comments: boolean;
}

const PHASES: Record<FetchProgress["phase"], string> = {
  repositories: "repositories",
  pullRequests: "pull requests",
  issues: "issues",
  commits: "commits",
  comments: "comments",
};

/** `90s`, `10m`, `1h`, `1h30m` or plain seconds, as milliseconds. */
export function parseDuration(text: string, flag: string): number {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const match = /^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/.exec(trimmed);
  if (!match || trimmed === "") throw new QeReportError("E_USAGE", `${flag} ${JSON.stringify(text)}: expected a duration such as 90s, 10m or 1h`);
  return ((Number(match[1] ?? 0) * 60 + Number(match[2] ?? 0)) * 60 + Number(match[3] ?? 0)) * 1000;
}

function chooseWindow(flags: FetchFlags): Window {
  if (!isValidTimeZone(flags.tz)) throw new QeReportError("E_USAGE", `--tz ${JSON.stringify(flags.tz)}: unknown IANA time zone (try "UTC" or "America/New_York")`);
  const chosen = [flags.month !== undefined && "--month", flags.weekEnding !== undefined && "--week-ending", (flags.from ?? flags.to) !== undefined && "--from/--to"].filter(Boolean);
  if (chosen.length === 0) throw new QeReportError("E_USAGE", "fetch needs a window: --month YYYY-MM, --week-ending YYYY-MM-DD, or --from D --to D");
  if (chosen.length > 1) throw new QeReportError("E_USAGE", `fetch takes one window, got ${chosen.join(" and ")}`);
  try {
    if (flags.month !== undefined) return monthWindow(flags.month, flags.tz);
    if (flags.weekEnding !== undefined) return weekWindow(flags.weekEnding, flags.tz);
    if (flags.from === undefined || flags.to === undefined) {
      throw new QeReportError("E_USAGE", `a range needs both --from and --to (got only ${flags.from === undefined ? "--to" : "--from"})`);
    }
    return rangeWindow(flags.from, flags.to, flags.tz);
  } catch (error) {
    if (error instanceof QeReportError) throw error;
    const flag = flags.month !== undefined ? "--month" : flags.weekEnding !== undefined ? "--week-ending" : "--from/--to";
    throw new QeReportError("E_USAGE", `${flag}: ${(error as Error).message}`);
  }
}

function checkExcludes(patterns: readonly string[]): void {
  for (const pattern of patterns) {
    try {
      compilePattern(pattern);
    } catch (error) {
      throw new QeReportError("E_USAGE", `--exclude ${JSON.stringify(pattern)}: invalid regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, "")})`);
    }
  }
}

async function checkOutDir(out: string, cwd: string): Promise<void> {
  const dir = dirname(resolve(cwd, out));
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error("not a directory");
    await access(dir, constants.W_OK);
  } catch {
    throw new QeReportError("E_USAGE", `--out ${out}: directory ${dirname(out)} does not exist or is not writable`);
  }
}

/** Progress on stderr: a bar on a terminal, otherwise a line per phase and one every few seconds. */
function progressReporter(io: CliIO, quiet: boolean): { update(p: FetchProgress): void; wait(w: { ms: number; reason: string }): void; stop(): void } {
  if (quiet) return { update: () => undefined, wait: () => undefined, stop: () => undefined };
  if (io.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: io.stderr as unknown as NodeJS.WritableStream, format: " {phase} [{bar}] {value}/{total} | {requests} requests, {points} points", hideCursor: true, clearOnComplete: true },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(p) {
        const payload = { phase: PHASES[p.phase].padEnd(13), requests: p.requests, points: p.points };
        if (!started) {
          bar.start(p.total ?? 0, p.done, payload);
          started = true;
        }
        bar.setTotal(p.total ?? Math.max(p.done, 1));
        bar.update(p.done, payload);
      },
      wait(w) {
        bar.update({ phase: `waiting ${Math.ceil(w.ms / 1000)}s (${w.reason})` });
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastPhase: string | undefined;
  let lastLine = 0;
  return {
    update(p) {
      const now = Date.now();
      if (p.phase === lastPhase && now - lastLine < 5000 && !(p.total !== undefined && p.done === p.total)) return;
      lastPhase = p.phase;
      lastLine = now;
      io.stderr.write(`fetch: ${PHASES[p.phase]} ${p.done}${p.total === undefined ? "" : `/${p.total}`} (${p.requests} requests, ${p.points} points)\n`);
    },
    wait(w) {
      io.stderr.write(`fetch: waiting ${Math.ceil(w.ms / 1000)}s: ${w.reason}\n`);
    },
    stop: () => undefined,
  };
}

function summary(dataset: Dataset): string {
  const cost = dataset.source.cost;
  const comments = commentCount(dataset);
  return `fetched ${dataset.pullRequests.length} pull requests, ${dataset.commits.length} commits, ${dataset.issues.length} issues${comments > 0 ? `, ${comments} comments` : ""} from ${dataset.repos.length} repositories; ${cost?.requests ?? 0} requests, ${cost?.points ?? 0} points`;
}

/** Declares `qe-report fetch`: an organization's activity in a window, from GitHub into a dataset file. */
export function registerFetch(program: Command, io: CliIO): void {
  program
    .command("fetch")
    .description("fetch an organization's activity in a window from GitHub into a qe-activity/v1 dataset file")
    .option("--org <org>", "GitHub organization")
    .option("--month <YYYY-MM>", "calendar month in --tz")
    .option("--week-ending <YYYY-MM-DD>", "the seven days ending on this date (included)")
    .option("--from <date>", "start of a range (YYYY-MM-DD or ISO instant)")
    .option("--to <date>", "end of a range (YYYY-MM-DD included, or ISO instant excluded)")
    .option("--tz <zone>", "IANA time zone the window is computed in", "UTC")
    .option("--repos <names>", "only these repositories, comma-separated")
    .option("--exclude <regex>", "leave out repositories whose whole name matches (repeatable)", (value: string, all: string[]) => [...all, value], [] as string[])
    .option("--out <file>", "dataset file to write (atomically)")
    .option("--quiet", "no progress or summary on stderr")
    .option("--allow-partial", "write the dataset even if some repositories could not be read (listed in its warnings)")
    .option("--max-wait <duration>", "longest wait for a GitHub rate limit to reset", "10m")
    .option("--insecure", INSECURE_HELP)
    .option("--no-comments", "skip conversation comments and who closed issues (fewer points; no responsiveness figures)")
    .addHelpText("after", "\nToken: GITHUB_TOKEN or GH_TOKEN. Endpoint: GITHUB_GRAPHQL_URL, else from GITHUB_API_URL (GitHub Enterprise Server's .../api/v3 becomes .../api/graphql), else github.com.")
    .action(async (flags: FetchFlags) => {
      if (!flags.org) throw new QeReportError("E_USAGE", "fetch needs --org ORG");
      if (!flags.out) throw new QeReportError("E_USAGE", "fetch needs --out FILE (the dataset to write)");
      const window = chooseWindow(flags);
      checkExcludes(flags.exclude);
      const maxWait = parseDuration(flags.maxWait, "--max-wait");
      const repos = flags.repos?.split(",").map((r) => r.trim()).filter(Boolean);
      if (flags.repos !== undefined && (repos?.length ?? 0) === 0) throw new QeReportError("E_USAGE", "--repos: expected comma-separated repository names");
      const { token, apiUrl } = resolveGitHubEnv(io.env);
      if (!token) throw new QeReportError("E_CONFIG", `fetching ${flags.org} needs a token: set GITHUB_TOKEN (or GH_TOKEN) to a token with read access to ${flags.org}`);
      const shownUrl = checkedEndpoint(apiUrl, flags.insecure, io, "fetch");
      await checkOutDir(flags.out, io.cwd);

      const quiet = flags.quiet === true;
      const progress = progressReporter(io, quiet);
      if (!quiet) io.stderr.write(`fetch: ${flags.org} from ${window.from} to ${window.to} (${window.timeZone}) via ${shownUrl}\n`);
      let dataset: Dataset;
      try {
        dataset = await fetchActivity({
          org: flags.org,
          window,
          token,
          apiUrl,
          ...(repos ? { repos } : {}),
          excludeRepos: flags.exclude,
          maxWait,
          allowPartial: flags.allowPartial === true,
          allowInsecure: flags.insecure === true,
          comments: flags.comments !== false,
          onProgress: (p) => progress.update(p),
          onWait: (w) => progress.wait(w),
        });
      } catch (error) {
        progress.stop();
        if (error instanceof GitHubError && error.code === "E_GITHUB_PARTIAL") {
          for (const w of error.warnings) io.stderr.write(`fetch: missing: ${w.repo ? `${w.repo}: ` : ""}${w.code}: ${w.message}\n`);
        }
        throw error;
      }
      progress.stop();
      await writeFileAtomic(flags.out, `${JSON.stringify(dataset, null, 2)}\n`, io.cwd);
      const missing = (dataset.warnings ?? []).filter((w) => w.code !== "EXCLUDED");
      for (const w of missing) io.stderr.write(`fetch: warning: incomplete: ${w.repo ? `${w.repo}: ` : ""}${w.code}: ${w.message}\n`);
      if (!quiet) io.stderr.write(`${summary(dataset)}; wrote ${flags.out}\n`);
    });
}
