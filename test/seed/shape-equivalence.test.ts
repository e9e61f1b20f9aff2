/**
 * The compiled shape check (src/seed/seed.shape.ts) against class-validator itself: over every record
 * of the pinned bundled seed, and over fast-check mutations of them (wrong types, missing and extra
 * properties, empty strings, bad enums, dates and ids, nested citation, money and quantity problems,
 * arrays of wrong things, null), both must list exactly the same problems, in the same order, or
 * throw the same error. A DTO rule the compiler does not support must fail when it compiles.
 */
import "reflect-metadata";

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

import { Type } from "class-transformer";
import { IsEmail, IsString, ValidateIf, ValidateNested } from "class-validator";
import fc from "fast-check";

import { FACT_FIELDS, SESSION_FACT_FIELDS } from "../../src/domain/facts";
import { type CitationRecord, COLLECTIONS, type NodeTypename } from "../../src/domain/records";
import { SEED_ENTITIES, SEED_TYPENAMES } from "../../src/seed/seed.entities";
import { evidenceOf } from "../../src/seed/seed.evidence";
import { isObject } from "../../src/seed/seed.parse";
import type { RecordContext } from "../../src/seed/seed.entity";
import { classValidatorShapeCheck, compiledShapeCheck, compileShapeCheck } from "../../src/seed/seed.shape";

const BUNDLED = join(__dirname, "..", "fixtures", "seed", "bundled");

interface Sample {
  readonly typename: NodeTypename;
  readonly dto: new () => object;
  readonly path: string;
  readonly raw: Record<string, unknown>;
}

/** Every record of the bundled seed, with its type's DTO and its JSON path. */
const SAMPLES: readonly Sample[] = readdirSync(BUNDLED)
  .filter(name => name.endsWith(".json"))
  .sort()
  .flatMap(name => {
    const json = JSON.parse(readFileSync(join(BUNDLED, name), "utf8")) as Record<string, unknown[] | undefined>;
    return SEED_TYPENAMES.flatMap(typename => {
      const collection = COLLECTIONS[typename];
      return (json[collection] ?? []).map((raw, index) => ({
        typename,
        dto: SEED_ENTITIES[typename].dto,
        path: `${name}: $.${collection}[${index}]`,
        raw: raw as Record<string, unknown>,
      }));
    });
  });

/** The problems a check lists for `raw`, or the error it throws. */
function outcome(check: typeof compiledShapeCheck, sample: Sample, raw: Record<string, unknown>): unknown {
  try {
    return check(sample.dto, raw, sample.path).problems;
  } catch (error) {
    return { threw: String(error) };
  }
}

/** The graph record mapped from a checked value (or the error mapping throws), citations and source texts stubbed. */
function mapped(sample: Sample, value: object): unknown {
  const entity = SEED_ENTITIES[sample.typename] as { toRecord: (dto: object, ctx: RecordContext) => unknown };
  try {
    return mapOne(entity, value, FACT_FIELDS[sample.typename]);
  } catch (error) {
    // ValidateNested lets an array through where one object belongs (`formats: [[]]`): both mappings throw.
    return { threw: String(error) };
  }
}

function mapOne(
  entity: { toRecord: (dto: object, ctx: RecordContext) => unknown },
  value: object,
  typeFacts: readonly string[],
): unknown {
  return entity.toRecord(value, {
    // The loader's citation and evidence checks read these fields (seed.citations.ts, seed.evidence.ts), nothing else.
    evidenced: (seed, at = "", facts = typeFacts) => ({
      citations: seed.citations.map(
        ({ source, start, end, occurrence, quote, supports }) =>
          ({ at, source, start, end, occurrence, quote, supports }) as unknown as CitationRecord,
      ),
      // Evidence reads from `inferred` the bases (strings) of fact fields; any other key or value is a problem there (seed.evidence.ts).
      supports: [],
      inferred: Object.fromEntries(
        Object.entries(seed.inferred ?? {}).filter(
          ([field, basis]) => facts.includes(field) && typeof basis === "string",
        ),
      ),
    }),
    sourceText: id => `text of ${id}`,
  });
}

