/**
 * The seed file format: one JSON object per file, each top-level key a list of records.
 * class-validator checks each record's shape; `seed.loader.ts` then checks what a shape cannot
 * (ids unique across files, references resolve, quotes equal the source text at their offsets).
 *
 * References are ids of other records (`"country": "country:KZ"`), never nested objects,
 * so that several files merge into one graph.
 */
import { Type } from "class-transformer";
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEnum,
  IsIn,
  IsInt,
  IsISO31661Alpha2,
  IsISO4217CurrencyCode,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateNested,
  type ValidationArguments,
} from "class-validator";

import {
  AreaCategory,
  CommitmentKind,
  CommitmentStatus,
  CompanySector,
  MeetingFormat,
  RouteStatus,
  SourceKind,
  Stance,
  StatementKind,
} from "../domain/enums";
import { composeDecorators, type PropertyDecorator } from "../common/decorators";

/** A record's own id: `prefix:slug`, the slug of letters, digits and dashes (country ids end in the ISO code). */
const IsId = (prefix: string): PropertyDecorator =>
  Matches(new RegExp(`^${prefix}:[A-Za-z0-9][A-Za-z0-9-]*$`), {
    message: (args: ValidationArguments) =>
      `must be an id of the form "${prefix}:slug" (letters, digits and dashes), got ${JSON.stringify(args.value)}`,
  });

/** A reference to another record by id; what it must point at is checked by the loader after merging. */
const IsRef = (options?: { each: true }): PropertyDecorator =>
  composeDecorators(
    IsString({ ...options, message: options ? "each reference must be an id string" : "must be an id string" }),
    IsNotEmpty({ ...options, message: options ? "each reference must not be empty" : "must not be empty" }),
  );

const IsIsoDate = (): PropertyDecorator =>
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
}

abstract class Cited {
  @IsArray()
  @ArrayNotEmpty()
  @ValidateNested({ each: true })
  @Type(() => SeedCitation)
  citations!: SeedCitation[];
}

abstract class Named extends Cited {
  @IsString()
  @IsNotEmpty()
  name!: string;

  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  aliases?: string[];
}

export class SeedSource extends Cited {
  @IsId("source")
  id!: string;

  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsEnum(SourceKind)
  kind!: SourceKind;

  /** Path of the text file, relative to the seed folder. */
  @Matches(/^(?!.*\.\.)[A-Za-z0-9_][A-Za-z0-9_./-]*\.txt$/, {
    message: (args: ValidationArguments) =>
      `must be the path of a .txt file inside the seed folder, got ${JSON.stringify(args.value)}`,
  })
  file!: string;

  @IsIsoDate()
  publishedOn!: string;

  @IsOptional()
  @IsRef()
  dateline?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  reportedBy?: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  publisher?: string;

  @IsIn(["en"])
  language!: string;
}

export class SeedCountry extends Named {
  @IsId("country")
  id!: string;

  @IsISO31661Alpha2()
  code!: string;

  @IsString()
  @IsNotEmpty()
  officialName!: string;

  @IsRef()
  capital!: string;

  @IsString()
  @IsNotEmpty()
  region!: string;

  @IsString()
  @IsNotEmpty()
  demonym!: string;
}

export class SeedCity extends Named {
  @IsId("city")
  id!: string;

  @IsRef()
  country!: string;
}

export class SeedLeader extends Named {
  @IsId("leader")
  id!: string;

  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsString()
  @IsNotEmpty()
  office!: string;

  @IsRef()
  country!: string;
}

export class SeedCompany extends Named {
  @IsId("company")
  id!: string;

  @IsRef()
  country!: string;

  @IsEnum(CompanySector)
  sector!: CompanySector;

  @IsString()
  @IsNotEmpty()
  description!: string;
}

export class SeedMeetingFormat extends Cited {
  @IsEnum(MeetingFormat)
  format!: MeetingFormat;

  @IsString()
  @IsNotEmpty()
  description!: string;
}

export class SeedMeeting extends Cited {
  @IsId("meeting")
  id!: string;

  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsString()
  @IsNotEmpty()
  description!: string;

  /** ISO date, or null where the source does not date the meeting. */
  @IsOptional()
  @IsIsoDate()
  date?: string | null;

  @IsRef()
  city!: string;

  @IsRef()
  hostCountry!: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsRef({ each: true })
  participants!: string[];

  @IsOptional()
  @IsRef()
  invitedBy?: string | null;

  @IsOptional()
  @IsRef()
  continues?: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedMeetingFormat)
  formats!: SeedMeetingFormat[];
}

export class SeedDelegation extends Cited {
  @IsId("delegation")
  id!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;

  @IsRef()
  country!: string;

  @IsRef()
  meeting!: string;
}

export class SeedCooperationArea extends Named {
  @IsId("area")
  id!: string;

