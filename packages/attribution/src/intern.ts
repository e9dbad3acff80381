import type { Evidence } from "./verdict.js";

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

  /** The shared, frozen list of these (already shared) evidence lines, in order. */
  list(parts: readonly Evidence[]): readonly Evidence[] {
    const node = this.node(["l", ...parts]);
    node.value ??= Object.freeze([...parts]);
    return node.value as readonly Evidence[];
  }
}
