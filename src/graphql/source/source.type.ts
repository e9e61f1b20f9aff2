import { Directive, Field, ObjectType } from "type-graphql";

import { SourceKind } from "../../domain/enums";
import { Citation } from "../base/citation.type";
import { Connection } from "../base/connection.type";
import { Node } from "../base/node.interface";
import { LocalDate } from "../base/scalars";

@Directive('@key(fields: "id")')
@ObjectType("Source", {
  implements: Node,
  description: "A document the graph's facts are drawn from. Every citation quotes a span of a source's `text`.",
})
export class Source extends Node {
  @Field(_type => String, { description: "The document's title." })
  title!: string;

  @Field(_type => SourceKind, { description: "What kind of document it is." })
  kind!: SourceKind;

  @Field(_type => LocalDate, { description: "The date it was published." })
  publishedOn!: string;

  @Field(_type => String, {
    nullable: true,
    description:
      'Who the document attributes its account to (e.g. "Akorda", the Kazakh presidential press service); null when it names no one.',
  })
  reportedBy!: string | null;

  @Field(_type => String, { nullable: true, description: "Who published or compiled the document, when known." })
  publisher!: string | null;

  @Field(_type => String, { description: 'The language of the text, as a BCP 47 tag (e.g. "en").' })
  language!: string;

  @Field(_type => String, { description: "The full text. Citation offsets index into it, in Unicode code points." })
  text!: string;

  @Field(_type => [Citation], { description: "Where the source states its own metadata (date line, attribution)." })
  citations!: Citation[];
}

@ObjectType("SourceConnection", { description: "A page of sources." })
export class SourceConnection extends Connection("Source", Source, "sources") {}