  @IsEnum(AreaCategory)
  category!: AreaCategory;

  @IsString()
  @IsNotEmpty()
  description!: string;

  @IsArray()
  @IsRef({ each: true })
  companies!: string[];
}

export class SeedPosition extends Cited {
  @IsId("position")
  id!: string;

  @IsRef()
  area!: string;

  /** A country, leader, company or delegation. */
  @IsRef()
  actor!: string;

  @IsEnum(Stance)
  stance!: Stance;

  @IsRef()
  meeting!: string;

  @IsString()
  @IsNotEmpty()
  summary!: string;
}

export class SeedMoney {
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amount!: number;

  @IsISO4217CurrencyCode()
  currency!: string;
}

export class SeedQuantity {
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  value!: number;

  @IsString()
  @IsNotEmpty()
  unit!: string;
}

export class SeedCommitment extends Cited {
  @IsId("commitment")
  id!: string;

  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsString()
  @IsNotEmpty()
  description!: string;

  @IsEnum(CommitmentKind)
  kind!: CommitmentKind;

  @IsEnum(CommitmentStatus)
  status!: CommitmentStatus;

  @IsArray()
  @ArrayNotEmpty()
  @IsRef({ each: true })
  parties!: string[];

  @IsOptional()
  @IsRef()
  beneficiary?: string | null;

  @IsRef()
  area!: string;

  @IsRef()
  meeting!: string;

  @IsOptional()
  @ValidateNested()
  @Type(() => SeedMoney)
  value?: SeedMoney | null;

  @IsOptional()
  @ValidateNested()
  @Type(() => SeedQuantity)
  quantity?: SeedQuantity | null;
}

export class SeedFlightRoute extends Cited {
  @IsId("route")
  id!: string;

  @IsRef()
  operator!: string;

  @IsRef()
  origin!: string;

  @IsRef()
  destination!: string;

  @IsBoolean()
  direct!: boolean;

  @IsEnum(RouteStatus)
  status!: RouteStatus;

  @IsOptional()
  @IsInt()
  @Min(1900)
  @Max(2200)
  plannedYear?: number | null;

  /** How the planned year was read from the source, e.g. "next year" relative to publication. */
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  plannedYearBasis?: string | null;

  @IsRef()
  area!: string;

  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  expectedBenefits!: string[];
}

export class SeedAward extends Named {
  @IsId("award")
  id!: string;

  @IsRef()
  country!: string;

  @IsString()
  @IsNotEmpty()
  description!: string;
}

export class SeedAwardConferral extends Cited {
  @IsId("conferral")
  id!: string;

  @IsRef()
  award!: string;

  @IsRef()
  conferredBy!: string;

  @IsRef()
  recipient!: string;

  @IsIsoDate()
  date!: string;

  @IsRef()
  city!: string;

  @IsOptional()
  @IsRef()
  meeting?: string | null;

  @IsString()
  @IsNotEmpty()
  reason!: string;

  @IsOptional()
  @IsString()
  @IsNotEmpty()
  recipientResponse?: string | null;
}

export class SeedSharedValue extends Named {
  @IsId("value")
  id!: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsRef({ each: true })
  countries!: string[];

  @IsRef()
  notedBy!: string;

  @IsRef()
  meeting!: string;
}

export class SeedStatement extends Cited {
  @IsId("statement")
  id!: string;

  @IsArray()
  @ArrayNotEmpty()
  @IsRef({ each: true })
  speakers!: string[];

  @IsRef()
  meeting!: string;

  @IsEnum(StatementKind)
  kind!: StatementKind;

  @IsString()
  @IsNotEmpty()
  summary!: string;
}

/** The record class of each collection a seed file may hold. Every collection is optional. */
export const SEED_RECORD_TYPES = {
  sources: SeedSource,
  countries: SeedCountry,
  cities: SeedCity,
  leaders: SeedLeader,
  companies: SeedCompany,
  meetings: SeedMeeting,
  delegations: SeedDelegation,
  cooperationAreas: SeedCooperationArea,
  positions: SeedPosition,
  commitments: SeedCommitment,
  flightRoutes: SeedFlightRoute,
  awards: SeedAward,
  awardConferrals: SeedAwardConferral,
  sharedValues: SeedSharedValue,
  statements: SeedStatement,
} as const;

/** The collections of a seed file, in load order (referenced kinds before referring kinds). */
export const SEED_COLLECTIONS = [
  "sources",
  "countries",
  "cities",
  "leaders",
  "companies",
  "meetings",
  "delegations",
  "cooperationAreas",
  "positions",
  "commitments",
  "flightRoutes",
  "awards",
  "awardConferrals",
  "sharedValues",
  "statements",
] as const satisfies readonly (keyof typeof SEED_RECORD_TYPES)[];
export type SeedCollection = (typeof SEED_COLLECTIONS)[number];
