/** GitHub's limit on an issue or comment body, in characters. */
export const GITHUB_BODY_LIMIT = 65_536;

// Room kept in each part for the "Part i of n" line and, in a trimmed body, the note.
const RESERVE = 600;

const isDelimiterRow = (line: string | undefined): boolean => line !== undefined && /^\|(\s*:?-+:?\s*\|)+\s*$/.test(line);

/**
 * Cuts a Markdown body into parts of at most `limit` characters at line breaks. A table cut in
 * two gets its header repeated; each part ends with "Part i of n". A single line longer than a
 * part is cut short with an ellipsis.
 */
export function splitMarkdown(body: string, limit = GITHUB_BODY_LIMIT): string[] {
  if (body.length <= limit) return [body];
  const budget = limit - RESERVE;
  const lines = body.replace(/\n$/, "").split("\n");
  const parts: string[][] = [];
  let current: string[] = [];
  let size = 0;
  let tableHeader: string[] | null = null;
  // Collapsed sections open at this line: a part must close them, and the next reopen them.
  const open: string[] = [];
  lines.forEach((raw, i) => {
    const line = raw.length > budget / 2 ? `${raw.slice(0, budget / 2)}…` : raw;
    if (!line.startsWith("|")) tableHeader = null;
    else if (isDelimiterRow(lines[i + 1])) tableHeader = [line, lines[i + 1] ?? ""];
    const inTableBody = tableHeader !== null && line !== tableHeader[0] && line !== tableHeader[1];
    if (size + line.length + 1 > budget && current.length > 0) {
      parts.push(open.length > 0 ? [...current, "", ...open.map(() => "</details>")] : current);
      const reopened = open.flatMap((tag) => [tag.replace(/<\/summary>/, " (continued)</summary>"), ""]);
      current = [...reopened, ...(inTableBody && tableHeader ? [...tableHeader] : [])];
      size = current.reduce((n, l) => n + l.length + 1, 0);
    }
    if (line.startsWith("<details>")) open.push(line);
    else if (line === "</details>") open.pop();
    current.push(line);
    size += line.length + 1;
  });
  if (current.length > 0) parts.push(current);
  return parts.map((part, i) => `${part.join("\n")}\n\n---\n_Part ${i + 1} of ${parts.length} of this report._\n`);
}

/** The first `limit` characters' worth of whole lines, with a note saying what was left out and how to get it all. */
export function trimMarkdown(body: string, limit = GITHUB_BODY_LIMIT): string {
  if (body.length <= limit) return body;
  const [first = ""] = splitMarkdown(body, limit);
  const kept = first.replace(/\n\n---\n_Part 1 of \d+ of this report\._\n$/, "");
  const keptLines = kept.split("\n").length;
  const allLines = body.replace(/\n$/, "").split("\n").length;
  return (
    `${kept}\n\n---\n> **Trimmed:** this report is ${body.length.toLocaleString("en-US")} characters, over GitHub's ` +
    `${limit.toLocaleString("en-US")}-character limit, so its last ${(allLines - keptLines).toLocaleString("en-US")} lines are left out. ` +
    "Run with `--split` to post it in parts, or use `--format html` or `--format json` for the whole report.\n"
  );
}
