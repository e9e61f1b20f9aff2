/**
 * The actual cost of an executed operation: the formula of the cost limit (./limits.ts) applied to
 * what the response holds instead of what the operation could ask for. Every field present costs 1;
 * a connection costs 1, plus, for each item it returned, what it selects of that item (`nodes` and
 * `edges` 1 each, and the item's own actual cost), plus its other fields (`totalCount`, `pageInfo`)
 * once per item returned, and at least once; a plain list costs 1 plus the actual cost of each item
 * it holds. A connection returns at most min(page size, bound) items and each item costs at most its
 * estimate, so the actual cost never exceeds the requested one when plain lists hold at most 5 items
 * (the estimate's assumption) and no field is selected twice under one response name.
 *
 * The response is walked along the operation's selections (fragments flattened in, `@skip` and
 * `@include` honoured), once per value: linear in the response's size. What the walk needs of the
 * document is planned once and kept with it (`DocumentCostPlans`): for each selection set and type,
 * an array of the response names it selects, each with what its value costs (1, an object or list,
 * a connection) and, planned on first use, the fields it selects in turn. A document's plan depends
 * on the variables only through `@skip`/`@include`: a document without them has one, a document
 * with them one per outcome of its conditions (a few, bounded). Once a document is asked again,
 * each selection set's share is compiled, on first use, into a function reading its response names
 * as constant properties (a document asked once is never compiled). A
 * repeated operation is then one call of such a function per object of its response, with no Map,
 * type or directive look-up.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getDirectiveValues,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  type GraphQLField,
  GraphQLIncludeDirective,
  type GraphQLSchema,
  GraphQLSkipDirective,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
  SchemaMetaFieldDef,
  TypeMetaFieldDef,
  visit,
} from "graphql";

import { isConnection } from "./connection-kind";
import { fragmentsOf } from "./document";

type AnyField = GraphQLField<unknown, unknown>;
type Variables = Readonly<Record<string, unknown>>;

/**
 * How a field's value is costed: LEAF 1, whatever the value (a leaf, `__typename`, a field the
 * schema does not know); ITEMS 1 plus each object it holds, through lists of any depth (an object or
 * a plain list); CONNECTION 1 plus the connection's share (`connectionCost`).
 */
const LEAF = 0;
const ITEMS = 1;
const CONNECTION = 2;
type CostKind = typeof LEAF | typeof ITEMS | typeof CONNECTION;

/** One response name of a selection set, as the walk costs it. */
interface FieldPlan {
  readonly key: string;
  readonly kind: CostKind;
  /** The field's type is a list (not through its named type): inside a connection, a list of items. */
  readonly list: boolean;
  /** The type its selection sets select on (null for a leaf). */
  readonly childType: GraphQLCompositeType | null;
  /** The selection sets of every node selected under this response name. */
  readonly childSets: readonly SelectionSetNode[];
  /** The fields it selects, planned on first use (undefined until then). */
  fields: SetPlan | undefined;
}

/** The fields of a selection set on a type, by response name. */
interface SetPlan {
  readonly fields: readonly FieldPlan[];
  /**
   * The same fields by response name, to walk an object's keys instead, when fragments on other types
   * were flattened in: an object of an abstract type holds the few names its own type selects, and
   * a name looked up in vain costs more than a key enumerated. Null otherwise (the object holds about
   * every name: the array is quicker), and when a response name is also a property every object
   * inherits (`constructor`, `toString`, …), which `in` finds on every object and the walk counts.
   */
  readonly byKey: ReadonlyMap<string, FieldPlan> | null;
  /** `setCost` specialised to these fields, compiled on first use (when `byKey` is null). */
  compiled?: Compiled;
  /** `connectionCost` specialised to these fields, compiled on first use. */
  compiledConnection?: Compiled;
}

/** A walk function specialised to one selection set's fields (`compile`). */
type Compiled = (value: Readonly<Record<string, unknown>>, plans: Plans, variables: Variables) => number;

/** The fields selected under one response name while a selection set is collected. */
interface Selected {
  readonly field: AnyField | null;
  readonly nodes: FieldNode[];
}

