import { fileURLToPath } from "node:url";
import { expect, it } from "vitest";
import { monthlyReport } from "./monthly-report.js";

const demo = (file: string) => fileURLToPath(new URL(`../quantecon/${file}`, import.meta.url));

it("renders the demo month through the library API", async () => {
  const { parts, personalTokenItems } = await monthlyReport({
    input: demo("demo-2026-05.json"),
    config: demo("qe-report.config.yaml"),
    generatedAt: "2026-06-01T00:00:00Z",
  });
  expect(parts[0]).toMatch(/^# QuantEcon activity report: May 2026\n/);
  expect(parts.join("")).toContain("## Migration");
  // QuantEcon's translation sync still runs under a maintainer's token in the demo month.
  expect(personalTokenItems).toBeGreaterThan(0);
});

it("matches the CLI's rendering of the same month", async () => {
  const { runCli } = await import("qe-report");
  let stdout = "";
  const code = await runCli(["monthly", "--demo", "--generated-at", "2026-06-01T00:00:00Z"], {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: () => true },
    env: {},
    cwd: process.cwd(),
    now: () => new Date("2026-11-27T00:00:00Z"),
  });
  const { parts } = await monthlyReport({ input: demo("demo-2026-05.json"), config: demo("qe-report.config.yaml"), generatedAt: "2026-06-01T00:00:00Z" });
  expect(code).toBe(0);
  expect(parts.join("")).toBe(stdout);
});
