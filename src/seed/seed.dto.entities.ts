/**
 * The seed DTOs of the records that stand on their own: sources, countries, cities, leaders,
 * companies, delegations, cooperation areas, awards and shared values.
 */
import {
  ArrayNotEmpty,
  IsArray,
  IsEnum,
  IsIn,
  IsISO31661Alpha2,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  type ValidationArguments,
} from "class-validator";

import { AreaCategory, CompanySector, SourceKind } from "../domain/enums";
import { Cited, IsId, IsIsoDate, IsRef, Named } from "./seed.dto.common";

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

export class SeedAward extends Named {
  @IsId("award")
  id!: string;

  @IsRef()
  country!: string;

  @IsString()
  @IsNotEmpty()
  description!: string;
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
