/**
 * Variable coercion, once per request and bounded, before anything else looks at the variables.
 *
 * graphql-js coerces variables inside `execute` with up to 50 errors, and each message embeds
 * `inspect` of the offending value — for an input object with thousands of unknown keys that is the
 * whole object again in every message: quadratic work and megabytes of answer. Here the operation's
 * declared variables are coerced with the same rules (`coerceInputValue`, the function graphql-js
 * uses), but coercion stops at `maxErrors`, messages quote at most a short preview of the value,
 * suggestions ("Did you mean …") are left out when schema details are hidden, and variables the
 * operation does not declare are dropped from the request, so nothing downstream (cost, caches,
 * execution) ever serialises or stores them. Variables that do coerce are coerced again by
 * execution; that pass meets only valid input, so it is linear.
 */
import {
  coerceInputValue,
  GraphQLError,
  type GraphQLSchema,
  isInputType,
  isNonNullType,
  type OperationDefinitionNode,
  typeFromAST,
  valueFromAST,
  type VariableDefinitionNode,
} from "graphql";

import { truncate } from "../common/text";

/** Longest preview of a client's value quoted in a message. */
export const PREVIEW_CHARS = 60;
/** Longest message of one coercion error (the preview included). */
export const MAX_MESSAGE_CHARS = 300;

/**
 * A short, bounded rendering of a JSON-like value: at most PREVIEW_CHARS characters, built without
 * visiting more of the value than it shows (so a 100,000-key object costs as little as a small one).
 */
export function preview(value: unknown, max = PREVIEW_CHARS): string {
  let out = "";
  const write = (text: string): boolean => {
    out += text;
    return out.length <= max;
  };
  const visit = (v: unknown, depth: number): boolean => {
    if (v === null || typeof v !== "object") {
      if (typeof v === "string") return write(JSON.stringify(v.length > max ? v.slice(0, max) : v));
      const plain = typeof v === "number" || typeof v === "boolean" || typeof v === "bigint";
      return write(plain ? String(v) : v === undefined ? "undefined" : typeof v);
    }
    if (depth >= 2) return write(Array.isArray(v) ? "[…]" : "{…}");
    if (Array.isArray(v)) {
      if (!write("[")) return false;
      for (let i = 0; i < v.length; i++) {
        if (i > 0 && !write(", ")) return false;
        if (!visit(v[i], depth + 1)) return false;
      }
      return write("]");
    }
    if (!write("{ ")) return false;
    let first = true;
    for (const key in v) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      if (!first && !write(", ")) return false;
      first = false;
      if (!write(`${truncate(key, max)}: `)) return false;
      if (!visit((v as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return write(first ? "}" : " }");
  };
  visit(value, 0);
  return truncate(out, max);
}

/** Removes graphql-js's field and enum suggestions from a message. */
export const withoutSuggestions = (message: string): string => message.replace(/ ?Did you mean(.+?)\?$/s, "");

export interface CoercionOptions {
  /** Coercion stops after this many errors. */
  readonly maxErrors: number;
  /** Leave suggestions ("Did you mean …") out of messages. */
  readonly hideSuggestions: boolean;
}

export type Coerced =
  | { readonly values: Record<string, unknown>; readonly errors?: undefined }
  | { readonly values?: undefined; readonly errors: readonly GraphQLError[] };

class TooManyErrors extends Error {}

/**
 * Coerces the values of an operation's declared variables. Work is linear in the input: each value
 * is walked once by `coerceInputValue`, and the walk stops at the `maxErrors`-th error.
 */
export function coerceVariables(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
  inputs: Readonly<Record<string, unknown>>,
  options: CoercionOptions,
): Coerced {
  const errors: GraphQLError[] = [];
  const values: Record<string, unknown> = {};
  // One preview per offending value: every unknown key of an object reports that same object, and
  // even a bounded preview of it starts by listing its keys.
  const previews = new Map<unknown, string>();
  const previewOnce = (value: unknown): string => {
    let text = previews.get(value);
    if (text === undefined) previews.set(value, (text = preview(value)));
    return text;
  };
  const report = (message: string, node: VariableDefinitionNode): void => {
    const text = truncate(options.hideSuggestions ? withoutSuggestions(message) : message, MAX_MESSAGE_CHARS);
    errors.push(new GraphQLError(text, { nodes: node }));
    if (errors.length >= options.maxErrors) throw new TooManyErrors();
  };
  try {
    for (const definition of definitions) {
      const name = definition.variable.name.value;
      const type = typeFromAST(schema, definition.type);
      // Validation already refused unknown and non-input types; kept for safety, as graphql-js does.
      if (!type || !isInputType(type)) {
        report(`Variable "$${name}" is not of an input type.`, definition);
        continue;
      }
      if (!Object.prototype.hasOwnProperty.call(inputs, name)) {
        if (definition.defaultValue) values[name] = valueFromAST(definition.defaultValue, type);
        else if (isNonNullType(type))
          report(`Variable "$${name}" of required type "${String(type)}" was not provided.`, definition);
        continue;
      }
      const value = inputs[name];
      if (value === null && isNonNullType(type)) {
        report(`Variable "$${name}" of non-null type "${String(type)}" must not be null.`, definition);
        continue;
      }
      values[name] = coerceInputValue(
        value,
        type,
        (path, invalid, error) => {
          const at =
            path.length > 0
              ? ` at "${name}${path.map(p => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("")}"`
              : "";
          report(
            `Variable "$${name}" got invalid value ${previewOnce(invalid)}${truncate(at, PREVIEW_CHARS + name.length + 6)}; ${error.message}`,
            definition,
          );
        },
        options.hideSuggestions,
      );
    }
  } catch (error) {
    if (!(error instanceof TooManyErrors)) throw error;
  }
  return errors.length > 0 ? { errors } : { values };
}

/** The request's variables restricted to those the operation declares (undeclared ones are ignored). */
export function declaredVariables(
  operation: OperationDefinitionNode,
  inputs: Readonly<Record<string, unknown>> | undefined,
): Record<string, unknown> {
  const declared: Record<string, unknown> = {};
  if (!inputs) return declared;
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (Object.prototype.hasOwnProperty.call(inputs, name)) declared[name] = inputs[name];
  }
  return declared;
}
