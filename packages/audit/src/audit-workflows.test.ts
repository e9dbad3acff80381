import { describe, expect, it } from "vitest";
import { parseConfig } from "@quantecon/attribution";
import { auditWorkflows, type WorkflowFile } from "./audit-workflows.js";
import type { Finding } from "./audit-schema.js";
import { AuditError } from "./errors.js";
import { loadFixtureWorkflows, quantEconConfig } from "./testing/fixtures.js";

const config = quantEconConfig();
const fixtures = auditWorkflows(loadFixtureWorkflows(), config);

function find(repo: string, file: string, match: Partial<Pick<Finding, "job" | "operation">> & { step?: number } = {}): Finding {
  const found = fixtures.findings.filter(
    (f) =>
      f.repo === repo &&
      f.path === `.github/workflows/${file}` &&
      (match.job === undefined || f.job === match.job) &&
      (match.operation === undefined || f.operation === match.operation) &&
      (match.step === undefined || f.step.index === match.step),
  );
  expect(found, `${repo} ${file} ${JSON.stringify(match)}`).toHaveLength(1);
  return found[0]!;
}

function audit(text: string, repo = "QuantEcon/demo"): Finding[] {
  const result = auditWorkflows([{ repo, path: ".github/workflows/w.yml", text }], config);
  expect(result.problems).toEqual([]);
  return result.findings;
}

