import { FieldResolver, Resolver, Root } from "type-graphql";

import type { MoneyRecord } from "../../domain/records";
import { Money } from "./money.type";

@Resolver(_of => Money)
export class MoneyResolver {
  /**
   * One formatter per currency, made on first use: building an Intl.NumberFormat costs far more than
   * formatting with it. Keyed by the currencies of the data (ISO 4217 codes), never by client input.
   */
  private readonly formatters = new Map<string, Intl.NumberFormat>();

  @FieldResolver(_returns => String, {
    description: 'The amount written for people in US English, e.g. "$500,000,000.00".',
  })
  formatted(@Root() money: MoneyRecord): string {
    let formatter = this.formatters.get(money.currency);
    if (!formatter) {
      formatter = new Intl.NumberFormat("en-US", { style: "currency", currency: money.currency });
      this.formatters.set(money.currency, formatter);
    }
    return formatter.format(money.amount);
  }
}
