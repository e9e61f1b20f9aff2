import { Field, ObjectType } from "type-graphql";

import type { MoneyRecord } from "../../domain/records";
import { Currency, NonNegativeInt, SafeInt } from "./scalars";

@ObjectType("Money", { description: "An amount of money in one currency." })
export class Money {
  @Field(_type => SafeInt, {
    description: "The amount in whole units of the currency (e.g. 500000000 for USD 500 million).",
  })
  amount!: number;

  @Field(_type => Currency, { description: "The ISO 4217 currency code, e.g. USD." })
  currency!: string;

  @Field(_type => String, { description: 'The amount written for people in US English, e.g. "$500,000,000.00".' })
  formatted(): string {
    const self = this as unknown as MoneyRecord;
    return new Intl.NumberFormat("en-US", { style: "currency", currency: self.currency }).format(self.amount);
  }
}

@ObjectType("Quantity", { description: "A counted quantity with its unit." })
export class Quantity {
  @Field(_type => NonNegativeInt, { description: "How many." }) value!: number;

  @Field(_type => String, { description: 'Of what, e.g. "types of non-resource goods".' }) unit!: string;
}
