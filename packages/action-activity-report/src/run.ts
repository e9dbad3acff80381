import { mkdir } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import * as core from "./runner.js";
import { isValidTimeZone, lastCompleteMonth, monthWindow, utcInstant, type Dataset } from "@quantecon/attribution";
import { fetchWorkflowFiles, GitHubError, graphqlUrlFor, type PostResult } from "@quantecon/attribution-github";
import {
  auditReport,
  buildReport,
  describePost,
  loadConfig,
  personalTokenGate,
  publishReport,
  renderReport,
  renderReportChunks,
  trimMarkdown,
  writeFileAtomic,
  type Report,
} from "qe-report";
import { collectMonth, collectPrevious } from "./collect.js";
import { resolveCredentials } from "./credentials.js";
import { ActionError } from "./errors.js";
import { inputsFromEnv, readInputs, type ActionInputs } from "./inputs.js";
import { automationShare, personalGateLine, personalTokenItems, reportSummary } from "./outputs.js";

// GitHub caps a step's summary at 1 MiB; keep room for the note that says it was trimmed.
const SUMMARY_LIMIT = 1_000_000;

/** The endpoints the runner names: `GITHUB_API_URL` for REST, `GITHUB_GRAPHQL_URL` for GraphQL. */
function endpoints(env: NodeJS.ProcessEnv): { restUrl: string; graphqlUrl: string } {
  const restUrl = (env["GITHUB_API_URL"] || "https://api.github.com").replace(/\/+$/, "");
  return { restUrl, graphqlUrl: env["GITHUB_GRAPHQL_URL"] || graphqlUrlFor(restUrl) };
}

/** The report's generation time: `SOURCE_DATE_EPOCH` when set (reproducible runs), else now. */
function generatedAt(env: NodeJS.ProcessEnv): string {
  const epoch = env["SOURCE_DATE_EPOCH"];
  if (epoch !== undefined && epoch !== "") {
    if (!/^\d+$/.test(epoch)) throw new ActionError(`SOURCE_DATE_EPOCH ${JSON.stringify(epoch)}: expected whole seconds since 1970-01-01`);
    return utcInstant(Number(epoch) * 1000);
  }
  return utcInstant(Date.now());
}

async function runAudit(inputs: ActionInputs, token: string, graphqlUrl: string, dataset: Dataset, config: Parameters<typeof auditReport>[1], at: string) {
  core.info(`auditing the workflows of ${inputs.organization}: which credential each step that writes to GitHub uses`);
  const read = await fetchWorkflowFiles({
    org: inputs.organization,
    token,
    apiUrl: graphqlUrl,
    ...(config.repos.include ? { includeRepos: config.repos.include } : {}),
    excludeRepos: [...config.repos.exclude, ...inputs.excludeRepos],
  });
  const missing = read.warnings.filter((w) => w.code !== "EXCLUDED");
  if (missing.length > 0) core.warning(`audit: ${missing.length} workflow folder(s) or file(s) could not be read (first: ${missing[0]?.message}); the checklist may be incomplete`);
  core.info(`read ${read.files.length} workflow files from ${read.repos.length} repositories`);
  return auditReport({ org: inputs.organization, files: read.files, repos: read.repos, dataset }, config, at);
}

/** Writes the dataset and the reports under the output folder; returns their paths. */
async function writeFiles(dir: string, cwd: string, dataset: Dataset, report: Report, mdParts: readonly string[], audit: unknown) {
  await mkdir(resolve(cwd, dir), { recursive: true });
  const paths = {
    dataset: join(dir, "dataset.json"),
    json: join(dir, "report.json"),
    html: join(dir, "report.html"),
    md: join(dir, "report.md"),
    audit: join(dir, "audit.json"),
  };
  await writeFileAtomic(paths.dataset, JSON.stringify(dataset, null, 2) + "\n", cwd, "dataset");
  await writeFileAtomic(paths.json, renderReportChunks(report, "json"), cwd, "report-json");
  await writeFileAtomic(paths.html, renderReport(report, "html").join(""), cwd, "report.html");
  for (let i = mdParts.length - 1; i >= 0; i--) await writeFileAtomic(i === 0 ? paths.md : join(dir, `report.part${i + 1}.md`), mdParts[i]!, cwd, "report.md");
  if (audit !== undefined) await writeFileAtomic(paths.audit, JSON.stringify(audit, null, 2) + "\n", cwd, "audit.json");
  return paths;
}

