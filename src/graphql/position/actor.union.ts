import { createUnionType } from "type-graphql";

import type { ActorRecord } from "../../domain/records";
import { Company } from "../company/company.type";
import { Country } from "../country/country.type";
import { Delegation } from "../delegation/delegation.type";
import { Leader } from "../leader/leader.type";

export const Actor = createUnionType({
  name: "Actor",
  description:
    'Who can take a position on an area of cooperation: a country ("the Jordanian side"), a leader, a company or a delegation.',
  types: () => [Country, Leader, Company, Delegation] as const,
  resolveType: value => (value as unknown as ActorRecord).__typename,
});
