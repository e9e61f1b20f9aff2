import { Field, ObjectType } from "type-graphql";

import { Currency, NonNegativeInt, SafeInt } from "./scalars";

@ObjectType("Money", { description: "An amount of money in one currency." })
export class Money {
  @Field(_type => SafeInt, {
    description: "The amount in whole units of the currency (e.g. 500000000 for USD 500 million).",
  })
  amount!: number;

  @Field(_type => Currency, { description: "The ISO 4217 currency code, e.g. USD." })
  currency!: string;

  // `formatted` is resolved by MoneyResolver (money.resolver.ts).
}

@ObjectType("Quantity", { description: "A counted quantity with its unit." })
export class Quantity {
  @Field(_type => NonNegativeInt, { description: "How many." }) value!: number;

  @Field(_type => String, { description: 'Of what, e.g. "types of non-resource goods".' }) unit!: string;
}
