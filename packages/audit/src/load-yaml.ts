import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from "yaml";

/** A YAML mapping as plain data; created without a prototype so keys like `__proto__` stay data. */
export type YamlMap = Record<string, unknown>;

/** Parsed YAML as plain values, with the 1-based line where each mapping, sequence and key starts. */
export interface LoadedYaml {
  value: unknown;
  /** Line of a mapping or sequence object produced by this load. */
  lineOf(node: object): number | null;
  /** Line of `key` inside a mapping object produced by this load. */
  keyLine(map: object, key: string): number | null;
}

/** Why a file could not be loaded, with the line where known. */
export interface YamlFailure {
  message: string;
  line: number | null;
}

// Guards against alias bombs ("billion laughs"): expansion stops past this many values.
const MAX_VALUES = 200_000;

interface Place {
  line: number | null;
  keys: Map<string, number | null>;
}

/** Parses one YAML document, resolving anchors, aliases and `<<` merge keys; never throws. */
export function loadYaml(text: string): { ok: true; yaml: LoadedYaml } | { ok: false; failure: YamlFailure } {
  const lineCounter = new LineCounter();
  let doc: Document.Parsed;
  try {
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    return { ok: false, failure: { message: firstLine(String((error as Error).message ?? error)), line: null } };
  }
  const [error] = doc.errors;
  if (error) {
    return { ok: false, failure: { message: firstLine(error.message), line: error.linePos?.[0].line ?? null } };
  }
  const places = new WeakMap<object, Place>();
  const lineAt = (node: Node | null | undefined): number | null =>
    node?.range ? lineCounter.linePos(node.range[0]).line || 1 : null;
  let count = 0;
  const resolving = new Set<Node>();
  // Every alias's target from one walk in document order (an alias names the latest anchor
  // before it); `Alias.resolve` would walk the whole document once per alias: 8,000 aliases, a minute.
  const targets = new Map<object, Node | undefined>();
  const anchors = new Map<string, Node>();
  visit(doc, {
    Node(_, node) {
      if (isAlias(node)) targets.set(node, anchors.get(node.source));
      else if (node.anchor) anchors.set(node.anchor, node);
    },
  });

  const convert = (node: unknown): unknown => {
    if (++count > MAX_VALUES) throw new AliasBomb();
    if (isAlias(node)) {
      const target = targets.get(node);
      if (!target || resolving.has(target)) return null;
      resolving.add(target);
      try {
        // A fresh copy of the anchored value, placed where the alias stands: a step reused with
        // `*push-step` is reported at its own line, its keys at the anchor's.
        const copy = convert(target);
        const place = copy !== null && typeof copy === "object" ? places.get(copy) : undefined;
        if (place && copy !== null && typeof copy === "object") places.set(copy, { ...place, line: lineAt(node) ?? place.line });
        return copy;
      } finally {
        resolving.delete(target);
      }
    }
    if (isScalar(node)) return node.value;
    if (isSeq(node)) {
      const list = node.items.map((item) => convert(item));
      places.set(list, { line: lineAt(node), keys: new Map() });
      return list;
    }
    if (isMap(node)) {
      const map: YamlMap = Object.create(null) as YamlMap;
      const place: Place = { line: lineAt(node), keys: new Map() };
      const merges: unknown[] = [];
      for (const pair of node.items) {
        const keyNode = pair.key;
        const key = isScalar(keyNode) ? String(keyNode.value) : JSON.stringify(convert(keyNode));
        if (key === "<<" && isScalar(keyNode) && keyNode.type === "PLAIN") {
          const source = convert(pair.value);
          merges.push(...(Array.isArray(source) ? source : [source]));
          continue;
        }
        map[key] = convert(pair.value);
        place.keys.set(key, lineAt(keyNode as Node));
      }
      // YAML merge keys: explicit keys win, then earlier merge sources win over later ones.
      for (const source of merges) {
        if (!isPlainMap(source)) continue;
        const sourcePlace = places.get(source);
        for (const [key, value] of Object.entries(source)) {
          if (key in map) continue;
          map[key] = value;
          place.keys.set(key, sourcePlace?.keys.get(key) ?? null);
        }
      }
      places.set(map, place);
      return map;
    }
    return null;
  };

  let value: unknown;
  try {
    value = convert(doc.contents);
  } catch (error) {
    if (error instanceof AliasBomb) return { ok: false, failure: { message: "too many alias expansions", line: null } };
    throw error;
  }
  return {
    ok: true,
    yaml: {
      value,
      lineOf: (node) => places.get(node)?.line ?? null,
      keyLine: (map, key) => places.get(map)?.keys.get(key) ?? null,
    },
  };
}

/** True for a mapping produced by `loadYaml` (or any plain object). */
export function isPlainMap(value: unknown): value is YamlMap {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class AliasBomb extends Error {}

function firstLine(message: string): string {
  // The line and column are reported separately; the code snippet yaml appends would copy file text.
  return (message.split("\n")[0] ?? message).replace(/:\s*$/, "").replace(/ at line \d+, column \d+$/, "").trim();
}
