/**
 * Builds and renders a generated dataset of 1,000,000 items (PRs, reviews, commits, issues) in
 * each format and prints the time and peak memory per format. Each format runs in its own child
 * process, so one format's garbage never counts against another's peak. JSON and CSV are
 * rendered with `renderReportChunks` (as a file is written); md (split into parts) and html whole.
 *
 *   pnpm bench:report [--items N] [--formats md,html,json,csv]
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { Dataset } from "@quantecon/attribution";
import { parseConfig } from "@quantecon/attribution";
import { buildReport, renderReport, renderReportChunks, type ReportFormat } from "qe-report";

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const ITEMS = Number(flag("--items") ?? 1_000_000);
const FORMATS = (flag("--formats") ?? "json,csv,md,html").split(",") as ReportFormat[];
const MB = 1024 * 1024;

const config = parseConfig({
  org: "QuantEcon",
  machineAccounts: [{ login: "quantecon-services", names: ["QuantEcon Services"], emails: ["admin@quantecon.org"] }],
  rules: [{ id: "quantecon/translation-sync-pr", on: ["pullRequest"], kind: "translation-sync", match: { branch: "^translation-sync-" } }],
});

/** A deterministic month of activity with `items` verdicts: 30% PRs, 10% reviews, 50% commits, 10% issues. */
function generate(items: number): Dataset {
  const repos = Array.from({ length: 200 }, (_, i) => `QuantEcon/repo-${String(i).padStart(3, "0")}`);
  const people = Array.from({ length: 300 }, (_, i) => `person${i}`);
  const from = Date.parse("2026-05-01T00:00:00Z");
  const at = (i: number): string => new Date(from + ((i * 2_654_435_761) % (31 * 86_400_000))).toISOString().replace(/\.\d{3}Z$/, "Z");
  const prCount = Math.floor(items * 0.3);
  const reviewCount = Math.floor(items * 0.1);
  const issueCount = Math.floor(items * 0.1);
  const commitCount = items - prCount - reviewCount - issueCount;
  const pullRequests: Dataset["pullRequests"] = [];
  for (let i = 0; i < prCount; i++) {
    const repo = repos[i % repos.length] as string;
    const number = Math.floor(i / repos.length) + 1;
    const k = i % 10;
    const author = k < 3 ? "mmcky" : k === 3 ? "dependabot" : k === 4 ? "github-actions" : (people[i % people.length] as string);
    const headRef = k < 3 ? `translation-sync-2026-05-13T12-48-54-pr-${i}` : k === 3 ? `dependabot/npm/dep-${i}` : `branch-${i}`;
    const body = k < 3 ? `## Automated Translation Sync\n<!-- translation-sync-metadata\n{"sourceRepo":"QuantEcon/repo-000","sourcePR":${i % 5000},"targetLanguage":"${["zh-cn", "fa", "ja"][k]}"}\n-->` : "";
    const created = at(i);
    const merged = i % 2 === 0 ? created : null;
    pullRequests.push({
      repo, number, url: `https://github.com/${repo}/pull/${number}`, title: `Change ${i} to the <lecture> | @someone`, body, author,
      createdAt: created, updatedAt: created, closedAt: merged, mergedAt: merged, mergedBy: merged ? (people[(i + 1) % people.length] as string) : null,
      state: merged ? "MERGED" : "OPEN", isDraft: false, headRef, baseRef: "main", headRepo: repo, labels: [], assignees: [],
      additions: 1, deletions: 1, changedFiles: 1, reviews: [],
    });
  }
  for (let i = 0; i < reviewCount; i++) {
    pullRequests[(i * 7) % prCount]?.reviews.push({ author: people[(i + 3) % people.length] as string, state: "APPROVED", submittedAt: at(i + 17) });
  }
  const commits: Dataset["commits"] = [];
  for (let i = 0; i < commitCount; i++) {
    const repo = repos[i % repos.length] as string;
    const oid = i.toString(16).padStart(40, "0");
    const login = i % 5 === 0 ? null : (people[i % people.length] as string);
    const publish = i % 5 === 0;
    commits.push({
      repo, oid, url: `https://github.com/${repo}/commit/${oid}`, message: publish ? "auto publishing updates to notebooks" : `Edit ${i}\n\nDetails.`,
      authoredAt: at(i + 5), committedAt: at(i + 5),
      author: publish ? { login: null, name: "QuantEcon Services", email: "admin@quantecon.org" } : { login, name: login, email: `${login}@example.org` },
      committer: { login: "web-flow", name: "GitHub", email: "noreply@github.com" },
      parents: 1, committedViaWeb: false, pullRequest: null,
    });
  }
  const issues: Dataset["issues"] = [];
  for (let i = 0; i < issueCount; i++) {
    const repo = repos[i % repos.length] as string;
    const number = 1_000_000 + Math.floor(i / repos.length);
    issues.push({
      repo, number, url: `https://github.com/${repo}/issues/${number}`, title: `Issue ${i}`, body: "",
      author: i % 4 === 0 ? "github-actions" : (people[i % people.length] as string),
      createdAt: at(i + 11), updatedAt: at(i + 11), closedAt: i % 3 === 0 ? at(i + 13) : null, state: i % 3 === 0 ? "CLOSED" : "OPEN", labels: [],
    });
  }
  return {
    schema: "qe-activity/v1",
    generatedAt: "2026-06-01T00:10:00Z",
    source: { kind: "github", org: "QuantEcon" },
    window: { from: "2026-05-01T00:00:00Z", to: "2026-06-01T00:00:00Z", timeZone: "UTC" },
    repos: repos.map((name) => ({ name, defaultBranch: "main", isArchived: false, isFork: false })),
    actors: [
      ...people.map((login) => ({ login, type: "User" as const, name: null })),
      { login: "mmcky", type: "User", name: "Matt McKay" },
      { login: "dependabot", type: "Bot", name: null },
      { login: "github-actions", type: "Bot", name: null },
      { login: "web-flow", type: "User", name: "GitHub" },
    ],
    pullRequests,
    commits,
    issues,
  };
}

