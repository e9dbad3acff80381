import { describe, expect, it } from "vitest";
import { classify } from "../classify.js";
import { defaultConfig } from "../config.js";
import type { Commit, Dataset, PullRequest } from "../dataset.js";
import { BUILTIN_RULES } from "./builtin.js";

const repo = "acme/widgets";
const at = "2026-05-10T12:00:00Z";

function pr(fields: Partial<PullRequest>): PullRequest {
  return {
    repo, number: 1, url: `https://github.com/${repo}/pull/1`, title: "Change", body: "", author: "alice",
    createdAt: at, updatedAt: at, closedAt: null, mergedAt: null, mergedBy: null, state: "OPEN", isDraft: false,
    headRef: "topic", baseRef: "main", headRepo: repo, labels: [], assignees: [], additions: 1, deletions: 0, changedFiles: 1, reviews: [],
    ...fields,
  };
}

function commit(fields: Partial<Commit>): Commit {
  return {
    repo, oid: "1".repeat(40), url: `https://github.com/${repo}/commit/${"1".repeat(40)}`, message: "Change", authoredAt: at, committedAt: at,
    author: { login: "alice", name: "Alice", email: "alice@example.org" }, committer: { login: null, name: "GitHub", email: "noreply@github.com" },
    parents: 1, committedViaWeb: false, pullRequest: null,
    ...fields,
  };
}

function verdictFor(item: { pr?: PullRequest; commit?: Commit }, bots: string[] = []) {
  const dataset: Dataset = {
    schema: "qe-activity/v1", generatedAt: at, source: { kind: "test", org: "acme" },
    window: { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z", timeZone: "UTC" },
    repos: [{ name: repo, defaultBranch: "main", isArchived: false, isFork: false }],
    actors: [{ login: "alice", type: "User", name: "Alice" }, ...bots.map((login) => ({ login, type: "Bot" as const, name: null }))],
    pullRequests: item.pr ? [item.pr] : [], commits: item.commit ? [item.commit] : [], issues: [],
  };
  const [verdict] = classify(dataset, defaultConfig());
  if (!verdict) throw new Error("no verdict");
  return { cls: verdict.class, channel: verdict.channel, kind: verdict.kind, decidedBy: verdict.evidence.at(-1)?.rule };
}

describe("built-in signature packs", () => {
  it("have unique ids under builtin/", () => {
    expect(new Set(BUILTIN_RULES.map((r) => r.id)).size).toBe(BUILTIN_RULES.length);
    expect(BUILTIN_RULES.every((r) => r.id.startsWith("builtin/"))).toBe(true);
  });

  it.each([
    ["dependabot by account", { pr: pr({ author: "dependabot", title: "Bump x from 1 to 2" }) }, ["dependabot"], "github-app", "dependency-update", "builtin/dependabot"],
    ["dependabot branch under a person's token", { pr: pr({ headRef: "dependabot/npm_and_yarn/x-2" }) }, [], "personal-token", "dependency-update", "builtin/dependabot"],
    ["renovate", { pr: pr({ author: "renovate", headRef: "renovate/x-2.x" }) }, ["renovate"], "github-app", "dependency-update", "builtin/renovate"],
    ["pre-commit-ci autoupdate", { pr: pr({ author: "pre-commit-ci", headRef: "pre-commit-ci-update-config" }) }, ["pre-commit-ci"], "github-app", "dependency-update", "builtin/pre-commit-ci-autoupdate"],
    ["pre-commit-ci fixes", { commit: commit({ author: { login: "pre-commit-ci", name: "pre-commit-ci[bot]", email: "66853113+pre-commit-ci[bot]@users.noreply.github.com" }, message: "[pre-commit.ci] auto fixes from pre-commit.com hooks" }) }, ["pre-commit-ci"], "github-app", "ci", "builtin/pre-commit-ci-fixes"],
    ["release-please", { pr: pr({ author: "github-actions", headRef: "release-please--branches--main" }) }, ["github-actions"], "github-actions", "release", "builtin/release-please"],
    ["changesets", { pr: pr({ author: "github-actions", headRef: "changeset-release/main", title: "Version Packages" }) }, ["github-actions"], "github-actions", "release", "builtin/changesets"],
    ["create-pull-request default branch", { pr: pr({ author: "github-actions", headRef: "create-pull-request/patch" }) }, ["github-actions"], "github-actions", "other", "builtin/create-pull-request"],
    ["create-pull-request body under a person's token", { pr: pr({ body: "Automated changes by [create-pull-request](https://github.com/peter-evans/create-pull-request) GitHub action" }) }, [], "personal-token", "other", "builtin/create-pull-request"],
    ["gh-pages deploy commit", { commit: commit({ author: { login: null, name: "github-actions[bot]", email: "41898282+github-actions[bot]@users.noreply.github.com" }, message: "deploy: 0123456789abcdef" }) }, [], "github-actions", "ci", "builtin/github-actions-deploy"],
    ["Copilot coding agent", { pr: pr({ author: "Copilot", headRef: "copilot/fix-12", assignees: ["alice"] }) }, ["Copilot"], "github-app", "ai-agent", "builtin/copilot-coding-agent"],
  ])("%s", (_name, item, bots, channel, kind, rule) => {
    expect(verdictFor(item, bots)).toEqual({ cls: "automation", channel, kind, decidedBy: rule });
  });

  it("do not fire on a person's own branch with a bump title", () => {
    expect(verdictFor({ pr: pr({ title: "⬆️ Bump anaconda to 2025.06", headRef: "update-anaconda" }) }).cls).toBe("human");
    expect(verdictFor({ pr: pr({ title: "Bump actions/checkout from 4 to 5", headRef: "bump-checkout" }) }).cls).toBe("human");
  });
});
