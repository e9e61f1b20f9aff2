/** Which documents graphql-jit may answer with keys in another order than graphql-js (they run on graphql-js). */
import { type DocumentNode, Kind, type SelectionSetNode, visit } from "graphql";
import { fragmentsOf, usesConditions } from "../document";

/**
 * Whether graphql-jit may order a result's keys differently from graphql-js: when a response key is
 * selected more than once in a selection set (directly or through fragments) and the document uses
 * `@skip` or `@include`, graphql-js orders the key where its first *included* selection is, graphql-jit
 * where its first selection is. Such documents run on graphql-js, so the bytes stay the same.
 *
 * Each fragment's keys are flattened once; the work is bounded by a budget proportional to the
 * document's length, past which the document counts as such (graphql-js runs it): linear whatever
 * the document.
 */
export function keyOrderMayDiffer(document: DocumentNode): boolean {
  if (!usesConditions(document)) return false;
  const fragments = fragmentsOf(document);
  let budget = 1000 + 4 * (document.loc?.end ?? 0);
  const flattened = new Map<string, readonly string[]>();
  // The response keys a selection set yields with its fragments merged in; null past the budget.
  const keysOf = (set: SelectionSetNode, within: ReadonlySet<string>): string[] | null => {
    const keys: string[] = [];
    for (const selection of set.selections) {
      let more: readonly string[] | null;
      if (selection.kind === Kind.FIELD) more = [(selection.alias ?? selection.name).value];
      else if (selection.kind === Kind.INLINE_FRAGMENT) more = keysOf(selection.selectionSet, within);
      else {
        const name = selection.name.value;
        const fragment = fragments.get(name)?.selectionSet;
        // A fragment spread within itself does not validate; count it as a risk rather than recurse.
        if (within.has(name)) return null;
        more = flattened.get(name) ?? (fragment ? keysOf(fragment, new Set([...within, name])) : []);
        if (more) flattened.set(name, more);
      }
      if (more === null) return null;
      budget -= more.length;
      if (budget < 0) return null;
      keys.push(...more);
    }
    return keys;
  };
  const repeats = (set: SelectionSetNode): boolean => {
    const keys = keysOf(set, new Set());
    return keys === null || new Set(keys).size !== keys.length;
  };
  let risky = false;
  visit(document, {
    OperationDefinition(node) {
      if (repeats(node.selectionSet)) risky = true;
    },
    Field(node) {
      if (!risky && node.selectionSet && repeats(node.selectionSet)) risky = true;
    },
  });
  return risky;
}
