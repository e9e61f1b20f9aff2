import { CURSOR, EMPTY_PAGE_INFO, onePage } from "../support/article";
import { edgeCursorOf, endCursorOf } from "../support/cursors";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const SEARCH = /* GraphQL */ `
  query Search($text: String!, $types: [SearchType!], $first: Int, $after: String, $last: Int, $before: String) {
    search(text: $text, types: $types, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        score
        matchedField
        matchedText
        node {
          __typename
          ... on Node {
            id
          }
        }
      }
    }
  }
`;

const hit = (i: number, score: number, matchedField: string, matchedText: string, __typename: string, id: string) => ({
  cursor: CURSOR[i],
  score,
  matchedField,
  matchedText,
  node: { __typename, id },
});

const KAZATOMPROM_PARTICIPATES = "Kazatomprom is the Kazakh party to the nuclear-sector cooperation with JUMCO.";
const TOKAYEV_SUPPORTED =
  "President Tokayev expressed support for cooperation between Kazatomprom and JUMCO in the nuclear sector.";
const ROUTE = "route:royal-jordanian-amman-almaty";
const CONFERRAL = "conferral:order-of-al-nahda-tokayev-2025-08-27";
const AVIATION_AREA = "Air links between Kazakhstan and Jordan, including direct flights between Amman and Almaty.";
const ROYAL_JORDANIAN_PLANNED =
  "Royal Jordanian Airlines plans to launch direct flights between Amman and Almaty next year.";
const JORDAN_PROPOSED_QUOTE =
  "the Jordanian side proposed cooperation in medicine, pharmaceuticals, halal industry, and defense manufacturing";

