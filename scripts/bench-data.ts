/** A generated organization month for benchmarks: people, bots, the machine account, QuantEcon's automation shapes. */
import type { Commit, Dataset, Issue, PullRequest } from "@quantecon/attribution";

/*
 * Each item as a program holds it after reading it from JSON (a dataset file, the API's
 * answers): every string flat. Strings built with templates are chains of parts in V8, and the
 * first code to read one pays for copying it flat, which a real dataset never asks. One item
 * at a time, so no second copy of the dataset is ever held.
 */
const asRead = <T>(item: T): T => JSON.parse(JSON.stringify(item)) as T;

// A deterministic mix: people, bots, the machine account, and the QuantEcon automation shapes.
export function generateBenchDataset(total: number): Dataset {
  const people = Array.from({ length: 200 }, (_, i) => `person${i}`);
  const repos = Array.from({ length: 400 }, (_, i) => `QuantEcon/repo-${i}`);
  const day = (i: number) => `2026-05-${String(1 + (i % 28)).padStart(2, "0")}T${String(i % 24).padStart(2, "0")}:00:00Z`;
  const pullRequests: PullRequest[] = [];
  const commits: Commit[] = [];
  const issues: Issue[] = [];
  let items = 0;
  let n = 0;
  while (items < total) {
    n++;
    const repo = repos[n % repos.length] as string;
    const shape = n % 10;
    const author = shape === 0 ? "dependabot" : shape === 1 ? "mmcky" : shape === 2 ? "quantecon-services" : (people[n % people.length] as string);
    const sync = shape === 1 || shape === 2;
    if (n % 3 === 0 && items + 3 <= total) {
      pullRequests.push(asRead({
        repo, number: n, url: `https://github.com/${repo}/pull/${n}`,
        title: sync ? `🌐 [translation-sync] [lecture${n}] Update` : shape === 0 ? "Bump numpy from 1 to 2" : `Improve lecture ${n}`,
        body: sync ? "## Automated Translation Sync\n\n<!-- translation-sync-metadata {\"sourceRepo\":\"QuantEcon/a\",\"sourcePR\":1,\"targetLanguage\":\"fa\"} -->" : "Some text about the change.",
        author, createdAt: day(n), updatedAt: day(n), closedAt: day(n + 1), mergedAt: day(n + 1), mergedBy: people[(n + 1) % people.length] as string,
        state: "MERGED", isDraft: false, headRef: sync ? `translation-sync-2026-05-13T12-48-54-pr-${n}` : shape === 0 ? `dependabot/pip/numpy-${n}` : `feature-${n}`,
        baseRef: "main", headRepo: repo, labels: sync ? ["action-translation", "automated"] : [], assignees: [], additions: 1, deletions: 1, changedFiles: 1,
        reviews: [
          { author: people[(n + 2) % people.length] as string, state: "APPROVED", submittedAt: day(n + 1) },
          { author: n % 7 === 0 ? "copilot-pull-request-reviewer" : (people[(n + 3) % people.length] as string), state: "COMMENTED", submittedAt: day(n) },
        ],
      }));
      items += 3;
    } else if (n % 3 === 1) {
      const oid = n.toString(16).padStart(40, "0");
      commits.push(asRead({
        repo, oid, url: `https://github.com/${repo}/commit/${oid}`,
        message: shape === 2 ? "auto publishing updates to notebooks" : shape === 1 ? "Update translation: lectures/x.md" : `Fix lecture ${n}\n\nCo-authored-by: Claude <noreply@anthropic.com>`,
        authoredAt: day(n), committedAt: day(n),
        author: shape === 2 ? { login: null, name: "QuantEcon Services", email: "admin@quantecon.org" } : { login: author, name: author, email: `${author}@example.org` },
        committer: { login: "web-flow", name: "GitHub", email: "noreply@github.com" }, parents: 1, committedViaWeb: true, pullRequest: null,
      }));
      items += 1;
    } else {
      issues.push(asRead({
        repo, number: n, url: `https://github.com/${repo}/issues/${n}`,
        title: shape === 3 ? "Weekly Report - Week Ending May 9, 2026" : `Question ${n}`, body: "",
        author: shape === 3 ? "github-actions" : author, createdAt: day(n), updatedAt: day(n), closedAt: null, state: "OPEN",
        labels: shape === 3 ? ["weekly-report", "automated"] : [],
      }));
      items += 1;
    }
  }
  return {
    schema: "qe-activity/v1", generatedAt: "2026-06-01T00:00:00Z", source: { kind: "bench", org: "QuantEcon" },
    window: { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z", timeZone: "UTC" },
    repos: repos.map((name) => ({ name, defaultBranch: "main", isArchived: false, isFork: false })),
    actors: [
      ...people.map((login) => ({ login, type: "User" as const, name: null })),
      { login: "mmcky", type: "User", name: "Matt McKay" }, { login: "quantecon-services", type: "User", name: null },
      { login: "dependabot", type: "Bot", name: null }, { login: "github-actions", type: "Bot", name: null },
      { login: "copilot-pull-request-reviewer", type: "Bot", name: null },
    ],
    pullRequests, commits, issues,
  };
}

