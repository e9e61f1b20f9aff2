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

/** `prefix:slug`, lower-case slug of letters, digits and dashes (country ids use the ISO code). */
const idPattern = (prefix: string): RegExp => new RegExp(`^${prefix}:[A-Za-z0-9][A-Za-z0-9-]*$`);
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class SeedCitation {
  @Matches(idPattern("source"))
  source!: string;

  @IsInt()
  @Min(0)
  start!: number;

  @IsInt()
  @Min(1)
  end!: number;

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
  @Matches(idPattern("source"))
  id!: string;

  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsEnum(SourceKind)
  kind!: SourceKind;

  /** Path of the text file, relative to the seed folder. */
  @Matches(/^[A-Za-z0-9_./-]+\.txt$/)
  file!: string;

  @Matches(ISO_DATE)
  publishedOn!: string;

  @IsOptional()
  @Matches(idPattern("city"))
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
  @Matches(/^country:[A-Z]{2}$/)
  id!: string;

  @IsISO31661Alpha2()
  code!: string;

  @IsString()
  @IsNotEmpty()
  officialName!: string;

  @Matches(idPattern("city"))
  capital!: string;

  @IsString()
  @IsNotEmpty()
  region!: string;

  @IsString()
  @IsNotEmpty()
  demonym!: string;
}

export class SeedCity extends Named {
  @Matches(idPattern("city"))
  id!: string;

  @Matches(/^country:[A-Z]{2}$/)
  country!: string;
}

export class SeedLeader extends Named {
  @Matches(idPattern("leader"))
  id!: string;

  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsString()
  @IsNotEmpty()
  office!: string;

  @Matches(/^country:[A-Z]{2}$/)
  country!: string;
}

export class SeedCompany extends Named {
  @Matches(idPattern("company"))
  id!: string;

  @Matches(/^country:[A-Z]{2}$/)
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
  @Matches(idPattern("meeting"))
  id!: string;

  @IsString()
  @IsNotEmpty()
  title!: string;

  @IsString()
  @IsNotEmpty()
  description!: string;

  /** ISO date, or null where the source does not date the meeting. */
  @IsOptional()
  @Matches(ISO_DATE)
  date?: string | null;

  @Matches(idPattern("city"))
  city!: string;

  @Matches(/^country:[A-Z]{2}$/)
  hostCountry!: string;

  @IsArray()
  @ArrayNotEmpty()
  @Matches(idPattern("leader"), { each: true })
  participants!: string[];

  @IsOptional()
  @Matches(idPattern("leader"))
  invitedBy?: string | null;

  @IsOptional()
  @Matches(idPattern("meeting"))
  continues?: string | null;

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedMeetingFormat)
  formats!: SeedMeetingFormat[];
}

export class SeedDelegation extends Cited {
  @Matches(idPattern("delegation"))
  id!: string;

  @IsString()
  @IsNotEmpty()
  name!: string;

  @Matches(/^country:[A-Z]{2}$/)
  country!: string;

  @Matches(idPattern("meeting"))
  meeting!: string;
}

export class SeedCooperationArea extends Named {
  @Matches(idPattern("area"))
  id!: string;

  @IsEnum(AreaCategory)
  category!: AreaCategory;

  @IsString()
  @IsNotEmpty()
  description!: string;

  @IsArray()
  @Matches(idPattern("company"), { each: true })
  companies!: string[];
}

export class SeedPosition extends Cited {
  @Matches(idPattern("position"))
  id!: string;

  @Matches(idPattern("area"))
  area!: string;

  /** A country, leader, company or delegation. */
  @Matches(/^(country|leader|company|delegation):[A-Za-z0-9][A-Za-z0-9-]*$/)
  actor!: string;

  @IsEnum(Stance)
  stance!: Stance;

  @Matches(idPattern("meeting"))
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
  @Matches(idPattern("commitment"))
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
  @Matches(/^country:[A-Z]{2}$/, { each: true })
  parties!: string[];

  @IsOptional()
  @Matches(/^country:[A-Z]{2}$/)
  beneficiary?: string | null;

  @Matches(idPattern("area"))
  area!: string;

  @Matches(idPattern("meeting"))
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
  @Matches(idPattern("route"))
  id!: string;

  @Matches(idPattern("company"))
  operator!: string;

  @Matches(idPattern("city"))
  origin!: string;

  @Matches(idPattern("city"))
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

  @Matches(idPattern("area"))
  area!: string;

  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  expectedBenefits!: string[];
}

export class SeedAward extends Named {
  @Matches(idPattern("award"))
  id!: string;

  @Matches(/^country:[A-Z]{2}$/)
  country!: string;

  @IsString()
  @IsNotEmpty()
  description!: string;
}

export class SeedAwardConferral extends Cited {
  @Matches(idPattern("conferral"))
  id!: string;

  @Matches(idPattern("award"))
  award!: string;

  @Matches(idPattern("leader"))
  conferredBy!: string;

  @Matches(idPattern("leader"))
  recipient!: string;

  @Matches(ISO_DATE)
  date!: string;

  @Matches(idPattern("city"))
  city!: string;

  @IsOptional()
  @Matches(idPattern("meeting"))
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
  @Matches(idPattern("value"))
  id!: string;

  @IsArray()
  @ArrayNotEmpty()
  @Matches(/^country:[A-Z]{2}$/, { each: true })
  countries!: string[];

  @Matches(idPattern("leader"))
  notedBy!: string;

  @Matches(idPattern("meeting"))
  meeting!: string;
}

export class SeedStatement extends Cited {
  @Matches(idPattern("statement"))
  id!: string;

  @IsArray()
  @ArrayNotEmpty()
  @Matches(idPattern("leader"), { each: true })
  speakers!: string[];

  @Matches(idPattern("meeting"))
  meeting!: string;

  @IsEnum(StatementKind)
  kind!: StatementKind;

  @IsString()
  @IsNotEmpty()
  summary!: string;
}

/** One seed file. Every list is optional, so a file may add just a few records. */
export class SeedFile {
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SeedSource) sources?: SeedSource[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SeedCountry) countries?: SeedCountry[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SeedCity) cities?: SeedCity[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SeedLeader) leaders?: SeedLeader[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SeedCompany) companies?: SeedCompany[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SeedMeeting) meetings?: SeedMeeting[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SeedDelegation) delegations?: SeedDelegation[];
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedCooperationArea)
  cooperationAreas?: SeedCooperationArea[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SeedPosition) positions?: SeedPosition[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SeedCommitment) commitments?: SeedCommitment[];
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedFlightRoute)
  flightRoutes?: SeedFlightRoute[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SeedAward) awards?: SeedAward[];
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedAwardConferral)
  awardConferrals?: SeedAwardConferral[];
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => SeedSharedValue)
  sharedValues?: SeedSharedValue[];
  @IsOptional() @IsArray() @ValidateNested({ each: true }) @Type(() => SeedStatement) statements?: SeedStatement[];
}

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
] as const satisfies readonly (keyof SeedFile)[];
export type SeedCollection = (typeof SEED_COLLECTIONS)[number];