/**
 * The plans of one document for one outcome of its `@skip`/`@include` conditions: the fields of each
 * single selection set by type, planned on first use.
 */
class Plans {
  private readonly bySet = new Map<SelectionSetNode, Map<GraphQLCompositeType, SetPlan>>();
  /**
   * Whether walks compile the selection sets they meet (`compile`): from the second response walked
   * along these plans on, i.e. for a document Apollo kept and was asked again. A document seen once
   * (a run of unique documents, or no document cache) is walked name by name, never compiled.
   */
  compiling = false;
  private walks = 0;

  /** Counts a response walked along these plans. */
  walked(): void {
    if (!this.compiling && ++this.walks > 1) this.compiling = true;
  }

  constructor(
    readonly schema: GraphQLSchema,
    readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ) {}

  /** The fields of `set` on `type`, planned once (with `variables` deciding `@skip`/`@include`). */
  fieldsOf(type: GraphQLCompositeType, set: SelectionSetNode, variables: Variables): SetPlan {
    let byType = this.bySet.get(set);
    if (!byType) this.bySet.set(set, (byType = new Map<GraphQLCompositeType, SetPlan>()));
    let fields = byType.get(type);
    if (!fields) byType.set(type, (fields = this.plan(type, [set], variables)));
    return fields;
  }

  /** The fields a field selects, planned on its first use. */
  childFields(field: FieldPlan, variables: Variables): SetPlan {
    const type = field.childType as GraphQLCompositeType;
    const [set] = field.childSets;
    field.fields =
      field.childSets.length === 1 && set
        ? this.fieldsOf(type, set, variables)
        : this.plan(type, field.childSets, variables);
    return field.fields;
  }

  private plan(type: GraphQLCompositeType, sets: readonly SelectionSetNode[], variables: Variables): SetPlan {
    const fields: FieldPlan[] = [];
    const collected = { mixed: false };
    for (const [key, { field, nodes }] of this.collect(type, sets, variables, collected)) {
      const named = field ? getNamedType(field.type) : null;
      const composite = named && isCompositeType(named) ? named : null;
      fields.push({
        key,
        kind: !composite || !field ? LEAF : isConnection(field.type) ? CONNECTION : ITEMS,
        list: field !== null && isListType(getNullableType(field.type)),
        childType: composite,
        childSets: composite ? nodes.flatMap(node => (node.selectionSet ? [node.selectionSet] : [])) : [],
        fields: undefined,
      });
    }
    const byKey = collected.mixed && !fields.some(field => field.key in EMPTY);
    return { fields, byKey: byKey ? new Map(fields.map(field => [field.key, field])) : null };
  }

  /** The fields of `sets` by response name, fragments flattened in. */
  private collect(
    type: GraphQLCompositeType,
    sets: readonly SelectionSetNode[],
    variables: Variables,
    /** Set when a fragment on another type is flattened in. */
    collected: { mixed: boolean },
    into = new Map<string, Selected>(),
    spread = new Set<string>(),
  ): Map<string, Selected> {
    for (const set of sets) {
      for (const selection of set.selections) {
        if (!included(variables, selection)) continue;
        if (selection.kind === Kind.FIELD) {
          const key = selection.alias?.value ?? selection.name.value;
          const known = into.get(key);
          if (known) known.nodes.push(selection);
          else into.set(key, { field: fieldOf(type, selection.name.value, this.schema), nodes: [selection] });
          continue;
        }
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.fragments.get(selection.name.value) : selection;
        if (!fragment || (selection.kind === Kind.FRAGMENT_SPREAD && spread.has(selection.name.value))) continue;
        if (selection.kind === Kind.FRAGMENT_SPREAD) spread.add(selection.name.value);
        const condition = fragment.typeCondition ? this.schema.getType(fragment.typeCondition.name.value) : type;
        const on = condition && isCompositeType(condition) ? condition : type;
        if (on !== type) collected.mixed = true;
        this.collect(on, [fragment.selectionSet], variables, collected, into, spread);
      }
    }
    return into;
  }
}

