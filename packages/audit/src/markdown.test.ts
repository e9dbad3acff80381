import { describe, expect, it } from "vitest";
import { parseConfig } from "@quantecon/attribution";
import { auditWorkflows } from "./audit-workflows.js";
import { crossCheckAudit } from "./cross-check.js";
import { escapeMarkdown, inlineCode, renderAuditMarkdown, safeUrl } from "./markdown.js";
import { buildAuditReport } from "./report.js";
import { loadFixtureDataset, loadFixtureWorkflows, quantEconConfig } from "./testing/fixtures.js";
import { fixtureVerdicts } from "./testing/verdicts.js";

describe("escapeMarkdown", () => {
  it("keeps a table cell one cell on one line", () => {
    expect(escapeMarkdown("a | b\nc")).toBe("a \\| b c");
  });

  it("neutralises @-mentions and markup", () => {
    const out = escapeMarkdown("ping @mmcky about <b>*this*</b> [x](y)");
    expect(out).toBe("ping @\u200bmmcky about \\<b\\>\\*this\\*\\</b\\> \\[x\\]\\(y\\)");
    expect(out).not.toMatch(/(^|[^\u200b])@m/);
  });

  it("leaves an e-mail-less lone @ alone", () => {
    expect(escapeMarkdown("a @ b")).toBe("a @ b");
  });
});

describe("inlineCode", () => {
  it("escapes pipes and picks a fence longer than any backtick run", () => {
    expect(inlineCode("a|b")).toBe("`a\\|b`");
    expect(inlineCode("x `y` z")).toBe("``x `y` z``");
    expect(inlineCode("`edge`")).toBe("`` `edge` ``");
    expect(inlineCode("two\nlines")).toBe("`two lines`");
  });
});

describe("safeUrl", () => {
  it("encodes what would end a link", () => {
    expect(safeUrl("https://x.test/a b)(c|d")).toBe("https://x.test/a%20b%29%28c%7Cd");
  });
});

describe("renderAuditMarkdown", () => {
  const config = quantEconConfig();
  const audit = auditWorkflows(loadFixtureWorkflows(), config);
  const dataset = loadFixtureDataset();
  const verdicts = fixtureVerdicts();
  const report = buildAuditReport({ audit, config, verdicts, discrepancies: crossCheckAudit(audit.findings, dataset, verdicts), window: dataset.window });
  const md = renderAuditMarkdown(report);

  it("shows the checklist, the discrepancy and every finding linked to its line", () => {
    expect(md).toContain("## Migration checklist");
    expect(md).toMatch(/\| 3 \| Org secret QUANTECON\\_SERVICES\\_PAT .* \| ❌ not done \|/);
    expect(md).toContain("the secret still holds mmcky's token.");
    expect(md).toContain("[L25](https://github.com/QuantEcon/lecture-python.myst/blob/HEAD/.github/workflows/translation-sync.yml#L25)");
    for (const f of audit.findings) expect(md).toContain(`(${f.url})`);
    expect(md).toContain("## Files not fully read");
  });

  it("keeps every table row's cell count whatever the workflow text holds", () => {
    const text = "name: 'Evil | name @mmcky\n  second'\non: push\njobs:\n  a:\n    steps:\n      - name: 'step | with pipe'\n        run: gh pr create\n";
    const evil = auditWorkflows([{ repo: "o/r", path: ".github/workflows/a|b.yml", text }], parseConfig({}));
    const out = renderAuditMarkdown(buildAuditReport({ audit: evil, config: parseConfig({}) }));
    const rows = out.split("\n").filter((l) => l.startsWith("| `o/r`"));
    expect(rows).toHaveLength(1);
    // 9 columns → 10 unescaped pipes.
    expect(rows[0]!.replace(/\\\|/g, "").split("|")).toHaveLength(11);
    expect(out).not.toMatch(/(^|[^\u200b])@mmcky/);
  });

  it("is deterministic", () => {
    expect(renderAuditMarkdown(report)).toBe(md);
  });
});

describe("issue references in the audit's Markdown", () => {
  it("breaks `#12` with a zero-width space: GitHub links `\\#12` all the same", () => {
    const text = escapeMarkdown("fixes #12 and GH-3");
    expect(text).not.toMatch(/#\d/);
    expect(text).not.toMatch(/GH-\d/);
    expect(text).toContain("#\u200b12");
  });

  it("keeps only http(s) link targets and encodes what would break out of them", () => {
    expect(safeUrl("javascript:alert(1)")).toBe("");
    expect(safeUrl("https://x/a|@b\\c")).toBe("https://x/a%7C%40b%5Cc");
  });
});