describe("auditWorkflows on the fixture org", () => {
  it("finds QuantEcon's translation sync: action-translation with the machine secret, PRs in the target repo", () => {
    const f = find("QuantEcon/lecture-python.myst", "translation-sync.yml");
    expect(f).toMatchObject({
      workflow: "Translation Sync",
      job: "sync-zh-cn",
      step: { index: 1, name: "Sync to Chinese edition", id: null },
      action: "QuantEcon/action-translation@v0.9",
      operation: "create-pr",
      kinds: ["translation-sync"],
      produces: ["pullRequest", "issue"],
      targets: ["QuantEcon/lecture-python.zh-cn"],
      secret: "QUANTECON_SERVICES_PAT",
      channel: "machine-account",
      machineAccount: "quantecon-services",
      line: 25,
      url: "https://github.com/QuantEcon/lecture-python.myst/blob/HEAD/.github/workflows/translation-sync.yml#L25",
    });
    expect(f.credential).toMatchObject({ source: "with.token", line: 34, expression: "${{ secrets.QUANTECON_SERVICES_PAT }}" });
  });

  it("reads action-translation's review mode as reviews in its own repo, with the GITHUB_TOKEN fallback noted", () => {
    const f = find("QuantEcon/lecture-python.zh-cn", "review-translations.yml");
    expect(f).toMatchObject({ operation: "review", produces: ["review"], targets: ["QuantEcon/lecture-python.zh-cn"], channel: "machine-account", secret: "QUANTECON_SERVICES_PAT" });
    expect(f.credential.fallbacks).toEqual(["GITHUB_TOKEN"]);
    expect(f.credential.source).toBe("with.github-token");
  });

  it("ties a git push to the token of the checkout before it, and its repository", () => {
    const f = find("QuantEcon/lecture-python.myst", "publish-notebooks.yml", { job: "notebooks" });
    expect(f).toMatchObject({ action: "run", operation: "push", kinds: ["notebook-publish"], targets: ["QuantEcon/lecture-python.notebooks"], channel: "machine-account", line: 19 });
    expect(f.credential).toMatchObject({ source: "actions/checkout (step 1) token", line: 16 });
  });

  it("reads cpina's token from the step env and its destination repo", () => {
    const f = find("QuantEcon/lecture-python.myst", "publish-notebooks.yml", { job: "mirror" });
    expect(f).toMatchObject({ operation: "push", targets: ["QuantEcon/lecture-python.archive"], secret: "ACTIONS_PAT", channel: "personal-token" });
    expect(f.credential.source).toBe("env.API_TOKEN_GITHUB (step)");
  });

  it("counts github-script with no token as github-actions, and reads what the script does", () => {
    expect(find("QuantEcon/lecture-python.myst", "ci.yml")).toMatchObject({ action: "actions/github-script@v7", operation: "comment", channel: "github-actions", secret: "GITHUB_TOKEN" });
  });

  it("ignores tokens of other services (codecov) and steps that only read", () => {
    const ci = fixtures.findings.filter((f) => f.path.endsWith("ci.yml"));
    expect(ci.map((f) => f.action)).toEqual(["actions/github-script@v7"]);
  });

  it("resolves a job-level GH_TOKEN over the workflow's for `gh pr create`, and a step's over both", () => {
    expect(find("QuantEcon/lecture-python.zh-cn", "sync-upstream.yml", { operation: "create-pr" })).toMatchObject({
      channel: "machine-account",
      credential: { source: "env.GH_TOKEN (job)", line: 13 },
    });
    expect(find("QuantEcon/lecture-python.zh-cn", "sync-upstream.yml", { operation: "merge-pr" })).toMatchObject({ secret: "MMCKY_PAT", channel: "personal-token" });
    // The same script's git push uses what checkout persisted: the workflow token.
    expect(find("QuantEcon/lecture-python.zh-cn", "sync-upstream.yml", { operation: "push" })).toMatchObject({ channel: "github-actions", credential: { source: "actions/checkout (step 0) default GITHUB_TOKEN" } });
  });

  it("recognises a GitHub App token minted in the job", () => {
    expect(find("QuantEcon/meta", "weekly-report.yml", { operation: "create-issue", step: 1 })).toMatchObject({ action: "actions/github-script@v7", channel: "github-app", kinds: ["report"] });
    expect(find("QuantEcon/meta", "weekly-report.yml", { step: 2 })).toMatchObject({ channel: "github-actions", targets: ["QuantEcon/meta"] });
  });

  it("follows anchors, aliases and merge keys", () => {
    const anchors = fixtures.findings.filter((f) => f.path.endsWith("anchors.yml"));
    expect(anchors.map((f) => [f.step.index, f.operation, f.secret, f.line])).toEqual([
      [0, "create-issue", "MMCKY_PAT", 8],
      [1, "push", "MMCKY_PAT", 13],
      [2, "comment", "MMCKY_PAT", 16],
      // The second `*push-step` is reported where the alias stands.
      [3, "push", "MMCKY_PAT", 21],
    ]);
    expect(anchors[1]!.credential.source).toBe("token in the remote URL");
  });

  it("covers create-pull-request and release actions defaulting to GITHUB_TOKEN, and any action given a token input", () => {
    expect(find("QuantEcon/QuantEcon.py", "dependencies.yml", { step: 2 })).toMatchObject({ operation: "create-pr", channel: "github-actions", kinds: ["dependency-update"], credential: { source: "default GITHUB_TOKEN of peter-evans/create-pull-request" } });
    expect(find("QuantEcon/QuantEcon.py", "dependencies.yml", { step: 3 })).toMatchObject({ action: "actions/labeler@v5", operation: "write", channel: "github-actions" });
    expect(find("QuantEcon/QuantEcon.py", "release.yml", { step: 1 })).toMatchObject({ operation: "release", kinds: ["release"], channel: "github-actions" });
    expect(find("QuantEcon/QuantEcon.py", "release.yml", { step: 2 })).toMatchObject({ operation: "write", secret: "RELEASE_BOT_TOKEN", channel: "personal-token" });
  });

  it("turns broken, empty and non-workflow files into problems naming repo, path and line", () => {
    expect(fixtures.problems.map((p) => [p.repo, p.path, p.code, p.line])).toEqual([
      ["QuantEcon/QuantEcon.py", ".github/workflows/not-a-workflow.yml", "not-a-workflow", 1],
      ["QuantEcon/lecture-python.myst", ".github/workflows/broken.yml", "yaml-syntax", 9],
      ["QuantEcon/lecture-python.myst", ".github/workflows/empty.yml", "empty-file", null],
    ]);
    expect(fixtures.problems[1]!.url).toBe("https://github.com/QuantEcon/lecture-python.myst/blob/HEAD/.github/workflows/broken.yml#L9");
  });

  it("is deterministic whatever the file order", () => {
    const again = auditWorkflows([...loadFixtureWorkflows()].reverse(), config);
    expect(again).toEqual(fixtures);
  });
});

