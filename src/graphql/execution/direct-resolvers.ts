/**
 * Takes type-graphql's resolver wrappers off the hot path. type-graphql resolves every field through
 * a wrapper that copies the parent into a new instance of its class, converts the arguments into
 * class instances and validates them (an `async` function, so every field with arguments returns a
 * Promise), even when the resolver is a synchronous lookup in memory. Here each field of the built
 * schema gets, instead, a direct call of the same method with the same parameters, read from
 * type-graphql's own metadata:
 *
 * - a plain `@Field` property: no resolver at all (graphql-js's and graphql-jit's default property
 *   read, which graphql-jit inlines);
 * - a method of an `@ObjectType` class (`Connection.nodes`): the method called on
 *   the parent value;
 * - a `@Query` or `@FieldResolver` method: the method of one resolver instance per class, with
 *   `@Root`, `@Args`, `@Arg` and `@Ctx` parameters passed as they are.
 *
 * Arguments are validated with the same class-validator rules, once per operation, by the service's
 * executor (see argument-checks.ts), which hands resolvers the result in `GraphContext.argumentErrors`;
 * a resolver whose field node has an error throws it, exactly where type-graphql threw it. When a
 * schema built here is executed without those results (plain graphql-js `execute` on it), each call
 * validates its own arguments as type-graphql did: no path skips validation.
 *
 * Abstract types (`Actor`, `Node`, `SearchResult`, `_Entity`) resolve from the `__typename` every
 * record carries, which graphql-jit needs (type-graphql's resolveType answers with objects of the
 * schema it built first, not of the subgraph schema served).
 */
import {
  type FieldNode,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isAbstractType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLInputType,
} from "graphql";
import { ArgumentValidationError, getMetadataStorage } from "type-graphql";

import type { GraphContext } from "../base/context";

/** Checks one field's coerced arguments with its class-validator rules; the error type-graphql threw, or null. */
export type ArgumentValidator = (args: Readonly<Record<string, unknown>>) => ArgumentValidationError | null;

/** A field resolver installed here, carrying the validation of its arguments for the executor to run ahead. */
export type DirectResolver = GraphQLFieldResolver<unknown, GraphContext> & {
  readonly validateArguments?: ArgumentValidator;
};

type Storage = ReturnType<typeof getMetadataStorage>;
type ParamMetadata = Storage["params"][number];
type HandlerMetadata = Pick<Storage["queries"][number], "target" | "methodName" | "params">;
type ClassType = abstract new (...args: never[]) => unknown;
type Method = (this: unknown, ...params: unknown[]) => unknown;

/** Resolves abstract types from the `__typename` every record carries. */
function typenameOf(value: unknown): string | undefined {
  const typename = (value as { __typename?: unknown } | null)?.__typename;
  return typeof typename === "string" ? typename : undefined;
}

/**
 * type-graphql's conversion of a GraphQL input value into instances of its classes (so that nested
 * `@ValidateNested` rules see the class of each input object), driven by the GraphQL input type.
 */
function toInstance(value: unknown, type: GraphQLInputType, classes: ReadonlyMap<string, ClassType>): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return toInstance(value, type.ofType, classes);
  if (isListType(type)) {
    return Array.isArray(value) ? value.map(item => toInstance(item, type.ofType, classes)) : value;
  }
  if (!isInputObjectType(type)) return value;
  const Target = classes.get(type.name);
  const fields = type.getFields();
  const converted: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    const field = fields[name];
    converted[name] = field ? toInstance(item, field.type, classes) : item;
  }
  return Target ? instanceWith(Target, converted) : converted;
}

/** `new Target()` with `data` assigned, dropping the initialiser-less properties `data` lacks (type-graphql's convertToType). */
function instanceWith(Target: ClassType, data: Record<string, unknown>): object {
  const instance = new (Target as unknown as new () => Record<string, unknown>)();
  for (const key of Object.keys(instance)) {
    if (instance[key] === undefined && !(key in data)) delete instance[key];
  }
  return Object.assign(instance, data);
}

interface Built {
  readonly resolve: DirectResolver | undefined;
}

/**
 * Replaces the resolvers type-graphql installed in `schema` (in place: the schema was just built
 * for this service) and returns it.
 */
