import type { Report } from "../report/schema.js";
import { csvHeader, csvRow } from "./csv.js";

// Small batches: their short-lived strings die young instead of being promoted (4× faster at 1M items).
// A batch's string stays under V8's large-object threshold (128 KiB) at ~850 bytes an item, so
// it dies in the young generation instead of piling up in large-object space until a full GC.
const BATCH = 100;
// PRs and issues opened in the window carry one more key, last: `firstHumanResponseAt`.
const ITEM_KEYS = ["ref", "type", "repo", "url", "title", "date", "class", "channel", "kind", "actor", "onBehalfOf", "rule", "evidence", "firstHumanResponseAt"];
const ITEM_BASE_KEYS = ITEM_KEYS.length - 1;
const EVIDENCE_KEYS = ["rule", "signal", "detail"];
const q = JSON.stringify;

/**
 * How many keys an object has when its own keys are the first of `keys`, in order, each holding
 * a string (or null where allowed); -1 when they are not.
 */
function plainKeys(o: object, keys: readonly string[], nullable: ReadonlySet<string>): number {
  let i = 0;
  for (const key in o) {
    if (key !== keys[i]) return -1;
    const value = (o as Record<string, unknown>)[key];
    if (key !== "evidence" && typeof value !== "string" && !(value === null && nullable.has(key))) return -1;
    i += 1;
  }
  return i;
}

/** Whether an object's own keys are exactly `keys`, in order, each holding a string (or null where allowed). */
const plainShape = (o: object, keys: readonly string[], nullable: ReadonlySet<string>): boolean => plainKeys(o, keys, nullable) === keys.length;

const NULLABLE = new Set(["kind", "onBehalfOf", "firstHumanResponseAt"]);
const NONE = new Set<string>();

/** An evidence list as written inside an item, or undefined when it is not of the usual shape. */
function evidenceJson(evidence: readonly object[]): string | undefined {
  if (!Array.isArray(evidence) || !evidence.every((e) => plainShape(e, EVIDENCE_KEYS, NONE))) return undefined;
  if (evidence.length === 0) return "[]";
  let ev = "[\n";
  (evidence as readonly Report["items"][number]["evidence"][number][]).forEach((e, i) => {
    ev += `${i > 0 ? ",\n" : ""}        {\n          "rule": ${q(e.rule)},\n          "signal": ${q(e.signal)},\n          "detail": ${q(e.detail)}\n        }`;
  });
  return `${ev}\n      ]`;
}

// Evidence lists are shared between items (a few hundred distinct lists for a million items):
// each is written once. Bounded, in case a dataset's lists are all different.
const EVIDENCE_CACHE_LIMIT = 10_000;

/**
 * One item as `JSON.stringify(item, null, 2)` indented two levels. Items of the usual shape
 * are written field by field (3× faster at a million items); anything else goes through stringify.
 */
function itemJson(v: Report["items"][number], evidenceCache: Map<object, string | undefined>): string {
  const evidence = v.evidence as readonly object[];
  let ev = evidenceCache.get(evidence);
  if (ev === undefined && !evidenceCache.has(evidence)) {
    ev = evidenceJson(evidence);
    if (evidenceCache.size >= EVIDENCE_CACHE_LIMIT) evidenceCache.clear();
    evidenceCache.set(evidence, ev);
  }
  const keys = ev === undefined ? -1 : plainKeys(v, ITEM_KEYS, NULLABLE);
  if (keys === ITEM_BASE_KEYS || keys === ITEM_KEYS.length) {
    return (
      `    {\n      "ref": ${q(v.ref)},\n      "type": ${q(v.type)},\n      "repo": ${q(v.repo)},\n      "url": ${q(v.url)},\n      "title": ${q(v.title)},\n      "date": ${q(v.date)},\n` +
      `      "class": ${q(v.class)},\n      "channel": ${q(v.channel)},\n      "kind": ${q(v.kind)},\n      "actor": ${q(v.actor)},\n      "onBehalfOf": ${q(v.onBehalfOf)},\n` +
      `      "rule": ${q(v.rule)},\n      "evidence": ${ev as string}${keys === ITEM_BASE_KEYS ? "" : `,\n      "firstHumanResponseAt": ${q(v.firstHumanResponseAt)}`}\n    }`
    );
  }
  return `    ${JSON.stringify(v, null, 2).replace(/\n/g, "\n    ")}`;
}

