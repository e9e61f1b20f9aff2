import { ArrayMaxSize, ArrayMinSize, ArrayUnique } from "class-validator";
import { ArgsType, Field } from "type-graphql";

import { CountryCode } from "../base/scalars";

@ArgsType()
export class BilateralRelationsArgs {
  @Field(_type => [CountryCode], { description: 'The two countries, by ISO 3166-1 alpha-2 code, e.g. ["KZ", "JO"].' })
  @ArrayMinSize(2, { message: "countries must name exactly two countries" })
  @ArrayMaxSize(2, { message: "countries must name exactly two countries" })
  @ArrayUnique((code: string) => code.toUpperCase(), { message: "countries must name two different countries" })
  countries!: [string, string];
}
