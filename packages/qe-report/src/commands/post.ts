import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import type { Command } from "commander";
import { postReport, resolveGitHubEnv, type PostResult } from "@quantecon/attribution-github";
import { QeReportError } from "../errors.js";
import type { CliIO } from "../io.js";
import { GITHUB_BODY_LIMIT, splitMarkdown } from "../render/index.js";
import { ReportSchema, type Report } from "../report/index.js";
import { describePost, publishReport } from "../publish.js";
import { partPath } from "./report.js";

/** The flags of `qe-report post`. */
export interface PostFlags {
  repo: string;
  input: string;
  title?: string;
  key?: string;
  labels?: string;
  dryRun?: boolean;
}

const REPO_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})\/[A-Za-z0-9._-]{1,100}$/;

/** Checks an `OWNER/REPO` flag. */
export function checkRepoFlag(value: string, flag: string): string {
  if (!REPO_RE.test(value)) throw new QeReportError("E_USAGE", `${flag} ${JSON.stringify(value)}: expected OWNER/REPO, e.g. QuantEcon/meta`);
  return value;
}

/** `a, b` → `["a", "b"]`. */
export function labelList(value: string | undefined): string[] {
  return (value ?? "").split(",").map((l) => l.trim()).filter(Boolean);
}

function postToken(io: CliIO, dryRun: boolean, repo: string): { token: string | undefined; apiUrl: string } {
  const { token, apiUrl } = resolveGitHubEnv(io.env);
  if (!token && !dryRun) throw new QeReportError("E_USAGE", `posting to ${repo} needs a token: set GITHUB_TOKEN (or GH_TOKEN) to a token with \`issues: write\` on ${repo}`);
  return { token, apiUrl };
}

function printResult(result: PostResult, io: CliIO): void {
  for (const line of describePost(result)) io.stdout.write(`${line}\n`);
}

async function readText(path: string, cwd: string): Promise<string | undefined> {
  try {
    return await readFile(resolve(cwd, path), "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw new QeReportError("E_INPUT", `--input ${path}: ${(err as Error).message}`);
  }
}

/** `report.md` and the `report.part2.md`... written beside it by `--split`, or the one file split here. */
async function markdownParts(path: string, text: string, cwd: string): Promise<string[]> {
  const parts = [text];
  for (let n = 2; ; n++) {
    const more = await readText(partPath(path, n), cwd);
    if (more === undefined) break;
    parts.push(more);
  }
  if (parts.length === 1 && text.length > GITHUB_BODY_LIMIT - 1000) return splitMarkdown(text, GITHUB_BODY_LIMIT - 1000);
  return parts;
}

/** Runs `qe-report post`: a Markdown report (or a JSON one, rendered) to an issue, created once and updated on re-runs. */
export async function runPost(flags: PostFlags, io: CliIO): Promise<void> {
  const repo = checkRepoFlag(flags.repo, "--repo");
  const text = await readText(flags.input, io.cwd);
  if (text === undefined) throw new QeReportError("E_NOT_FOUND", `--input ${flags.input}: file not found`);
  const dryRun = flags.dryRun === true;
  const { token, apiUrl } = postToken(io, dryRun, repo);
  const labels = labelList(flags.labels);

  if (/\.json$/i.test(flags.input)) {
    let report: Report;
    try {
      report = ReportSchema.parse(JSON.parse(text));
    } catch {
      throw new QeReportError("E_INPUT", `--input ${flags.input}: not a qe-report/v1 JSON report (write one with \`qe-report monthly --format json\`), or pass the Markdown report`);
    }
    if (!token) return void io.stdout.write(`would post ${JSON.stringify(report.header.title)} to ${repo} (no token to look up an earlier post)\n`);
    return printResult(await publishReport(report, { repo, token, apiUrl, labels, dryRun }), io);
  }

  const parts = await markdownParts(flags.input, text, io.cwd);
  const title = flags.title ?? /^#\s+(.+)$/m.exec(text)?.[1]?.trim();
  if (!title) throw new QeReportError("E_USAGE", `--input ${flags.input}: no \`# \` heading to title the issue with; pass --title`);
  const key = flags.key ?? `title:${title}`;
  if (!token) return void io.stdout.write(`would post ${JSON.stringify(title)} in ${parts.length} part(s) to ${repo} (no token to look up an earlier post)\n`);
  printResult(await postReport({ repo, token, apiUrl, key, title, parts, labels, dryRun }), io);
}

/** What `monthly --post` adds to a report command's flags. */
export interface PostOptions {
  post?: string;
  postLabels?: string;
  dryRun?: boolean;
}

/** `monthly --post OWNER/REPO`: posts the report just built, as `qe-report post` would. */
export async function postBuiltReport(report: Report, options: PostOptions, io: CliIO): Promise<void> {
  const repo = checkRepoFlag(options.post!, "--post");
  const dryRun = options.dryRun === true;
  const { token, apiUrl } = postToken(io, dryRun, repo);
  if (!token) return void io.stderr.write(`would post ${JSON.stringify(report.header.title)} to ${repo} (no token to look up an earlier post)\n`);
  const result = await publishReport(report, { repo, token, apiUrl, labels: labelList(options.postLabels), dryRun });
  for (const line of describePost(result)) io.stderr.write(`${line}\n`);
}

/** Declares `qe-report post`. */
export function registerPost(program: Command, io: CliIO): void {
  program
    .command("post")
    .description("post a report as a GitHub issue (continuation comments past 65,536 characters); a re-run updates it instead of opening another")
    .requiredOption("--repo <owner/repo>", "repository to post the issue in")
    .requiredOption("--input <file>", "the report: Markdown (with its --split parts beside it) or a JSON report (qe-report/v1)")
    .option("--title <title>", "issue title (default: the report's title, or its first `# ` heading)")
    .option("--key <key>", "what makes two posts the same report (default: org and window for a JSON report, the title for Markdown)")
    .option("--labels <names>", "labels for a new issue, comma-separated (created when missing)")
    .option("--dry-run", "look up and print what would be done; change nothing")
    .addHelpText(
      "after",
      `
Token: GITHUB_TOKEN or GH_TOKEN, with \`issues: write\` on the repository. The issue carries a hidden
marker; only an issue the same account opened with the same key is updated. Mentions are defused,
so the post notifies nobody.

Examples:
  qe-report post --repo QuantEcon/meta --input report.json --dry-run
  qe-report monthly --org QuantEcon --split --out report.md && qe-report post --repo QuantEcon/meta --input report.md
  qe-report monthly --org QuantEcon --post QuantEcon/meta
`,
    )
    .action((flags: PostFlags) => runPost(flags, io));
}
