import { ArrayMaxSize, ArrayMinSize, Matches } from "class-validator";
import { ArgsType, Field } from "type-graphql";

import { CountryCode } from "../common/scalars";

@ArgsType()
export class BilateralRelationsArgs {
  @Field(_type => [CountryCode], { description: 'The two countries, by ISO 3166-1 alpha-2 code, e.g. ["KZ", "JO"].' })
  @ArrayMinSize(2, { message: "countries must name exactly two countries" })
  @ArrayMaxSize(2, { message: "countries must name exactly two countries" })
  @Matches(/^[A-Za-z]{2}$/, { each: true })
  countries!: [string, string];
}
