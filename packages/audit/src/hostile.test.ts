import { parseConfig } from "@quantecon/attribution";
import { describe, expect, it } from "vitest";
import { auditWorkflows } from "./audit-workflows.js";
import { loadYaml } from "./load-yaml.js";
import { buildAuditReport } from "./report.js";

describe("YAML aliases resolve in one pass", () => {
  it("8,000 aliases load (one document walk, not one per alias) and each names the latest anchor before it", () => {
    const lines = ["anchors:"];
    for (let i = 0; i < 100; i++) lines.push(`  a${i}: &a${i} ${i}`);
    lines.push("uses:");
    for (let i = 0; i < 8000; i++) lines.push(`  - *a${i % 100}`);
    lines.push("again: &a0 redefined", "late: *a0");
    const result = loadYaml(lines.join("\n"));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const value = result.yaml.value as { uses: number[]; late: string };
    expect(value.uses).toHaveLength(8000);
    expect(value.uses[4321]).toBe(21);
    expect(value.uses[0]).toBe(0);
    expect(value.late).toBe("redefined");
    // Resolving each alias by walking the whole document took 23 s here; one walk takes well under one.
  }, 10_000);

  it("an alias before its anchor stays null, a self-reference does not loop", () => {
    const result = loadYaml("a: *x\nb: &x [1, *x]\n");
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.yaml.value).toMatchObject({ a: null, b: [1, [1, null]] });
  });
});

describe("the audit fails closed", () => {
  const config = parseConfig({ machineAccounts: [{ login: "quantecon-services", secrets: ["QUANTECON_SERVICES_PAT"] }] });
  const broken = {
    repo: "QuantEcon/meta",
    path: ".github/workflows/sync.yml",
    // A tab where YAML wants spaces: the file does not parse, so none of its steps is audited.
    text: "on: push\njobs:\n  sync:\n\tsteps:\n      - run: gh pr create\n        env:\n          GH_TOKEN: ${{ secrets.MMCKY_PAT }}\n          OTHER: ${{ secrets['QUANTECON_SERVICES_PAT'] }}\n",
  };

  it("a file that does not parse but names an undeclared secret keeps 'personal token revoked' not done", () => {
    const audit = auditWorkflows([broken], config);
    expect(audit.findings).toEqual([]);
    expect(audit.problems[0]).toMatchObject({ code: "yaml-syntax", secrets: ["MMCKY_PAT"] });
    const step = buildAuditReport({ audit, config }).checklist.find((s) => s.id === "personal-token-revoked");
    expect(step?.status).toBe("not-done");
    expect(step?.evidence.join(" ")).toMatch(/QuantEcon\/meta\/\.github\/workflows\/sync\.yml could not be audited and names MMCKY_PAT/);
  });

  it("one that names only the machine account's secret and GITHUB_TOKEN does not", () => {
    const text = broken.text.replace("secrets.MMCKY_PAT", "secrets.GITHUB_TOKEN");
    const audit = auditWorkflows([{ ...broken, text }], config);
    expect(audit.problems[0]?.secrets).toBeUndefined();
    expect(buildAuditReport({ audit, config }).checklist.find((s) => s.id === "personal-token-revoked")?.status).toBe("unknown");
  });

  it("a literal token in an unreadable file counts, without its value being repeated", () => {
    const text = "jobs: [\n  token: ghp_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789\n";
    const audit = auditWorkflows([{ ...broken, text }], config);
    expect(audit.problems[0]?.secrets).toEqual(["a literal token"]);
    expect(JSON.stringify(buildAuditReport({ audit, config }))).not.toContain("ghp_ABCDEFGHIJKLMNOP");
  });
});
