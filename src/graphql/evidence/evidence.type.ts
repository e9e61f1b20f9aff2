import { Field, ObjectType, registerEnumType } from "type-graphql";

import { EvidenceMethod } from "../../domain/enums";
import { Citation } from "../base/citation.type";

registerEnumType(EvidenceMethod, {
  name: "EvidenceMethod",
  description: "How the value of a field was obtained from the sources.",
  valuesConfig: {
    STATED: { description: "A report says it: the claim's citations quote where." },
    INFERRED: {
      description:
        "Derived by this graph from what the cited quotes say, not said in so many words; the claim's `basis` says how.",
    },
    REFERENCE: {
      description:
        "Taken from reference data (codes, capitals, registries) only: every citation quotes a `REFERENCE` source.",
    },
  },
});

@ObjectType("Claim", {
  description:
    "What supports the value of one field of an object (a statement with its references, in Wikidata's terms): the citations backing that value, and whether the sources state it, it was inferred from them, or it comes from reference data.",
})
export class Claim {
  @Field(_type => String, {
    description: 'The name of the field the claim is about, as in the schema, e.g. "invitedBy".',
  })
  field!: string;

  @Field(_type => EvidenceMethod, { description: "How the value was obtained." })
  method!: EvidenceMethod;

  @Field(_type => String, {
    nullable: true,
    description: "For an `INFERRED` value, how it was derived, in words; null for a stated or reference value.",
  })
  basis!: string | null;

  @Field(_type => [Citation], {
    description:
      "The citations backing the value (for an inferred value, what it was inferred from): some of the object's own `citations`, in their order.",
  })
  citations!: Citation[];
}
