import type { DatasetWarning, Repo } from "@quantecon/attribution";
import type { z } from "zod";
import type { GitHubClient, GraphQLErrorItem, QueryResult } from "./client.js";
import { GitHubError } from "./errors.js";
import { Pager } from "./paging.js";
import { listRepositoriesQuery, lookUpRepositoriesQuery, type HistoryRange } from "./queries.js";
import { ListRepositoriesShape, LookUpRepositoriesShape, type RepositoryNode } from "./responses.js";

/** A repository to scan, with how many default-branch commits it has in the window. */
export interface ScannedRepo {
  repo: Repo;
  owner: string;
  name: string;
  commitCount: number;
}

const LOOKUPS_PER_REQUEST = 50;

function scanned(node: RepositoryNode): ScannedRepo {
  const [owner = "", name = ""] = node.nameWithOwner.split("/");
  return {
    repo: { name: node.nameWithOwner, defaultBranch: node.defaultBranchRef?.name ?? null, isArchived: node.isArchived, isFork: node.isFork },
    owner,
    name,
    commitCount: node.defaultBranchRef?.target?.history?.totalCount ?? 0,
  };
}

function orgProblem(org: string, errors: GraphQLErrorItem[]): GitHubError {
  const error = errors.find((e) => e.path?.[0] === "organization") ?? errors[0];
  if (error?.type === "FORBIDDEN") return new GitHubError("E_GITHUB_AUTH", `GitHub refused access to organization ${org}: ${error.message}`);
  return new GitHubError("E_GITHUB_NOT_FOUND", `GitHub organization ${JSON.stringify(org)} not found (or the token cannot see it): check --org`);
}

/** Every repository of the organization, in name order, one request per 100. */
export async function listRepositories(client: GitHubClient, org: string, range: HistoryRange, onPage: (count: number) => void): Promise<ScannedRepo[]> {
  const repos: ScannedRepo[] = [];
  const names = new Set<string>();
  const pager = new Pager("ListRepositories", `the repositories of ${org}`);
  let cursor: string | null = null;
  for (;;) {
    const result: QueryResult<z.infer<typeof ListRepositoriesShape>> = await client.query("ListRepositories", listRepositoriesQuery(org, cursor, range), ListRepositoriesShape);
    const { data, errors } = result;
    if (!data.organization) throw orgProblem(org, errors);
    if (errors.length > 0) throw new GitHubError("E_GITHUB_RESPONSE", `GitHub reported errors listing the repositories of ${org}: ${errors.map((e) => e.message).join("; ")}`);
    const page: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: RepositoryNode[] } = data.organization.repositories;
    let fresh = 0;
    for (const node of page.nodes) {
      if (names.has(node.nameWithOwner)) continue;
      names.add(node.nameWithOwner);
      repos.push(scanned(node));
      fresh += 1;
    }
    onPage(repos.length);
    const next = pager.advance(page.pageInfo, page.nodes.length, fresh);
    if (pager.problem) throw new GitHubError("E_GITHUB_RESPONSE", pager.problem);
    if (next === null) return repos;
    cursor = next;
  }
}

/** The named repositories, looked up in batches; one that cannot be read becomes a warning. */
export async function lookUpRepositories(
  client: GitHubClient,
  org: string,
  names: readonly string[],
  range: HistoryRange,
): Promise<{ repos: ScannedRepo[]; warnings: DatasetWarning[] }> {
  const repos: ScannedRepo[] = [];
  const warnings: DatasetWarning[] = [];
  for (let start = 0; start < names.length; start += LOOKUPS_PER_REQUEST) {
    const batch = names.slice(start, start + LOOKUPS_PER_REQUEST);
    const { data, errors } = await client.query("LookUpRepositories", lookUpRepositoriesQuery(org, batch, range), LookUpRepositoriesShape);
    if (!data.organization) throw orgProblem(org, errors);
    batch.forEach((name, i) => {
      const node = data[`r${i}`] as RepositoryNode | null | undefined;
      if (node) {
        repos.push(scanned(node));
        return;
      }
      const error = errors.find((e) => e.path?.[0] === `r${i}`);
      warnings.push({ code: error?.type ?? "NOT_FOUND", repo: `${org}/${name}`, message: error?.message ?? `repository ${org}/${name} could not be read` });
    });
  }
  return { repos, warnings };
}