/** Whether `@skip`/`@include` leave the selection in (values that do not coerce leave it in). */
function included(variables: Variables, node: SelectionNode): boolean {
  if (!node.directives?.length) return true;
  try {
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

/** What every object inherits: a response name found here is found by `in` on every (ordinary) object. */
const EMPTY: object = {};

/** How many condition outcomes of one document keep their plans (the oldest goes first). */
const MAX_OUTCOMES = 16;

/**
 * What the actual cost needs of one document, planned once and kept with it: the plans of each
 * outcome of its `@skip`/`@include` conditions (one when it has none). An outcome is the
 * inclusion of each selection carrying a directive, in document order: exactly what the plans depend on.
 */
export class DocumentCostPlans {
  private readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** The selections carrying directives, in document order. */
  private readonly conditional: readonly SelectionNode[];
  /** The plans of a document without conditions. */
  private readonly single: Plans | null;
  private readonly outcomes = new Map<string, Plans>();

  constructor(
    private readonly schema: GraphQLSchema,
    document: DocumentNode,
  ) {
    this.fragments = fragmentsOf(document);
    const conditional: SelectionNode[] = [];
    const note = (node: SelectionNode): void => {
      if (node.directives?.length) conditional.push(node);
    };
    visit(document, { Field: note, FragmentSpread: note, InlineFragment: note });
    this.conditional = conditional;
    this.single = conditional.length === 0 ? new Plans(schema, this.fragments) : null;
  }

  /** The plans for a request with these variables. */
  private plansFor(variables: Variables): Plans {
    if (this.single) return this.single;
    let outcome = "";
    for (const node of this.conditional) outcome += included(variables, node) ? "1" : "0";
    let plans = this.outcomes.get(outcome);
    if (!plans) {
      if (this.outcomes.size >= MAX_OUTCOMES) this.outcomes.delete(this.outcomes.keys().next().value as string);
      this.outcomes.set(outcome, (plans = new Plans(this.schema, this.fragments)));
    }
    return plans;
  }

  /** The actual cost of `data`, the response of `operation` (of this document) to `variables`. */
  actualCost(
    operation: OperationDefinitionNode,
    variables: Variables,
    data: Readonly<Record<string, unknown>>,
  ): number {
    const root = this.schema.getQueryType();
    if (!root) return 0;
    const plans = this.plansFor(variables);
    plans.walked();
    return setCost(plans, variables, plans.fieldsOf(root, operation.selectionSet, variables), data);
  }
}

export interface ActualCostInput {
  readonly schema: GraphQLSchema;
  readonly document: DocumentNode;
  readonly operation: OperationDefinitionNode;
  readonly variables: Variables;
}

/** The actual cost of `data`, the response of `operation` (a query), planned for this one response. */
export function actualCost(input: ActualCostInput, data: Readonly<Record<string, unknown>>): number {
  return new DocumentCostPlans(input.schema, input.document).actualCost(input.operation, input.variables, data);
}

// The walk. Once a document's plans are walked again (`Plans.compiling`), each selection set's
// share is a function compiled for its fields on first use (as graphql-jit compiles execution): each
// response name read as a constant property, so each read site sees the few shapes one selection
// set gives its objects instead of every shape of the response; before that, the same share is
// counted name by name (`namesCost`, `connectionCost`). A name counts when `in` finds it in the object (read once; `in` asked only when the
// value is undefined), exactly as the formula says. Objects of abstract types whose fragments were
// flattened in are walked over their own keys instead (`SetPlan.byKey`).

function setCost(plans: Plans, variables: Variables, set: SetPlan, value: Readonly<Record<string, unknown>>): number {
  const byKey = set.byKey;
  if (byKey === null) {
    const compiled = set.compiled ?? (plans.compiling ? (set.compiled = compile(set.fields, false)) : null);
    return compiled ? compiled(value, plans, variables) : namesCost(plans, variables, set.fields, value);
  }
  let cost = 0;
  // for…in enumerates the object's enumerable keys, inherited ones included: every key `in` finds
  // but non-enumerable inherited ones, which `byKey` rules out.
  for (const key in value) {
    const field = byKey.get(key);
    if (field !== undefined) cost += fieldCost(plans, variables, field, value[key]);
  }
  return cost;
}

function fieldCost(plans: Plans, variables: Variables, field: FieldPlan, value: unknown): number {
  if (field.kind === LEAF || value === null || typeof value !== "object") return 1;
  const set = field.fields ?? plans.childFields(field, variables);
  if (field.kind !== CONNECTION) return 1 + itemsCost(plans, variables, set, value);
  const compiled =
    set.compiledConnection ?? (plans.compiling ? (set.compiledConnection = compile(set.fields, true)) : null);
  const connection = value as Readonly<Record<string, unknown>>;
  return (
    1 + (compiled ? compiled(connection, plans, variables) : connectionCost(plans, variables, set.fields, connection))
  );
}

/** What `compile(fields, false)` compiles, name by name: each name `in` finds costs `fieldCost`. */
function namesCost(
  plans: Plans,
  variables: Variables,
  fields: readonly FieldPlan[],
  value: Readonly<Record<string, unknown>>,
): number {
  let cost = 0;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as FieldPlan;
    const item = value[field.key];
    if (item === undefined && !(field.key in value)) continue;
    cost += fieldCost(plans, variables, field, item);
  }
  return cost;
}

/**
 * What `compile(fields, true)` compiles, name by name: a connection's share, its lists of items item
 * by item, its other fields once per item returned (at least once).
 */
function connectionCost(
  plans: Plans,
  variables: Variables,
  fields: readonly FieldPlan[],
  value: Readonly<Record<string, unknown>>,
): number {
  let items = 0;
  let perItem = 0;
  let returned = 0;
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i] as FieldPlan;
    const item = value[field.key];
    if (item === undefined && !(field.key in value)) continue;
    if (field.kind !== LEAF && field.list && Array.isArray(item)) {
      if (item.length > returned) returned = item.length;
      items += listCost(plans, variables, field, item);
    } else {
      perItem += fieldCost(plans, variables, field, item);
    }
  }
  return items + Math.max(1, returned) * perItem;
}

