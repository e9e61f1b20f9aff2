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

@InputType("NameOrder", { description: "How to order a list of named items." })
export class NameOrder {
  @Field(_type => NameOrderField, { description: "The field to order by.", defaultValue: NameOrderField.NAME })
  @IsEnum(NameOrderField)
  field!: NameOrderField;

  @Field(_type => OrderDirection, { description: "The direction.", defaultValue: OrderDirection.ASC })
  @IsEnum(OrderDirection)
  direction!: OrderDirection;
}

@InputType("DatedOrder", { description: "How to order a list of dated items." })
export class DatedOrder {
  @Field(_type => DatedOrderField, { description: "The field to order by.", defaultValue: DatedOrderField.DATE })
  @IsEnum(DatedOrderField)
  field!: DatedOrderField;

  @Field(_type => OrderDirection, { description: "The direction.", defaultValue: OrderDirection.ASC })
  @IsEnum(OrderDirection)
  direction!: OrderDirection;
}

@InputType("IdOrder", { description: "How to order a list of items that have no name or date." })
export class IdOrder {
  @Field(_type => IdOrderField, { description: "The field to order by.", defaultValue: IdOrderField.ID })
  @IsEnum(IdOrderField)
  field!: IdOrderField;

  @Field(_type => OrderDirection, { description: "The direction.", defaultValue: OrderDirection.ASC })
  @IsEnum(OrderDirection)
  direction!: OrderDirection;
}
