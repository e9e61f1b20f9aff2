/**
 * The shape check of a seed record against its DTO. class-validator's decorators are the single
 * source of the rules; `compiledShapeCheck` reads their metadata (`getMetadataStorage()`) once per
 * DTO class and compiles it into closures over plain JSON values — no `plainToInstance`, no
 * per-record reflection — that find exactly the problems, in the same order and with the same
 * messages, as `plainToInstance` + `validateSync(…, { whitelist, forbidNonWhitelisted,
 * forbidUnknownValues })` (`classValidatorShapeCheck`, kept for the equivalence test and the bench).
 * Supported: `@IsOptional()`, `@ValidateNested()` with `@Type` to a class (objects, arrays of them,
 * arrays of arrays), and the constraints of `SUPPORTED_CONSTRAINTS`, with `each` and custom `message`
 * strings or functions. A DTO using any other rule (or groups, `always`, `context`, `validateIf`)
 * fails at start-up, naming the class, property and rule.
 *
 * One difference, deliberate: class-transformer throws a TypeError on an object with its own truthy
 * `constructor` key where no `@Type` applies (it takes the value for the class to make), which
 * crashed the load; the compiled check lists the record's problems instead (such an object always
 * sits where a string, an array of strings or nothing belongs, so there is at least one).
 */
import { plainToInstance } from "class-transformer";
import { getMetadataStorage, type ValidationArguments, ValidationTypes, validateSync } from "class-validator";

/** A DTO class. */
type DtoClass = new () => object;

/** A record's problems, as `$.json.path: problem`, and the value the record's mapping reads. */
export interface ShapeResult {
  readonly problems: string[];
  readonly value: object;
}

/** Checks `raw`, the record at JSON path `path`, against the DTO class `dto`. */
export type ShapeCheck = (dto: DtoClass, raw: Record<string, unknown>, path: string) => ShapeResult;

/** A problem as class-validator reports it: the property, its failed constraints and its children's problems. */
interface ShapeError {
  readonly property: string;
  readonly constraints?: Readonly<Record<string, string>>;
  readonly children?: readonly ShapeError[];
}

const VALIDATOR_OPTIONS = { whitelist: true, forbidNonWhitelisted: true, forbidUnknownValues: true };

/** The check as it ran before it was compiled: class-transformer, then class-validator. */
export const classValidatorShapeCheck: ShapeCheck = (dto, raw, path) => {
  const value = plainToInstance(dto, raw);
  const problems: string[] = [];
  formatValidationErrors(validateSync(value, VALIDATOR_OPTIONS), path, problems);
  return { problems, value };
};

/** The same check, compiled once per DTO class; the mapping reads the record as parsed. */
export const compiledShapeCheck: ShapeCheck = (dto, raw, path) => {
  const errors: ShapeError[] = [];
  compileClass(dto)(raw, errors);
  const problems: string[] = [];
  if (errors.length > 0) formatValidationErrors(errors, path, problems);
  return { problems, value: raw };
};

/**
 * Compiles the check of `dto` now (the loader does so for every DTO before reading a file), so that
 * a rule the compiler does not support fails at start-up even when no record of the type exists.
 */
export function compileShapeCheck(dto: DtoClass): void {
  compileClass(dto);
}

/** The shape checks by name (`bench/load-phases.ts` times both). */
export const SHAPE_CHECKS = { "class-validator": classValidatorShapeCheck, compiled: compiledShapeCheck } as const;
export type ShapeCheckName = keyof typeof SHAPE_CHECKS;

/**
 * The class-validator constraints the compiler supports: those whose `validate` reads only the value
 * and the decorator's constraints (so it is called with one arguments object per decorator).
 */
export const SUPPORTED_CONSTRAINTS: ReadonlySet<string> = new Set([
  "isString",
  "isNotEmpty",
  "isArray",
  "arrayNotEmpty",
  "isObject",
  "isEnum",
  "isIn",
  "isInt",
  "min",
  "max",
  "minLength",
  "matches",
  "isBoolean",
  "isISO31661Alpha2",
  "isISO4217CurrencyCode",
]);

/** The problems of `errors` below `parent`, as `$.path: message`, the way the loader has always listed them. */
export function formatValidationErrors(errors: readonly ShapeError[], parent: string, out: string[]): void {
  for (const error of errors) {
    const path = /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
    for (const message of Object.values(error.constraints ?? {})) {
      // class-validator starts its default messages with the property name, which the path already shows.
      const own = message.replace(new RegExp(`^(property )?${escapeRegExp(error.property)} `), "");
      out.push(`${path}: ${own}`);
    }
    formatValidationErrors(error.children ?? [], path, out);
  }
}

type ClassCheck = (object: Record<string, unknown>, out: ShapeError[]) => void;
type PropertyCheck = ClassCheck;
type Metadata = ReturnType<ReturnType<typeof getMetadataStorage>["getTargetValidationMetadatas"]>[number];

const compiled = new Map<DtoClass, ClassCheck>();

