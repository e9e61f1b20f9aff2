/**
 * The building blocks of the seed DTOs: the id, reference and date decorators, the citation every
 * record carries, the money and quantity values commitments state, and the `Cited` and `Named`
 * bases the record classes extend.
 */
import { Type } from "class-transformer";
import {
  ArrayNotEmpty,
  IsArray,
  IsInt,
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
  type ValidationArguments,
} from "class-validator";

import { composeDecorators, type PropertyDecorator } from "../common/decorators";

/** A record's own id: `prefix:slug`, the slug of letters, digits and dashes (country ids end in the ISO code). */
export const IsId = (prefix: string): PropertyDecorator =>
  Matches(new RegExp(`^${prefix}:[A-Za-z0-9][A-Za-z0-9-]*$`), {
    message: (args: ValidationArguments) =>
      `must be an id of the form "${prefix}:slug" (letters, digits and dashes), got ${JSON.stringify(args.value)}`,
  });

/** A reference to another record by id; what it must point at is checked by the loader after merging. */
export const IsRef = (options?: { each: true }): PropertyDecorator =>
  composeDecorators(
    IsString({ ...options, message: options ? "each reference must be an id string" : "must be an id string" }),
    IsNotEmpty({ ...options, message: options ? "each reference must not be empty" : "must not be empty" }),
  );

/** A calendar date, `YYYY-MM-DD`. */
export const IsIsoDate = (): PropertyDecorator =>
  Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, {
    message: (args: ValidationArguments) => `must be an ISO date (YYYY-MM-DD), got ${JSON.stringify(args.value)}`,
  });

/**
 * A citation: the quote, and either its code-point offsets (`start`, `end` exclusive) or neither, in
 * which case the loader finds the quote in the source text — `occurrence` (1 = the first) says which
 * one when the quote occurs more than once.
 */
export class SeedCitation {
  @IsRef()
  source!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  start?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  end?: number;

  @IsOptional()
  @IsInt()
  @Min(1)
  occurrence?: number;

  @IsString()
  @MinLength(1)
  quote!: string;

  /**
   * The fact fields of the citing record (src/domain/facts.ts) whose values this quote backs; the
   * loader checks that every fact field with a value is backed by at least one citation.
   */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  supports?: string[];
}

/**
 * A record that cites its sources: at least one citation, and the fact fields whose values are
 * inferred rather than stated, each with its basis in words (checked by the loader: seed.evidence.ts).
 */
export abstract class Cited {
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => SeedCitation)
  citations!: SeedCitation[];

  @IsOptional()
  @IsObject()
  inferred?: Record<string, string>;
}

/** A record known by a name, and perhaps by other names. */
export abstract class Named extends Cited {
  @IsString()
  @IsNotEmpty()
  name!: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  aliases?: string[];
}

/** An amount of money in whole units of an ISO 4217 currency. */
export class SeedMoney {
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @IsISO4217CurrencyCode()
  currency!: string;
}

/** A counted quantity and its unit. */
export class SeedQuantity {
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  value!: number;

  @IsString()
  @IsNotEmpty()
  unit!: string;
}
