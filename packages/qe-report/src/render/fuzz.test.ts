import { readFileSync } from "node:fs";
import { parseConfig, parseDataset, type Dataset } from "@quantecon/attribution";
// The fake world's seeded PRNG, so a failing seed reproduces.
import { prng } from "@quantecon/fake-github";
import { describe, expect, it } from "vitest";
import { buildReport } from "../report/build.js";
import { renderReport } from "./render.js";

/*
 * Generated hostile strings in every free-text field a stranger controls (titles, bodies,
 * branch names, labels, git names and emails, commit messages, logins, URLs), rendered in
 * every format; each output must stay inert: no live mention, no broken table, no markup,
 * no formula, valid JSON that keeps the text exactly.
 */

const PIECES = [
  "@mmcky", ".@mmcky", "+@mmcky", "-@mmcky", "_@mmcky", "\\@mmcky", "@QuantEcon/lectures", "#12", "\\#12", "GH-7", "owner/repo#9",
  "|", "\\|", "\\\\|", "`|`", "||", "<script>alert(1)</script>", "</td><td>", "<img src=x onerror=alert(1)>", "&lt;b&gt;", "&#64;mmcky",
  "[x](javascript:alert(1))", "![i](https://evil.example/p.png)", "<!--", "-->", "{{", "}}", "{{{x}}}", "${x}", "`", "```", "*", "_", "~~",
  "=HYPERLINK(\"https://evil.example\")", "+1+1", "-1-1", "@SUM(A1)", "\t=1", "\r=1", "\n", "\r\n", "\u2028", "\u202e", "\u200b", "\u0000",
  "\uD800", "\uDFFF", "😀", "# heading", "- item", "1. item", "> quote", "---", "|---|", ":--:", " ", "  ", "\\", "\"", "'", ",", "%0A",
];

function hostile(random: () => number, min = 1): string {
  const n = min + Math.floor(random() * 6);
  let out = "";
  for (let i = 0; i < n; i++) out += `${PIECES[Math.floor(random() * PIECES.length)]}${random() < 0.3 ? "word" : ""}`;
  return out;
}

const TEXT_KEYS = new Set(["title", "body", "message", "name", "email", "headRef", "baseRef"]);
const LOGIN_KEYS = new Set(["author", "mergedBy", "login", "closedBy", "committer"]);

/** The dataset with hostile text in every free field and a hostile spelling of every login (kept consistent). */
function corrupt(dataset: Dataset, random: () => number): Dataset {
  const logins = new Map<string, string>();
  const loginFor = (login: string): string => {
    if (!logins.has(login)) logins.set(login, `${hostile(random)}${logins.size}`.replace(/^\s+|\s+$/g, "") || `x${logins.size}`);
    return logins.get(login)!;
  };
  const walk = (value: unknown, key: string): unknown => {
    // Repository names are checked by the schema (owner/name) and come from GitHub's own rules.
    if (key === "repos") return value;
    if (typeof value === "string") {
      if (TEXT_KEYS.has(key)) return hostile(random);
      if (LOGIN_KEYS.has(key)) return loginFor(value);
      if (key === "url") return random() < 0.5 ? `${value}${hostile(random)}` : hostile(random);
      if (key === "labels") return hostile(random);
      return value;
    }
    if (Array.isArray(value)) return value.map((v) => walk(v, key === "labels" || key === "assignees" ? key : ""));
    if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    return value;
  };
  const out = walk(dataset, "") as Dataset & { actors: { login: string }[] };
  // Actors are listed once per login.
  const seen = new Set<string>();
  out.actors = out.actors.filter((a) => !seen.has(a.login) && seen.add(a.login));
  return parseDataset(out);
}

const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`../report/fixtures/${name}`, import.meta.url), "utf8"));
const may = parseDataset(fixture("may-2026.json"));
const config = parseConfig(fixture("config.json"));

/** Pipes that split a GitHub table row: not preceded by an odd number of backslashes. */
const splittingPipes = (line: string): number => [...line.matchAll(/(\\*)\|/g)].filter((m) => (m[1] ?? "").length % 2 === 0).length;

function checkMarkdown(md: string): void {
  // A mention is live when `@name` does not follow a letter or digit (an email's `a@b` pings nobody).
  expect(md).not.toMatch(/(^|[^A-Za-z0-9])@[A-Za-z0-9_-]/m);
  expect(md).not.toMatch(/(^|[^&\w])#\d/m);
  // Link destinations are URLs, not text: GitHub links nothing inside them.
  expect(md.replace(/\]\([^)\s]*\)/g, "]()")).not.toMatch(/\bGH-\d/i);
  expect(md).not.toMatch(/(?<!\\)<(script|img|td|!--)/i);
  expect(md).not.toMatch(/(?<!\\)\]\(javascript:/i);
  const lines = md.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith("|") || lines[i - 1]?.startsWith("|")) continue;
    const columns = splittingPipes(lines[i]!);
    for (let j = i; j < lines.length && lines[j]!.startsWith("|"); j++) expect(splittingPipes(lines[j]!), `table row ${j + 1}: ${lines[j]}`).toBe(columns);
  }
}

function checkHtml(html: string): void {
  const body = html.replace(/<script[^>]*type="application\/json"[\s\S]*?<\/script>/g, "");
  expect(body).not.toMatch(/<script>alert|<img src=x|<[a-z]+[^>]*\sonerror=/i);
  expect(body).not.toMatch(/href="\s*javascript:/i);
}

/** RFC 4180 rows, for checking the CSV the way a spreadsheet would read it. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = (): void => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endCell();
    else if (c === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  if (cell !== "" || row.length > 0) {
    endCell();
    rows.push(row);
  }
  return rows;
}

function checkCsv(csv: string): void {
  const rows = parseCsv(csv);
  const width = rows[0]!.length;
  for (const row of rows) {
    expect(row).toHaveLength(width);
    for (const cell of row) expect(cell).not.toMatch(/^[\s\u3000]*[=+@\t\r\uFF1D\uFF0B\uFF20]|^[\s\u3000]*[-\uFF0D]\D/);
  }
}

describe("renderers against generated hostile strings", () => {
  it.each(Array.from({ length: 25 }, (_, i) => i + 1))("seed %i: md, html, json and csv stay inert", (seed) => {
    const dataset = corrupt(may, prng(seed));
    const report = buildReport(dataset, config, { generatedAt: "2026-06-01T00:10:00Z" });
    checkMarkdown(renderReport(report, "md").join(""));
    checkHtml(renderReport(report, "html").join(""));
    const json = JSON.parse(renderReport(report, "json").join("")) as { items: { ref: string }[] };
    expect(json.items.length).toBe(report.items.length);
    expect(JSON.stringify(json.items)).toBe(JSON.stringify(JSON.parse(JSON.stringify(report.items))));
    checkCsv(renderReport(report, "csv").join(""));
  });
});
