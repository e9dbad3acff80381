import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDataset } from "@quantecon/attribution";
import { extractDataset, linkedLogin, offsetOf } from "../scripts/eval-real/extract.js";
import { labelCommit } from "../scripts/eval-real/label-rules.js";
import { readLabels, writeLabels } from "../scripts/eval-real/labels.js";
import { runEval } from "../scripts/eval-real/eval.js";
import { rates, score } from "../scripts/eval-real/score.js";

// A tiny history written with git itself: a person at +02:00, dependabot through GitHub's
// squash merge, the Copilot coding agent, a merge commit bringing in a branch, and one commit
// outside the window.
let root: string;
let work: string;
let mirrors: string;
const oids: Record<string, string> = {};

function git(cwd: string, args: string[], env: Record<string, string> = {}): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", env: { ...process.env, GIT_CONFIG_NOSYSTEM: "1", HOME: root, ...env } }).trim();
}

function commit(name: string, message: string, who: { an: string; ae: string; cn: string; ce: string; date: string }): void {
  writeFileSync(join(work, `${name}.txt`), name);
  git(work, ["add", "."]);
  git(work, ["commit", "-q", "-m", message], {
    GIT_AUTHOR_NAME: who.an,
    GIT_AUTHOR_EMAIL: who.ae,
    GIT_AUTHOR_DATE: who.date,
    GIT_COMMITTER_NAME: who.cn,
    GIT_COMMITTER_EMAIL: who.ce,
    GIT_COMMITTER_DATE: who.date,
  });
  oids[name] = git(work, ["rev-parse", "HEAD"]);
}

const ada = { an: "Ada Person", ae: "1234+ada@users.noreply.github.com", cn: "Ada Person", ce: "1234+ada@users.noreply.github.com" };
const web = { cn: "GitHub", ce: "noreply@github.com" };

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "eval-real-"));
  work = join(root, "work");
  mirrors = join(root, "mirrors");
  mkdirSync(work);
  mkdirSync(mirrors);
  git(work, ["init", "-q", "-b", "main"]);
  commit("old", "Before the window", { ...ada, date: "2025-01-10T10:00:00+02:00" });
  commit("hand", "Fix the intro\n\nCo-authored-by: Claude <noreply@anthropic.com>", { ...ada, date: "2026-03-02T09:15:00+02:00" });
  commit("bump", "Bump actions/checkout from 4 to 5 (#7)", {
    an: "dependabot[bot]",
    ae: "49699333+dependabot[bot]@users.noreply.github.com",
    ...web,
    date: "2026-03-03T04:00:00+00:00",
  });
  commit("agent", "Add a test for the parser (#8)", { an: "Copilot", ae: "198982749+Copilot@users.noreply.github.com", ...web, date: "2026-03-04T11:00:00+00:00" });
  git(work, ["checkout", "-q", "-b", "feature"]);
  commit("side", "WIP on the feature", { ...ada, date: "2026-03-05T08:00:00+02:00" });
  git(work, ["checkout", "-q", "main"]);
  git(work, ["merge", "-q", "--no-ff", "feature", "-m", "Merge pull request #9 from ada/feature"], {
    GIT_AUTHOR_NAME: ada.an,
    GIT_AUTHOR_EMAIL: ada.ae,
    GIT_AUTHOR_DATE: "2026-03-05T10:00:00+02:00",
    GIT_COMMITTER_NAME: "GitHub",
    GIT_COMMITTER_EMAIL: "noreply@github.com",
    GIT_COMMITTER_DATE: "2026-03-05T10:00:00+02:00",
  });
  oids.merge = git(work, ["rev-parse", "HEAD"]);
  git(root, ["clone", "-q", "--bare", work, join(mirrors, "acme+widgets", "repo")]);
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

const window = { from: "2026-01-01T00:00:00Z", to: "2026-04-01T00:00:00Z" };

