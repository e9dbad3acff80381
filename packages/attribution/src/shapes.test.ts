import { describe, expect, it } from "vitest";
import { aiAssistance } from "./ai-assist.js";
import { classify } from "./classify.js";
import { parseConfig, type ConfigInput } from "./config.js";
import { parseDataset, type Commit, type Dataset, type PullRequest } from "./dataset.js";
import { evidenceSide } from "./sides.js";
import type { Verdict } from "./verdict.js";

/*
 * The mistake classes of issue 8, each as a small anonymised shape seen in real histories:
 * identities, messages, offsets and cadence as real repositories show them, names changed.
 */

let serial = 0;
const oid = () => (++serial).toString(16).padStart(40, "0");
type Who = { login: string | null; name: string | null; email: string | null };
const web: Who = { login: "web-flow", name: "GitHub", email: "noreply@github.com" };

function commit(repo: string, message: string, author: Who, at: string, extra: Partial<Commit> = {}): Commit {
  const id = oid();
  return {
    repo, oid: id, url: `https://github.com/${repo}/commit/${id}`, message, authoredAt: at, committedAt: at, author, committer: author,
    parents: 1, committedViaWeb: false, pullRequest: null, ...extra,
  };
}

function pr(repo: string, number: number, title: string, author: string, at: string, extra: Partial<PullRequest> = {}): PullRequest {
  return {
    repo, number, url: `https://github.com/${repo}/pull/${number}`, title, body: "", author, createdAt: at, updatedAt: at, closedAt: at, mergedAt: at,
    mergedBy: author, state: "MERGED", isDraft: false, headRef: `branch-${number}`, baseRef: "main", headRepo: repo, labels: [], assignees: [],
    additions: 1, deletions: 1, changedFiles: 1, reviews: [], ...extra,
  };
}

