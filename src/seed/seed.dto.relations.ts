/**
 * The seed DTOs of what happens between the records that stand on their own: meetings and their
 * formats, positions, commitments, flight routes, award conferrals and statements.
 */
import { Type } from "class-transformer";
import {
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsObject,
  IsString,
  Max,
  Min,
  ValidateNested,
} from "class-validator";

import { CommitmentKind, CommitmentStatus, MeetingFormat, RouteStatus, Stance, StatementKind } from "../domain/enums";
import { Cited, IsId, IsIsoDate, IsRef, SeedMoney, SeedQuantity } from "./seed.dto.common";

/**
 * A format of a meeting's talks, and what the report places in it: the leaders and delegations who
 * took part, and the positions, statements and commitments made there (each of the same meeting).
 */
export class SeedMeetingFormat extends Cited {
  @IsEnum(MeetingFormat)
  format!: MeetingFormat;

  @IsString()
  @IsNotEmpty()
  description!: string;

  @IsOptional()
  @IsArray()
  @IsRef({ each: true })
  participants?: string[];

  @IsOptional()
  @IsArray()
  @IsRef({ each: true })
  delegations?: string[];

  @IsOptional()
  @IsArray()
  @IsRef({ each: true })
  positions?: string[];

  @IsOptional()
  @IsArray()
  @IsRef({ each: true })
  statements?: string[];

  @IsOptional()
  @IsArray()
  @IsRef({ each: true })
  commitments?: string[];
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
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => SeedMeetingFormat)
  formats!: SeedMeetingFormat[];
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

  /** Who made the commitment, where the report says so: countries, leaders, companies or delegations. */
  @IsOptional()
  @IsArray()
  @IsRef({ each: true })
  madeBy?: string[];

  @IsRef()
  area!: string;

  @IsRef()
  meeting!: string;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SeedMoney)
  value?: SeedMoney | null;

  @IsOptional()
  @IsObject()
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

  @IsRef()
  area!: string;

  @IsArray()
  @IsString({ each: true })
  @IsNotEmpty({ each: true })
  expectedBenefits!: string[];
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
