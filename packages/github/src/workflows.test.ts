import { generateWorld, loadFixtureWorld, startFakeGitHub, validateQuery, type FakeGitHub, type World } from "@quantecon/fake-github";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Clock } from "./clock.js";
import { GitHubError } from "./errors.js";
import { fetchWorkflowFiles, workflowFilesQuery, type FetchWorkflowFilesOptions } from "./workflows.js";

const TOKEN = "ghp_CANARY_0a1b2c3d4e5f60718293a4b5c6d7e8f9";
const CI = "name: CI\non: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n";
const SYNC = "name: Sync\non: workflow_dispatch\njobs: {}\n";

function world(): World {
  const w = loadFixtureWorld();
  w.workflows = {
    "QuantEcon/meta": {
      ".github/workflows/ci.yml": CI,
      ".github/workflows/Sync.YAML": SYNC,
      ".github/workflows/README.md": "not a workflow\n",
      ".github/workflows/icon.yml": "\u0000\u0001binary",
      ".github/workflows/templates/inner.yml": "name: not run by GitHub\n",
      ".github/dependabot.yml": "version: 2\n",
    },
    "QuantEcon/lecture-python.zh-cn": { ".github/workflows/huge.yml": `# ${"x".repeat(600 * 1024)}\n`, ".github/workflows/sync.yml": SYNC },
    "QuantEcon/old-site": { ".github/workflows/ci.yml": CI },
  };
  return w;
}

function fakeClock(start = Date.parse("2026-06-02T00:00:00Z")): Clock {
  let t = start;
  return { now: () => t, sleep: async (ms) => void (t += ms) };
}

let gh: FakeGitHub;
beforeAll(async () => {
  gh = await startFakeGitHub(world(), { token: TOKEN });
});
afterAll(() => gh.close());
beforeEach(() => gh.setFault(undefined));

const options = (extra: Partial<FetchWorkflowFilesOptions> = {}): FetchWorkflowFilesOptions => ({
  org: "QuantEcon",
  token: TOKEN,
  apiUrl: gh.url,
  clock: fakeClock(),
  random: () => 0.5,
  ...extra,
});

