import type { AuditReport, ChecklistStatus, Finding } from "./audit-schema.js";

const ZWSP = "\u200b";

/** Makes untrusted text safe inline in Markdown: escapes syntax, breaks `@mentions`, keeps one line. */
export function escapeMarkdown(text: string): string {
  return oneLine(text)
    .replace(/[\\`*_{}[\]()<>#+!|~&]/g, (c) => `\\${c}`)
    // GitHub links `\#12` to issue 12 all the same: a zero-width space after `#` is what stops it.
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`)
    .replace(/@(?=[A-Za-z0-9])/g, `@${ZWSP}`);
}

/** Inline code for untrusted text (repo, path, secret, login): safe inside a table cell. */
export function inlineCode(text: string): string {
  const flat = oneLine(text);
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = "`".repeat(longest + 1);
  const pad = flat.startsWith("`") || flat.endsWith("`") ? " " : "";
  // GitHub splits table cells on `|` even inside code spans, so it is escaped there too.
  return `${fence}${pad}${flat.replace(/\|/g, "\\|")}${pad}${fence}`;
}

/** A URL safe as a Markdown link target: http(s) only; characters that would end or break the link are percent-encoded. */
export function safeUrl(url: string): string {
  if (!/^https?:\/\//i.test(url.trim())) return "";
  return oneLine(url).replace(/[\s()<>|[\]`"'\\@*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

function oneLine(text: string): string {
  return text.replace(/\r?\n|\r/g, " ").trim();
}

const STATUS: Record<ChecklistStatus, string> = { done: "✅ done", "not-done": "❌ not done", unknown: "❔ unknown" };

/** Renders a `qe-audit/v1` report as GitHub-flavoured Markdown. */
export function renderAuditMarkdown(report: AuditReport): string {
  const out: string[] = [];
  out.push(`# Workflow credential audit${report.org ? `: ${escapeMarkdown(report.org)}` : ""}`, "");
  const t = report.totals;
  const channels = Object.entries(t.byChannel)
    .filter(([, n]) => n > 0)
    .map(([channel, n]) => `${n} ${channel}`)
    .join(", ");
  out.push(
    `${t.findings} writing step${t.findings === 1 ? "" : "s"} in ${t.files} workflow file${t.files === 1 ? "" : "s"} across ${report.repos.length} repo${report.repos.length === 1 ? "" : "s"}${channels ? ` (${channels})` : ""}.` +
      (report.window ? ` Activity cross-checked for ${escapeMarkdown(report.window.from)} to ${escapeMarkdown(report.window.to)} (${escapeMarkdown(report.window.timeZone)}).` : " Activity was not cross-checked."),
    "",
  );

  out.push("## Migration checklist", "", "| # | Step | Status | What the data says |", "|---|---|---|---|");
  report.checklist.forEach((step, i) => {
    out.push(row([String(i + 1), escapeMarkdown(step.title), STATUS[step.status], step.evidence.map(escapeMarkdown).join("<br>")]));
  });
  out.push("");

  out.push("## Discrepancies", "");
  if (report.discrepancies.length === 0) out.push(report.window ? "None: the workflows' credentials agree with the activity." : "Not checked: no activity was given.");
  for (const d of report.discrepancies) {
    const link = d.url ? ` ([workflow](${safeUrl(d.url)}))` : "";
    out.push(`- **${d.severity}** ${inlineCode(d.code)}: ${escapeMarkdown(d.message)}${link}`);
  }
  out.push("");

  out.push("## Writing steps", "");
  if (report.findings.length === 0) out.push("None found.");
  else {
    out.push("| Repo | Workflow | Job | Step | Action | Operation | Secret | Channel | Line |", "|---|---|---|---|---|---|---|---|---|");
    for (const f of report.findings) out.push(findingRow(f));
  }
  out.push("");

  if (report.problems.length > 0) {
    out.push("## Files not fully read", "", "| Repo | File | Line | Problem |", "|---|---|---|---|");
    for (const p of report.problems) {
      out.push(row([inlineCode(p.repo), inlineCode(p.path), p.line ? `[L${p.line}](${safeUrl(p.url)})` : "", escapeMarkdown(p.message)]));
    }
    out.push("");
  }
  return `${out.join("\n").trimEnd()}\n`;
}

function findingRow(f: Finding): string {
  const step = f.step.name ?? f.step.id ?? `#${f.step.index}`;
  const secret = f.secret ? inlineCode(f.secret) : f.credential.expression ? inlineCode(f.credential.expression) : "";
  const account = f.machineAccount ? ` (${inlineCode(f.machineAccount)})` : "";
  const fallback = f.credential.fallbacks.length > 0 ? `<br>falls back to ${f.credential.fallbacks.map(inlineCode).join(", ")}` : "";
  return row([
    inlineCode(f.repo),
    `${escapeMarkdown(f.workflow)}<br>${inlineCode(f.path)}`,
    inlineCode(f.job),
    escapeMarkdown(step),
    inlineCode(f.action),
    f.operation,
    `${secret}${fallback}`,
    `${f.channel}${account}`,
    `[L${f.line}](${safeUrl(f.url)})`,
  ]);
}

function row(cells: string[]): string {
  return `| ${cells.join(" | ")} |`;
}
