import { Field, ObjectType } from "type-graphql";

import { NonNegativeInt } from "./scalars";

@ObjectType("Citation", {
  description:
    "Where a fact is stated: an exact quote of a source with its character offsets. `source.text` sliced from `start` to `end` (in Unicode code points) equals `quote`.",
})
export class Citation {
  @Field(_type => String, { description: "The exact quoted span of the source text." })
  quote!: string;

  @Field(_type => NonNegativeInt, {
    description: "Offset of the quote's first character in the source text, in Unicode code points.",
  })
  start!: number;

  @Field(_type => NonNegativeInt, {
    description: "Offset just past the quote's last character, in Unicode code points.",
  })
  end!: number;

  @Field(_type => String, { description: "The whole sentence of the source that contains the quote." })
  sentence!: string;
}
