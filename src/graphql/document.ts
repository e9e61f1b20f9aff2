/** What several checks read of a parsed document, written once. */
import { type DocumentNode, type FragmentDefinitionNode, Kind, visit } from "graphql";

/** The document's fragment definitions by name. */
export function fragmentsOf(document: DocumentNode): Map<string, FragmentDefinitionNode> {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  return fragments;
}

/** Whether the document uses `@skip` or `@include` (what it selects then depends on the variables). */
export function usesConditions(document: DocumentNode): boolean {
  let conditional = false;
  visit(document, {
    Directive(node) {
      if (node.name.value === "skip" || node.name.value === "include") conditional = true;
    },
  });
  return conditional;
}
