import type { ReportItem } from "../report/schema.js";
import { csvField } from "./escape.js";

const HEADER = ["ref", "type", "repo", "url", "title", "date", "class", "channel", "kind", "actor", "onBehalfOf", "rule", "evidence"];

/** The CSV header line, CRLF-terminated. */
export function csvHeader(): string {
  return `${HEADER.join(",")}\r\n`;
}

/**
 * One item as a CSV line (RFC 4180, CRLF-terminated): what a pivot table needs without a join
 * (repository, URL, title, date, person, class, channel, kind, deciding rule); the evidence as
 * `rule [signal]: detail` joined by " | ". Every dataset text goes through `csvField`.
 */
export function csvRow(v: ReportItem, evidenceCache?: Map<object, string>): string {
  let evidence = evidenceCache?.get(v.evidence);
  if (evidence === undefined) {
    evidence = csvField(v.evidence.map((e) => `${e.rule} [${e.signal}]: ${e.detail}`).join(" | "));
    if (evidenceCache) {
      // Evidence lists are shared between items: each is written once (bounded all the same).
      if (evidenceCache.size >= 10_000) evidenceCache.clear();
      evidenceCache.set(v.evidence, evidence);
    }
  }
  return (
    `${csvField(v.ref)},${v.type},${csvField(v.repo)},${csvField(v.url)},${csvField(v.title)},${csvField(v.date)},${v.class},${v.channel},` +
    `${csvField(v.kind)},${csvField(v.actor)},${csvField(v.onBehalfOf)},${csvField(v.rule)},${evidence}\r\n`
  );
}
