import { monthWindow, parseDataset, type Config, type Dataset, type Window } from "@quantecon/attribution";
import { fetchActivity, GitHubError, type FetchActivityOptions } from "@quantecon/attribution-github";
import { checkPrevious, readDatasetFile } from "qe-report";

/** Where to fetch from and how to say what happens. */
export interface CollectContext {
  org: string;
  token: string;
  apiUrl: string;
  config: Config;
  excludeRepos: readonly string[];
  log: (line: string) => void;
}

function fetchOptions(ctx: CollectContext, window: Window): FetchActivityOptions {
  return {
    org: ctx.org,
    window,
    token: ctx.token,
    apiUrl: ctx.apiUrl,
    ...(ctx.config.repos.include ? { includeRepos: ctx.config.repos.include } : {}),
    excludeRepos: [...ctx.config.repos.exclude, ...ctx.excludeRepos],
    // A scheduled report is posted with what could be read; its completeness section lists the rest.
    allowPartial: true,
    onWait: ({ ms, reason }) => ctx.log(`  waiting ${Math.ceil(ms / 1000)}s: ${reason}`),
  };
}

const costOf = (d: Dataset): string => (d.source.cost ? `${d.source.cost.requests} requests, ${d.source.cost.points} points` : "cost unknown");

/** Items of `extra` (another owner's repositories) added to `base`: one dataset of the organization and the tracked repositories. */
export function mergeDatasets(base: Dataset, extra: readonly Dataset[]): Dataset {
  if (extra.length === 0) return base;
  const actors = new Map(base.actors.map((a) => [a.login.toLowerCase(), a]));
  for (const d of extra) for (const a of d.actors) if (!actors.has(a.login.toLowerCase())) actors.set(a.login.toLowerCase(), a);
  const warnings = [...(base.warnings ?? []), ...extra.flatMap((d) => d.warnings ?? [])];
  const cost = [base, ...extra].reduce((c, d) => ({ requests: c.requests + (d.source.cost?.requests ?? 0), points: c.points + (d.source.cost?.points ?? 0) }), { requests: 0, points: 0 });
  return parseDataset({
    ...base,
    source: { ...base.source, cost },
    repos: [...base.repos, ...extra.flatMap((d) => d.repos)],
    actors: [...actors.values()],
    pullRequests: [...base.pullRequests, ...extra.flatMap((d) => d.pullRequests)],
    commits: [...base.commits, ...extra.flatMap((d) => d.commits)],
    issues: [...base.issues, ...extra.flatMap((d) => d.issues)],
    ...(warnings.length > 0 ? { warnings } : {}),
  });
}

/** The organization's activity in the window, with the tracked repositories of other owners merged in. */
export async function collectMonth(ctx: CollectContext, window: Window, external: readonly { owner: string; name: string }[]): Promise<Dataset> {
  ctx.log(`fetching ${ctx.org} activity from ${window.from} to ${window.to}`);
  const dataset = await fetchActivity(fetchOptions(ctx, window));
  ctx.log(`fetched ${dataset.pullRequests.length} pull requests, ${dataset.commits.length} commits, ${dataset.issues.length} issues from ${dataset.repos.length} repositories (${costOf(dataset)})`);
  const extra: Dataset[] = [];
  for (const repo of external) {
    ctx.log(`fetching tracked repository ${repo.owner}/${repo.name}`);
    extra.push(await fetchActivity({ ...fetchOptions({ ...ctx, org: repo.owner, config: { ...ctx.config, repos: { exclude: [] } }, excludeRepos: [] }, window), org: repo.owner, repos: [repo.name] }));
  }
  return mergeDatasets(dataset, extra);
}

/** The month before `month` (YYYY-MM). */
export function previousMonth(month: string): string {
  const [y, m] = month.split("-").map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, "0")}`;
}

/** What the comparison with last month rests on. */
export interface PreviousResult {
  dataset: Dataset | undefined;
  /** Why there is no previous month, for a notice; undefined when there is one. */
  missing: string | undefined;
}

/**
 * Last month's dataset: the `previous-dataset` file when given (it must be of the same org and
 * end before this window starts), else fetched again when `fetchPrevious`; anything missing is
 * a notice, never a failure.
 */
export async function collectPrevious(
  ctx: CollectContext,
  month: string,
  timeZone: string,
  window: Window,
  options: { path: string | undefined; fetch: boolean; cwd: string; external: readonly { owner: string; name: string }[] },
): Promise<PreviousResult> {
  if (options.path !== undefined) {
    try {
      const dataset = await readDatasetFile(options.path, options.cwd, "previous-dataset");
      checkPrevious(dataset, options.path, ctx.org, window);
      return { dataset, missing: undefined };
    } catch (error) {
      return { dataset: undefined, missing: `previous-dataset ${(error as Error).message.replace(/^(--previous|previous-dataset) /, "")}; the report has no comparison with last month` };
    }
  }
  if (!options.fetch) return { dataset: undefined, missing: "no previous month (previous-dataset is empty and fetch-previous is off): the report has no comparison with last month" };
  const prev = previousMonth(month);
  try {
    const dataset = await collectMonth(ctx, monthWindow(prev, timeZone), options.external);
    return { dataset, missing: undefined };
  } catch (error) {
    const why = error instanceof GitHubError ? error.message : String((error as Error).message ?? error);
    return { dataset: undefined, missing: `could not fetch the previous month ${prev} (${why}): the report has no comparison with last month` };
  }
}