const gc = (): void => (globalThis as { gc?: () => void }).gc?.();
const heap = (): number => process.memoryUsage().heapUsed / MB;

/** One format in this process: build, render, and what it cost. */
function child(format: ReportFormat): void {
  const dataset = generate(ITEMS);
  gc();
  const baseRss = process.memoryUsage().rss / MB;
  const baseHeap = heap();
  let t = performance.now();
  const report = buildReport(dataset, config, { generatedAt: "2026-06-01T00:10:00Z" });
  const buildMs = performance.now() - t;
  const heapAfterBuild = heap();
  t = performance.now();
  // JSON and CSV stream in pieces (a million items pass V8's string limit); the bytes are counted, as a file write would.
  let bytes = 0;
  let parts = 0;
  if (format === "json" || format === "csv") {
    for (const piece of renderReportChunks(report, format)) bytes += Buffer.byteLength(piece);
    parts = 1;
  } else {
    const out = renderReport(report, format, { split: format === "md" });
    for (const part of out) bytes += Buffer.byteLength(part);
    parts = out.length;
  }
  const renderMs = performance.now() - t;
  const heapAfterRender = heap();
  const peakRss = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(
    JSON.stringify({ format, items: report.items.length, buildMs, renderMs, bytes, parts, baseRss, baseHeap, heapAfterBuild, heapAfterRender, peakRss }) + "\n",
  );
}

function parent(): void {
  const script = fileURLToPath(import.meta.url);
  const fmt = (n: number, d = 0): string => n.toFixed(d).padStart(8);
  console.log(`qe-report bench: ${ITEMS.toLocaleString("en-US")} items per format, Node ${process.version}, one child process per format`);
  console.log("format |  build s | render s |  output MB | parts | dataset RSS MB | peak RSS MB | heap after build MB | heap after render MB");
  for (const format of FORMATS) {
    const result = spawnSync(process.execPath, [...process.execArgv, script, "--child", format, "--items", String(ITEMS)], {
      encoding: "utf8",
      maxBuffer: 16 * MB,
      stdio: ["ignore", "pipe", "inherit"],
    });
    if (result.status !== 0) {
      console.log(`${format.padEnd(6)} | failed (exit ${result.status ?? result.signal})`);
      process.exitCode = 1;
      continue;
    }
    const r = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, number>;
    console.log(
      `${format.padEnd(6)} | ${fmt((r.buildMs ?? 0) / 1000, 2)} | ${fmt((r.renderMs ?? 0) / 1000, 2)} | ${fmt((r.bytes ?? 0) / MB, 1).padStart(10)} | ${String(r.parts).padStart(5)} | ${fmt(r.baseRss ?? 0).padStart(14)} | ${fmt(r.peakRss ?? 0).padStart(11)} | ${fmt(r.heapAfterBuild ?? 0).padStart(19)} | ${fmt(r.heapAfterRender ?? 0).padStart(20)}`,
    );
  }
  console.log("build = classify + summarize + report model; dataset RSS = after generating the dataset (before build); peak RSS = the child's maxRSS.");
}

const childFormat = flag("--child");
if (childFormat) child(childFormat as ReportFormat);
else parent();
