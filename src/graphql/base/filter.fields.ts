/**
 * Field decorators shared by the filter inputs, so that each condition is declared, described and
 * validated the same way everywhere.
 */
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsEnum,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from "class-validator";
import { Field, ID } from "type-graphql";

import { DateRange } from "./date-range.input";
import { CountryCode } from "./scalars";
import { composeDecorators, type PropertyDecorator } from "../../common/decorators";

/** A country, by ISO 3166-1 alpha-2 code. */
export const CountryField = (description: string): PropertyDecorator =>
  composeDecorators(
    Field(_type => CountryCode, { nullable: true, description }),
    IsOptional(),
    Matches(/^[A-Za-z]{2}$/),
  );

/** Another record, by id. */
export const IdField = (description: string): PropertyDecorator =>
  composeDecorators(
    Field(_type => ID, { nullable: true, description }),
    IsOptional(),
    IsString(),
    MaxLength(200),
  );

/** A value of an enum. */
export const EnumField = (enumType: object, description: string): PropertyDecorator =>
  composeDecorators(
    Field(_type => enumType, { nullable: true, description }),
    IsOptional(),
    IsEnum(enumType),
  );

/** A case-insensitive substring of the name. */
export const NameContainsField = (): PropertyDecorator =>
  composeDecorators(
    Field(_type => String, {
      nullable: true,
      description: "Keep items whose name contains this text, ignoring case (at most 100 characters).",
    }),
    IsOptional(),
    IsString(),
    MaxLength(100, { message: "nameContains must be at most 100 characters" }),
  );

/** A range of dates. */
export const DateRangeField = (description: string): PropertyDecorator =>
  composeDecorators(
    Field(_type => DateRange, { nullable: true, description }),
    IsOptional(),
    ValidateNested(),
  );

/** Exactly two countries. */
export const BetweenField = (description: string): PropertyDecorator =>
  composeDecorators(
    Field(_type => [CountryCode], { nullable: true, description: `${description} Give exactly two ISO codes.` }),
    IsOptional(),
    ArrayMinSize(2, { message: "between must name exactly two countries" }),
    ArrayMaxSize(2, { message: "between must name exactly two countries" }),
    ArrayUnique((code: string) => code.toUpperCase(), { message: "between must name two different countries" }),
  );