const indented = (json: string, pad: string): string => (pad === "" ? json : json.replace(/\n/g, `\n${pad}`));
const omitted = (v: unknown): boolean => v === undefined || typeof v === "function" || typeof v === "symbol";

/**
 * `JSON.stringify(value, null, 2)` at indentation `pad`, in pieces: objects are walked, and an
 * array longer than `LONG` is written an element at a time, so no part of the report (the
 * migration's item lists run to hundreds of thousands of entries) becomes one huge string.
 */
function* prettyPieces(value: unknown, pad: string): Generator<string> {
  if (Array.isArray(value) && value.length > LONG) {
    yield "[\n";
    for (let i = 0; i < value.length; i++) {
      const el: unknown = value[i];
      yield `${pad}  ${omitted(el) ? "null" : indented(JSON.stringify(el, null, 2), `${pad}  `)}${i === value.length - 1 ? "\n" : ",\n"}`;
    }
    yield `${pad}]`;
    return;
  }
  if (value !== null && typeof value === "object" && !Array.isArray(value) && typeof (value as { toJSON?: unknown }).toJSON !== "function") {
    const entries = Object.entries(value).filter(([, v]) => !omitted(v));
    if (entries.length === 0) {
      yield "{}";
      return;
    }
    yield "{\n";
    for (const [i, [key, v]] of entries.entries()) {
      yield `${pad}  ${JSON.stringify(key)}: `;
      yield* prettyPieces(v, `${pad}  `);
      yield i === entries.length - 1 ? "\n" : ",\n";
    }
    yield `${pad}}`;
    return;
  }
  yield indented(JSON.stringify(value, null, 2), pad);
}

const LONG = 1_000;
const PIECE = 64 * 1024;

/**
 * The JSON rendering in pieces whose concatenation is `JSON.stringify(report, null, 2) + "\n"`
 * (with `items` last, as `buildReport` makes it). A million items pass V8's ~512 MB string
 * limit as one string, so large reports are written piece by piece, the parts before the items too.
 */
export function* jsonChunks(report: Report): Generator<string> {
  const keys = Object.keys(report).filter((k) => !omitted((report as Record<string, unknown>)[k]));
  if (keys.at(-1) !== "items") throw new Error("[qe-report] jsonChunks: items must be the last key");
  const { items } = report;
  let buf = "{\n";
  for (const key of keys.slice(0, -1)) {
    buf += `  ${JSON.stringify(key)}: `;
    for (const piece of prettyPieces((report as Record<string, unknown>)[key], "  ")) {
      buf += piece;
      if (buf.length >= PIECE) {
        yield buf;
        buf = "";
      }
    }
    buf += ",\n";
  }
  if (items.length === 0) {
    yield `${buf}  "items": []\n}\n`;
    return;
  }
  yield `${buf}  "items": [\n`;
  const evidenceCache = new Map<object, string | undefined>();
  for (let start = 0; start < items.length; start += BATCH) {
    const end = Math.min(start + BATCH, items.length);
    const lines: string[] = [];
    for (let i = start; i < end; i++) {
      lines.push(`${itemJson(items[i] as Report["items"][number], evidenceCache)}${i === items.length - 1 ? "\n" : ",\n"}`);
    }
    yield lines.join("");
  }
  yield "  ]\n}\n";
}

/** The CSV rendering in pieces (header, then batches of rows), for writing a large report as a stream. */
export function* csvChunks(report: Report): Generator<string> {
  yield csvHeader();
  const evidenceCache = new Map<object, string>();
  for (let start = 0; start < report.items.length; start += BATCH) {
    const rows: string[] = [];
    for (const v of report.items.slice(start, start + BATCH)) rows.push(csvRow(v, evidenceCache));
    yield rows.join("");
  }
}