/** A record both checks pass maps to the same graph record from the parsed value as from class-transformer's instance. */
function expectSameRecord(sample: Sample, raw: Record<string, unknown>): void {
  const compiled = compiledShapeCheck(sample.dto, raw, sample.path);
  const classValidator = classValidatorShapeCheck(sample.dto, raw, sample.path);
  expect(compiled.problems).toEqual([]);
  expect(classValidator.problems).toEqual([]);
  expect(mapped(sample, compiled.value)).toStrictEqual(mapped(sample, classValidator.value));
}

/** Where class-transformer throws its TypeError on a `constructor` key, the compiled check lists problems instead. */
let transformerThrew = 0;

/**
 * The problems the loader's evidence check lists for the `inferred` of a record and of its formats
 * (seed.evidence.ts): `inferred` is a plain object of bases, checked there rather than by its DTO.
 */
function inferredProblems(sample: Sample, raw: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const check = (seed: unknown, facts: readonly string[]) => {
    if (isObject(seed) && Array.isArray(seed.citations)) {
      evidenceOf(seed as never, [], facts, { at: "", typename: sample.typename }, () => undefined, problems);
    }
  };
  check(raw, FACT_FIELDS[sample.typename]);
  if (Array.isArray(raw.formats)) for (const format of raw.formats) check(format, SESSION_FACT_FIELDS);
  return problems;
}

/**
 * The compiled outcome equals class-validator's, but for class-transformer's one TypeError (see
 * seed.shape.ts): there the compiled check lists problems, or — for a `constructor` key inside an
 * `inferred` object, which no DTO rule describes — the loader's evidence check does.
 */
function expectSame(compiled: unknown, classValidator: unknown, sample?: Sample, raw?: Record<string, unknown>): void {
  const threw = (classValidator as { threw?: string }).threw;
  if (threw?.startsWith("TypeError") && /constructor|is not a constructor/.test(threw)) {
    transformerThrew++;
    const listed = Array.isArray(compiled) && compiled.length > 0;
    expect(listed || (sample !== undefined && raw !== undefined && inferredProblems(sample, raw).length > 0)).toBe(
      true,
    );
  } else {
    expect(compiled).toEqual(classValidator);
  }
}

