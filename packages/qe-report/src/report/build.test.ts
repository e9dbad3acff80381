import { readFileSync } from "node:fs";
import { classify, parseConfig, parseDataset, type Dataset } from "@quantecon/attribution";
import { migrationChecklist } from "@quantecon/attribution-audit";
import { describe, expect, it } from "vitest";
import { QeReportError } from "../errors.js";
import { buildReport } from "./build.js";
import { searchRange } from "./links.js";
import { ReportSchema, reportJsonSchema } from "./schema.js";
import { translationRollup } from "./translation.js";

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8"));
const may = parseDataset(fixture("may-2026.json"));
const april = parseDataset(fixture("april-2026.json"));
const config = parseConfig(fixture("config.json"));
const generatedAt = "2026-06-01T00:10:00Z";
const report = buildReport(may, config, { previous: april, generatedAt });

describe("buildReport", () => {
  it("is a valid qe-report/v1 report with one verdict per item", () => {
    expect(ReportSchema.parse(report)).toEqual(report);
    expect(report.schema).toBe("qe-report/v1");
    expect(report.org).toBe("QuantEcon");
    expect(report.window).toEqual(may.window);
    // 6 PRs + 2 reviews + 3 commits + 2 issues
    expect(report.items).toHaveLength(13);
    // Each item is its verdict plus what a spreadsheet needs without a join back to the dataset.
    const verdicts = classify(may, config);
    expect(report.items.map(({ repo: _r, url: _u, title: _t, date: _d, rule: _x, firstHumanResponseAt: _f, ...verdict }) => verdict)).toEqual(verdicts);
    expect(report.items.find((i) => i.ref === "QuantEcon/lecture-python.zh-cn#236")).toMatchObject({
      repo: "QuantEcon/lecture-python.zh-cn",
      url: "https://github.com/QuantEcon/lecture-python.zh-cn/pull/236",
      type: "pullRequest",
      class: "automation",
      channel: "personal-token",
      onBehalfOf: "mmcky",
      rule: "quantecon/translation-sync-pr",
    });
    for (const item of report.items) expect(Date.parse(item.date), item.ref).not.toBeNaN();
    // PRs and issues opened in the window carry their first human response; nothing else does.
    expect(report.items.filter((v) => v.firstHumanResponseAt !== undefined).map((v) => v.type)).toEqual(expect.arrayContaining(["pullRequest", "issue"]));
    expect(report.items.filter((v) => v.firstHumanResponseAt !== undefined).every((v) => v.type === "pullRequest" || v.type === "issue")).toBe(true);
    expect(report.totals).toEqual({
      pullRequest: { human: 2, automation: 4 },
      commit: { human: 1, automation: 2 },
      issue: { human: 1, automation: 1 },
      review: { human: 2, automation: 0 },
      comment: { human: 0, automation: 0 },
    });
  });

  it("states the header: window with its zone, source and the pinned time", () => {
    expect(report.header).toMatchObject({
      title: "QuantEcon activity report: May 2026",
      window: { label: "May 2026", firstDay: "2026-05-01", lastDay: "2026-05-31", timeZone: "UTC" },
      source: { kind: "github", org: "QuantEcon", apiUrl: "https://api.github.com/graphql" },
      generatedAt,
      datasetGeneratedAt: "2026-06-01T00:10:00Z",
      previousWindow: { ...april.window, label: "April 2026" },
    });
  });

  it("counts the summary human vs automation, with the change against the previous month", () => {
    const opened = report.summary.measures.find((m) => m.measure === "pullRequestsOpened");
    expect(opened).toEqual({
      measure: "pullRequestsOpened",
      label: "PRs opened",
      human: 2,
      automation: 4,
      total: 6,
      automationShare: 0.6667,
      previous: { human: 0, automation: 2, total: 2, automationShare: 1 },
      change: { human: 2, automation: 2, total: 4 },
    });
    expect(report.summary.overall).toEqual({ human: 7, automation: 9, total: 16, automationShare: 0.5625 });
    const weekly = report.summary.weeks.reduce((acc, w) => acc + w.human + w.automation, 0);
    expect(weekly).toBe(report.summary.overall.total);
    expect(report.summary.weeks.map((w) => w.label)).toEqual(["May 1–7", "May 8–14", "May 15–21", "May 22–28", "May 29–31"]);
  });

  it("keeps automation under a personal token out of the person's work, with a footnote", () => {
    const mmcky = report.people.find((p) => p.login === "mmcky");
    expect(mmcky).toMatchObject({ pullRequestsOpened: 0, commits: 0, automationUnderToken: 3, merges: 1, automatedPullRequestsMerged: 1 });
    expect(mmcky?.footnote).toBe("2 automated PRs and 1 commit ran under this account's token; listed under Automation");
    // Reviewing and merging automated PRs is human work.
    expect(report.people.find((p) => p.login === "HumphreyYang")).toMatchObject({ automatedPullRequestsReviewed: 1, automatedPullRequestsMerged: 1, footnote: null });
    expect(report.people.map((p) => p.login)).not.toContain("dependabot");
  });

  it("rolls up automation per kind × channel, per repo, and the translations", () => {
    expect(report.automation.byKind.map((a) => [a.kind, a.channel, a.total])).toEqual([
      ["translation-sync", "personal-token", 4],
      ["dependency-update", "github-app", 3],
      ["ci", "github-actions", 2],
    ]);
    expect(report.automation.byRepo.find((r) => r.repo === "QuantEcon/lecture-python.zh-cn")).toMatchObject({ kind: "translation-sync", pullRequestsOpened: 1, commits: 1, total: 3 });
    expect(report.automation.translation).toEqual([
      {
        sourceRepo: "QuantEcon/lecture-python.myst",
        upstreamChanges: 2,
        languages: ["fa", "zh-cn"],
        pullRequests: 2,
        targetRepos: ["QuantEcon/lecture-python.fa", "QuantEcon/lecture-python.zh-cn"],
        text: "2 upstream changes → 2 languages",
      },
    ]);
  });

  it("lists what still runs under a personal token, GITHUB_TOKEN PRs, and progress per channel", () => {
    expect(report.migration.machineAccounts).toEqual(["quantecon-services"]);
    expect(report.migration.personalToken[0]).toEqual({
      onBehalfOf: "mmcky",
      kind: "translation-sync",
      repo: "QuantEcon/lecture-python.zh-cn",
      count: 2,
      items: [
        { ref: "QuantEcon/lecture-python.zh-cn#236", url: "https://github.com/QuantEcon/lecture-python.zh-cn/pull/236", title: "🌐 [translation-sync] [mccall_q] Fix typos" },
        {
          ref: "QuantEcon/lecture-python.zh-cn@1111111111111111111111111111111111111111",
          url: "https://github.com/QuantEcon/lecture-python.zh-cn/commit/1111111111111111111111111111111111111111",
          title: "🌐 [translation-sync] [mccall_q] Fix typos (#236)",
        },
      ],
    });
    expect(report.migration.githubTokenPullRequests).toEqual([
      { ref: "QuantEcon/meta#402", url: "https://github.com/QuantEcon/meta/pull/402", repo: "QuantEcon/meta", title: "Weekly data for @jstac | 4 repos", kind: "ci" },
    ]);
    expect(report.migration.channels.find((c) => c.channel === "personal-token")).toEqual({ channel: "personal-token", items: 3, previous: 2, change: 1 });
    expect(report.migration.checklist).toBeNull();
  });

  it("splits each repository's numbers human / automation and links them to GitHub searches", () => {
    const myst = report.repos.find((r) => r.repo === "QuantEcon/lecture-python.myst");
    expect(myst?.pullRequestsOpened).toEqual({
      human: 2,
      automation: 1,
      total: 3,
      url: "https://github.com/QuantEcon/lecture-python.myst/pulls?q=is:pr+created:2026-05-01..2026-05-31",
    });
    expect(myst?.commits.url).toBe("https://github.com/QuantEcon/lecture-python.myst/commits/main?since=2026-05-01&until=2026-05-31");
    expect(myst?.issuesClosed).toMatchObject({ human: 1, automation: 0 });
    // Scanned but quiet repos stay in the model.
    expect(report.repos.map((r) => r.repo)).toContain("QuantEcon/quiet");
  });

  it("carries every dataset warning", () => {
    expect(report.completeness.warnings).toEqual([
      { code: "FORBIDDEN", message: "the token cannot read this repository; it was skipped", repo: "QuantEcon/private-notes" },
    ]);
  });

  it("shows the audit's checklist when given, and refuses an audit it cannot read", () => {
    const checklist = migrationChecklist({ findings: [], discrepancies: [], config, verdicts: classify(may, config) });
    const built = buildReport(may, config, { generatedAt, audit: { schema: "qe-audit/v1", checklist } });
    expect(built.migration.checklist).toHaveLength(5);
    expect(built.migration.checklist).toEqual(
      checklist.map((step) => ({ id: step.id, step: step.title, status: step.status, detail: step.evidence.join("; ") })),
    );
    expect(built.migration.checklist?.map((s) => s.id)).toEqual(["machine-pat", "team-access", "org-secret", "workflows-switched", "personal-token-revoked"]);
    expect(() => buildReport(may, config, { generatedAt, audit: { findings: [] } })).toThrow(/^audit\.checklist: .*expected a qe-audit\/v1 result/);
  });

  it("is deterministic for a pinned time, and uses the clock only when none is given", () => {
    const again = buildReport(may, config, { previous: april, generatedAt });
    expect(JSON.stringify(again)).toBe(JSON.stringify(report));
    const before = Date.now();
    const unpinned = Date.parse(buildReport(may, config).header.generatedAt);
    expect(unpinned).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
    expect(unpinned).toBeLessThanOrEqual(Date.now());
  });

  it("rejects a generatedAt that is not an instant with one clear line", () => {
    let error: unknown;
    try {
      buildReport(may, config, { generatedAt: "yesterday" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(QeReportError);
    expect((error as QeReportError).code).toBe("E_USAGE");
    expect((error as QeReportError).message).toBe('generatedAt "yesterday": expected an ISO 8601 instant such as 2026-06-01T00:00:00Z');
  });

  it("uses verdicts it is given instead of classifying again", () => {
    const verdicts = classify(may, config).map((v) => (v.ref === "QuantEcon/lecture-python.myst#532" ? { ...v, class: "automation" as const, channel: "github-app" as const, kind: "other" } : v));
    const built = buildReport(may, config, { generatedAt, verdicts });
    expect(built.summary.measures[0]).toMatchObject({ human: 1, automation: 5 });
  });
});

describe("translationRollup", () => {
  it("reads only PRs active in the window that carry a metadata block", () => {
    const outside: Dataset = {
      ...may,
      pullRequests: may.pullRequests.map((pr) => (pr.number === 100 ? { ...pr, createdAt: "2026-04-20T00:00:00Z" } : pr)),
    };
    expect(translationRollup(outside)).toEqual([
      expect.objectContaining({ upstreamChanges: 1, languages: ["zh-cn"], pullRequests: 1, text: "1 upstream change → 1 language" }),
    ]);
    expect(translationRollup(april)).toEqual([]);
  });
});

describe("searchRange", () => {
  it("uses dates for whole UTC days and exact instants for a window in another zone", () => {
    expect(searchRange(may.window)).toBe("2026-05-01..2026-05-31");
    expect(searchRange({ from: "2026-04-30T14:00:00Z", to: "2026-05-31T14:00:00Z", timeZone: "Australia/Sydney" })).toBe(
      "2026-04-30T14:00:00Z..2026-05-31T13:59:59Z",
    );
  });
});

describe("reportJsonSchema", () => {
  it("is generated from the zod schema and requires the attribution-v1 top level", () => {
    const schema = reportJsonSchema();
    expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(schema.required).toEqual(expect.arrayContaining(["schema", "org", "window", "totals", "items"]));
  });
});