describe("the real-history extractor", () => {
  it("writes a valid qe-activity/v1 dataset of the window's default-branch commits", () => {
    const dataset = parseDataset(extractDataset(join(mirrors, "acme+widgets", "repo"), "acme/widgets", window));
    expect(dataset.commits.map((c) => c.oid).sort()).toEqual([oids.hand, oids.bump, oids.agent, oids.side, oids.merge].sort());
    expect(dataset.repos).toEqual([{ name: "acme/widgets", defaultBranch: "main", isArchived: false, isFork: false }]);
  });

  it("keeps git's own offsets beside UTC instants, and infers logins, web commits and PR numbers", () => {
    const dataset = extractDataset(join(mirrors, "acme+widgets", "repo"), "acme/widgets", window);
    const by = new Map(dataset.commits.map((c) => [c.oid, c]));
    const hand = by.get(oids.hand as string);
    expect(hand).toMatchObject({ authoredAt: "2026-03-02T07:15:00Z", authorOffset: "+02:00", committerOffset: "+02:00", committedViaWeb: false, pullRequest: null });
    expect(hand?.author).toEqual({ login: "ada", name: "Ada Person", email: "1234+ada@users.noreply.github.com" });
    const bump = by.get(oids.bump as string);
    expect(bump).toMatchObject({ authorOffset: "+00:00", committedViaWeb: true, pullRequest: 7 });
    expect(bump?.author.login).toBeNull();
    expect(bump?.committer.login).toBe("web-flow");
    expect(by.get(oids.agent as string)?.author.login).toBe("Copilot");
    expect(by.get(oids.merge as string)).toMatchObject({ parents: 2, pullRequest: 9 });
    expect(by.get(oids.side as string)?.pullRequest).toBe(9);
    expect(dataset.actors.map((a) => a.login)).toEqual(["ada", "Copilot", "web-flow"]);
  });

  it("reads offsets and noreply logins exactly", () => {
    expect(offsetOf("2026-03-02T09:15:00-05:30")).toBe("-05:30");
    expect(offsetOf("2026-03-02T09:15:00Z")).toBe("+00:00");
    expect(linkedLogin("mmcky@users.noreply.github.com")).toBe("mmcky");
    expect(linkedLogin("49699333+dependabot[bot]@users.noreply.github.com")).toBeNull();
    expect(linkedLogin("someone@example.org")).toBeNull();
  });
});

describe("the labelling rules and the score", () => {
  it("label by identity and template, and a person stays a person", () => {
    const dataset = extractDataset(join(mirrors, "acme+widgets", "repo"), "acme/widgets", window);
    const labels = new Map(dataset.commits.map((c) => [c.oid, labelCommit(c)]));
    expect(labels.get(oids.hand as string)).toEqual({ class: "human", channel: "human", rule: "person" });
    expect(labels.get(oids.bump as string)).toEqual({ class: "automation", channel: "github-app", rule: "app/dependabot" });
    expect(labels.get(oids.agent as string)).toEqual({ class: "automation", channel: "github-app", rule: "agent/copilot-coding-agent" });
  });

  it("counts precision, recall and channel accuracy", () => {
    const labels = new Map([
      ["a", { class: "automation" as const, channel: "github-app" as const, rule: "r" }],
      ["b", { class: "automation" as const, channel: "github-actions" as const, rule: "r" }],
      ["c", { class: "human" as const, channel: "human" as const, rule: "r" }],
      ["d", { class: "human" as const, channel: "human" as const, rule: "r" }],
    ]);
    const s = score(
      labels,
      new Map([
        ["a", { class: "automation" as const, channel: "github-app" }],
        ["b", { class: "human" as const, channel: "human" }],
        ["c", { class: "automation" as const, channel: "personal-token" }],
      ]),
    );
    expect(s).toMatchObject({ commits: 3, tp: 1, fp: 1, fn: 1, channelRight: 1, missing: 1 });
    expect(rates(s)).toEqual({ precision: 0.5, recall: 0.5, channel: 1 / 3 });
  });
});

describe("pnpm eval:real's run", () => {
  it("scores a mirror against its label file and skips an absent repository with a message", () => {
    const labelsDir = join(root, "labels");
    mkdirSync(labelsDir);
    const dataset = extractDataset(join(mirrors, "acme+widgets", "repo"), "acme/widgets", window);
    const labels = new Map(dataset.commits.map((c) => [c.oid, labelCommit(c)]));
    writeLabels(labelsDir, { repo: "acme/widgets", window, labels });
    expect(readLabels(labelsDir, "acme/widgets")?.labels).toEqual(labels);
    const manifest = join(root, "repos.json");
    writeFileSync(
      manifest,
      JSON.stringify({
        repos: [
          { name: "acme/widgets", set: "dev", group: "general" },
          { name: "acme/absent", set: "held-out", group: "general" },
        ],
      }),
    );
    const lines: string[] = [];
    const results = runEval({ mirrors, manifest, labelsDir, log: (l) => lines.push(l) });
    expect(results[1]).toMatchObject({ skipped: expect.stringContaining("no mirror") });
    expect(lines.some((l) => /^acme\/absent\s+skipped: no mirror/.test(l))).toBe(true);
    const widgets = results[0]?.score;
    expect(widgets).toMatchObject({ commits: 5, labelledAutomation: 2, missing: 0 });
    expect(lines.some((l) => l.startsWith("acme/widgets") && / 5 +2 /.test(l))).toBe(true);
    expect(lines.some((l) => l.startsWith("total dev (1 repos)"))).toBe(true);
  });
});
