import { IsEnum, IsOptional, IsString, Matches, MaxLength } from "class-validator";
import { ArgsType, Field } from "type-graphql";

import { ConnectionArgs } from "../base/connection.args";
import { SearchType } from "./search.type";

/** The longest search text accepted. */
export const MAX_SEARCH_LENGTH = 200;

@ArgsType()
export class SearchArgs extends ConnectionArgs {
  @Field(_type => String, {
    description: `What to look for: at most ${MAX_SEARCH_LENGTH} characters, with at least one letter or digit. Every word must match the start of a word in a name, alias, code or description; case and accents are ignored.`,
  })
  @IsString()
  @MaxLength(MAX_SEARCH_LENGTH, { message: `text must be at most ${MAX_SEARCH_LENGTH} characters` })
  @Matches(/[\p{L}\p{N}]/u, { message: "text must contain at least one letter or digit" })
  text!: string;

  @Field(_type => [SearchType], {
    nullable: true,
    description: "Only return objects of these types; all types when omitted or empty.",
  })
  @IsOptional()
  @IsEnum(SearchType, { each: true })
  types?: SearchType[] | null;
}
