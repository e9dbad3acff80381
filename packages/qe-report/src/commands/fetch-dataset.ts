import { fetchActivity, resolveGitHubEnv } from "@quantecon/attribution-github";
import type { Config, Dataset, Window } from "@quantecon/attribution";
import { QeReportError } from "../errors.js";
import type { CliIO } from "../io.js";
import { checkedEndpoint } from "./endpoint.js";

/** What a report needs fetched. */
export interface FetchForReportOptions {
  org: string;
  window: Window;
  config: Config;
  io: CliIO;
  quiet: boolean;
  allowPartial: boolean;
  insecure?: boolean;
  /** Fetch comments and who closed issues (default true). */
  comments?: boolean;
}

/** The GraphQL endpoint the environment points at (part of a cache entry's key). */
export function githubApiUrl(env: CliIO["env"]): string {
  return resolveGitHubEnv(env).apiUrl;
}

/** Fetches the window's dataset for a report, with the token from the environment and plain progress lines on stderr. */
export async function fetchDataset({ org, window, config, io, quiet, allowPartial, insecure, comments = true }: FetchForReportOptions): Promise<Dataset> {
  const { token, apiUrl } = resolveGitHubEnv(io.env);
  if (!token) {
    throw new QeReportError(
      "E_USAGE",
      `fetching ${org} needs a token: set GITHUB_TOKEN (or GH_TOKEN) to a token with read access to ${org}, or report on a file with --input FILE (or --demo)`,
    );
  }
  checkedEndpoint(apiUrl, insecure, io, "qe-report");
  const say = (line: string) => void (quiet || io.stderr.write(line + "\n"));
  say(`fetching ${org} activity from ${window.from} to ${window.to}`);
  let phase = "";
  const dataset = await fetchActivity({
    org,
    window,
    token,
    apiUrl,
    ...(config.repos.include ? { includeRepos: config.repos.include } : {}),
    excludeRepos: config.repos.exclude,
    allowPartial,
    allowInsecure: insecure === true,
    comments,
    // One line per phase: reports run in CI logs more often than in terminals.
    onProgress: (p) => {
      if (p.phase !== phase) say(`  ${(phase = p.phase)}...`);
    },
    onWait: ({ ms, reason }) => say(`  waiting ${Math.ceil(ms / 1000)}s: ${reason}`),
  });
  const cost = dataset.source.cost ? ` in ${dataset.source.cost.requests} requests (${dataset.source.cost.points} points)` : "";
  say(`fetched ${dataset.pullRequests.length} pull requests, ${dataset.commits.length} commits, ${dataset.issues.length} issues from ${dataset.repos.length} repositories${cost}`);
  const missing = (dataset.warnings ?? []).filter((w) => w.code !== "EXCLUDED");
  if (missing.length > 0) io.stderr.write(`qe-report: warning: ${missing.length} part(s) of the fetch are missing (--allow-partial); the report's data completeness section lists them\n`);
  return dataset;
}