describe("auditWorkflows patterns", () => {
  it("needs a token in a checkout only when a push follows it", () => {
    const steps = "      - uses: actions/checkout@v4\n        with:\n          token: ${{ secrets.MMCKY_PAT }}\n      - run: make\n";
    expect(audit(`on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps}`)).toEqual([]);
    const pushed = audit(`on: push\njobs:\n  a:\n    runs-on: x\n    steps:\n${steps}      - run: git push\n`);
    expect(pushed.map((f) => [f.operation, f.secret, f.credential.line])).toEqual([["push", "MMCKY_PAT", 8]]);
  });

  it("does not carry a checkout's token into another job", () => {
    const text = "on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n        with: { token: '${{ secrets.MMCKY_PAT }}' }\n  b:\n    steps:\n      - run: git push\n";
    expect(audit(text).map((f) => [f.job, f.channel])).toEqual([["b", "unknown"]]);
  });

  it("knows a checkout without persisted credentials leaves the push unresolved", () => {
    const text = "on: push\njobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - run: git push\n";
    expect(audit(text)[0]).toMatchObject({ channel: "unknown", secret: null });
  });

  it("reads `gh` credentials from the script itself", () => {
    const text = 'on: push\njobs:\n  a:\n    steps:\n      - run: |\n          export GH_TOKEN="${{ secrets.QUANTECON_SERVICES_PAT }}"\n          gh pr create --fill\n';
    expect(audit(text)[0]).toMatchObject({ operation: "create-pr", channel: "machine-account", credential: { source: "GH_TOKEN set in the script" } });
  });

  it("says unknown when `gh` has no token at all", () => {
    expect(audit("on: push\njobs:\n  a:\n    steps:\n      - run: gh issue create --title x\n")[0]).toMatchObject({ channel: "unknown" });
  });

  it("catches a push through a token URL built from an env variable", () => {
    const text =
      "on: push\nenv:\n  PAT: ${{ secrets.MMCKY_PAT }}\njobs:\n  a:\n    steps:\n      - run: git push https://x-access-token:${PAT}@github.com/QuantEcon/other.git main\n";
    expect(audit(text)[0]).toMatchObject({ targets: ["QuantEcon/other"], secret: "MMCKY_PAT", channel: "personal-token" });
  });

  it("never copies a literal token into a finding", () => {
    const text = "on: push\njobs:\n  a:\n    steps:\n      - run: git push https://x-access-token:ghp_secretsecretsecret@github.com/o/r.git\n      - uses: x/y@v1\n        with:\n          token: ghp_anothersecretvalue\n";
    const found = audit(text);
    expect(found.map((f) => [f.operation, f.channel, f.credential.expression])).toEqual([
      ["push", "personal-token", null],
      ["write", "personal-token", null],
    ]);
    expect(JSON.stringify(found)).not.toMatch(/ghp_/);
  });

  it("counts an SSH deploy key as a deploy key, not a person", () => {
    const text = "on: push\njobs:\n  a:\n    steps:\n      - uses: cpina/github-action-push-to-another-repository@main\n        env:\n          SSH_DEPLOY_KEY: ${{ secrets.DEPLOY_KEY }}\n        with:\n          destination-github-username: QuantEcon\n          destination-repository-name: x.notebooks\n";
    expect(audit(text)[0]).toMatchObject({ channel: "deploy-key", targets: ["QuantEcon/x.notebooks"], machineAccount: null });
  });

  it("counts any action handed a GH_TOKEN in its own env", () => {
    const text = "on: push\njobs:\n  a:\n    steps:\n      - uses: someone/translator@v1\n        env:\n          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}\n";
    expect(audit(text)[0]).toMatchObject({ action: "someone/translator@v1", operation: "write", channel: "github-actions", kinds: ["translation-sync"] });
  });

  it("uses file.url as the link base", () => {
    const result = auditWorkflows(
      [{ repo: "o/r", path: ".github/workflows/w.yml", url: "https://example.test/blob/abc/w.yml#L1", text: "on: push\njobs:\n  a:\n    steps:\n      - run: gh pr create\n" }],
      config,
    );
    expect(result.findings[0]!.url).toBe("https://example.test/blob/abc/w.yml#L5");
  });

  it("names a workflow by its path when it has no name", () => {
    expect(audit("on: push\njobs:\n  a:\n    steps:\n      - run: gh pr create\n")[0]!.workflow).toBe(".github/workflows/w.yml");
  });

  it("reports jobs and steps of the wrong shape and still audits the rest", () => {
    const result = auditWorkflows(
      [{ repo: "o/r", path: "w.yml", text: "on: push\njobs:\n  bad: 3\n  worse:\n    steps: {}\n  ok:\n    steps:\n      - just text\n      - run: gh pr create\n" }],
      config,
    );
    expect(result.problems.map((p) => [p.message, p.line])).toEqual([
      ['job "bad" is not a mapping', 3],
      ['job "worse": `steps:` is not a list', 5],
      ['job "ok": step 0 is not a mapping', 8],
    ]);
    expect(result.findings.map((f) => [f.job, f.step.index])).toEqual([["ok", 1]]);
  });

  it("treats every secret as personal when no machine account is declared", () => {
    const result = auditWorkflows(loadFixtureWorkflows(), parseConfig({}));
    expect(result.findings.some((f) => f.channel === "machine-account")).toBe(false);
    expect(result.findings.find((f) => f.secret === "QUANTECON_SERVICES_PAT")?.channel).toBe("personal-token");
  });

  it("rejects input that is not a list of files with AuditError", () => {
    const bad = [{ repo: "no-slash", path: "w.yml", text: "" }] as WorkflowFile[];
    expect(() => auditWorkflows(bad, config)).toThrow(AuditError);
    try {
      auditWorkflows(bad, config);
    } catch (error) {
      expect(error).toMatchObject({ code: "E_INVALID_AUDIT_INPUT", message: 'files[0].repo: expected "owner/name"' });
    }
  });
});
