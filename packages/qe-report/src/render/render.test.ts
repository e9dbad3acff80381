import { readFileSync } from "node:fs";
import { parseConfig, parseDataset, type Dataset, type PullRequest } from "@quantecon/attribution";
import { describe, expect, it } from "vitest";
import { QeReportError } from "../errors.js";
import { buildReport } from "../report/build.js";
import { ReportSchema, type Report } from "../report/schema.js";
import { csvField, escapeMarkdown } from "./escape.js";
import { renderReport } from "./render.js";
import { GITHUB_BODY_LIMIT } from "./split.js";

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../report/fixtures/${name}`, import.meta.url), "utf8"));
const may = parseDataset(fixture("may-2026.json"));
const april = parseDataset(fixture("april-2026.json"));
const config = parseConfig(fixture("config.json"));
const generatedAt = "2026-06-01T00:10:00Z";
const report = buildReport(may, config, { previous: april, generatedAt });
const one = (parts: string[]): string => {
  expect(parts).toHaveLength(1);
  return parts[0] ?? "";
};

/** Cells of a Markdown table row, split on unescaped pipes. */
const cells = (row: string): string[] => row.replace(/^\||\|$/g, "").split(/(?<!\\)\|/);

describe("escapeMarkdown", () => {
  it("keeps a table cell one cell on one line", () => {
    expect(escapeMarkdown("a | b\nc")).toBe("a \\| b c");
  });
  it("shows HTML as text and neutralises mentions and issue links", () => {
    expect(escapeMarkdown("<script>x</script>")).toBe("\\<script\\>x\\</script\\>");
    expect(escapeMarkdown("thanks @jstac and @QuantEcon/lectures, see #12")).toBe("thanks @&#8203;jstac and @&#8203;QuantEcon/lectures, see #&#8203;12");
    expect(escapeMarkdown("mail admin@quantecon.org")).toBe("mail admin@quantecon.org");
    expect(escapeMarkdown("**bold** [link](x) `code` ~~s~~ $x$")).toBe("\\*\\*bold\\*\\* \\[link\\](x) \\`code\\` \\~\\~s\\~\\~ \\$x\\$");
  });
});

describe("csvField", () => {
  it("quotes per RFC 4180 only when needed", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then\nleave')).toBe('"say ""hi"", then\nleave"');
    expect(csvField(null)).toBe("");
  });
});

describe("renderReport md", () => {
  const md = one(renderReport(report, "md"));

  it("tells the story first: headline, executive summary, migration, then the detail", () => {
    const headings = md.split("\n").filter((l) => /^#{1,3} /.test(l));
    expect(headings).toEqual([
      "# QuantEcon activity report: May 2026",
      "## Summary",
      "## Migration to the machine account",
      "## People",
      "## Responsiveness",
      "### Still waiting for a person",
      "## Automation",
      "## Repositories",
      "## Data completeness",
    ]);
    expect(md).toContain("_2026-05-01 to 2026-05-31 (UTC) · github, organization QuantEcon · generated 2026-06-01T00:10:00Z · compared with April 2026_\n");
    expect(md).toContain(
      "> **Automation made 58% of contributions** (7 of 12; 100% in April 2026) · **43% of automation still under a personal token** · **data incomplete: 1 repository unreadable**\n",
    );
    // Completeness warnings come before any detail, so trimming from the end never drops them.
    expect(md.indexOf("> - **FORBIDDEN** (QuantEcon/private-notes)")).toBeLessThan(md.indexOf("## Summary"));
    expect(md).toContain(
      "- Automation made 58% of 12 contributions (7 automated, 5 by people; a contribution is a PR opened, a commit, an issue opened or a review). Down 42 points from 100% in April 2026.\n" +
        "- Migration: 43% of automation (3 of 7 items) still ran under a personal token: mmcky (translation-sync 3). Down 57 points from 100% in April 2026.\n" +
        "- Largest changes: PRs merged by automation +2, PRs opened by automation +2 and PRs opened by people +2.\n" +
        "- Data incomplete: 1 repository unreadable (private-notes); the figures undercount (see Data completeness).\n",
    );
    expect(md).toContain("| PRs opened | 2 | 4 | 67% | 2 | +4 |");
    expect(md).toContain("| mmcky | translation-sync | 3 | lecture-python.fa, lecture-python.zh-cn |");
    // Per person: this month's contributions and the change since the previous month.
    expect(md).toContain("| jstac | 3 (+3) | 1 (0) | 1 (0) | 1 | 0 | 1 (0) | 0 |");
    expect(md).toContain("† mmcky: 2 automated PRs and 1 commit ran under this account's token; listed under Automation.");
    expect(md).toContain("- **QuantEcon/lecture-python.myst**: 2 upstream changes → 2 languages (fa, zh-cn), in 2 PRs");
    expect(md).toContain("- **FORBIDDEN** (QuantEcon/private-notes): the token cannot read this repository; it was skipped");
    expect(md).toContain("| lecture-python.myst | 8 | 2 / 1 | 1 / 1 | 1 / 1 | 0 / 0 | 1 / 0 |");
    expect(md).toContain("4 active repositories, busiest first; 1 had no activity");
    // Long tables are collapsed; every <details> is closed again.
    expect(md.match(/<details>/g)?.length).toBe(md.match(/<\/details>/g)?.length);
  });

  it("links PRs, issues and commits through redirect.github.com, which adds nothing to their timelines", () => {
    expect(md).toContain("[236](https://redirect.github.com/QuantEcon/lecture-python.zh-cn/pull/236)");
    expect(md).toContain("[1111111](https://redirect.github.com/QuantEcon/lecture-python.zh-cn/commit/1111111111111111111111111111111111111111)");
    expect(md).not.toMatch(/https:\/\/github\.com\/[^/\s)]+\/[^/\s)]+\/(pull|issues|commit)\//);
  });

  it("escapes table cells and pings nobody", () => {
    const row = md.split("\n").find((l) => l.startsWith("- meta [402]"));
    expect(row).toBe("- meta [402](https://redirect.github.com/QuantEcon/meta/pull/402): Weekly data for @&#8203;jstac \\| 4 repos (ci)");
    expect(md).not.toMatch(/(^|[^\w])@(?!&#8203;)[A-Za-z]/m);
    // Every table row has as many cells as its header.
    const lines = md.split("\n");
    lines.forEach((line, i) => {
      if (!/^\|[-:|]+\|$/.test(line)) return;
      const width = cells(lines[i - 1] ?? "").length;
      for (let j = i + 1; lines[j]?.startsWith("|"); j++) expect(cells(lines[j] ?? ""), lines[j]).toHaveLength(width);
    });
  });

  it("shows the credential audit's checklist when given", () => {
    const checklist = [
      { id: "org-secret", title: "Org secret QUANTECON_SERVICES_PAT", status: "done", evidence: ["set in 3 workflows"] },
      { id: "workflows-switched", title: "Workflows switched", status: "not-done", evidence: ["translation-sync PRs are authored by @mmcky", "2 workflows | 1 repo"] },
    ];
    const out = one(renderReport(buildReport(may, config, { generatedAt, audit: { checklist } }), "md"));
    expect(out).toContain("**Checklist** (from `qe-report audit`, checked against the activity):\n");
    expect(out).toContain(
      "\n- [x] Org secret QUANTECON\\_SERVICES\\_PAT: set in 3 workflows\n" +
        "- [ ] Workflows switched (not done): translation-sync PRs are authored by @&#8203;mmcky; 2 workflows \\| 1 repo\n",
    );
    expect(md).not.toContain("**Checklist**");
  });

  it("leaves out the previous-month columns when there is no previous dataset", () => {
    const plain = one(renderReport(buildReport(may, config, { generatedAt }), "md"));
    expect(plain).toContain("| PRs opened | 2 | 4 | 67% |\n");
    expect(plain).not.toContain("compared with");
    expect(plain).toContain("- Most contributions by people: jstac (3) and HumphreyYang (2).\n");
  });

  it("takes a replacement template, strictly", () => {
    expect(renderReport(report, "md", { template: "{{header.title}}: {{people.length}} people, {{migration.githubTokenPullRequests.0.title}}\n" })).toEqual([
      "QuantEcon activity report: May 2026: 3 people, Weekly data for @&#8203;jstac \\| 4 repos\n",
    ]);
    expect(() => renderReport(report, "md", { template: "{{header.nope}}" })).toThrow(QeReportError);
    expect(() => renderReport(report, "md", { template: "{{header.nope}}" })).toThrow('--template: line 1, column 3: "nope" is not a field here (see `qe-report schema report`)');
    expect(() => renderReport(report, "md", { template: "{{#each people}}\n{{login}\n", templateName: "mine.hbs" })).toThrow(
      '--template mine.hbs: line 2: parse error after "...ach people}}{{login}": unexpected INVALID',
    );
    expect(() => renderReport(report, "md", { template: "{{#each people}}x", templateName: "mine.hbs" })).toThrow(
      '--template mine.hbs: line 1: parse error after "{{#each people}}x": the template ends there (a block left open?)',
    );
  });
});

describe("renderReport html", () => {
  const html = one(renderReport(report, "html"));

  it("is one self-contained file with every section and two inline SVG charts", () => {
    expect(html.startsWith("<!doctype html>")).toBe(true);
    for (const id of ["header", "summary", "people", "automation", "migration", "repos", "completeness"]) expect(html).toContain(`id="${id}"`);
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).not.toMatch(/<link |<img |\ssrc=|@import|url\(/);
  });

  it("shows dataset text as text", () => {
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain("Escape &lt;script&gt;alert(1)&lt;/script&gt; in the intro");
    expect(html).toContain("Weekly data for @jstac | 4 repos");
  });

  it("drops links that are not http(s)", () => {
    const evil: Report = { ...report, people: report.people.map((p, i) => (i === 0 ? { ...p, url: "javascript:alert(1)" } : p)) };
    const out = one(renderReport(evil, "html"));
    expect(out).not.toContain("javascript:");
    expect(out).toContain("<tr><td>jstac</td>");
  });

  it("takes a replacement template with Handlebars' escaping", () => {
    expect(renderReport(report, "html", { template: "<p>{{migration.personalToken.1.items.0.title}}</p>" })).toEqual([
      "<p>🌐 [translation-sync] Escape &lt;script&gt;alert(1)&lt;/script&gt; in the intro</p>",
    ]);
  });
});

describe("renderReport json and csv", () => {
  it("json is the model itself", () => {
    const json = one(renderReport(report, "json"));
    expect(json).toBe(JSON.stringify(report, null, 2) + "\n");
    expect(ReportSchema.parse(JSON.parse(json))).toEqual(report);
  });

  it("csv has one row per item verdict, evidence joined", () => {
    const csv = one(renderReport(report, "csv"));
    const rows = csv.split("\r\n");
    expect(rows[0]).toBe("ref,type,repo,url,title,date,class,channel,kind,actor,onBehalfOf,rule,evidence");
    expect(rows.at(-1)).toBe("");
    expect(rows).toHaveLength(report.items.length + 2);
    const tokenRow = rows.find((r) => r.startsWith("QuantEcon/lecture-python.zh-cn#236,"));
    expect(tokenRow).toMatch(
      /^QuantEcon\/lecture-python\.zh-cn#236,pullRequest,QuantEcon\/lecture-python\.zh-cn,https:\/\/github\.com\/QuantEcon\/lecture-python\.zh-cn\/pull\/236,[^,]+,2026-05-\d\dT[\d:]+Z,automation,personal-token,translation-sync,mmcky,mmcky,quantecon\/translation-sync-pr,/,
    );
    const custom: Report = {
      ...report,
      items: [{ ref: "o/r#1", type: "issue", repo: "o/r", url: "https://github.com/o/r/issues/1", title: "Fix, then ship", date: "2026-05-02T00:00:00Z", class: "human", channel: "human", kind: null, actor: "a", onBehalfOf: null, rule: "r2", evidence: [
        { rule: "r1", signal: "title", detail: 'says "hi", ok' },
        { rule: "r2", signal: "author", detail: "x" },
      ] }],
    };
    expect(one(renderReport(custom, "csv"))).toBe(
      'ref,type,repo,url,title,date,class,channel,kind,actor,onBehalfOf,rule,evidence\r\no/r#1,issue,o/r,https://github.com/o/r/issues/1,"Fix, then ship",2026-05-02T00:00:00Z,human,human,,a,,r2,"r1 [title]: says ""hi"", ok | r2 [author]: x"\r\n',
    );
  });
});

/** A month with `n` translation-sync PRs by mmcky, one per repo, so the Markdown grows past GitHub's limit. */
function bigDataset(n: number): Dataset {
  const base = may.pullRequests[0] as PullRequest;
  const repos = Array.from({ length: n }, (_, i) => `QuantEcon/lecture-${String(i).padStart(4, "0")}.zh-cn`);
  return {
    ...may,
    repos: repos.map((name) => ({ name, defaultBranch: "main", isArchived: false, isFork: false })),
    pullRequests: repos.map((repo, i) => ({ ...base, repo, number: i + 1, url: `https://github.com/${repo}/pull/${i + 1}`, reviews: [] })),
    commits: [],
    issues: [],
  };
}

