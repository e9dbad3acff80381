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
    // Issue references before mentions: the entity the mention gets holds a `#` and a digit.
    .replace(/#(?=\d)/g, `#${ZWSP}`)
    .replace(/(^|[^\w.+-])@(?=[\w-])/g, `$1@${ZWSP}`)
    .replace(/\b(GH)-(?=\d)/gi, `$1-${ZWSP}`);
}

/** An http(s) URL, or "" for anything else (a `javascript:` URL never becomes a link). */
export function safeUrl(url: string): string {
  return /^https?:\/\//i.test(url) ? url : "";
}

/** A URL safe as a Markdown link destination: characters that would end it are percent-encoded. */
export function markdownUrl(url: string): string {
  return safeUrl(url).replace(/[\s()<>]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`);
}

/** One CSV field per RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
