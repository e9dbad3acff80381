import { existsSync, readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

// Every example workflow is checked as a user would copy it: each `uses:` of this repository
// (the published QuantEcon/action-activity-report, or a local path) points to an action that
// exists here, and each input it passes is one that action declares.
const here = fileURLToPath(new URL("./", import.meta.url));
const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const files = readdirSync(here).filter((f) => /\.ya?ml$/.test(f));

/** Where this repository keeps the action a `uses:` names, or undefined for someone else's action. */
const OURS: Record<string, string> = { "quantecon/action-activity-report": "packages/action-activity-report" };

interface Step {
  name?: string;
  uses?: string;
  with?: Record<string, unknown>;
}
interface Workflow {
  on: { schedule?: { cron: string }[]; workflow_dispatch?: { inputs?: Record<string, unknown> } };
  permissions?: Record<string, string>;
  jobs: Record<string, { permissions?: Record<string, string>; steps: Step[] }>;
}
interface ActionYml {
  inputs: Record<string, { required?: boolean; default?: string }>;
  runs: { using: string; main: string };
}

function actionDir(uses: string): string | undefined {
  if (uses.startsWith("./")) return join(repoRoot, uses);
  const [name] = uses.split("@");
  const dir = OURS[(name ?? "").toLowerCase()];
  return dir === undefined ? undefined : join(repoRoot, dir);
}

it("there are example workflows to check", () => {
  expect(files).toEqual(expect.arrayContaining(["monthly-report.yml", "monthly-report-app.yml"]));
});

describe.each(files)("%s", (file) => {
  const workflow = parse(readFileSync(join(here, file), "utf8")) as Workflow;
  const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

  it("uses only actions of this repository that exist, with inputs they declare", () => {
    const ours = steps.filter((s) => s.uses !== undefined && actionDir(s.uses) !== undefined);
    expect(ours.length).toBeGreaterThan(0);
    for (const step of ours) {
      const dir = actionDir(step.uses!)!;
      expect(existsSync(join(dir, "action.yml")), `${step.uses}: no action.yml in ${dir}`).toBe(true);
      const action = parse(readFileSync(join(dir, "action.yml"), "utf8")) as ActionYml;
      for (const input of Object.keys(step.with ?? {})) expect(Object.keys(action.inputs), `${file}: ${step.uses} has no input ${input}`).toContain(input);
      for (const [name, spec] of Object.entries(action.inputs)) if (spec.required) expect(step.with ?? {}, `${file}: required input ${name}`).toHaveProperty(name);
    }
  });

  it("runs monthly, can be run by hand for a month, and says what its token may do", () => {
    expect(workflow.on.schedule?.[0]?.cron).toMatch(/^\d+ \d+ 1 \* \*$/);
    expect(workflow.on.workflow_dispatch?.inputs).toHaveProperty("month");
    const jobs = Object.values(workflow.jobs);
    for (const job of jobs) expect(job.permissions ?? workflow.permissions, "a permissions block").toBeDefined();
  });

  it("keeps artifacts no longer than a public repository may (90 days)", () => {
    for (const step of steps.filter((s) => s.uses?.startsWith("actions/upload-artifact"))) {
      expect(Number(step.with?.["retention-days"])).toBeLessThanOrEqual(90);
    }
  });

  it("posts with a token that is not a person's: the workflow's GITHUB_TOKEN (with issues: write) or a GitHub App", () => {
    for (const step of steps.filter((s) => s.uses !== undefined && actionDir(s.uses) !== undefined && s.with?.["post-to"] !== undefined)) {
      const w = step.with ?? {};
      const app = w["app-id"] !== undefined && w["private-key"] !== undefined;
      if (w["post-token"] !== undefined) expect(String(w["post-token"])).toBe("${{ github.token }}");
      if (!app) {
        expect(String(w["github-token"] ?? "${{ github.token }}")).toBe("${{ github.token }}");
        const permissions = Object.values(workflow.jobs)[0]?.permissions ?? workflow.permissions ?? {};
        expect(permissions["issues"]).toBe("write");
      }
    }
  });
});

it("the action runs on GitHub's current Node runtime from its bundle", () => {
  const action = parse(readFileSync(join(repoRoot, "packages/action-activity-report/action.yml"), "utf8")) as ActionYml;
  expect(action.runs).toEqual({ using: "node24", main: "dist/index.js" });
});
