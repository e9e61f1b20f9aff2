import { ArrayMaxSize, IsString, MaxLength } from "class-validator";
import { ArgsType, Field, ID } from "type-graphql";

/** The largest number of ids `nodes` takes at once. */
export const MAX_NODE_IDS = 100;

@ArgsType()
export class NodesArgs {
  @Field(_type => [ID], { description: `The global ids (at most ${MAX_NODE_IDS}).` })
  @ArrayMaxSize(MAX_NODE_IDS, { message: `ids must hold at most ${MAX_NODE_IDS} ids` })
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  ids!: string[];
}
