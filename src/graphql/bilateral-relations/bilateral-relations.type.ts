import { Field, ObjectType } from "type-graphql";

import type { CountryRecord } from "../../domain/records";
import { Country } from "../country/country.type";

/** The two countries, as resolved from the codes asked for. */
export interface BilateralRelationsValue {
  readonly countries: readonly [CountryRecord, CountryRecord];
}

@ObjectType("BilateralRelations", {
  description:
    "The state of relations between two countries in one object: their meetings, the leaders who met, the areas of cooperation discussed and who proposed what, commitments with their figures, awards exchanged, shared values, flight routes and statements. Every item carries its citations.",
})
export class BilateralRelations {
  @Field(_type => [Country], { description: "The two countries, in the order asked." })
  countries!: Country[];
}