describe("fetchWorkflowFiles", () => {
  it("reads the .yml and .yaml files at the top of each repository's workflows folder, with blob links", async () => {
    const result = await fetchWorkflowFiles(options());
    expect(result.files.map((f) => `${f.repo}:${f.path}`)).toEqual([
      "QuantEcon/lecture-python.zh-cn:.github/workflows/sync.yml",
      "QuantEcon/meta:.github/workflows/Sync.YAML",
      "QuantEcon/meta:.github/workflows/ci.yml",
    ]);
    expect(result.files[2]).toEqual({ repo: "QuantEcon/meta", path: ".github/workflows/ci.yml", text: CI, url: "https://github.com/QuantEcon/meta/blob/main/.github/workflows/ci.yml" });
  });

  it("counts repositories without workflows (or without a branch) as read, and leaves archived ones out", async () => {
    const result = await fetchWorkflowFiles(options());
    expect(result.repos).toEqual([
      "QuantEcon/empty-repo",
      "QuantEcon/lecture-python.myst",
      "QuantEcon/lecture-python.notebooks",
      "QuantEcon/lecture-python.zh-cn",
      "QuantEcon/meta",
      "QuantEcon/sphinx-theme-fork",
    ]);
    expect(result.warnings).toContainEqual({ code: "EXCLUDED", repo: "QuantEcon/old-site", message: "QuantEcon/old-site is archived: its workflows cannot run" });
    const archived = await fetchWorkflowFiles(options({ includeArchived: true, repos: ["old-site"] }));
    expect(archived.files.map((f) => f.repo)).toEqual(["QuantEcon/old-site"]);
  });

  it("turns binary and cut-short files into warnings instead of auditing part of them", async () => {
    const { warnings } = await fetchWorkflowFiles(options());
    expect(warnings.filter((w) => w.code !== "EXCLUDED")).toEqual([
      { code: "TRUNCATED", repo: "QuantEcon/lecture-python.zh-cn", message: "QuantEcon/lecture-python.zh-cn: GitHub returned .github/workflows/huge.yml (614403 bytes) cut short; not audited" },
      { code: "BINARY", repo: "QuantEcon/meta", message: "QuantEcon/meta: .github/workflows/icon.yml is binary, not a YAML workflow; not audited" },
    ]);
  });

  it("asks for many repositories in one request, and sends only queries valid against GitHub's schema", async () => {
    const before = gh.queries.length;
    const result = await fetchWorkflowFiles(options());
    const sent = gh.queries.slice(before);
    // One page of the repository listing, then one request for the six repositories' folders.
    expect(sent.map((q) => /^query (\w+)/.exec(q)?.[1])).toEqual(["ListRepositories", "WorkflowFiles"]);
    for (const query of sent) expect(validateQuery(query)).toEqual([]);
    expect(result.cost.requests).toBe(2);
  });

  it("batches a large organization 25 repositories a request", async () => {
    const big = generateWorld({ window: { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z" }, repos: 60, pullRequests: 0, commits: 0, issues: 0 });
    big.workflows = Object.fromEntries(big.repos.map((r) => [r.name, { ".github/workflows/ci.yml": CI }]));
    const server = await startFakeGitHub(big, { token: TOKEN });
    try {
      const result = await fetchWorkflowFiles(options({ org: "BenchOrg", apiUrl: server.url }));
      const live = big.repos.filter((r) => !r.isArchived).length;
      expect(live).toBeGreaterThan(50);
      expect(result.files).toHaveLength(live);
      expect(server.queries.filter((q) => q.startsWith("query WorkflowFiles"))).toHaveLength(Math.ceil(live / 25));
    } finally {
      await server.close();
    }
  });

  it("reads only the named repositories, and names one that does not exist", async () => {
    const result = await fetchWorkflowFiles(options({ repos: ["QuantEcon/meta", "no-such-repo"] }));
    expect(result.repos).toEqual(["QuantEcon/meta"]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: "NOT_FOUND", repo: "QuantEcon/no-such-repo" }));
  });

  it("applies include and exclude patterns to whole names", async () => {
    const result = await fetchWorkflowFiles(options({ includeRepos: ["lecture-.*"], excludeRepos: ["lecture-python\\.notebooks"] }));
    expect(result.repos).toEqual(["QuantEcon/lecture-python.myst", "QuantEcon/lecture-python.zh-cn"]);
  });

  it("keeps the other repositories when one cannot be read, and says which", async () => {
    gh.setFault({ kind: "repoError", repo: "QuantEcon/meta", type: "FORBIDDEN" });
    const result = await fetchWorkflowFiles(options());
    expect(result.files.map((f) => f.repo)).toEqual(["QuantEcon/lecture-python.zh-cn"]);
    expect(result.warnings).toContainEqual(expect.objectContaining({ code: "FORBIDDEN", repo: "QuantEcon/meta" }));
  });

  it("retries a 502 and a dropped connection", async () => {
    gh.setFault({ kind: "status", status: 502, after: 1 });
    expect((await fetchWorkflowFiles(options())).files).toHaveLength(3);
    gh.setFault({ kind: "drop", after: 1 });
    expect((await fetchWorkflowFiles(options())).files).toHaveLength(3);
  });

  it("fails with a coded one-line error that never shows the token", async () => {
    const wrong = await fetchWorkflowFiles(options({ token: `${TOKEN}x` })).catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(GitHubError);
    expect((wrong as GitHubError).code).toBe("E_GITHUB_AUTH");
    expect((wrong as GitHubError).message).not.toContain(TOKEN);
    const org = await fetchWorkflowFiles(options({ org: "Nope" })).catch((e: unknown) => e);
    expect((org as GitHubError).code).toBe("E_GITHUB_NOT_FOUND");
    await expect(fetchWorkflowFiles(options({ token: "" }))).rejects.toMatchObject({ code: "E_GITHUB_USAGE" });
  });

  it("builds a query GitHub's schema accepts for several repositories", () => {
    expect(validateQuery(workflowFilesQuery([{ owner: "QuantEcon", name: "meta" }, { owner: "QuantEcon", name: "lecture-python.myst" }]))).toEqual([]);
  });
});
