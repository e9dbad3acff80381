import { parseConfig } from "@quantecon/attribution";
import { describe, expect, it } from "vitest";
import { auditReport, personalTokenGate } from "./run-audit.js";

describe("--fail-on personal fails closed", () => {
  const config = parseConfig({ machineAccounts: [{ login: "quantecon-services", secrets: ["QUANTECON_SERVICES_PAT"] }] });
  const clean = { repo: "QuantEcon/meta", path: ".github/workflows/ok.yml", text: "on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n" };

  it("passes when every workflow was read and none uses a personal secret", () => {
    const report = auditReport({ org: "QuantEcon", files: [clean], repos: ["QuantEcon/meta"], dataset: undefined }, config, "2026-06-01T00:00:00Z");
    expect(personalTokenGate(report, [])).toBeNull();
  });

  it("fails when a workflow could not be fetched whole (kept with --allow-partial)", () => {
    const report = auditReport({ org: "QuantEcon", files: [clean], repos: ["QuantEcon/meta"], dataset: undefined }, config, "2026-06-01T00:00:00Z");
    const unread = [{ repo: "QuantEcon/lectures", code: "TRUNCATED", message: "QuantEcon/lectures: GitHub returned .github/workflows/big.yml cut short; not audited" }];
    expect(personalTokenGate(report, unread)).toMatch(/^--fail-on personal: cannot rule out a personal token: QuantEcon\/lectures: .*big\.yml cut short/);
  });

  it("fails when a workflow that does not parse names an undeclared secret", () => {
    const broken = { ...clean, path: ".github/workflows/broken.yml", text: "jobs:\n  a:\n\tsteps: [${{ secrets.MMCKY_PAT }}\n" };
    const report = auditReport({ org: "QuantEcon", files: [clean, broken], repos: ["QuantEcon/meta"], dataset: undefined }, config, "2026-06-01T00:00:00Z");
    expect(personalTokenGate(report, [])).toMatch(/broken\.yml could not be audited and names MMCKY_PAT/);
  });
});
