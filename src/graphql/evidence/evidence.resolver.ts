/**
 * `evidence(fields:)` on every entity type and on `MeetingSession`: the claims of the object's fact
 * fields (src/domain/facts.ts), built from the record's compact evidence (src/domain/evidence.ts),
 * which the loader checked (seed.evidence.ts).
 * Each type gets its own enum of fact fields (`MeetingFact`: `DATE`, `INVITED_BY`, …), so an
 * argument naming a field that has no evidence is refused by validation, and typed clients see the
 * names.
 */
import { Arg, type ClassType, FieldResolver, registerEnumType, Resolver, Root } from "type-graphql";

import { FACT_FIELDS, SESSION_FACT_FIELDS } from "../../domain/facts";
import { type ClaimRecord, claimsOf } from "../../domain/evidence";
import { NODE_TYPENAMES, type Evidenced, type NodeTypename } from "../../domain/records";
import { ENTITY_TYPES } from "../entity-types";
import { MeetingSession } from "../meeting/meeting.type";
import { Claim } from "./evidence.type";

/** `invitedBy` → `INVITED_BY`. */
export const factValueName = (field: string): string => field.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toUpperCase();

function evidenceResolver(typeName: string, objectType: ClassType, facts: readonly string[]): ClassType {
  const values = Object.fromEntries(facts.map(field => [factValueName(field), field]));
  registerEnumType(values, {
    name: `${typeName}Fact`,
    description: `The fields of ${typeName} that carry evidence (see \`${typeName}.evidence\`).`,
    valuesConfig: Object.fromEntries(
      facts.map(field => [factValueName(field), { description: `The field \`${typeName}.${field}\`.` }]),
    ),
  });

  @Resolver(_of => objectType)
  class EvidenceResolver {
    @FieldResolver(_returns => [Claim], {
      description: `What supports each field of this ${typeName} that has a value: one claim per field, in the order of \`${typeName}Fact\`. A field that is null or an empty list has no claim.`,
    })
    evidence(
      @Root() record: Evidenced,
      @Arg("fields", _type => [values], {
        nullable: true,
        description: "Only the claims of these fields; every field's when omitted or null.",
      })
      fields?: string[] | null,
    ): readonly ClaimRecord[] {
      return claimsOf(record, facts, fields);
    }
  }
  Object.defineProperty(EvidenceResolver, "name", { value: `${typeName}EvidenceResolver` });
  return EvidenceResolver;
}

/** One evidence resolver per entity type, by typename, and one for meeting sessions. */
export const EVIDENCE_RESOLVERS: readonly ClassType[] = [
  ...NODE_TYPENAMES.map((typename: NodeTypename) =>
    evidenceResolver(typename, ENTITY_TYPES[typename], FACT_FIELDS[typename]),
  ),
  evidenceResolver("MeetingSession", MeetingSession, SESSION_FACT_FIELDS),
];
