// Zero-width space as an entity: GitHub renders it invisibly, and its mention and issue-link
// filters then see `@\u200Bname` / `#\u200B12`, which link nobody (the trick Renovate uses).
const ZWSP = "&#8203;";

/**
 * Text safe inside a GitHub Markdown table cell or list item: Markdown punctuation and HTML
 * are backslash-escaped, newlines become spaces, and @-mentions and #-references are
 * neutralised so posting the report pings nobody and links no issue.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n|\r|\n/g, " ")
    .replace(/[\\`*_[\]<>|~&$]/g, "\\$&")
    // Text that opens a line or cell must not start a heading, list or quote there.
    .replace(/^(?:[#+=-]|(\d+)([.)]))/, (m, digits?: string, mark?: string) => (digits ? `${digits}\\${mark}` : `\\${m}`))
    // Issue references before mentions: the entity the mention gets holds a `#` and a digit.
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    // Every `@name` not inside a word (`.@x`, `+@x`, `-@x`, `_@x` ping too on GitHub; `a@b` does not).
    .replace(/(^|[^A-Za-z0-9])@(?=[\w-])/g, `$1@${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`);
}

/** An http(s) URL, or "" for anything else (a `javascript:` URL never becomes a link). */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : "";
}

const percent = (c: string): string => {
  try {
    return encodeURIComponent(c);
  } catch {
    return "%EF%BF%BD"; // a lone surrogate: the replacement character
  }
};

/**
 * A URL safe as a Markdown link destination in any position, table cells included: everything
 * but unreserved and common URL punctuation is percent-encoded, so `|` cannot split a row, `)`
 * or a space cannot end the link, and `@` or `\` cannot reach the text around it.
 */
export function markdownUrl(url: string): string {
  return safeUrl(url).replace(/[^A-Za-z0-9\-._~:/?#=&%+,;!$]/gu, percent);
}

/**
 * Text a spreadsheet would run as a formula: a leading `=`, `+`, `-`, `@`, tab or CR (and the
 * full-width forms some spreadsheets accept), also after leading spaces.
 */
const FORMULA = /^[\s\u3000]*[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled.
 * Text that a spreadsheet would read as a formula gets a leading `'` (OWASP's advice), so a
 * git author named `=HYPERLINK(…)` stays text; numbers are written as they are.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && FORMULA.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
