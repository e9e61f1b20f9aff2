/** Ordering inputs. Every ordering ends with the id as a tie-breaker, so pages never shuffle. */
import { IsEnum } from "class-validator";
import { Field, InputType, registerEnumType } from "type-graphql";

import { OrderDirection } from "../../repository/repository";

export enum NameOrderField {
  NAME = "NAME",
  ID = "ID",
}
registerEnumType(NameOrderField, {
  name: "NameOrderField",
  description: "Fields a named list can be ordered by.",
  valuesConfig: {
    NAME: { description: "By name (or title), case-insensitively." },
    ID: { description: "By id." },
  },
});

export enum DatedOrderField {
  DATE = "DATE",
  NAME = "NAME",
  ID = "ID",
}
registerEnumType(DatedOrderField, {
  name: "DatedOrderField",
  description: "Fields a dated list can be ordered by.",
  valuesConfig: {
    DATE: { description: "By date; undated items come last in either direction." },
    NAME: { description: "By name (or title), case-insensitively." },
    ID: { description: "By id." },
  },
});

export enum IdOrderField {
  ID = "ID",
}
registerEnumType(IdOrderField, {
  name: "IdOrderField",
  description: "Fields a list of unnamed items can be ordered by.",
  valuesConfig: { ID: { description: "By id." } },
});

/**
 * An ordering input: which field (of `fields`, `defaultField` when not given) and which direction
 * (ascending when not given).
 */
function OrderInput<F extends string>(name: string, fields: Record<string, F>, defaultField: F, description: string) {
  @InputType(name, { description })
  class Order {
    @Field(_type => fields, { description: "The field to order by.", defaultValue: defaultField })
    @IsEnum(fields)
    field!: F;

    @Field(_type => OrderDirection, { description: "The direction.", defaultValue: OrderDirection.ASC })
    @IsEnum(OrderDirection)
    direction!: OrderDirection;
  }
  return Order;
}

export const NameOrder = OrderInput(
  "NameOrder",
  NameOrderField,
  NameOrderField.NAME,
  "How to order a list of named items.",
);
export const DatedOrder = OrderInput(
  "DatedOrder",
  DatedOrderField,
  DatedOrderField.DATE,
  "How to order a list of dated items.",
);
export const IdOrder = OrderInput(
  "IdOrder",
  IdOrderField,
  IdOrderField.ID,
  "How to order a list of items that have no name or date.",
);