export function installDirectResolvers(
  schema: GraphQLSchema,
  resolverClasses: readonly unknown[],
  validate: (value: unknown) => void,
): GraphQLSchema {
  const storage = getMetadataStorage();
  const inputClasses = new Map<string, ClassType>(
    storage.inputTypes.map(input => [input.name, input.target as unknown as ClassType]),
  );
  const instances = new Map<ClassType, Record<string, Method>>();
  const instanceOf = (target: ClassType): Record<string, Method> => {
    let instance = instances.get(target);
    if (!instance) {
      instance = new (target as unknown as new () => Record<string, Method>)();
      instances.set(target, instance);
    }
    return instance;
  };

  /** The values a handler's parameters take, in order; `args`/`arg` parameters validated by `validator`. */
  const parameters = (params: readonly ParamMetadata[], field: GraphQLField<unknown, unknown>) => {
    const sorted = [...params].sort((a, b) => a.index - b.index);
    const argTypes = new Map(field.args.map(arg => [arg.name, arg.type]));
    const pick = sorted.map(param => {
      switch (param.kind) {
        case "root":
          return param.propertyName
            ? (root: unknown) => (root as Record<string, unknown>)[param.propertyName as string]
            : (root: unknown) => root;
        case "context":
          return param.propertyName
            ? (_root: unknown, _args: unknown, ctx: unknown) =>
                (ctx as Record<string, unknown>)[param.propertyName as string]
            : (_root: unknown, _args: unknown, ctx: unknown) => ctx;
        case "args":
          return (_root: unknown, args: unknown) => args;
        case "arg":
          return (_root: unknown, args: unknown) => (args as Record<string, unknown>)[param.name];
        case "info":
          return (_root: unknown, _args: unknown, _ctx: unknown, info: unknown) => info;
        default:
          throw new Error(`Unsupported type-graphql parameter kind "${param.kind}" on ${field.name}`);
      }
    });
    // What type-graphql validated: each `@Args` object (as an instance of its class) and each `@Arg` value.
    const checked = sorted.filter(param => param.kind === "args" || param.kind === "arg");
    const validator: ArgumentValidator | undefined =
      checked.length === 0
        ? undefined
        : args => {
            for (const param of checked) {
              const value =
                param.kind === "args"
                  ? argsInstance(param, args, argTypes)
                  : toInstance(args[param.name], argTypes.get(param.name) as GraphQLInputType, inputClasses);
              try {
                validate(value);
              } catch (error) {
                if (error instanceof ArgumentValidationError) return error;
                throw error;
              }
            }
            return null;
          };
    return { pick, validator };
  };

  const argsInstance = (
    param: ParamMetadata,
    args: Readonly<Record<string, unknown>>,
    argTypes: ReadonlyMap<string, GraphQLInputType>,
  ): object => {
    const Target = (param as { getType(): ClassType }).getType();
    const converted: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(args)) {
      const type = argTypes.get(name);
      converted[name] = type ? toInstance(value, type, inputClasses) : value;
    }
    return instanceWith(Target, converted);
  };

  /** A resolver calling `method` on `self(root)` with the handler's parameters. */
  const direct = (
    params: readonly ParamMetadata[],
    field: GraphQLField<unknown, unknown>,
    method: Method,
    self: (root: unknown) => unknown,
  ): DirectResolver => {
    const { pick, validator } = parameters(params, field);
    const call = (root: unknown, args: unknown, ctx: unknown, info: unknown) => {
      const values = new Array<unknown>(pick.length);
      for (let i = 0; i < pick.length; i++)
        values[i] = (pick[i] as (...a: unknown[]) => unknown)(root, args, ctx, info);
      return method.apply(self(root), values);
    };
    if (!validator) return call as DirectResolver;
    const resolve: GraphQLFieldResolver<unknown, GraphContext> = (root, args, ctx, info) => {
      const errors = ctx.argumentErrors;
      const error =
        errors === undefined ? validator(args as Record<string, unknown>) : errors.get(info.fieldNodes[0] as FieldNode);
      if (error) throw error;
      return call(root, args, ctx, info);
    };
    return Object.assign(resolve, { validateArguments: validator });
  };

  const handler = (metadata: HandlerMetadata, field: GraphQLField<unknown, unknown>): Built => {
    const instance = instanceOf(metadata.target as unknown as ClassType);
    const method = instance[metadata.methodName];
    if (typeof method !== "function") throw new Error(`No method ${metadata.methodName} for ${field.name}`);
    return { resolve: direct(metadata.params ?? [], field, method, () => instance) };
  };

  // Root queries, from the resolver classes the schema was built with and the (abstract) classes they
  // extend, such as the list and lookup queries every entity resolver inherits.
  const classes = new Set<unknown>();
  for (const resolverClass of resolverClasses) {
    for (let target: unknown = resolverClass; typeof target === "function" && target.prototype !== undefined;) {
      classes.add(target);
      target = Object.getPrototypeOf(target);
    }
  }
  const query = schema.getQueryType();
  for (const metadata of storage.queries) {
    const field = query?.getFields()[metadata.schemaName];
    if (!field || !classes.has(metadata.target)) continue;
    field.resolve = handler(metadata, field).resolve;
  }

  // The fields each object or interface class declares (@FieldResolver fields included, once built).
  const classFields = new Map<unknown, ReadonlyArray<Storage["fields"][number]>>();
  for (const declared of [...storage.objectTypes, ...storage.interfaceTypes]) {
    classFields.set(declared.target, declared.fields ?? []);
  }

  // Object types: the field metadata of the class (or a superclass) declaring each field.
  for (const objectType of storage.objectTypes) {
    const type = schema.getType(objectType.name);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      let metadata: Storage["fields"][number] | undefined;
      for (
        let target: unknown = objectType.target;
        !metadata && typeof target === "function" && target.prototype !== undefined;
        target = Object.getPrototypeOf(target)
      ) {
        const declaring = classFields.get(target);
        metadata = declaring?.find(f => f.schemaName === field.name);
      }
      if (!metadata) continue;
      const declared = metadata;
      const fieldResolver = storage.fieldResolvers.find(
        r => r.getObjectType?.() === declared.target && r.methodName === declared.name,
      );
      if (fieldResolver?.kind === "external") {
        field.resolve = handler(fieldResolver, field).resolve;
      } else if (fieldResolver) {
        const method = (declared.target.prototype as Record<string, unknown>)[fieldResolver.methodName];
        if (typeof method !== "function") throw new Error(`No method ${fieldResolver.methodName} on ${type.name}`);
        field.resolve = direct(fieldResolver.params ?? [], field, method as Method, root => root);
      } else if (declared.name === field.name) {
        field.resolve = undefined;
      } else {
        const property = declared.name;
        field.resolve = (root: unknown) => (root as Record<string, unknown>)[property];
      }
    }
  }

  return resolveAbstractTypesByTypename(schema);
}

/**
 * Gives every abstract type of `schema` (in place) a resolveType reading the `__typename` every
 * record carries: what graphql-jit needs (type-graphql's resolveType answers with types of the
 * schema it built first, not of the subgraph schema served).
 */
export function resolveAbstractTypesByTypename(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (isAbstractType(type) && !type.name.startsWith("__")) type.resolveType = typenameOf;
  }
  return schema;
}
