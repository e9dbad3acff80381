import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadFixtureWorld } from "./fixtures/load.js";
import { BLOB_TEXT_LIMIT } from "./resolvers/git-object.js";
import { startFakeGitHub, type FakeGitHub } from "./server.js";

const TOKEN = "test-token";
const CI = "name: CI\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n";
let gh: FakeGitHub;

async function post(query: string): Promise<{ data?: any; errors?: any[] }> {
  const res = await fetch(gh.url, { method: "POST", headers: { "content-type": "application/json", authorization: `Bearer ${TOKEN}` }, body: JSON.stringify({ query }) });
  return (await res.json()) as { data?: unknown; errors?: unknown[] };
}

const TREE = `... on Tree { entries { name path type mode object { __typename ... on Blob { text isBinary isTruncated byteSize oid } } } }`;
const object = (repo: string, expression: string) => `{ repository(owner: "QuantEcon", name: ${JSON.stringify(repo)}) { object(expression: ${JSON.stringify(expression)}) { __typename ${TREE} ... on Blob { text } } } }`;

beforeAll(async () => {
  const world = loadFixtureWorld();
  world.workflows = {
    "QuantEcon/meta": {
      ".github/workflows/ci.yml": CI,
      ".github/workflows/logo.png": "\u0089PNG\u0000\u0001",
      ".github/workflows/big.yaml": `# ${"x".repeat(BLOB_TEXT_LIMIT)}\n`,
      ".github/workflows/scripts/helper.sh": "echo helper\n",
      "README.md": "# meta\n",
    },
  };
  gh = await startFakeGitHub(world, { token: TOKEN });
});
afterAll(() => gh.close());

describe("fake GitHub: Repository.object over the world's workflows", () => {
  it("answers a folder as a Tree of its direct entries, sorted by name, subfolders as trees", async () => {
    const { data, errors } = await post(object("meta", "HEAD:.github/workflows"));
    expect(errors).toBeUndefined();
    const tree = data.repository.object;
    expect(tree.__typename).toBe("Tree");
    expect(tree.entries.map((e: { name: string; type: string }) => `${e.type} ${e.name}`)).toEqual(["blob big.yaml", "blob ci.yml", "blob logo.png", "tree scripts"]);
    const ci = tree.entries.find((e: { name: string }) => e.name === "ci.yml");
    expect(ci).toMatchObject({ path: ".github/workflows/ci.yml", mode: 0o100644, object: { __typename: "Blob", text: CI, isBinary: false, isTruncated: false, byteSize: CI.length } });
    // git's blob id of the same bytes (`git hash-object`).
    expect(ci.object.oid).toBe("235fc8f736fc09ca855759b87c5b0cea6b3b2206");
  });
  it("answers null text for a binary blob and cut text for a large one, as GitHub does", async () => {
    const entries = (await post(object("meta", "HEAD:.github/workflows"))).data.repository.object.entries;
    const png = entries.find((e: { name: string }) => e.name === "logo.png").object;
    expect(png).toMatchObject({ isBinary: true, text: null });
    const big = entries.find((e: { name: string }) => e.name === "big.yaml").object;
    expect(big.isTruncated).toBe(true);
    expect(big.byteSize).toBe(BLOB_TEXT_LIMIT + 3);
    expect(big.text.length).toBe(BLOB_TEXT_LIMIT);
  });
  it("answers a file path as a Blob, by HEAD or the default branch's name", async () => {
    expect((await post(object("meta", "main:.github/workflows/ci.yml"))).data.repository.object).toMatchObject({ __typename: "Blob", text: CI });
    expect((await post(object("meta", "HEAD:README.md"))).data.repository.object.text).toBe("# meta\n");
  });
  it("answers null for a missing path, an unknown revision, or a repository without files", async () => {
    expect((await post(object("meta", "HEAD:.github/nothing"))).data.repository.object).toBeNull();
    expect((await post(object("meta", "no-such-branch:.github/workflows"))).data.repository.object).toBeNull();
    expect((await post(object("lecture-python.myst", "HEAD:.github/workflows"))).data.repository.object).toBeNull();
    expect((await post(object("empty-repo", "HEAD:.github/workflows"))).data.repository.object).toBeNull();
  });
});
