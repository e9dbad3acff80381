/**
 * `pnpm bench:fetch`: fetches a generated organization (400 repos, 20,000 PRs, 80,000 commits,
 * 8,000 issues in one month) from the local GitHub-schema server and prints the requests and
 * points spent beside the lower bound ceil(PRs/100) + ceil(issues/100) + ceil(commits/100) + ceil(repos/100).
 */
import { monthWindow } from "@quantecon/attribution";
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

const t0 = performance.now();
const world = generateWorld({ org: "BenchOrg", window, ...size });
// GitHub's hourly budget for a user token: the whole month must fit in it.
const server = await startFakeGitHub(world, { token, rateLimit: 5000 });
const t1 = performance.now();
try {
  const dataset = await fetchActivity({ org: "BenchOrg", window, token, apiUrl: server.url });
  const t2 = performance.now();
  const bound = Math.ceil(size.pullRequests / 100) + Math.ceil(size.issues / 100) + Math.ceil(size.commits / 100) + Math.ceil(size.repos / 100);
  const cost = dataset.source.cost ?? { requests: NaN, points: NaN };
  const complete =
    dataset.repos.length === size.repos && dataset.pullRequests.length === size.pullRequests && dataset.commits.length === size.commits && dataset.issues.length === size.issues;
  const rows: [string, string][] = [
    ["generated", `${size.repos} repos, ${size.pullRequests} PRs, ${size.commits} commits, ${size.issues} issues`],
    ["fetched", `${dataset.repos.length} repos, ${dataset.pullRequests.length} PRs, ${dataset.commits.length} commits, ${dataset.issues.length} issues${complete ? " (complete)" : " (INCOMPLETE)"}`],
    ["requests", `${cost.requests} (lower bound ${bound}; ratio ${(cost.requests / bound).toFixed(2)}, target <= 1.50)`],
    ["points", `${cost.points} (server charged ${server.points})`],
    ["by query", byQuery(server.queries)],
    ["setup", `${((t1 - t0) / 1000).toFixed(1)} s (generate world, start server)`],
    ["fetch", `${((t2 - t1) / 1000).toFixed(1)} s`],
  ];
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(9)} ${v}\n`);
  if (!complete || cost.requests > bound * 1.5) process.exitCode = 1;
} finally {
  await server.close();
}
