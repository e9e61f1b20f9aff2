/**
 * The sentences of the two seed sources, copied literally from seed/sources/*.txt, and the opaque
 * cursors the service issues (graphql-relay offset cursors, "arrayconnection:<n>" in base64), so
 * that tests can write their expected responses out in full without repeating long strings.
 */

export const TALKS = "source:kazakhstan-jordan-talks-2025-08-27";
export const REFERENCE = "source:reference-facts";

/** The sentences of "Kazakhstan, Jordan leaders hold talks in Astana", in order. */
export const S_OPENING =
  "date 2025-08-27 ASTANA — President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks on Aug. 27 in the Kazakh capital, reaffirming their commitment to deepening bilateral relations and expanding cooperation.";
export const S_GRATITUDE =
  "During the meeting, President Tokayev expressed gratitude to King Abdullah II for accepting the invitation to visit Kazakhstan and highlighted the effective development of Kazakh-Jordanian relations.";
export const S_TIES =
  "He underscored the importance of enhancing political, economic, and humanitarian ties, noting common values of tolerance and mutual respect shared by both nations, reported Akorda.";
export const S_CONTINUATION =
  "King Abdullah II emphasized the significance of the visit as a continuation of his earlier discussions with President Tokayev in Amman.";
export const S_READINESS =
  "He reaffirmed Jordan’s readiness to strengthen cooperation across various sectors and highlighted the strong bonds of friendship between the two countries.";
export const S_EXPANDED = "The talks continued in an expanded format with the participation of official delegations.";
export const S_TRADE =
  "The officials confirmed their intention to increase bilateral trade turnover to $500 million, with Kazakhstan offering 60 types of non-resource goods worth $250 million for export to the Jordanian market.";
export const S_NUCLEAR =
  "President Tokayev also expressed support for cooperation between Kazatomprom and the Jordanian Uranium Mining Company (JUMCO) in the nuclear sector, and invited Jordan to explore opportunities in transport and logistics connectivity between Central Asia and the Middle East.";
export const S_POTENTIAL =
  "Both leaders noted the substantial potential for partnership in agriculture, tourism, and digitalization, while the Jordanian side proposed cooperation in medicine, pharmaceuticals, halal industry, and defense manufacturing.";
export const S_FLIGHTS =
  "Royal Jordanian Airlines plans to launch direct flights between Amman and Almaty next year, which is expected to boost business and people-to-people exchanges.";
export const S_ACADEMIC =
  "The officials also expressed interest in expanding cultural and academic cooperation, including joint research projects and university partnerships.";
export const S_AWARD =
  "King Abdullah II of Jordan presented President Tokayev with the Kingdom’s highest state award, the Order of Al-Nahda, recognizing his significant contribution to strengthening friendship and cooperation between Jordan and Kazakhstan.";
export const S_RESPONSE =
  "President Tokayev expressed deep gratitude, calling the award a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership.";

/** The whole text of the news report: a leading space, then paragraphs separated by blank lines. */
export const TALKS_TEXT =
  " " +
  S_OPENING +
  "\n\n" +
  S_GRATITUDE +
  " " +
  S_TIES +
  "\n\n" +
  S_CONTINUATION +
  " " +
  S_READINESS +
  "\n\n" +
  S_EXPANDED +
  " " +
  S_TRADE +
  "\n\n" +
  S_NUCLEAR +
  "\n\n" +
  S_POTENTIAL +
  "\n\n" +
  S_FLIGHTS +
  "\n\n" +
  S_ACADEMIC +
  "\n\n" +
  S_AWARD +
  "\n\n" +
  S_RESPONSE;

/** A citation of the news report. */
export const talks = (quote: string, start: number, end: number, sentence: string) => ({
  quote,
  start,
  end,
  sentence,
  source: { id: TALKS },
});

/** A citation of the reference facts: every quote there is a whole line, hence its own sentence. */
export const reference = (sentence: string, start: number, end: number) => ({
  quote: sentence,
  start,
  end,
  sentence,
  source: { id: REFERENCE },
});

/** graphql-relay's offset cursor, built here apart from the service's own `cursorOf`. */
const cursor = (offset: number): string => Buffer.from(`arrayconnection:${offset}`, "utf8").toString("base64");

/** The cursors of positions 0, 1, 2, … of a list. */
export const CURSOR = [
  cursor(0),
  cursor(1),
  cursor(2),
  cursor(3),
  cursor(4),
  cursor(5),
  cursor(6),
  cursor(7),
  cursor(8),
  cursor(9),
  cursor(10),
  cursor(11),
  cursor(12),
  cursor(13),
  cursor(14),
  cursor(15),
  cursor(16),
  cursor(17),
  cursor(18),
  cursor(19),
  cursor(20),
  cursor(21),
  cursor(22),
  cursor(23),
] as const;

/** The page info of a list that fits on one page of n items (n > 0). */
export const onePage = (n: number) => ({
  hasNextPage: false,
  hasPreviousPage: false,
  startCursor: CURSOR[0],
  endCursor: CURSOR[n - 1],
});

/** The page info of an empty page. */
export const EMPTY_PAGE_INFO = {
  hasNextPage: false,
  hasPreviousPage: false,
  startCursor: null,
  endCursor: null,
};