function dataset(parts: Partial<Pick<Dataset, "actors" | "pullRequests" | "commits" | "issues">>): Dataset {
  return parseDataset({
    schema: "qe-activity/v1", generatedAt: "2026-06-01T00:00:00Z", source: { kind: "test", org: "acme" },
    window: { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z", timeZone: "UTC" },
    repos: [], actors: [], pullRequests: [], commits: [], issues: [], ...parts,
  });
}

function run(data: Dataset, config: ConfigInput = {}): Map<string, Verdict> {
  return new Map(classify(data, parseConfig(config)).map((v) => [v.ref, v]));
}

const brief = (v: Verdict | undefined) => v && { class: v.class, channel: v.channel, kind: v.kind, actor: v.actor, onBehalfOf: v.onBehalfOf };
const day = (d: number, h = 10, m = 0, s = 0) => `2026-05-${String(d).padStart(2, "0")}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:${String(s).padStart(2, "0")}Z`;
const R = "acme/tool";

describe("AI coding agents, known by id whatever the API calls them", () => {
  const copilot: Who = { login: "Copilot", name: "Copilot", email: "198982749+Copilot@users.noreply.github.com" };
  const claude: Who = { login: null, name: "anthropic-code-agent[bot]", email: "242468646+Claude@users.noreply.github.com" };
  const data = dataset({
    actors: [{ login: "Copilot", type: "User", name: null }, { login: "maria-r", type: "User", name: "Maria R" }, { login: "Claude", type: "User", name: null }],
    pullRequests: [
      pr(R, 10, "Fix flaky retry test", "Copilot", day(3), { headRef: "copilot/fix-flaky-retry-test", assignees: ["maria-r"], body: "Fixes #9\n\n<!-- START COPILOT CODING AGENT SUFFIX -->" }),
    ],
    commits: [
      // The squash commit: `Copilot <198982749+Copilot@…>` with a User-typed login, the assigner as co-author.
      commit(R, "Fix flaky retry test (#10)\n\n* Initial plan\n\n* Fix test\n\nCo-authored-by: maria-r <5512345+maria-r@users.noreply.github.com>", copilot, day(3, 12), { committer: web, committedViaWeb: true, pullRequest: 10 }),
      commit(R, "Initial plan", copilot, day(4, 9)),
      commit(R, "Add parser for nested lists", claude, day(5, 9)),
      commit(R, "Add parser for nested lists (again)", { ...claude, login: "Claude" }, day(5, 10)),
    ],
  });
  const v = run(data);

  it("takes a User-typed `Copilot` PR on a copilot/ branch as the agent's, for the assigner", () => {
    expect(brief(v.get(`${R}#10`))).toEqual({ class: "automation", channel: "github-app", kind: "ai-agent", actor: "Copilot", onBehalfOf: "maria-r" });
  });

  it("takes `Copilot <198982749+Copilot@…>` commits as agent-authored, for the co-author who delegated", () => {
    const commits = [...v.values()].filter((x) => x.type === "commit" && x.actor === "Copilot");
    expect(commits).toHaveLength(2);
    expect(brief(commits[0])).toEqual({ class: "automation", channel: "github-app", kind: "ai-agent", actor: "Copilot", onBehalfOf: "maria-r" });
    expect(commits[1]).toMatchObject({ class: "automation", channel: "github-app", kind: "ai-agent" });
    expect(commits[1]?.evidence.map((e) => e.detail).join("\n")).toContain("account id 198982749");
  });

  it("takes `anthropic-code-agent[bot] <242468646+Claude@…>` as the Claude agent, linked or not", () => {
    const claudes = [...v.values()].filter((x) => x.type === "commit" && /nested lists/.test(data.commits.find((c) => x.ref.endsWith(c.oid))?.message ?? ""));
    expect(claudes.map((x) => [x.class, x.channel, x.kind])).toEqual([["automation", "github-app", "ai-agent"], ["automation", "github-app", "ai-agent"]]);
  });
});

describe("degrees of AI involvement stay apart", () => {
  const person: Who = { login: "lee", name: "Lee Park", email: "lee@example.org" };
  const data = dataset({
    actors: [{ login: "lee", type: "User", name: "Lee Park" }],
    pullRequests: [pr(R, 20, "Add CSV export", "lee", day(6), { headRef: "codex/add-csv-export", body: "Summary\n\nhttps://chatgpt.com/codex/tasks/task_e_68a1b2c3d4" })],
    commits: [
      commit(R, "Tidy imports\n\nCo-authored-by: Claude <noreply@anthropic.com>", person, day(6, 11)),
      commit(R, "Rename helper\n\nCo-authored-by: Claude Monet <claude@monet.example>", person, day(6, 12)),
      commit(R, "Port the CLI to the new API", { login: null, name: "Claude", email: "noreply@anthropic.com" }, day(6, 13), { committer: person }),
    ],
  });
  const v = [...run(data).values()];

  it("agent run as the person (Codex cloud PR): automation under their account", () => {
    expect(brief(v[0])).toEqual({ class: "automation", channel: "personal-token", kind: "ai-agent", actor: "lee", onBehalfOf: "lee" });
  });

  it("AI-assisted human work only from an exact address", () => {
    expect(v[1]).toMatchObject({ class: "human", actor: "lee" });
    expect(v[1]?.evidence.some((e) => e.signal === "ai-assisted")).toBe(true);
    expect(v[2]?.evidence.some((e) => e.signal === "ai-assisted")).toBe(false);
  });

  it("a Claude Code session's own commit is the agent's, run for the person who committed it", () => {
    expect(brief(v[3])).toEqual({ class: "automation", channel: "personal-token", kind: "ai-agent", actor: "Claude", onBehalfOf: "lee" });
  });
});

describe("unlinked automation identities", () => {
  const admin: Who = { login: null, name: "Automatic Merge Administrator", email: "merge-admin@example-forge.org" };
  const nightly: Who = { login: null, name: "Example Project Automation", email: "automation@example-project.org" };
  const forge: Who = { login: null, name: "forge-admin", email: "forge-admin@example-forge.org" };
  const commits: Commit[] = [];
  for (let i = 1; i <= 6; i++) {
    commits.push(commit("forge/numpy-feedstock", `Merge pull request #${100 + i} from forge-bot/dependabot/pip/numpy-2.${i}\n\nBump numpy`, admin, day(i, 3, 7), { parents: 2, authorOffset: "+00:00" }));
    commits.push(commit("proj/site", `Nightly data refresh ${day(i).slice(0, 10)}`, nightly, day(i, 2, 1), { authorOffset: "+00:00" }));
  }
  for (const [i, migration] of ["python313", "libffi38", "openssl40", "numpy2"].entries()) {
    commits.push(commit(`forge/pkg${i}-feedstock`, `[ci skip] ***NO_CI*** ${migration} migration started`, forge, day(i + 2, 5), { authorOffset: "+00:00" }));
  }
  const v = [...run(dataset({ commits })).values()];

  it.each([
    ["an automatic merge administrator merging bot PRs", "Automatic Merge Administrator"],
    ["a nightly job as `<Project> Automation <automation@…>`", "Example Project Automation"],
    ["an admin identity's templated `[ci skip] … migration` commits", "forge-admin"],
  ])("%s is automation", (_, actor) => {
    const mine = v.filter((x) => x.actor === actor);
    expect(mine.length).toBeGreaterThanOrEqual(4);
    expect(mine.every((x) => x.class === "automation" && x.channel === "machine-account")).toBe(true);
    // Both sides agree and both are on record.
    expect(mine[0]?.evidence.some((e) => e.rule === "actor/automation-identity")).toBe(true);
    expect(mine[0]?.evidence.some((e) => e.rule.startsWith("behaviour/"))).toBe(true);
  });
});

describe("names are not proof", () => {
  // Bot is a real surname: login and name say "bot", the work is varied and hand-written at +02:00.
  const ana: Who = { login: "ana-bot", name: "Ana Bot", email: "ana@example.org" };
  const messages = ["Fix off-by-one in pager", "Document the retry flag", "Refactor config loader", "Add tests for empty input", "Speed up tokenizer", "Handle missing locale"];
  const data = dataset({
    actors: [{ login: "ana-bot", type: "User", name: "Ana Bot" }, { login: "deps-bot", type: "User", name: null }],
    pullRequests: [
      pr(R, 30, "Support nested tables in the renderer", "ana-bot", day(4)),
      pr(R, 31, "Clarify install docs for Windows", "ana-bot", day(9)),
      ...["alpha", "beta", "gamma", "delta"].map((repo, i) => pr(`acme/${repo}`, 40 + i, `Bump lodash from 4.17.${20 + i} to 4.17.${21 + i}`, "deps-bot", day(2 + i, 4), { headRef: `deps/lodash-4.17.${21 + i}` })),
    ],
    commits: messages.map((m, i) => commit(R, m, ana, day(i + 1, 9 + i), { authorOffset: "+02:00" })),
  });
  const v = run(data);

  it("keeps a person named Bot with varied hand-written work human, showing both sides", () => {
    const hers = [...v.values()].filter((x) => x.actor === "ana-bot");
    expect(hers).toHaveLength(8);
    expect(hers.every((x) => x.class === "human")).toBe(true);
    const sides = new Set(hers[0]?.evidence.map((e) => evidenceSide(e)));
    expect(sides.has("automation")).toBe(true);
    expect(sides.has("person")).toBe(true);
  });

  it("still finds a -bot machine user with templated bump PRs across repositories", () => {
    const bumps = [...v.values()].filter((x) => x.actor === "deps-bot");
    expect(bumps).toHaveLength(4);
    expect(bumps.every((x) => x.class === "automation" && x.channel === "machine-account")).toBe(true);
  });
});

describe("automation under a person's identity, known only by behaviour", () => {
  const maintainer: Who = { login: "kmaint", name: "K Maintainer", email: "k@example.org" };
  const commits: Commit[] = [];
  const hand = ["Fix typo in README", "Improve error for bad flags", "Add --quiet option", "Refactor output writer", "Update contributing guide", "Handle SIGPIPE", "Test the parser on CRLF"];
  hand.forEach((m, i) => commits.push(commit(R, m, maintainer, day(i + 1, 8 + i), { authorOffset: "+02:00" })));
  // A release workflow: version bump and lock-file update seconds apart, from a runner at +00:00.
  for (const [i, version] of ["1.4.0", "1.5.0"].entries()) {
    commits.push(commit(R, `chore: bump version to ${version}`, maintainer, day(10 + 7 * i, 14, 2, 11), { authorOffset: "+00:00" }));
    commits.push(commit(R, "chore: update lockfile", maintainer, day(10 + 7 * i, 14, 2, 19), { authorOffset: "+00:00" }));
  }
  // A lone hand commit at +00:00 (a trip to London) stays theirs.
  commits.push(commit(R, "Fix crash on empty config", maintainer, day(20, 9), { authorOffset: "+00:00" }));
  const v = [...run(dataset({ actors: [{ login: "kmaint", type: "User", name: "K Maintainer" }], commits })).values()];

  it("takes the runner's bump and lock-file commits as automation under the maintainer", () => {
    const release = v.slice(hand.length, hand.length + 4);
    // A runner pushed them: the workflow's work (github-actions), started by the maintainer.
    for (const x of release) expect(brief(x)).toEqual({ class: "automation", channel: "github-actions", kind: "release", actor: "kmaint", onBehalfOf: "kmaint" });
    const sides = release[0]?.evidence.map((e) => evidenceSide(e)) ?? [];
    expect(sides).toContain("automation");
    expect(sides).toContain("person");
  });

  it("keeps the maintainer's hand commits, and a lone +00:00 one, human", () => {
    expect(v.slice(0, hand.length).every((x) => x.class === "human")).toBe(true);
    expect(v.at(-1)?.class).toBe("human");
  });
});

describe("runner offsets weighed against where the person works", () => {
  const people = [{ login: "kmaint", type: "User" as const, name: "K Maintainer" }];
  const maintainer: Who = { login: "kmaint", name: "K Maintainer", email: "k@example.org" };
  const hand = ["Fix typo in README", "Improve error for bad flags", "Add --quiet option"];

  it("finds a workflow's release pairs even when they outnumber the maintainer's own commits", () => {
    const commits = hand.map((m, i) => commit(R, m, maintainer, day(i + 1, 9), { authorOffset: "+02:00" }));
    for (const [i, version] of ["2.0.0", "2.1.0", "2.2.0", "2.3.0"].entries()) {
      commits.push(commit(R, `chore: release v${version}`, maintainer, day(5 + 5 * i, 14, 2, 11), { authorOffset: "+00:00" }));
      commits.push(commit(R, "chore: update package-lock.json", maintainer, day(5 + 5 * i, 14, 2, 20), { authorOffset: "+00:00" }));
    }
    const v = [...run(dataset({ actors: people, commits })).values()];
    expect(v.slice(0, 3).map((x) => x.class)).toEqual(["human", "human", "human"]);
    expect(v.slice(3).map((x) => `${x.class}/${x.channel}`)).toEqual(Array(8).fill("automation/github-actions"));
  });

  it("keeps a maintainer at +00:00 typing a release checklist human, bumps minutes apart and all", () => {
    // sphinx-doc/sphinx's shape: "Bump to X final", then "Bump version" under 2 minutes later,
    // by hand from the maintainer's own machine, among his varied commits at the same offset.
    const own = ["Fix CHANGES", "Import names from defining module", "Restore some missing exports", "Clarify a CHANGES entry", "Fix tests for Python 3.15"];
    const commits = own.map((m, i) => commit(R, m, maintainer, day(i + 1, 11), { authorOffset: "+00:00" }));
    for (const [i, version] of ["9.0.1", "9.0.2", "9.0.3"].entries()) {
      commits.push(commit(R, `Bump to ${version} final`, maintainer, day(10 + 3 * i, 6, 16, 59), { authorOffset: "+00:00" }));
      commits.push(commit(R, "Bump version", maintainer, day(10 + 3 * i, 6, 18, 50), { authorOffset: "+00:00" }));
    }
    const v = [...run(dataset({ actors: people, commits })).values()];
    expect(v.map((x) => x.class)).toEqual(Array(11).fill("human"));
  });
});

describe("unlinked identities joined", () => {
  const data = dataset({
    actors: [{ login: "jstac", type: "User", name: "John Stachurski" }, { login: "mlee", type: "User", name: null }],
    commits: [
      commit(R, "Add exercise", { login: "jstac", name: "John Stachurski", email: "john@example.edu" }, day(2)),
      commit(R, "Fix figure", { login: null, name: "John Stachurski", email: "john@Johns-MacBook-Pro.local" }, day(3)),
      commit(R, "Fix link", { login: null, name: "J. Stachurski", email: "john@example.edu" }, day(4)),
      commit(R, "Polish", { login: null, name: "Lee M", email: "lee@laptop.local" }, day(5)),
    ],
  });

  it("joins by a name or email the dataset links elsewhere", () => {
    const v = [...run(data).values()];
    expect(v.map((x) => x.actor)).toEqual(["jstac", "jstac", "jstac", "Lee M"]);
    expect(v[1]?.evidence.find((e) => e.rule === "actor/alias")?.detail).toContain('the name "John Stachurski"');
  });

  it("joins by the config's aliases", () => {
    const v = [...run(data, { aliases: { mlee: ["lee@laptop.local"] } }).values()];
    expect(v[3]).toMatchObject({ actor: "mlee", class: "human" });
  });

  it("rejects an aliases entry that is not a list of names or emails", () => {
    expect(() => parseConfig({ aliases: { mlee: "lee@laptop.local" } })).toThrow(/aliases\.mlee/);
  });
});

describe("co-author trailers are read in linear time", () => {
  it("reads a hostile trailer of 400,000 `<` quickly and finds no assistant", () => {
    const message = `fix\n\nCo-authored-by: claude ${"<".repeat(400_000)}`;
    expect(aiAssistance([message.slice(5)], undefined)).toEqual([]);
    const v = classify(dataset({ commits: [commit(R, message, { login: null, name: "x", email: "x@example.org" }, day(1))] }));
    expect(v[0]?.class).toBe("human");
  });
});

describe("precision on shapes seen in real histories", () => {
  it("keeps a UK maintainer's rebased copies human: copies are one commit, and a person applied them", () => {
    const matt: Who = { login: null, name: "Matt H", email: "matt@example.org" };
    const sam: Who = { login: null, name: "Sam M", email: "sam@example.org" };
    const v = [...run(dataset({
      commits: [
        commit(R, "update docs", matt, day(26, 11, 54, 6), { committer: sam, authorOffset: "+00:00", committedAt: day(26, 15, 7, 38) }),
        commit(R, "update docs", matt, day(26, 11, 54, 6), { committer: sam, authorOffset: "+00:00", committedAt: day(26, 15, 9, 1) }),
        commit(R, "Tidy the generator", matt, day(27, 10), { authorOffset: "+00:00" }),
      ],
    })).values()];
    expect(v.map((x) => x.class)).toEqual(["human", "human", "human"]);
  });

  it("takes `[ci] format` pushed by a glued-bot committer under a person's address as automation", () => {
    const bot: Who = { login: null, name: "fredkbot", email: "fred+astrobot@example.build" };
    const person: Who = { login: "delu", name: "Felix S", email: "delu@users.noreply.github.com" };
    const v = [...run(dataset({
      actors: [{ login: "delu", type: "User", name: "Felix S" }],
      commits: [
        commit(R, "[ci] format", person, day(3, 7), { committer: bot, authorOffset: "+00:00" }),
        commit(R, "[ci] format", person, day(4, 9), { committer: bot, authorOffset: "+00:00" }),
        commit(R, "Explain sidebar groups", person, day(5, 9), { authorOffset: "+02:00" }),
      ],
    })).values()];
    expect(v.map((x) => [x.class, x.channel])).toEqual([["automation", "machine-account"], ["automation", "machine-account"], ["human", "human"]]);
  });
});
