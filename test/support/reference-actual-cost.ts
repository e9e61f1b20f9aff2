/**
 * The actual-cost walk as the service first computed it (src/graphql/actual-cost.ts before its
 * plans were compiled): a Map of the fields of each selection set, collected per response (per
 * document without `@skip`/`@include`), walked field by field. Kept unchanged as the reference the
 * compiled plans must agree with (test/graphql/actual-cost.test.ts and every operation the harness
 * runs).
 */
import {
  type FieldNode,
  type FragmentDefinitionNode,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLOutputType,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
} from "graphql";

import { isConnection } from "../../src/graphql/connection-kind";

type AnyField = GraphQLField<unknown, unknown>;

/** The fields selected under one response name: the first definition found and every node. */
interface Selected {
  readonly field: AnyField | null;
  readonly nodes: FieldNode[];
  /** What the walk needs of it, worked out on first use (the selection is complete by then). */
  plan?: Plan;
}

interface Plan {
  readonly child: { type: GraphQLCompositeType; sets: SelectionSetNode[] } | null;
  readonly connection: boolean;
  readonly list: boolean;
}

function planOf(selected: Selected): Plan {
  const type = selected.field?.type;
  selected.plan ??= {
    child: childOf(selected),
    connection: type !== undefined && isConnection(type),
    list: type !== undefined && isListType(getNullableType(type)),
  };
  return selected.plan;
}

/** The fields of each single selection set by type, as collected for one document. */
export type CollectedFields = Map<SelectionSetNode, Map<GraphQLCompositeType, Map<string, Selected>>>;

export interface ReferenceInput {
  readonly schema: GraphQLSchema;
  readonly operation: OperationDefinitionNode;
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Readonly<Record<string, unknown>>;
  /**
   * Fields already collected for this document, to reuse across its requests: only for a document
   * without `@skip`/`@include`, whose collected fields do not depend on the variables.
   */
  readonly collected?: CollectedFields;
}

/** One walk: the input, and the fields of each single selection set by type, collected once per walk. */
interface Walk extends ReferenceInput {
  readonly collected: CollectedFields;
}

/** The actual cost of `data`, the response of `operation` (a query). */
export function referenceActualCost(input: ReferenceInput, data: Readonly<Record<string, unknown>>): number {
  const root = input.schema.getQueryType();
  const walk: Walk = { ...input, collected: input.collected ?? (new Map() as CollectedFields) };
  return root ? selectionCost(walk, root, [input.operation.selectionSet], data) : 0;
}

/** `collect`, remembered per walk for a field with one selection set (the usual case), as each item repeats it. */
function fieldsOf(walk: Walk, type: GraphQLCompositeType, sets: readonly SelectionSetNode[]): Map<string, Selected> {
  const [set] = sets;
  if (sets.length !== 1 || !set) return collect(walk, type, sets);
  let byType = walk.collected.get(set);
  if (!byType) walk.collected.set(set, (byType = new Map<GraphQLCompositeType, Map<string, Selected>>()));
  let fields = byType.get(type);
  if (!fields) byType.set(type, (fields = collect(walk, type, sets)));
  return fields;
}

/** Whether `@skip`/`@include` leave the selection in (values that do not coerce leave it in). */
function included(input: ReferenceInput, node: FieldNode | { directives?: FieldNode["directives"] }): boolean {
  if (!node.directives?.length) return true;
  try {
    const variables = input.variables as Record<string, unknown>;
    const skip = getDirectiveValues(GraphQLSkipDirective, node, variables);
    const include = getDirectiveValues(GraphQLIncludeDirective, node, variables);
    return skip?.if !== true && include?.if !== false;
  } catch {
    return true;
  }
}

/** The definition of a field selected on `type`; null for `__typename` and unknown names. */
function fieldOf(type: GraphQLCompositeType, name: string, schema: GraphQLSchema): AnyField | null {
  if (name === SchemaMetaFieldDef.name && type === schema.getQueryType()) return SchemaMetaFieldDef;
  if (name === TypeMetaFieldDef.name && type === schema.getQueryType()) return TypeMetaFieldDef;
  if (isObjectType(type) || isInterfaceType(type)) return type.getFields()[name] ?? null;
  return null;
}

