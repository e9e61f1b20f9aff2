import { IsEnum, IsOptional, IsString, MaxLength, MinLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";

import { ConnectionArgs } from "../common/connection.args";
import { SearchType } from "./search.types";

/** The longest search text accepted. */
export const MAX_SEARCH_LENGTH = 200;

@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field(_type => String, {
    description: `What to look for (1 to ${MAX_SEARCH_LENGTH} characters). Every word must match the start of a word in a name, alias, code or description; case and accents are ignored.`,
  })
  @IsString()
  @MinLength(1, { message: "text must not be empty" })
  @MaxLength(MAX_SEARCH_LENGTH, { message: `text must be at most ${MAX_SEARCH_LENGTH} characters` })
  text!: string;

  @Field(_type => [SearchType], {
    nullable: true,
    description: "Only return objects of these types; all types when omitted or empty.",
  })
  @IsOptional()
  @IsEnum(SearchType, { each: true })
  types?: SearchType[] | null;
}