/** The compiled check of `cls` (compiled on first use, then cached). */
function compileClass(cls: DtoClass): ClassCheck {
  let check = compiled.get(cls);
  if (!check) {
    // Registered before compiling, so that a class nested in itself refers to its own check.
    let body: ClassCheck = () => undefined;
    check = (object, out) => body(object, out);
    compiled.set(cls, check);
    try {
      body = compileClassBody(cls);
    } catch (error) {
      compiled.delete(cls); // so that the next use fails alike, rather than check nothing
      throw error;
    }
  }
  return check;
}

const unsupported = (cls: DtoClass, property: string, rule: string): Error =>
  new Error(`seed shape check: ${cls.name}.${property} uses ${rule}, which the compiled check does not support`);

function compileClassBody(cls: DtoClass): ClassCheck {
  const storage = getMetadataStorage();
  const metadatas = storage.getTargetValidationMetadatas(cls, cls.name, false, false);
  // forbidUnknownValues would report a class without rules as an unknown value.
  if (metadatas.length === 0) throw unsupported(cls, "*", "no validation decorator at all");
  assertPlainClass(cls);
  const grouped = storage.groupByPropertyName(metadatas);
  const properties = Object.keys(grouped);
  const known = new Set(properties);
  const probe = new cls() as Record<string, unknown>;
  for (const property of properties) {
    if (dropped(probe, property)) throw unsupported(cls, property, "a property name class-transformer drops");
  }
  const checks = properties.map(property => compileProperty(cls, property, grouped[property] ?? []));
  return (object, out) => {
    // whitelist + forbidNonWhitelisted: every property the instance would have and no decorator names.
    for (const key in object) {
      if (!known.has(key) && !dropped(probe, key)) {
        out.push({ property: key, constraints: { [ValidationTypes.WHITELIST]: `property ${key} should not exist` } });
      }
    }
    for (const check of checks) check(object, out);
  };
}

/**
 * Whether class-transformer leaves `key` out of the instance it makes of a plain object: `__proto__`,
 * `constructor`, and any name the instance already answers with a function (`toString`, `valueOf`, …).
 */
const dropped = (probe: Record<string, unknown>, key: string): boolean =>
  key === "__proto__" || key === "constructor" || probe[key] instanceof Function;

/** A DTO class has fields only: a method or accessor would change what class-transformer copies. */
function assertPlainClass(cls: DtoClass): void {
  for (let proto: object | null = cls.prototype as object; proto && proto !== Object.prototype;) {
    const own = Object.getOwnPropertyNames(proto).filter(name => name !== "constructor");
    if (own.length > 0) throw unsupported(cls, own[0] ?? "", "a method or accessor on the class");
    proto = Object.getPrototypeOf(proto) as object | null;
  }
}

interface CustomRule {
  readonly type: string;
  readonly passes: (value: unknown) => boolean;
  readonly message: (object: object, value: unknown) => string;
}

function compileProperty(cls: DtoClass, property: string, metadatas: readonly Metadata[]): PropertyCheck {
  const storage = getMetadataStorage();
  let optional = false;
  const customs: CustomRule[] = [];
  const nested: Metadata[] = [];
  for (const metadata of metadatas) {
    const rule = metadata.name ?? metadata.type;
    if (metadata.always !== undefined || (metadata.groups?.length ?? 0) > 0 || metadata.context !== undefined) {
      throw unsupported(cls, property, `${rule} with groups, always or context`);
    }
    if (metadata.validateIf) throw unsupported(cls, property, `${rule} with validateIf`);
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION && metadata.name === "isOptional") {
      optional = true;
    } else if (metadata.type === ValidationTypes.NESTED_VALIDATION) {
      nested.push(metadata);
    } else if (metadata.type === ValidationTypes.CUSTOM_VALIDATION) {
      for (const constraint of storage.getTargetValidatorConstraints(metadata.constraintCls)) {
        if (!SUPPORTED_CONSTRAINTS.has(constraint.name) || constraint.async) {
          throw unsupported(cls, property, `${constraint.name}${constraint.async ? " (async)" : ""}`);
        }
        customs.push(customRule(cls, property, metadata, constraint));
      }
    } else {
      throw unsupported(cls, property, rule);
    }
  }
  if (nested.length > 1) throw unsupported(cls, property, "ValidateNested more than once");
  const nestedMetadata = nested[0];
  const nestedCheck = nestedMetadata ? compileNested(cls, property, nestedMetadata) : null;
  if (!nestedCheck) assertNotTransformed(cls, property);
  return (object, out) => {
    const value = object[property];
    if (optional && (value === null || value === undefined)) return;
    let constraints: Record<string, string> | undefined;
    for (const rule of customs) {
      if (!rule.passes(value)) (constraints ??= {})[rule.type] = rule.message(object, value);
    }
    let children: ShapeError[] | undefined;
    if (nestedCheck && value !== undefined) {
      children = [];
      const message = nestedCheck(value, children);
      if (message !== undefined) (constraints ??= {})[ValidationTypes.NESTED_VALIDATION] = message;
    }
    if (constraints || (children && children.length > 0)) {
      out.push({ property, constraints: constraints ?? {}, children: children ?? [] });
    }
  };
}