/** The fields of `sets` by response name, fragments flattened in. */
function collect(
  input: ReferenceInput,
  type: GraphQLCompositeType,
  sets: readonly SelectionSetNode[],
  into = new Map<string, Selected>(),
  spread = new Set<string>(),
): Map<string, Selected> {
  for (const set of sets) {
    for (const selection of set.selections) {
      if (!included(input, selection)) continue;
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        const known = into.get(key);
        if (known) known.nodes.push(selection);
        else into.set(key, { field: fieldOf(type, selection.name.value, input.schema), nodes: [selection] });
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? input.fragments.get(selection.name.value) : selection;
      if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && spread.has(selection.name.value))) continue;
      if (selection.kind === Kind.FRAGMENT_SPREAD) spread.add(selection.name.value);
      const condition = fragment.typeCondition ? input.schema.getType(fragment.typeCondition.name.value) : type;
      collect(input, condition && isCompositeType(condition) ? condition : type, [fragment.selectionSet], into, spread);
    }
  }
  return into;
}

function selectionCost(
  input: Walk,
  type: GraphQLCompositeType,
  sets: readonly SelectionSetNode[],
  value: Readonly<Record<string, unknown>>,
): number {
  let cost = 0;
  for (const [key, selected] of fieldsOf(input, type, sets)) {
    if (key in value) cost += fieldCost(input, selected, value[key]);
  }
  return cost;
}

/** The selection sets of a field's nodes, and the type they select on. */
function childOf(selected: Selected): { type: GraphQLCompositeType; sets: SelectionSetNode[] } | null {
  const named = selected.field ? getNamedType(selected.field.type) : null;
  if (!named || !isCompositeType(named)) return null;
  return { type: named, sets: selected.nodes.flatMap(node => (node.selectionSet ? [node.selectionSet] : [])) };
}

function fieldCost(input: Walk, selected: Selected, value: unknown): number {
  const { child, connection } = planOf(selected);
  if (!child || value === null || typeof value !== "object") return 1;
  if (connection) {
    return 1 + connectionCost(input, child.type, child.sets, value as Record<string, unknown>);
  }
  return 1 + itemsCost(input, selected.field?.type ?? null, child, value);
}

/** An object's cost, or the sum of a list's (of lists') items' costs; nulls cost nothing. */
function itemsCost(
  input: Walk,
  type: GraphQLOutputType | null,
  child: { type: GraphQLCompositeType; sets: SelectionSetNode[] },
  value: unknown,
): number {
  if (value === null || typeof value !== "object") return 0;
  if (Array.isArray(value)) {
    const itemType = type ? getNullableType(type) : null;
    const inner = itemType && isListType(itemType) ? itemType.ofType : null;
    return value.reduce((sum: number, item: unknown) => sum + itemsCost(input, inner, child, item), 0);
  }
  return selectionCost(input, child.type, child.sets, value as Record<string, unknown>);
}

/** A connection's share: its item lists item by item, its other fields once per item (at least once). */
function connectionCost(
  input: Walk,
  type: GraphQLCompositeType,
  sets: readonly SelectionSetNode[],
  value: Readonly<Record<string, unknown>>,
): number {
  let items = 0;
  let perItem = 0;
  let returned = 0;
  for (const [key, selected] of fieldsOf(input, type, sets)) {
    if (!(key in value)) continue;
    const item = value[key];
    const { child, list } = planOf(selected);
    if (child && Array.isArray(item) && list && selected.field) {
      returned = Math.max(returned, item.length);
      items += item.length + itemsCost(input, selected.field.type, child, item);
    } else {
      perItem += fieldCost(input, selected, item);
    }
  }
  return items + Math.max(1, returned) * perItem;
}
