import { classify, compilePattern, type Config, type Dataset, type Window } from "@quantecon/attribution";
import { auditWorkflows, buildAuditReport, crossCheckAudit, renderAuditMarkdown, type AuditReport, type WorkflowFile } from "@quantecon/attribution-audit";
import { fetchActivity, fetchWorkflowFiles, GitHubError, resolveGitHubEnv } from "@quantecon/attribution-github";
import { checkTimeZone, resolveWindow } from "../commands/windows.js";
import { loadInputs } from "../commands/inputs.js";
import { resolveGeneratedAt } from "../commands/report.js";
import { QeReportError } from "../errors.js";
import type { CliIO } from "../io.js";
import { writeFileAtomic } from "../json-file.js";
import { demoWorkflowFiles } from "./demo-workflows.js";
import { auditedRepos, scopeActivity } from "./scope.js";
import { checkedEndpoint } from "../commands/endpoint.js";

/** The flags of `qe-report audit`, as commander parses them. */
export interface AuditFlags {
  org?: string;
  repos?: string;
  exclude: string[];
  config?: string;
  input?: string;
  demo?: boolean;
  month?: string;
  tz?: string;
  crossCheck: boolean;
  format: "md" | "json";
  out?: string;
  failOn?: "personal";
  generatedAt?: string;
  allowPartial?: boolean;
  insecure?: boolean;
  includeArchived?: boolean;
  quiet?: boolean;
}

/** What the audit read: workflow files, the repositories they came from, and the activity to cross-check, if any. */
interface AuditSources {
  org: string;
  files: WorkflowFile[];
  repos: string[];
  dataset: Dataset | undefined;
  /** Workflow files or repositories the fetch could not read (kept with --allow-partial). */
  unread?: readonly { repo?: string | undefined; code: string; message: string }[];
}

function checkFlags(flags: AuditFlags): void {
  const activity = [flags.input !== undefined && "--input", flags.demo && "--demo", flags.month !== undefined && "--month"].filter(Boolean);
  if (activity.length > 1) throw new QeReportError("E_USAGE", `audit takes one source of activity, got ${activity.join(" and ")}`);
  if (!flags.crossCheck && activity.length > 0) throw new QeReportError("E_USAGE", `--no-cross-check and ${activity[0]} cannot be used together`);
  if (flags.demo) {
    const fetching = [flags.repos !== undefined && "--repos", flags.exclude.length > 0 && "--exclude", flags.includeArchived && "--include-archived"].filter(Boolean);
    if (fetching.length > 0) throw new QeReportError("E_USAGE", `--demo audits the bundled workflows; ${fetching.join(" and ")} select repositories to fetch`);
  }
  for (const pattern of flags.exclude) {
    try {
      compilePattern(pattern);
    } catch (error) {
      throw new QeReportError("E_USAGE", `--exclude ${JSON.stringify(pattern)}: invalid regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, "")})`);
    }
  }
  if (flags.tz !== undefined) checkTimeZone(flags.tz, "--tz");
}

/** The bundled demo: its workflows, cross-checked against the demo month, as if the whole org had been read. */
async function demoSources(flags: AuditFlags, io: CliIO): Promise<{ config: Config; sources: AuditSources }> {
  const { config, dataset } = await loadInputs({ demo: true, ...(flags.config !== undefined ? { config: flags.config } : {}) }, io);
  const files = demoWorkflowFiles();
  const org = dataset?.source.org ?? config.org ?? "QuantEcon";
  if (flags.org !== undefined && flags.org.toLowerCase() !== org.toLowerCase()) throw new QeReportError("E_USAGE", `--org ${flags.org}: the demo is of ${org}`);
  // Repositories of the demo month without a bundled workflow stand for repositories without workflows.
  const repos = [...new Set([...(dataset?.repos.map((r) => r.name) ?? []), ...files.map((f) => f.repo)])].sort();
  return { config, sources: { org, files, repos, dataset } };
}