describe("Markdown over GitHub's limit", () => {
  const big = buildReport(bigDataset(400), config, { generatedAt });

  it("is trimmed with a clear note without split", () => {
    const body = one(renderReport(big, "md"));
    expect(body.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
    expect(body).toMatch(/> \*\*Trimmed:\*\* this report is [\d,]+ characters, over GitHub's 65,536-character limit, so its last [\d,]+ lines are left out\. Run with `--split`/);
  });

  it("is cut into parts under the limit with split, tables keeping their header", () => {
    const parts = renderReport(big, "md", { split: true });
    expect(parts.length).toBeGreaterThan(1);
    for (const [i, part] of parts.entries()) {
      expect(part.length).toBeLessThanOrEqual(GITHUB_BODY_LIMIT);
      expect(part).toContain(`_Part ${i + 1} of ${parts.length} of this report._`);
      const firstLine = part.split("\n")[0] ?? "";
      if (i > 0 && firstLine.startsWith("|")) expect(part.split("\n")[1]).toMatch(/^\|[-:|]+\|$/);
    }
    const joined = parts.join("\n");
    for (let i = 0; i < 400; i++) expect(joined).toContain(`| lecture-${String(i).padStart(4, "0")}.zh-cn | 2 | 0 / 1 |`);
    // A collapsed section cut between parts is closed in one and reopened in the next.
    for (const part of parts) expect(part.match(/<details>/g)?.length ?? 0, part.slice(0, 200)).toBe(part.match(/<\/details>/g)?.length ?? 0);
    expect(parts.slice(1).join("")).toContain(" (continued)</summary>");
  });
});

describe("determinism", () => {
  it("gives byte-identical output for the same inputs", () => {
    for (const format of ["md", "html", "json", "csv"] as const) {
      const a = renderReport(buildReport(may, config, { previous: april, generatedAt }), format);
      const b = renderReport(buildReport(may, config, { previous: april, generatedAt }), format);
      expect(a).toEqual(b);
    }
  });
});
