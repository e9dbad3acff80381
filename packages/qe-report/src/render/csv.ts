import type { Verdict } from "@quantecon/attribution";
import { csvField } from "./escape.js";

const HEADER = ["ref", "type", "class", "channel", "kind", "actor", "onBehalfOf", "evidence"];

/** The CSV header line, CRLF-terminated. */
export function csvHeader(): string {
  return `${HEADER.join(",")}\r\n`;
}

/** One item verdict as a CSV line (RFC 4180, CRLF-terminated); evidence as `rule [signal]: detail` joined by " | ". */
export function csvRow(v: Verdict): string {
  const evidence = v.evidence.map((e) => `${e.rule} [${e.signal}]: ${e.detail}`).join(" | ");
  return `${csvField(v.ref)},${v.type},${v.class},${v.channel},${csvField(v.kind)},${csvField(v.actor)},${csvField(v.onBehalfOf)},${csvField(evidence)}\r\n`;
}