/** Runs the Action: read, classify, report, write, summarize, post, set outputs; then the `fail-on` gate. */
export async function run(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const inputs = readInputs(inputsFromEnv(env), env);
  const { restUrl, graphqlUrl } = endpoints(env);
  const cwd = env["GITHUB_WORKSPACE"] || process.cwd();
  const credentials = await resolveCredentials(inputs, restUrl, (secret) => core.setSecret(secret));
  core.info(`reading ${inputs.organization} as ${credentials.readAs}${inputs.postTo ? `; posting to ${inputs.postTo} as ${credentials.postAs}` : ""}`);

  const { config, path: configPath } = await loadConfig(inputs.config, cwd);
  core.info(configPath ? `config: ${relative(cwd, configPath) || configPath}` : "config: none found, using the built-in rules");
  if (config.org !== undefined && config.org.toLowerCase() !== inputs.organization.toLowerCase()) {
    core.warning(`the config's org is ${config.org} but the organization input is ${inputs.organization}; reporting on ${inputs.organization}`);
  }
  const timeZone = inputs.timeZone ?? config.timeZone;
  if (!isValidTimeZone(timeZone)) throw new ActionError(`input time-zone: ${JSON.stringify(timeZone)} is not an IANA time zone (e.g. UTC, America/New_York)`);
  const month = inputs.month ?? lastCompleteMonth(new Date(), timeZone);
  const window = monthWindow(month, timeZone);
  if (Date.parse(window.to) > Date.now()) throw new ActionError(`input month: ${month} (${timeZone}) has not ended yet; it ends ${window.to}`);
  const at = generatedAt(env);

  const ctx = { org: inputs.organization, token: credentials.readToken, apiUrl: graphqlUrl, config, excludeRepos: inputs.excludeRepos, log: (line: string) => core.info(line) };
  const dataset = await collectMonth(ctx, window, inputs.trackExternalRepos).catch((error: unknown) => {
    // The library names the CLI's GITHUB_TOKEN; here the credential is an input.
    if (error instanceof GitHubError && error.code === "E_GITHUB_AUTH") throw new GitHubError(error.code, `reading ${inputs.organization} as ${credentials.readAs}: ${error.message}`);
    throw error;
  });
  const missing = (dataset.warnings ?? []).filter((w) => w.code !== "EXCLUDED");
  if (missing.length > 0) core.warning(`${missing.length} part(s) of ${inputs.organization} could not be read (first: ${missing[0]?.message}); the report's data completeness section lists them`);

  const previous = await collectPrevious(ctx, month, timeZone, window, { path: inputs.previousDataset, fetch: inputs.fetchPrevious, cwd, external: inputs.trackExternalRepos });
  if (previous.missing) core.notice(previous.missing);
  else if (previous.dataset?.source.cost) core.info(`previous month: ${previous.dataset.source.cost.requests} requests, ${previous.dataset.source.cost.points} points`);

  let audit: ReturnType<typeof auditReport> | undefined;
  if (inputs.audit) {
    try {
      audit = await runAudit(inputs, credentials.readToken, graphqlUrl, dataset, config, at);
    } catch (error) {
      // The report stands without the checklist; the gate then rests on the activity alone.
      core.warning(`audit skipped: ${(error as Error).message}`);
    }
  }

  const report = buildReport(dataset, config, { generatedAt: at, ...(previous.dataset ? { previous: previous.dataset } : {}), ...(audit !== undefined ? { audit } : {}) });
  const mdParts = renderReport(report, "md", { split: true });
  const paths = await writeFiles(inputs.outputDir, cwd, dataset, report, mdParts, audit);
  core.info(`wrote ${paths.dataset}, ${paths.json}, ${paths.html} and ${paths.md}${mdParts.length > 1 ? ` (+${mdParts.length - 1} parts)` : ""}`);

  const whole = mdParts.length === 1 ? mdParts[0]! : renderReport(report, "md").join("");
  core.appendSummary(trimMarkdown(whole, SUMMARY_LIMIT), env);

  let posted: PostResult | undefined;
  if (inputs.postTo !== undefined) {
    posted = await publishReport(report, { repo: inputs.postTo, token: credentials.postToken!, apiUrl: graphqlUrl, labels: inputs.labels, dryRun: inputs.dryRun, parts: mdParts });
    for (const line of describePost(posted)) core.info(inputs.dryRun ? `dry run: ${line}` : line);
  } else {
    core.info("post-to is empty: the report is not posted");
  }

  const abs = (p: string): string => (isAbsolute(p) ? p : resolve(cwd, p));
  const share = automationShare(report);
  core.setOutput("issue-url", posted?.url ?? "", env);
  core.setOutput("report-json", abs(paths.json), env);
  core.setOutput("dataset", abs(paths.dataset), env);
  core.setOutput("report-markdown", abs(paths.md), env);
  core.setOutput("report-html", abs(paths.html), env);
  core.setOutput("automation-share", share === null ? "" : String(share), env);
  core.setOutput("personal-token-items", String(personalTokenItems(report)), env);
  core.setOutput("report-summary", reportSummary(report), env);
  core.setOutput("report-content", mdParts[0] ?? "", env);

  if (inputs.failOn === "personal") {
    const gate = personalGateLine(report, audit ? personalTokenGate(audit) : null);
    if (gate) throw new ActionError(gate);
  }
}
