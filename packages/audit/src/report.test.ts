import { describe, expect, it } from "vitest";
import { auditWorkflows } from "./audit-workflows.js";
import { AuditReportSchema } from "./audit-schema.js";
import { crossCheckAudit } from "./cross-check.js";
import { AuditError } from "./errors.js";
import { buildAuditReport, parseAuditReport } from "./report.js";
import { loadFixtureDataset, loadFixtureWorkflows, quantEconConfig } from "./testing/fixtures.js";
import { fixtureVerdicts } from "./testing/verdicts.js";

const config = quantEconConfig();
const files = loadFixtureWorkflows();
const audit = auditWorkflows(files, config);
const dataset = loadFixtureDataset();
const verdicts = fixtureVerdicts();

function build() {
  return buildAuditReport({
    audit,
    config,
    discrepancies: crossCheckAudit(audit.findings, dataset, verdicts),
    verdicts,
    window: dataset.window,
    generatedAt: "2026-06-01T00:10:00Z",
    files: files.length,
  });
}

describe("buildAuditReport", () => {
  it("produces a qe-audit/v1 report that survives a JSON round trip", () => {
    const report = build();
    expect(report.schema).toBe("qe-audit/v1");
    expect(report.org).toBe("QuantEcon");
    expect(report.repos).toEqual(["QuantEcon/QuantEcon.py", "QuantEcon/lecture-python.myst", "QuantEcon/lecture-python.zh-cn", "QuantEcon/meta"]);
    expect(report.totals).toEqual({
      files: 12,
      findings: 18,
      byChannel: { "github-actions": 6, "github-app": 1, "machine-account": 4, "personal-token": 7, "deploy-key": 0, unknown: 0 },
      problems: 3,
      discrepancies: 4,
    });
    expect(parseAuditReport(JSON.parse(JSON.stringify(report)))).toEqual(report);
    expect(AuditReportSchema.safeParse(report).success).toBe(true);
  });

  it("is the same for the same input", () => {
    expect(JSON.stringify(build())).toBe(JSON.stringify(build()));
  });

  it("leaves the window and activity out when none was cross-checked", () => {
    const report = buildAuditReport({ audit, config });
    expect(report.window).toBeNull();
    expect(report.discrepancies).toEqual([]);
    expect(report.checklist.find((s) => s.id === "machine-pat")!.status).toBe("unknown");
  });
});

describe("parseAuditReport", () => {
  it("names the first bad field with a stable code", () => {
    const report = JSON.parse(JSON.stringify(build())) as Record<string, unknown>;
    (report["findings"] as Record<string, unknown>[])[2]!["channel"] = "someone";
    expect(() => parseAuditReport(report)).toThrow(AuditError);
    try {
      parseAuditReport(report);
    } catch (error) {
      expect((error as AuditError).code).toBe("E_INVALID_AUDIT_REPORT");
      expect((error as AuditError).message).toMatch(/^audit\.findings\[2\]\.channel: /);
    }
  });

  it("rejects another schema version", () => {
    expect(() => parseAuditReport({ ...build(), schema: "qe-audit/v2" })).toThrow(/^audit\.schema: /);
  });
});
