import { Kind, type DocumentNode, type FragmentDefinitionNode, type SelectionSetNode, type ValueNode } from "graphql";

function intValue(node: ValueNode | undefined, variables: Record<string, unknown>): number | undefined {
  if (!node) return undefined;
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.VARIABLE) {
    const value = variables[node.name.value];
    return typeof value === "number" ? value : undefined;
  }
  return undefined;
}

/**
 * A query's rate-limit cost by GitHub's published rule: add up the requests needed to fill
 * each connection (a nested connection is requested once per parent node), divide by 100,
 * round, and never go below 1.
 */
export function queryCost(document: DocumentNode, variables: Record<string, unknown> = {}): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let requests = 0;
  const walk = (set: SelectionSetNode | undefined, multiplier: number, seen: Set<string>): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === "rateLimit") continue;
        const args = new Map(selection.arguments?.map((arg) => [arg.name.value, arg.value]));
        const size = intValue(args.get("first"), variables) ?? intValue(args.get("last"), variables);
        if (size !== undefined) {
          requests += multiplier;
          walk(selection.selectionSet, multiplier * Math.max(size, 1), seen);
        } else {
          walk(selection.selectionSet, multiplier, seen);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        walk(selection.selectionSet, multiplier, seen);
      } else {
        const name = selection.name.value;
        if (seen.has(name)) continue;
        walk(fragments.get(name)?.selectionSet, multiplier, new Set([...seen, name]));
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1, new Set());
  }
  return Math.max(1, Math.round(requests / 100));
}