/** An object's cost, or the sum of a list's (of lists') items' costs; nulls cost nothing. */
function itemsCost(plans: Plans, variables: Variables, set: SetPlan, value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  if (!Array.isArray(value)) return setCost(plans, variables, set, value as Readonly<Record<string, unknown>>);
  let cost = 0;
  for (let i = 0; i < value.length; i++) cost += itemsCost(plans, variables, set, value[i]);
  return cost;
}

/** The items of a field's list (within a connection): their count plus their costs. */
function listCost(plans: Plans, variables: Variables, field: FieldPlan, list: readonly unknown[]): number {
  return list.length + itemsCost(plans, variables, field.fields ?? plans.childFields(field, variables), list);
}

/**
 * The share of one selection set's fields in an object (`connection` false: each name present costs
 * `fieldCost`) or in a connection (`connection` true: its lists of items item by item, with
 * `listCost`; its other fields once per item returned, and at least once). The only text taken
 * from the document is the response names, each written as a JSON string literal (a valid string
 * literal whatever it holds; a parsed name holds only [_A-Za-z0-9]); everything else is passed in.
 */
function compile(fields: readonly FieldPlan[], connection: boolean): Compiled {
  const body = fields.map((field, i) => {
    const key = JSON.stringify(field.key);
    const cost = field.kind === LEAF ? "1" : `fieldCost(plans, variables, fields[${i}], x)`;
    const add = !connection
      ? `cost += ${cost};`
      : field.kind !== LEAF && field.list
        ? `if (Array.isArray(x)) { if (x.length > returned) returned = x.length; items += listCost(plans, variables, fields[${i}], x); } else perItem += ${cost};`
        : `perItem += ${cost};`;
    return `x = value[${key}]; if (x !== undefined || ${key} in value) { ${add} }`;
  });
  const result = connection ? "items + Math.max(1, returned) * perItem" : "cost";
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- built from GraphQL names only (above)
  const make = new Function(
    "fields",
    "fieldCost",
    "listCost",
    `return function (value, plans, variables) {
      let cost = 0, items = 0, perItem = 0, returned = 0, x;
      ${body.join("\n")}
      return ${result};
    };`,
  ) as (fields: readonly FieldPlan[], cost: typeof fieldCost, list: typeof listCost) => Compiled;
  return make(fields, fieldCost, listCost);
}
