import type { Report } from "../report/schema.js";
import { csvHeader, csvRow } from "./csv.js";

// Small batches: their short-lived strings die young instead of being promoted (4× faster at 1M items).
const BATCH = 200;
const ITEM_KEYS = ["ref", "type", "repo", "url", "title", "date", "class", "channel", "kind", "actor", "onBehalfOf", "rule", "evidence"];
const EVIDENCE_KEYS = ["rule", "signal", "detail"];
const q = JSON.stringify;

/** Whether an object's own keys are exactly `keys`, in order, each holding a string (or null where allowed). */
function plainShape(o: object, keys: readonly string[], nullable: ReadonlySet<string>): boolean {
  let i = 0;
  for (const key in o) {
    if (key !== keys[i]) return false;
    const value = (o as Record<string, unknown>)[key];
    if (key !== "evidence" && typeof value !== "string" && !(value === null && nullable.has(key))) return false;
    i += 1;
  }
  return i === keys.length;
}

const NULLABLE = new Set(["kind", "onBehalfOf"]);
const NONE = new Set<string>();

/**
 * One item as `JSON.stringify(item, null, 2)` indented two levels. Verdicts of the usual shape
 * are written field by field (3× faster at a million items); anything else goes through stringify.
 */
function itemJson(v: Report["items"][number]): string {
  const evidence = v.evidence as readonly object[];
  if (plainShape(v, ITEM_KEYS, NULLABLE) && Array.isArray(evidence) && evidence.every((e) => plainShape(e, EVIDENCE_KEYS, NONE))) {
    let ev = "[]";
    if (v.evidence.length > 0) {
      ev = "[\n";
      v.evidence.forEach((e, i) => {
        ev += `${i > 0 ? ",\n" : ""}        {\n          "rule": ${q(e.rule)},\n          "signal": ${q(e.signal)},\n          "detail": ${q(e.detail)}\n        }`;
      });
      ev += "\n      ]";
    }
    return (
      `    {\n      "ref": ${q(v.ref)},\n      "type": ${q(v.type)},\n      "repo": ${q(v.repo)},\n      "url": ${q(v.url)},\n      "title": ${q(v.title)},\n      "date": ${q(v.date)},\n` +
      `      "class": ${q(v.class)},\n      "channel": ${q(v.channel)},\n      "kind": ${q(v.kind)},\n      "actor": ${q(v.actor)},\n      "onBehalfOf": ${q(v.onBehalfOf)},\n` +
      `      "rule": ${q(v.rule)},\n      "evidence": ${ev}\n    }`
    );
  }
  return `    ${JSON.stringify(v, null, 2).replace(/\n/g, "\n    ")}`;
}

/**
 * The JSON rendering in pieces whose concatenation is `JSON.stringify(report, null, 2) + "\n"`
 * (with `items` last, as `buildReport` makes it). A million items pass V8's ~512 MB string
 * limit as one string, so large reports are written piece by piece.
 */
export function* jsonChunks(report: Report): Generator<string> {
  const { items, ...rest } = report;
  const head = JSON.stringify({ ...rest, items: [] }, null, 2);
  const tail = '  "items": []\n}';
  if (!head.endsWith(tail)) throw new Error("[qe-report] jsonChunks: items must be the last key");
  if (items.length === 0) {
    yield `${head}\n`;
    return;
  }
  yield `${head.slice(0, -tail.length)}  "items": [\n`;
  for (let start = 0; start < items.length; start += BATCH) {
    const end = Math.min(start + BATCH, items.length);
    const lines: string[] = [];
    for (let i = start; i < end; i++) {
      lines.push(`${itemJson(items[i] as Report["items"][number])}${i === items.length - 1 ? "\n" : ",\n"}`);
    }
    yield lines.join("");
  }
  yield "  ]\n}\n";
}

/** The CSV rendering in pieces (header, then batches of rows), for writing a large report as a stream. */
export function* csvChunks(report: Report): Generator<string> {
  yield csvHeader();
  for (let start = 0; start < report.items.length; start += BATCH) {
    const rows: string[] = [];
    for (const v of report.items.slice(start, start + BATCH)) rows.push(csvRow(v));
    yield rows.join("");
  }
}