/** A supported constraint of `metadata`, its `validate` called on the value (or on each element, with `each`). */
function customRule(
  cls: DtoClass,
  property: string,
  metadata: Metadata,
  constraint: ReturnType<ReturnType<typeof getMetadataStorage>["getTargetValidatorConstraints"]>[number],
): CustomRule {
  const { instance } = constraint;
  const args: ValidationArguments = {
    targetName: cls.name,
    property,
    object: {},
    value: undefined,
    constraints: metadata.constraints,
  };
  const validate = (value: unknown): boolean => !!instance.validate(value, args);
  return {
    type: constraint.name || metadata.type,
    passes: metadata.each ? value => (Array.isArray(value) ? value.every(validate) : validate(value)) : validate,
    message: (object, value) => {
      const messageArgs: ValidationArguments = {
        targetName: cls.name,
        property,
        object,
        value: transformedValue(cls, property, value),
        constraints: metadata.constraints,
      };
      const message =
        metadata.message || (instance.defaultMessage instanceof Function ? instance.defaultMessage(messageArgs) : "");
      return replaceMessageTokens(message, messageArgs);
    },
  };
}

/**
 * The nested check of a `@ValidateNested()` property: arrays element by element (nested arrays
 * too), objects against the `@Type` class; anything else gets the decorator's message, returned.
 */
function compileNested(
  cls: DtoClass,
  property: string,
  metadata: Metadata,
): (value: unknown, children: ShapeError[]) => string | undefined {
  const targetCheck = compileClass(nestedClass(cls, property));
  const messageArgs = (value: unknown): ValidationArguments => ({
    targetName: (metadata.target as object).constructor.name,
    property,
    object: metadata.target as object,
    value,
    constraints: metadata.constraints,
  });
  const check = (value: unknown, children: ShapeError[]): string | undefined => {
    if (value === undefined) return undefined;
    if (Array.isArray(value)) {
      value.forEach((element: unknown, index) => {
        const own: ShapeError[] = [];
        const message = check(element, own);
        if (message !== undefined || own.length > 0) {
          const constraints = message === undefined ? {} : { [ValidationTypes.NESTED_VALIDATION]: message };
          children.push({ property: String(index), constraints, children: own });
        }
      });
      return undefined;
    }
    if (value !== null && typeof value === "object") {
      targetCheck(value as Record<string, unknown>, children);
      return undefined;
    }
    return replaceMessageTokens(metadata.message || "", messageArgs(value));
  };
  return check;
}

/** The class `@Type` makes of the objects of a nested property, asked of class-transformer itself. */
function nestedClass(cls: DtoClass, property: string): DtoClass {
  const made = (plainToInstance(cls, { [property]: {} }) as Record<string, unknown>)[property];
  const target = made !== null && typeof made === "object" ? (made.constructor as DtoClass) : Object;
  if (target === Object) throw unsupported(cls, property, "ValidateNested without @Type to a class");
  return target;
}

/** A property without ValidateNested must reach class-validator as parsed (no `@Type` conversion). */
function assertNotTransformed(cls: DtoClass, property: string): void {
  for (const sample of ["1", 1, true, null, {}, []]) {
    const made = (plainToInstance(cls, { [property]: sample }) as Record<string, unknown>)[property];
    const same =
      typeof sample !== "object" || sample === null
        ? made === sample
        : made !== null && typeof made === "object" && made.constructor === sample.constructor;
    if (!same) throw unsupported(cls, property, "@Type (or another conversion) without ValidateNested");
  }
}

/**
 * The value class-validator would have seen: class-transformer's copy, for arrays and objects
 * (messages only). Where class-transformer throws (an object with its own truthy `constructor` key,
 * which it takes for the class to make), the value as parsed.
 */
function transformedValue(cls: DtoClass, property: string, value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  try {
    return (plainToInstance(cls, { [property]: value }) as Record<string, unknown>)[property];
  } catch {
    return value;
  }
}

/** class-validator's `ValidationUtils.replaceMessageSpecialTokens` (not exported by the package). */
function replaceMessageTokens(
  message: string | ((args: ValidationArguments) => string),
  args: ValidationArguments,
): string {
  let text = message instanceof Function ? message(args) : message;
  if (text && Array.isArray(args.constraints)) {
    args.constraints.forEach((constraint: unknown, index) => {
      text = text.replace(new RegExp(`\\$constraint${index + 1}`, "g"), constraintToString(constraint));
    });
  }
  const value: unknown = args.value;
  if (text && (typeof value === "string" || typeof value === "boolean" || typeof value === "number")) {
    text = text.replace(/\$value/g, String(value));
  }
  if (text) text = text.replace(/\$property/g, args.property);
  if (text) text = text.replace(/\$target/g, String(args.targetName));
  return text;
}

const constraintToString = (constraint: unknown): string =>
  Array.isArray(constraint)
    ? constraint.join(", ")
    : typeof constraint === "symbol"
      ? String(constraint.description)
      : String(constraint);

/** `text` as a regular expression matching itself (a property name may hold any character). */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
