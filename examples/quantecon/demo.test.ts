import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDataset, type Dataset } from "@quantecon/attribution";
import { DATASET_PATH, EXPECTED_PATH, generateDemo, serializeDemo, type ExpectedFile } from "./scripts/generate-demo.js";

const committedDataset = readFileSync(DATASET_PATH, "utf8");
const committedExpected = readFileSync(EXPECTED_PATH, "utf8");
const dataset: Dataset = parseDataset(JSON.parse(committedDataset));
const expected = JSON.parse(committedExpected) as ExpectedFile;
const FROM = Date.parse(dataset.window.from);
const TO = Date.parse(dataset.window.to);
const inWindow = (s: string | null): boolean => s !== null && Date.parse(s) >= FROM && Date.parse(s) < TO;

/** Refs per attribution-v1, computed from the dataset alone. */
function refsOf(d: Dataset): string[] {
  return [
    ...d.pullRequests.flatMap((pr) => [`${pr.repo}#${pr.number}`, ...pr.reviews.map((_, i) => `${pr.repo}#${pr.number}/review/${i}`)]),
    ...d.commits.map((c) => `${c.repo}@${c.oid}`),
    ...d.issues.map((i) => `${i.repo}#${i.number}`),
    ...[...d.pullRequests, ...d.issues].flatMap((item) => (item.comments ?? []).map((_, i) => `${item.repo}#${item.number}/comment/${i}`)),
  ];
}

const verdict = (ref: string) => {
  const v = expected.verdicts[ref];
  if (!v) throw new Error(`no expected verdict for ${ref}`);
  return v;
};

describe("demo month generator", () => {
  it("is deterministic and matches the committed files byte for byte", () => {
    const first = serializeDemo(generateDemo());
    const second = serializeDemo(generateDemo());
    expect(second).toEqual(first);
    expect(first.dataset).toBe(committedDataset);
    expect(first.expected).toBe(committedExpected);
  });
});

describe("demo-2026-05.json", () => {
  it("is a realistic month: tens of repos, a few hundred PRs and commits, dozens of issues", () => {
    expect(dataset.repos.length).toBeGreaterThanOrEqual(30);
    expect(dataset.pullRequests.length).toBeGreaterThanOrEqual(200);
    expect(dataset.commits.length).toBeGreaterThanOrEqual(300);
    expect(dataset.issues.length).toBeGreaterThanOrEqual(60);
    expect(dataset.repos.some((r) => r.isArchived)).toBe(true);
    expect(dataset.repos.some((r) => r.isFork)).toBe(true);
  });

  it("lists every login it uses in actors, bots without the [bot] suffix", () => {
    const actors = new Map(dataset.actors.map((a) => [a.login, a.type]));
    const used = new Set<string>();
    for (const pr of dataset.pullRequests) {
      [pr.author, pr.mergedBy, ...pr.assignees, ...pr.reviews.map((r) => r.author)].forEach((l) => l && used.add(l));
    }
    for (const c of dataset.commits) [c.author.login, c.committer.login].forEach((l) => l && used.add(l));
    for (const i of dataset.issues) if (i.author) used.add(i.author);
    expect([...used].filter((l) => !actors.has(l))).toEqual([]);
    expect(dataset.actors.filter((a) => a.login.endsWith("[bot]"))).toEqual([]);
    expect(actors.get("quantecon-services")).toBe("User");
    expect(actors.get("olgabot")).toBe("User");
    expect(actors.get("copilot-swe-agent")).toBe("Bot");
  });

  it("holds only items a fetch of the window would return", () => {
    for (const pr of dataset.pullRequests) {
      const times = [pr.createdAt, pr.mergedAt, pr.closedAt, ...pr.reviews.map((r) => r.submittedAt)];
      expect(times.some(inWindow), `${pr.repo}#${pr.number}`).toBe(true);
    }
    for (const c of dataset.commits) expect(inWindow(c.committedAt), `${c.repo}@${c.oid}`).toBe(true);
    for (const i of dataset.issues) expect(inWindow(i.createdAt) || inWindow(i.closedAt), `${i.repo}#${i.number}`).toBe(true);
    // The edge cases the spec allows are present.
    expect(dataset.pullRequests.some((pr) => !inWindow(pr.createdAt) && inWindow(pr.mergedAt))).toBe(true);
    expect(dataset.pullRequests.some((pr) => !inWindow(pr.createdAt) && pr.reviews.some((r) => !inWindow(r.submittedAt)))).toBe(true);
    expect(dataset.pullRequests.some((pr) => pr.mergedAt !== null && Date.parse(pr.mergedAt) >= TO)).toBe(true);
  });
});