describe("search", () => {
  it('ranks the company first for "JUMCO", matched on its alias, then what links to it, then what mentions it', async () => {
    const result = await h.run(SEARCH, { text: "JUMCO" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 5,
            pageInfo: onePage(5),
            edges: [
              hit(0, 27, "alias", "JUMCO", "Company", "company:jumco"),
              hit(1, 10.8, "actor", "JUMCO", "Position", "position:jumco-participates-nuclear"),
              hit(2, 6.6, "companies", "JUMCO", "CooperationArea", "area:nuclear"),
              hit(3, 4.5, "summary", KAZATOMPROM_PARTICIPATES, "Position", "position:kazatomprom-participates-nuclear"),
              hit(4, 4.5, "summary", TOKAYEV_SUPPORTED, "Position", "position:tokayev-supported-nuclear"),
            ],
          },
        },
      },
    });
  });

  it('finds the Order of Al-Nahda for "order nahda", then its conferral, then Tokayev\'s gratitude for it', async () => {
    const result = await h.run(SEARCH, { text: "order nahda" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 3,
            pageInfo: onePage(3),
            edges: [
              hit(0, 20, "name", "Order of Al-Nahda", "Award", "award:order-of-al-nahda"),
              hit(1, 8, "award", "Order of Al-Nahda", "AwardConferral", CONFERRAL),
              hit(
                2,
                6,
                "summary",
                "President Tokayev expressed deep gratitude for the Order of Al-Nahda, calling it a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership.",
                "Statement",
                "statement:tokayev-gratitude-for-award",
              ),
            ],
          },
        },
      },
    });
  });

  it('narrows "tokayev" to leaders', async () => {
    const result = await h.run(SEARCH, { text: "tokayev", types: ["LEADER"] });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 1,
            pageInfo: onePage(1),
            edges: [hit(0, 28, "alias", "Tokayev", "Leader", "leader:kassym-jomart-tokayev")],
          },
        },
      },
    });
  });

  it("narrows to several types at once", async () => {
    const result = await h.run(SEARCH, { text: "jumco", types: ["COMPANY", "COOPERATION_AREA"] });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              hit(0, 27, "alias", "JUMCO", "Company", "company:jumco"),
              hit(1, 6.6, "companies", "JUMCO", "CooperationArea", "area:nuclear"),
            ],
          },
        },
      },
    });
  });

  it("returns the exact empty connection when nothing matches", async () => {
    const result = await h.run(SEARCH, { text: "xyzzy" });
    expect(result).toEqual({
      status: 200,
      body: { data: { search: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
    });
  });

  it("refuses text with no word in it, rather than answering nothing", async () => {
    const result = await h.run(SEARCH, { text: "!!!" });
    expect(result).toEqual({
      status: 400,
      body: {
        data: null,
        errors: [
          {
            message: "Invalid argument: text must contain at least one letter or digit",
            locations: [{ line: 3, column: 5 }],
            path: ["search"],
            extensions: {
              code: "BAD_USER_INPUT",
              arguments: [{ argument: "text", messages: ["text must contain at least one letter or digit"] }],
            },
          },
        ],
      },
    });
  });

  const ALMATY = {
    status: 200,
    body: {
      data: {
        search: {
          totalCount: 5,
          pageInfo: onePage(5),
          edges: [
            hit(0, 30, "name", "Almaty", "City", "city:almaty"),
            hit(1, 12, "destination", "Almaty", "FlightRoute", ROUTE),
            hit(2, 4.5, "description", AVIATION_AREA, "CooperationArea", "area:aviation"),
            hit(3, 4.5, "summary", ROYAL_JORDANIAN_PLANNED, "Position", "position:royal-jordanian-planned-aviation"),
            // Amman is cited by the report's words "between Amman and Almaty".
            hit(4, 1.5, "quote", "between Amman and Almaty", "City", "city:amman"),
          ],
        },
      },
    },
  };

  it('ignores case: "ALMATY"', async () => {
    expect(await h.run(SEARCH, { text: "ALMATY" })).toEqual(ALMATY);
  });

  it('ignores accents: "Álmaty"', async () => {
    expect(await h.run(SEARCH, { text: "Álmaty" })).toEqual(ALMATY);
  });

  it('ignores accents and case together: "TOKÁYEV"', async () => {
    const result = await h.run(SEARCH, { text: "TOKÁYEV", types: ["LEADER"] });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 1,
            pageInfo: onePage(1),
            edges: [hit(0, 28, "alias", "Tokayev", "Leader", "leader:kassym-jomart-tokayev")],
          },
        },
      },
    });
  });

  it("requires every word to match, each in any field: the route by its operator and destination first", async () => {
    const result = await h.run(SEARCH, { text: "royal almaty" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 3,
            pageInfo: onePage(3),
            edges: [
              hit(0, 8, "operator", "Royal Jordanian Airlines", "FlightRoute", ROUTE),
              // "royal" in its actor's name, "almaty" in its summary.
              hit(1, 7, "actor", "Royal Jordanian Airlines", "Position", "position:royal-jordanian-planned-aviation"),
              // "royal" in one of its companies' names, "almaty" in its description.
              hit(2, 5, "description", AVIATION_AREA, "CooperationArea", "area:aviation"),
            ],
          },
        },
      },
    });
  });

  it("matches a whole name above a link to it, and that above a quote naming it among others", async () => {
    const result = await h.run(SEARCH, { text: "Halal industry", first: 3 });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 8,
            pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[2] },
            edges: [
              hit(0, 40, "name", "Halal industry", "CooperationArea", "area:halal-industry"),
              hit(1, 16, "area", "Halal industry", "Position", "position:jordan-proposed-halal-industry"),
              // One sentence lists the four areas Jordan proposed: each of them, and each position, quotes it.
              hit(2, 2.5, "quote", JORDAN_PROPOSED_QUOTE, "CooperationArea", "area:defense-manufacturing"),
            ],
          },
        },
      },
    });
  });

  it("matches a country code", async () => {
    const result = await h.run(SEARCH, { text: "KZ" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: { totalCount: 1, pageInfo: onePage(1), edges: [hit(0, 27, "code", "KZ", "Country", "country:KZ")] },
        },
      },
    });
  });

  it("matches the start of a word (prefix), above mentions of it", async () => {
    const result = await h.run(SEARCH, { text: "kazatom", types: ["COMPANY"] });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              hit(0, 12, "name", "Kazatomprom", "Company", "company:kazatomprom"),
              hit(
                1,
                3.6,
                "description",
                "Jordan's uranium mining company, named as Kazatomprom's counterpart in nuclear-sector cooperation.",
                "Company",
                "company:jumco",
              ),
            ],
          },
        },
      },
    });
  });

  it("answers `nodes` (the edges' nodes) beside edges that select no cursor, each key where the query puts it", async () => {
    const result = await h.run(/* GraphQL */ `
      {
        search(text: "JUMCO", first: 3) {
          nodes {
            __typename
            ... on Node {
              id
            }
          }
          edges {
            node {
              ... on Company {
                name
              }
            }
            matchedField
            score
          }
          totalCount
        }
      }
    `);
    const expected = {
      status: 200,
      body: {
        data: {
          search: {
            nodes: [
              { __typename: "Company", id: "company:jumco" },
              { __typename: "Position", id: "position:jumco-participates-nuclear" },
              { __typename: "CooperationArea", id: "area:nuclear" },
            ],
            edges: [
              { node: { name: "Jordanian Uranium Mining Company" }, matchedField: "alias", score: 27 },
              { node: {}, matchedField: "actor", score: 10.8 },
              { node: {}, matchedField: "companies", score: 6.6 },
            ],
            totalCount: 5,
          },
        },
      },
    };
    expect(result).toEqual(expected);
    // The same bytes: keys in the query's order, not the order of the values the resolvers return.
    expect(JSON.stringify(result)).toBe(JSON.stringify(expected));
  });

  it("pages forward through the matches", async () => {
    const first = await h.run(SEARCH, { text: "JUMCO", first: 1 });
    const result = await h.run(SEARCH, { text: "JUMCO", first: 2, after: endCursorOf(first, "search") });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 5,
            pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: CURSOR[1], endCursor: CURSOR[2] },
            edges: [
              hit(1, 10.8, "actor", "JUMCO", "Position", "position:jumco-participates-nuclear"),
              hit(2, 6.6, "companies", "JUMCO", "CooperationArea", "area:nuclear"),
            ],
          },
        },
      },
    });
  });

  it("pages backward through the matches", async () => {
    const all = await h.run(SEARCH, { text: "JUMCO" });
    const result = await h.run(SEARCH, { text: "JUMCO", last: 2, before: edgeCursorOf(all, 3, "search") });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 5,
            pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: CURSOR[1], endCursor: CURSOR[2] },
            edges: [
              hit(1, 10.8, "actor", "JUMCO", "Position", "position:jumco-participates-nuclear"),
              hit(2, 6.6, "companies", "JUMCO", "CooperationArea", "area:nuclear"),
            ],
          },
        },
      },
    });
  });

  it("resolves type-specific fields of a match through the SearchResult union", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query SearchCompany($text: String!, $types: [SearchType!]) {
          search(text: $text, types: $types) {
            edges {
              node {
                ... on Company {
                  name
                  aliases
                  country {
                    name
                  }
                }
              }
            }
          }
        }
      `,
      { text: "JUMCO", types: ["COMPANY"] },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            edges: [
              {
                node: {
                  name: "Jordanian Uranium Mining Company",
                  aliases: ["JUMCO"],
                  country: { name: "Jordan" },
                },
              },
            ],
          },
        },
      },
    });
  });
});

describe("search by what a record links to and by what its citations quote", () => {
  /** The whole response of a search for `text`: `totalCount` matches, the page `edges`, more after it or not. */
  const page = (totalCount: number, edges: ReturnType<typeof hit>[]) => ({
    status: 200,
    body: {
      data: {
        search: {
          totalCount,
          pageInfo: {
            hasNextPage: totalCount > edges.length,
            hasPreviousPage: false,
            startCursor: CURSOR[0],
            endCursor: CURSOR[edges.length - 1],
          },
          edges,
        },
      },
    },
  });

  it('finds the Amman–Almaty route by its origin city, "Amman", below the city and the talks held there', async () => {
    expect(await h.run(SEARCH, { text: "Amman", first: 4 })).toEqual(
      page(8, [
        hit(0, 30, "name", "Amman", "City", "city:amman"),
        hit(1, 18, "city", "Amman", "Meeting", "meeting:amman-earlier-talks"),
        hit(2, 12, "origin", "Amman", "FlightRoute", ROUTE),
        hit(3, 6, "capital", "Amman", "Country", "country:JO"),
      ]),
    );
  });

  it('finds the route by its operator, "Royal Jordanian" (an alias of the company)', async () => {
    expect(await h.run(SEARCH, { text: "Royal Jordanian" })).toEqual(
      page(4, [
        hit(0, 38, "alias", "Royal Jordanian", "Company", "company:royal-jordanian"),
        hit(1, 15.2, "actor", "Royal Jordanian", "Position", "position:royal-jordanian-planned-aviation"),
        hit(2, 15.2, "operator", "Royal Jordanian", "FlightRoute", ROUTE),
        hit(3, 7.6, "companies", "Royal Jordanian", "CooperationArea", "area:aviation"),
      ]),
    );
  });

  it('finds the route by the word for what it is, "route"', async () => {
    expect(await h.run(SEARCH, { text: "route" })).toEqual(
      page(1, [hit(0, 4.5, "type", "flight route", "FlightRoute", ROUTE)]),
    );
  });

  it('finds the conferral by its award, "Al-Nahda", below the award itself', async () => {
    expect(await h.run(SEARCH, { text: "Al-Nahda", first: 2 })).toEqual(
      page(3, [
        hit(0, 25, "name", "Order of Al-Nahda", "Award", "award:order-of-al-nahda"),
        hit(1, 10, "award", "Order of Al-Nahda", "AwardConferral", CONFERRAL),
      ]),
    );
  });

  it('finds the nuclear area and the positions whose citations quote "uranium"', async () => {
    const JUMCO_NAME = "Jordanian Uranium Mining Company";
    const NUCLEAR_QUOTE =
      "cooperation between Kazatomprom and the Jordanian Uranium Mining Company (JUMCO) in the nuclear sector";
    expect(await h.run(SEARCH, { text: "uranium" })).toEqual(
      page(6, [
        hit(0, 15, "name", JUMCO_NAME, "Company", "company:jumco"),
        hit(1, 6, "actor", JUMCO_NAME, "Position", "position:jumco-participates-nuclear"),
        hit(
          2,
          4.5,
          "description",
          "Kazakhstan's national atomic company and a uranium producer.",
          "Company",
          "company:kazatomprom",
        ),
        // Its companies outweigh its quote (which says "uranium" too).
        hit(3, 3, "companies", JUMCO_NAME, "CooperationArea", "area:nuclear"),
        hit(4, 1.5, "quote", NUCLEAR_QUOTE, "Position", "position:kazatomprom-participates-nuclear"),
        hit(
          5,
          1.5,
          "quote",
          `President Tokayev also expressed support for ${NUCLEAR_QUOTE}`,
          "Position",
          "position:tokayev-supported-nuclear",
        ),
      ]),
    );
  });

  it('ranks the country itself first for "Kazakhstan", above everything in it or of it', async () => {
    expect(await h.run(SEARCH, { text: "Kazakhstan", first: 3 })).toEqual(
      page(23, [
        hit(0, 30, "name", "Kazakhstan", "Country", "country:KZ"),
        hit(1, 18, "parties", "Kazakhstan", "Commitment", "commitment:kz-non-resource-exports-250m"),
        hit(2, 18, "country", "Kazakhstan", "Delegation", "delegation:kz-2025-08-27-astana"),
      ]),
    );
  });
});
