/**
 * `pnpm bench:fetch`: fetches a generated organization (400 repos, 20,000 PRs, 80,000 commits,
 * 8,000 issues in one month, with conversation comments) from the local GitHub-schema server,
 * once without comments (`--no-comments`) and once with them, and prints the requests and points
 * each spent beside the lower bound ceil(PRs/100) + ceil(issues/100) + ceil(commits/100) + ceil(repos/100).
 */
import { monthWindow, type Dataset } from "@quantecon/attribution";
import { fetchActivity } from "@quantecon/attribution-github";
import { generateWorld, startFakeGitHub } from "@quantecon/fake-github";

const size = { repos: 400, pullRequests: 20_000, commits: 80_000, issues: 8_000 };
const window = monthWindow("2026-05");
const token = "bench-token";

/** Requests per query name, e.g. `CommitHistory 270`. */
function byQuery(queries: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const q of queries) {
    const name = /query (\w+)/.exec(q)?.[1] ?? "?";
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  return [...counts].map(([name, n]) => `${name} ${n}`).join(", ");
}

const countComments = (d: Pick<Dataset, "pullRequests" | "issues">): number => [...d.pullRequests, ...d.issues].reduce((n, i) => n + (i.comments?.length ?? 0), 0);

const t0 = performance.now();
const world = generateWorld({ org: "BenchOrg", window, ...size, comments: true });
const worldComments = countComments(world);
const longThreads = [...world.pullRequests, ...world.issues].filter((i) => (i.comments?.length ?? 0) > 100).length;
// GitHub's hourly budget for a user token: the whole month must fit in it, each run on its own.
const server = await startFakeGitHub(world, { token, rateLimit: 10_000 });
const t1 = performance.now();
const bound = Math.ceil(size.pullRequests / 100) + Math.ceil(size.issues / 100) + Math.ceil(size.commits / 100) + Math.ceil(size.repos / 100);
let failed = false;
process.stdout.write(`generated ${size.repos} repos, ${size.pullRequests} PRs, ${size.commits} commits, ${size.issues} issues, ${worldComments} comments (${longThreads} threads over 100)\n`);
process.stdout.write(`setup     ${((t1 - t0) / 1000).toFixed(1)} s (generate world, start server)\n`);
try {
  for (const comments of [false, true]) {
    const from = server.queries.length;
    const pointsBefore = server.points;
    const started = performance.now();
    const dataset = await fetchActivity({ org: "BenchOrg", window, token, apiUrl: server.url, comments });
    const seconds = (performance.now() - started) / 1000;
    const cost = dataset.source.cost ?? { requests: NaN, points: NaN };
    const fetchedComments = countComments(dataset);
    const complete =
      dataset.repos.length === size.repos &&
      dataset.pullRequests.length === size.pullRequests &&
      dataset.commits.length === size.commits &&
      dataset.issues.length === size.issues &&
      fetchedComments === (comments ? worldComments : 0);
    const rows: [string, string][] = [
      ["fetched", `${dataset.repos.length} repos, ${dataset.pullRequests.length} PRs, ${dataset.commits.length} commits, ${dataset.issues.length} issues, ${fetchedComments} comments${complete ? " (complete)" : " (INCOMPLETE)"}`],
      ["requests", `${cost.requests} (lower bound ${bound} without comments; ratio ${(cost.requests / bound).toFixed(2)}, target <= 1.50)`],
      ["points", `${cost.points} (server charged ${server.points - pointsBefore})`],
      ["by query", byQuery(server.queries.slice(from))],
      ["fetch", `${seconds.toFixed(1)} s`],
    ];
    process.stdout.write(`\n${comments ? "with comments" : "without comments (--no-comments)"}\n`);
    for (const [k, v] of rows) process.stdout.write(`${k.padEnd(9)} ${v}\n`);
    if (!complete || cost.requests > bound * 1.5) failed = true;
  }
  if (failed) process.exitCode = 1;
} finally {
  await server.close();
}
