/**
 * The graphql-scalars used by the schema, re-exported under one name each so that type files
 * read `_type => LocalDate` rather than the library's resolver names.
 */
export {
  CountryCodeResolver as CountryCode,
  CurrencyResolver as Currency,
  LocalDateResolver as LocalDate,
  NonNegativeIntResolver as NonNegativeInt,
  PositiveIntResolver as PositiveInt,
  SafeIntResolver as SafeInt,
} from "graphql-scalars";