describe("demo-2026-05.expected.json", () => {
  it("has exactly one verdict per pull request, review, commit, issue and comment", () => {
    const refs = refsOf(dataset);
    expect(new Set(refs).size).toBe(refs.length);
    expect(Object.keys(expected.verdicts).sort()).toEqual([...refs].sort());
  });

  it("keeps the verdict fields consistent with attribution-v1", () => {
    for (const [ref, v] of Object.entries(expected.verdicts)) {
      if (v.class === "human") {
        expect({ ref, channel: v.channel, kind: v.kind, onBehalfOf: v.onBehalfOf }).toEqual({ ref, channel: "human", kind: null, onBehalfOf: null });
      } else {
        expect(v.channel, ref).not.toBe("human");
        expect(v.kind, ref).not.toBeNull();
      }
      if (v.channel === "personal-token") expect(v.onBehalfOf, ref).toBe(v.actor);
    }
  });

  it("names as actor who GitHub shows: login, git name, or ghost", () => {
    for (const pr of dataset.pullRequests) {
      expect(verdict(`${pr.repo}#${pr.number}`).actor).toBe(pr.author ?? "ghost");
      pr.reviews.forEach((r, i) => expect(verdict(`${pr.repo}#${pr.number}/review/${i}`).actor).toBe(r.author ?? "ghost"));
    }
    for (const c of dataset.commits) expect(verdict(`${c.repo}@${c.oid}`).actor).toBe(c.author.login ?? c.author.name);
    for (const i of dataset.issues) expect(verdict(`${i.repo}#${i.number}`).actor).toBe(i.author ?? "ghost");
  });

  it("moves translation sync from mmcky's token to quantecon-services on 20 May", () => {
    const syncPrs = dataset.pullRequests.filter((pr) => pr.title.startsWith("🌐 [translation-sync] "));
    expect(syncPrs.length).toBeGreaterThanOrEqual(30);
    for (const pr of syncPrs) {
      const before = Date.parse(pr.createdAt) < Date.parse("2026-05-20T00:00:00Z");
      expect(pr.author).toBe(before ? "mmcky" : "quantecon-services");
      expect(verdict(`${pr.repo}#${pr.number}`)).toMatchObject({
        class: "automation",
        kind: "translation-sync",
        channel: before ? "personal-token" : "machine-account",
        onBehalfOf: before ? "mmcky" : null,
      });
    }
  });

  it("points each translation-sync metadata block at a merged upstream PR in the dataset", () => {
    const merged = new Set(dataset.pullRequests.filter((pr) => pr.state === "MERGED").map((pr) => `${pr.repo}#${pr.number}`));
    let checked = 0;
    for (const pr of dataset.pullRequests) {
      const match = /<!-- translation-sync-metadata (\{.*\}) -->/.exec(pr.body);
      if (!match?.[1]) continue;
      const meta = JSON.parse(match[1]) as { sourceRepo: string; sourcePR: number | null; mode: string; files: string[] };
      expect(meta.files.length).toBeGreaterThan(0);
      if (meta.mode === "resync") continue;
      // The one upstream PR merged just before the window is not in it.
      if (pr.createdAt < "2026-05-01T00:15:00Z") continue;
      expect(merged.has(`${meta.sourceRepo}#${meta.sourcePR}`), `${pr.repo}#${pr.number}`).toBe(true);
      checked++;
    }
    expect(checked).toBeGreaterThanOrEqual(20);
  });

  it("covers every scenario several times", () => {
    const byScenario = new Map<string, Set<string>>();
    for (const [ref, v] of Object.entries(expected.verdicts)) {
      const top = v.scenario.split("/")[0] ?? v.scenario;
      const repos = byScenario.get(top) ?? new Set<string>();
      repos.add(ref.split(/[#@]/)[0] ?? ref);
      byScenario.set(top, repos);
    }
    const count = (prefix: string) => Object.values(expected.verdicts).filter((v) => v.scenario.startsWith(prefix)).length;
    for (const scenario of [
      "translation-sync-pr/personal-token",
      "translation-sync-pr/machine-account",
      "translation-resync-pr",
      "translation-direct-commit",
      "translation-sync-failure-issue",
      "content-sync-pr",
      "notebook-publish-commit",
      "style-guide-pr",
      "weekly-report-issue",
      "link-checker-issue",
      "dependabot-pr",
      "pre-commit-ci-pr",
      "github-actions-commit",
      "copilot-agent-pr",
      "trap/human-bump-pr",
      "trap/login-contains-bot",
      "trap/ai-co-authored",
      "trap/ghost-author",
      "human-pr",
      "human-commit",
      "human-issue",
    ]) {
      expect(count(scenario), scenario).toBeGreaterThanOrEqual(2);
    }
    expect(Object.values(expected.verdicts).filter((v) => v.scenario.endsWith("/copilot-code-review")).length).toBeGreaterThanOrEqual(5);
    expect(Object.values(expected.verdicts).filter((v) => v.scenario.endsWith("/merge-commit-by-maintainer") && v.scenario.startsWith("dependabot-pr")).length).toBeGreaterThanOrEqual(1);
    for (const top of ["translation-sync-pr", "notebook-publish-commit", "style-guide-pr", "dependabot-pr", "copilot-agent-pr", "link-checker-issue"]) {
      expect(byScenario.get(top)?.size ?? 0, top).toBeGreaterThanOrEqual(3);
    }
  });
});
