import { describe, expect, it } from "vitest";
import { parseConfig, type Verdict } from "@quantecon/attribution";
import { auditWorkflows } from "./audit-workflows.js";
import { migrationChecklist } from "./checklist.js";
import { crossCheckAudit } from "./cross-check.js";
import type { Finding } from "./audit-schema.js";
import { loadFixtureDataset, loadFixtureWorkflows, quantEconConfig } from "./testing/fixtures.js";
import { fixtureVerdicts } from "./testing/verdicts.js";

const config = quantEconConfig();
const { findings } = auditWorkflows(loadFixtureWorkflows(), config);
const verdicts = fixtureVerdicts();
const discrepancies = crossCheckAudit(findings, loadFixtureDataset(), verdicts);
const status = (steps: ReturnType<typeof migrationChecklist>) => Object.fromEntries(steps.map((s) => [s.id, s.status]));

function workflowFinding(channel: Finding["channel"], targets = ["QuantEcon/x"]): Finding {
  const base = findings.find((f) => f.channel === "machine-account")!;
  return { ...base, channel, targets, secret: channel === "machine-account" ? "QUANTECON_SERVICES_PAT" : "GITHUB_TOKEN", credential: { ...base.credential, fallbacks: [] } };
}

describe("migrationChecklist", () => {
  it("gives QuantEcon's situation today: account in use, secret wrong, workflows and token not done", () => {
    const steps = migrationChecklist({ findings, discrepancies, verdicts, config });
    expect(steps.map((s) => s.id)).toEqual(["machine-pat", "team-access", "org-secret", "workflows-switched", "personal-token-revoked"]);
    expect(status(steps)).toEqual({
      "machine-pat": "done",
      "team-access": "unknown",
      "org-secret": "not-done",
      "workflows-switched": "not-done",
      "personal-token-revoked": "not-done",
    });
    const secret = steps.find((s) => s.id === "org-secret")!;
    expect(secret.title).toContain("QUANTECON_SERVICES_PAT");
    expect(secret.evidence.some((e) => e.includes("still holds mmcky's token"))).toBe(true);
    const revoked = steps.find((s) => s.id === "personal-token-revoked")!;
    expect(revoked.evidence[0]).toBe("4 automated items in the window still ran under a personal token (mmcky)");
    expect(steps.find((s) => s.id === "workflows-switched")!.evidence).toContain("still personal: MMCKY_PAT in QuantEcon/meta: .github/workflows/anchors.yml (4 steps)");
  });

  it("keeps the account's PAT unknown when only its git identity is seen", () => {
    const commitsOnly: Verdict[] = [{ ...verdicts[0]!, ref: "o/r@" + "b".repeat(40), type: "commit", channel: "machine-account", actor: "quantecon-services", onBehalfOf: null }];
    const [pat] = migrationChecklist({ findings: [], discrepancies: [], verdicts: commitsOnly, config });
    expect(pat).toMatchObject({ status: "unknown" });
    expect(pat!.evidence[1]).toContain("git identity");
  });

  it("marks everything it can see as done once the migration is through, and revocation unknown", () => {
    const done = [workflowFinding("machine-account"), workflowFinding("github-actions")];
    const clean: Verdict[] = [{ ...verdicts[0]!, ref: "QuantEcon/x#1", channel: "machine-account", actor: "quantecon-services", onBehalfOf: null }];
    const steps = migrationChecklist({ findings: done, discrepancies: [], verdicts: clean, config });
    expect(status(steps)).toEqual({ "machine-pat": "done", "team-access": "done", "org-secret": "done", "workflows-switched": "done", "personal-token-revoked": "unknown" });
    expect(steps[4]!.evidence[0]).toContain("safe to revoke");
  });

  it("without activity, says unknown rather than guessing", () => {
    const steps = migrationChecklist({ findings: [workflowFinding("machine-account")], discrepancies: [], config });
    expect(status(steps)).toEqual({ "machine-pat": "unknown", "team-access": "unknown", "org-secret": "unknown", "workflows-switched": "done", "personal-token-revoked": "unknown" });
  });

  it("holds back the workflows step while a credential is unresolved, and revocation while a personal secret is used", () => {
    expect(status(migrationChecklist({ findings: [workflowFinding("unknown")], discrepancies: [], config }))["workflows-switched"]).toBe("unknown");
    expect(status(migrationChecklist({ findings: [workflowFinding("personal-token")], discrepancies: [], config }))["personal-token-revoked"]).toBe("not-done");
  });

  it("says so when no machine account is configured", () => {
    const [pat, , secret] = migrationChecklist({ findings, discrepancies: [], verdicts, config: parseConfig({}) });
    expect(pat!.evidence).toEqual(["no machine account is declared in the config (machineAccounts)"]);
    expect(secret!.status).toBe("unknown");
  });
});
