import type { Evidence } from "./verdict.js";

/** A position in a list of evidence lines being built; the same lines reach the same position. */
export interface ListCursor {
  readonly next: Map<Evidence, ListCursor>;
  readonly parent: ListCursor | undefined;
  readonly line: Evidence | undefined;
  list: readonly Evidence[] | undefined;
  /** Room for the classifier to remember what this list last led to. */
  note: unknown;
}

interface Node {
  next: Map<unknown, Node>;
  value?: unknown;
}

/**
 * Hands out one shared, frozen object per distinct content. A million verdicts share a few
 * hundred evidence lines and lists, which keeps classify fast and its memory flat.
 */
export class Interner {
  private readonly root: Node = { next: new Map() };
  /** The empty list: extend it line by line, then read `list()`; nothing is allocated once seen. */
  readonly empty: ListCursor = { next: new Map(), parent: undefined, line: undefined, list: Object.freeze([]), note: undefined };

  private node(keys: readonly unknown[]): Node {
    let node = this.root;
    for (const key of keys) {
      let child = node.next.get(key);
      if (!child) {
        child = { next: new Map() };
        node.next.set(key, child);
      }
      node = child;
    }
    return node;
  }

  /** The shared evidence line with these fields. */
  evidence(rule: string, signal: string, detail: string): Evidence {
    const node = this.node(["e", rule, signal, detail]);
    node.value ??= Object.freeze({ rule, signal, detail });
    return node.value as Evidence;
  }

  /** A shared value for a key path, made once by `make`. */
  memo<T>(keys: readonly unknown[], make: () => T): T {
    const node = this.node(keys);
    if (node.value === undefined) node.value = make();
    return node.value as T;
  }

  /** The cursor after adding one (shared) line. */
  extend(cursor: ListCursor, line: Evidence): ListCursor {
    let child = cursor.next.get(line);
    if (!child) {
      child = { next: new Map(), parent: cursor, line, list: undefined, note: undefined };
      cursor.next.set(line, child);
    }
    return child;
  }

  /** The cursor after adding several lines in order. */
  extendAll(cursor: ListCursor, lines: readonly Evidence[]): ListCursor {
    let at = cursor;
    for (const line of lines) at = this.extend(at, line);
    return at;
  }

  /** The shared, frozen list of the lines that lead to this cursor. */
  list(cursor: ListCursor): readonly Evidence[] {
    if (!cursor.list) {
      const lines: Evidence[] = [];
      for (let at: ListCursor | undefined = cursor; at?.line; at = at.parent) lines.push(at.line);
      cursor.list = Object.freeze(lines.reverse());
    }
    return cursor.list;
  }
}
