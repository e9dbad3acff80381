import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { parse } from "yaml";
import { buildProgram, processIO } from "qe-report";

const text = readFileSync(new URL("./monthly-report.yml", import.meta.url), "utf8");
const workflow = parse(text) as {
  on: { schedule: { cron: string }[] };
  jobs: { report: { steps: { name?: string; env?: Record<string, string>; run?: string }[] } };
};

it("runs on the 1st of each month and posts with the machine account's token", () => {
  expect(workflow.on.schedule[0]?.cron).toMatch(/^\d+ \d+ 1 \* \*$/);
  const steps = workflow.jobs.report.steps;
  const build = steps.find((s) => s.run?.includes("qe-report@0 monthly"));
  const post = steps.find((s) => s.run?.includes("gh issue create"));
  expect(build?.env?.GITHUB_TOKEN).toBe("${{ secrets.QUANTECON_SERVICES_PAT }}");
  expect(post?.env?.GH_TOKEN).toBe("${{ secrets.QUANTECON_SERVICES_PAT }}");
  expect(post?.run).toContain("gh issue comment");
});

it("uses only flags the monthly command has", () => {
  const monthly = buildProgram(processIO()).commands.find((c) => c.name() === "monthly")!;
  const known = new Set(monthly.options.map((o) => o.long));
  const used = [...text.matchAll(/qe-report@0 monthly((?:[^\n\\]|\\\n)*)/g)].flatMap((m) => m[1]!.match(/--[a-z-]+/g) ?? []);
  expect(used.length).toBeGreaterThan(5);
  for (const flag of used) expect(known, flag).toContain(flag);
});