/** Reads the workflows from GitHub and the activity from `--input` or a fetch of the month. */
async function githubSources(flags: AuditFlags, io: CliIO): Promise<{ config: Config; sources: AuditSources }> {
  const { config, dataset: input } = await loadInputs({ ...(flags.config !== undefined ? { config: flags.config } : {}), ...(flags.input !== undefined ? { input: flags.input } : {}) }, io);
  if (input && flags.org !== undefined && flags.org.toLowerCase() !== input.source.org.toLowerCase()) {
    throw new QeReportError("E_INPUT", `--org ${flags.org}: the dataset is of ${input.source.org}`);
  }
  const org = flags.org ?? input?.source.org ?? config.org;
  if (!org) throw new QeReportError("E_USAGE", "no organization to audit: pass --org ORG or set `org` in the config (or try --demo)");
  const { token, apiUrl } = resolveGitHubEnv(io.env);
  if (!token) throw new QeReportError("E_CONFIG", `auditing ${org} needs a token: set GITHUB_TOKEN (or GH_TOKEN) to a token with read access to ${org}'s repositories`);
  const repos = flags.repos?.split(",").map((r) => r.trim()).filter(Boolean);
  if (flags.repos !== undefined && (repos?.length ?? 0) === 0) throw new QeReportError("E_USAGE", "--repos: expected comma-separated repository names");
  const say = (line: string): void => void (flags.quiet || io.stderr.write(`audit: ${line}\n`));
  const onWait = ({ ms, reason }: { ms: number; reason: string }): void => say(`waiting ${Math.ceil(ms / 1000)}s: ${reason}`);
  const includeRepos = config.repos.include ?? [];
  const excludeRepos = [...config.repos.exclude, ...flags.exclude];
  // The window is settled before any request, so a bad --month fails fast.
  const window: Window | undefined = input || !flags.crossCheck ? undefined : resolveWindow({ kind: "month", month: flags.month }, flags.tz ?? config.timeZone, io.now(), undefined).window;

  const shownUrl = checkedEndpoint(apiUrl, flags.insecure, io, "audit");
  say(`reading the workflows of ${org} via ${shownUrl}`);
  const read = await fetchWorkflowFiles({ org, token, apiUrl, allowInsecure: flags.insecure === true, ...(repos ? { repos } : {}), includeRepos, excludeRepos, includeArchived: flags.includeArchived === true, onWait });
  const missing = read.warnings.filter((w) => w.code !== "EXCLUDED");
  for (const w of missing) io.stderr.write(`audit: warning: ${w.repo ? `${w.repo}: ` : ""}${w.code}: ${w.message}\n`);
  if (missing.length > 0 && !flags.allowPartial) {
    const more = missing.length > 1 ? ` (and ${missing.length - 1} more)` : "";
    throw new GitHubError("E_GITHUB_PARTIAL", `the audit of ${org} is incomplete: ${missing[0]?.message}${more}; allow a partial audit (--allow-partial) to keep the rest`, { warnings: missing });
  }
  say(`read ${read.files.length} workflow files from ${read.repos.length} repositories (${read.cost.requests} requests)`);

  let dataset = input;
  if (window) {
    say(`fetching activity from ${window.from} to ${window.to} for the cross-check`);
    // The whole organization's month (search is org-wide anyway): the workflows of a few
    // repositories may write anywhere, and the report is scoped to what they touch afterwards.
    dataset = await fetchActivity({ org, window, token, apiUrl, allowInsecure: flags.insecure === true, includeRepos, excludeRepos, allowPartial: flags.allowPartial === true, onWait });
    say(`fetched ${dataset.pullRequests.length} pull requests, ${dataset.commits.length} commits, ${dataset.issues.length} issues`);
  }
  return { config, sources: { org, files: read.files, repos: read.repos, dataset, unread: missing } };
}

/** The audit report of what was read: findings, the cross-check with the activity, and the checklist. */
export function auditReport(sources: AuditSources, config: Config, generatedAt: string): AuditReport {
  const audit = auditWorkflows(sources.files, config);
  const base = { audit, config, org: sources.org, generatedAt, repos: sources.repos, files: sources.files.length };
  if (!sources.dataset) return buildAuditReport(base);
  const scoped = scopeActivity(sources.dataset, classify(sources.dataset, config), auditedRepos(sources.repos, audit.findings));
  const discrepancies = crossCheckAudit(audit.findings, scoped.dataset, scoped.verdicts);
  return buildAuditReport({ ...base, discrepancies, verdicts: scoped.verdicts, window: sources.dataset.window });
}

/** Why `--fail-on personal` fails, one line; null when no personal token remains. */
export function personalTokenGate(report: AuditReport, unread: AuditSources["unread"] = []): string | null {
  const step = report.checklist.find((s) => s.id === "personal-token-revoked");
  if (step && step.status === "not-done") return `--fail-on personal: a personal token is still in use: ${step.evidence.join("; ")}`;
  // Fail closed: a workflow nobody could read may be the one that still uses a personal token.
  const first = unread?.[0];
  if (first) {
    const more = unread.length > 1 ? ` (and ${unread.length - 1} more)` : "";
    return `--fail-on personal: cannot rule out a personal token: ${first.repo ? `${first.repo}: ` : ""}${first.message}${more}`;
  }
  return null;
}

/** Runs `qe-report audit`: read, audit, cross-check, write; then the `--fail-on` gate. */
export async function runAudit(flags: AuditFlags, io: CliIO): Promise<void> {
  checkFlags(flags);
  const generatedAt = resolveGeneratedAt(flags.generatedAt, io.env, io.now());
  const { config, sources } = flags.demo ? await demoSources(flags, io) : await githubSources(flags, io);
  const report = auditReport(sources, config, generatedAt);
  const text = flags.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderAuditMarkdown(report);
  if (flags.out === undefined) io.stdout.write(text);
  else {
    const read = [flags.input === undefined ? [] : [{ flag: "--input", path: flags.input }], flags.config === undefined ? [] : [{ flag: "--config", path: flags.config }]].flat();
    await writeFileAtomic(flags.out, text, io.cwd, "--out", { protect: read });
  }
  const gate = flags.failOn === "personal" ? personalTokenGate(report, sources.unread) : null;
  if (gate) throw new QeReportError("E_GATE", gate);
}
