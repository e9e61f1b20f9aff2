/**
 * Argument validation once per operation instead of once per field call. Every field node of the
 * operation whose resolver validates its arguments (see direct-resolvers.ts) is found once, when the
 * operation is compiled; its arguments are validated then when they are literals, and once per set of
 * variable values when they use variables. The result is the error each failing field node throws
 * when (and every time) it is resolved, exactly as type-graphql's per-call validation threw it.
 */
import {
  type DocumentNode,
  type FieldNode,
  getArgumentValues,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  isAbstractType,
  isCompositeType,
  isInterfaceType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  typeFromAST,
  getNamedType,
  visit,
  BREAK,
  type ASTNode,
} from "graphql";

import type { ArgumentValidator, DirectResolver } from "./direct-resolvers";
import { fragmentsOf } from "../document";

interface CheckedField {
  readonly node: FieldNode;
  /** The field definitions the node may resolve (several when its parent type is abstract). */
  readonly fields: ReadonlyArray<GraphQLField<unknown, unknown>>;
  readonly validators: readonly ArgumentValidator[];
}

export interface ArgumentPlan {
  /** Errors of field nodes whose arguments are literals: the same for every execution. */
  readonly fixed: ReadonlyMap<FieldNode, Error>;
  /** Field nodes whose arguments use variables: validated per set of variable values. */
  readonly variable: readonly CheckedField[];
}

const usesVariables = (node: ASTNode): boolean => {
  let found = false;
  visit(node, {
    Variable() {
      found = true;
      return BREAK;
    },
  });
  return found;
};

/** The first error among the validators of a field node, for the given coerced variables. */
function check(checked: CheckedField, variables: Readonly<Record<string, unknown>>): Error | null {
  for (let i = 0; i < checked.fields.length; i++) {
    let args: Record<string, unknown>;
    try {
      args = getArgumentValues(checked.fields[i] as GraphQLField<unknown, unknown>, checked.node, variables);
    } catch {
      // Execution reports arguments that do not coerce, as graphql-js always has.
      continue;
    }
    const error = (checked.validators[i] as ArgumentValidator)(args);
    if (error) return error;
  }
  return null;
}

/** Finds the field nodes of `operation` whose arguments are validated, and validates the literal ones. */
export function planArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): ArgumentPlan {
  const fragments = fragmentsOf(document);
  const fixed = new Map<FieldNode, Error>();
  const variable: CheckedField[] = [];
  // Each (selection set, parent type) pair once: fragments spread many times are walked once per type.
  const seen = new Map<SelectionSetNode, Set<string>>();

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLCompositeType): void => {
    const types = seen.get(selectionSet) ?? new Set<string>();
    if (types.has(parent.name)) return;
    types.add(parent.name);
    seen.set(selectionSet, types);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition ? typeFromAST(schema, selection.typeCondition) : parent;
        if (isCompositeType(condition)) walk(selection.selectionSet, condition);
        continue;
      }
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        const condition = fragment ? typeFromAST(schema, fragment.typeCondition) : undefined;
        if (fragment && isCompositeType(condition)) walk(fragment.selectionSet, condition);
        continue;
      }
      const name = selection.name.value;
      if (name.startsWith("__")) continue;
      const owners = isAbstractType(parent) ? schema.getPossibleTypes(parent) : isObjectType(parent) ? [parent] : [];
      const fields: Array<GraphQLField<unknown, unknown>> = [];
      const validators: ArgumentValidator[] = [];
      for (const owner of owners) {
        const field = owner.getFields()[name];
        const validator = (field?.resolve as DirectResolver | undefined)?.validateArguments;
        if (field && validator) {
          fields.push(field);
          validators.push(validator);
        }
      }
      if (fields.length > 0) {
        const checked: CheckedField = { node: selection, fields, validators };
        if (selection.arguments?.some(usesVariables)) variable.push(checked);
        else {
          const error = check(checked, {});
          if (error) fixed.set(selection, error);
        }
      }
      // The field's own type (a union has no fields but __typename).
      const definition = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[name] : undefined;
      const named = definition ? getNamedType(definition.type) : undefined;
      if (selection.selectionSet && named && isCompositeType(named)) walk(selection.selectionSet, named);
    }
  };

  const root = schema.getRootType(operation.operation);
  if (root) walk(operation.selectionSet, root);
  return { fixed, variable };
}

/** The errors of an execution with these (coerced) variable values. */
export function argumentErrors(
  plan: ArgumentPlan,
  variables: Readonly<Record<string, unknown>>,
): ReadonlyMap<FieldNode, Error> {
  if (plan.variable.length === 0) return plan.fixed;
  const errors = new Map(plan.fixed);
  for (const checked of plan.variable) {
    const error = check(checked, variables);
    if (error) errors.set(checked.node, error);
  }
  return errors;
}