describe("the compiled shape check lists exactly what class-validator lists", () => {
  it("for every record of the bundled seed (none), each mapped to the same graph record", () => {
    expect(SAMPLES.length).toBeGreaterThanOrEqual(70);
    expect(new Set(SAMPLES.map(s => s.dto)).size).toBe(SEED_TYPENAMES.length);
    for (const sample of SAMPLES) {
      expectSameRecord(sample, sample.raw);
    }
  });

  /** Values that hit the rules: right and wrong types, empty strings, enum members, ids, dates, currencies. */
  const leaf = fc.oneof(
    fc.constantFrom(null, "", " ", "en", "fr", "KZ", "kz", "XX", "USD", "usd", "EUR", "OTHER", "NEWS_REPORT"),
    fc.constantFrom("PLANNED", "SUPPORT", "AGREEMENT", "country:KZ", "country:", "city:almaty", "leader:x y"),
    fc.constantFrom("source:kazakhstan-jordan-2025-08-27", "2025-08-27", "2025-02-30", "2025-13-01", "25-08-27"),
    fc.constantFrom("sources/a.txt", "../a.txt", "a.json", "$value", "$property", "(", "quote"),
    fc.string({ maxLength: 6 }),
    fc.integer({ min: -3, max: 3 }),
    fc.constantFrom(1899, 1900, 2200, 2201, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER + 2, 1.5, -0),
    fc.boolean(),
  );
  const value: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>(tie => ({
    value: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.array(tie("value"), { maxLength: 3 }),
      fc.dictionary(fc.constantFrom("source", "quote", "start", "end", "amount", "currency", "x"), tie("value"), {
        maxKeys: 3,
      }),
    ),
  })).value;
  /** Keys to set: the DTOs' own, unknown ones, and the names class-transformer treats specially. */
  const key = fc.constantFrom(
    "id", "name", "aliases", "citations", "source", "quote", "start", "end", "occurrence", "title", "kind",
    "file", "publishedOn", "dateline", "language", "code", "capital", "country", "sector", "participants",
    "formats", "format", "date", "value", "quantity", "amount", "currency", "unit", "plannedYear", "direct",
    "expectedBenefits", "speakers", "countries", "companies", "extra", "1", "a.b", "x$", "constructor",
    "toString", "hasOwnProperty", "__proto__", "valueOf",
  ); // prettier-ignore

  type Mutation = { at: number; op: "set"; key: string; value: unknown } | { at: number; op: "delete"; key: string };
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ at: fc.nat(), op: fc.constant("set" as const), key, value }),
    fc.record({ at: fc.nat(), op: fc.constant("delete" as const), key }),
  );

  /** The objects and arrays of a value, itself first. */
  function containers(node: unknown, out: object[] = []): object[] {
    if (node !== null && typeof node === "object") {
      out.push(node);
      for (const child of Object.values(node)) containers(child, out);
    }
    return out;
  }

  /**
   * A copy of `raw` with the mutations applied, each to one of its objects or arrays, as JSON.parse
   * could have made it: keys as own data properties (`__proto__` too), arrays without holes.
   */
  function mutate(raw: Record<string, unknown>, mutations: readonly Mutation[]): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(raw)) as Record<string, unknown>;
    for (const m of mutations) {
      const nodes = containers(copy);
      const node = nodes[m.at % nodes.length];
      if (Array.isArray(node)) {
        const index = m.at % (node.length + 1);
        if (m.op === "set") node[index] = m.value;
        else node.splice(index, 1);
      } else if (m.op === "set") {
        Object.defineProperty(node, m.key, { value: m.value, enumerable: true, writable: true, configurable: true });
      } else {
        delete (node as Record<string, unknown>)[m.key];
      }
    }
    return copy;
  }

  it("for fast-check mutations of every kind of record (and those still valid map alike)", () => {
    let withProblems = 0;
    fc.assert(
      fc.property(
        fc.nat(SAMPLES.length - 1),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        (index, mutations) => {
          const sample = SAMPLES[index] as Sample;
          const raw = mutate(sample.raw, mutations);
          const expected = outcome(classValidatorShapeCheck, sample, raw);
          expectSame(outcome(compiledShapeCheck, sample, raw), expected, sample, raw);
          if (!Array.isArray(expected) || expected.length > 0) withProblems++;
          else expectSameRecord(sample, raw);
        },
      ),
      { numRuns: 4000, seed: 14 },
    );
    // The mutations mostly break something: the comparison is over problems, not over valid records.
    expect(withProblems).toBeGreaterThan(2500);
    expect(transformerThrew).toBeLessThan(400);
  });

  it("for whole values replaced: null, primitives, arrays of wrong things, nested arrays", () => {
    fc.assert(
      fc.property(fc.nat(SAMPLES.length - 1), key, value, (index, k, v) => {
        const sample = SAMPLES[index] as Sample;
        const raw = { ...sample.raw };
        Object.defineProperty(raw, k, { value: v, enumerable: true, writable: true, configurable: true });
        expectSame(outcome(compiledShapeCheck, sample, raw), outcome(classValidatorShapeCheck, sample, raw));
      }),
      { numRuns: 3000, seed: 27 },
    );
  });
});

describe("a rule the compiled check does not support fails when it compiles, naming class, property and rule", () => {
  it("an unsupported validator", () => {
    class WithEmail {
      @IsEmail()
      contact!: string;
    }
    const message = "seed shape check: WithEmail.contact uses isEmail, which the compiled check does not support";
    expect(() => compileShapeCheck(WithEmail)).toThrow(message);
    expect(() => compiledShapeCheck(WithEmail, { contact: "x" }, "$")).toThrow(message); // every time, not once
    class Outer {
      @ValidateNested()
      @Type(() => WithEmail)
      inner!: WithEmail;
    }
    expect(() => compileShapeCheck(Outer)).toThrow(message);
  });

  it("a conditional other than IsOptional", () => {
    class WithValidateIf {
      @ValidateIf(() => true)
      @IsString()
      note!: string;
    }
    expect(() => compileShapeCheck(WithValidateIf)).toThrow("WithValidateIf.note uses conditionalValidation");
  });

  it("ValidateNested without @Type", () => {
    class Inner {
      @IsString()
      text!: string;
    }
    class WithoutType {
      @ValidateNested()
      inner!: Inner;
    }
    expect(() => compileShapeCheck(WithoutType)).toThrow("WithoutType.inner uses ValidateNested without @Type");
  });

  it("@Type converting a value that is not validated as nested", () => {
    class Converted {
      @Type(() => Number)
      @IsString()
      count!: string;
    }
    expect(() => compileShapeCheck(Converted)).toThrow("Converted.count uses @Type (or another conversion)");
  });
});
