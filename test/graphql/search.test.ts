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

const NUCLEAR_AREA = "Cooperation in the nuclear sector between Kazatomprom and JUMCO.";
const JUMCO_PARTICIPATES = "JUMCO is the Jordanian party to the nuclear-sector cooperation with Kazatomprom.";
const KAZATOMPROM_PARTICIPATES = "Kazatomprom is the Kazakh party to the nuclear-sector cooperation with JUMCO.";
const TOKAYEV_SUPPORTED =
  "President Tokayev expressed support for cooperation between Kazatomprom and JUMCO in the nuclear sector.";

describe("search", () => {
  it('ranks the company first for "JUMCO", matched on its alias, then what mentions it', async () => {
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
              hit(1, 4.5, "description", NUCLEAR_AREA, "CooperationArea", "area:nuclear"),
              hit(2, 4.5, "summary", JUMCO_PARTICIPATES, "Position", "position:jumco-participates-nuclear"),
              hit(3, 4.5, "summary", KAZATOMPROM_PARTICIPATES, "Position", "position:kazatomprom-participates-nuclear"),
              hit(4, 4.5, "summary", TOKAYEV_SUPPORTED, "Position", "position:tokayev-supported-nuclear"),
            ],
          },
        },
      },
    });
  });

  it('finds the Order of Al-Nahda for "order nahda", then Tokayev\'s gratitude for it', async () => {
    const result = await h.run(SEARCH, { text: "order nahda" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              hit(0, 20, "name", "Order of Al-Nahda", "Award", "award:order-of-al-nahda"),
              hit(
                1,
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
              hit(1, 4.5, "description", NUCLEAR_AREA, "CooperationArea", "area:nuclear"),
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
          totalCount: 3,
          pageInfo: onePage(3),
          edges: [
            hit(0, 30, "name", "Almaty", "City", "city:almaty"),
            hit(
              1,
              4.5,
              "description",
              "Air links between Kazakhstan and Jordan, including direct flights between Amman and Almaty.",
              "CooperationArea",
              "area:aviation",
            ),
            hit(
              2,
              4.5,
              "summary",
              "Royal Jordanian Airlines plans to launch direct flights between Amman and Almaty next year.",
              "Position",
              "position:royal-jordanian-planned-aviation",
            ),
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

  it("requires every word to match: only one object names both Royal Jordanian and Almaty", async () => {
    const result = await h.run(SEARCH, { text: "royal almaty" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 1,
            pageInfo: onePage(1),
            edges: [
              hit(
                0,
                6,
                "summary",
                "Royal Jordanian Airlines plans to launch direct flights between Amman and Almaty next year.",
                "Position",
                "position:royal-jordanian-planned-aviation",
              ),
            ],
          },
        },
      },
    });
  });

  it("matches a whole name above a mention", async () => {
    const result = await h.run(SEARCH, { text: "Halal industry" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          search: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              hit(0, 40, "name", "Halal industry", "CooperationArea", "area:halal-industry"),
              hit(
                1,
                7.5,
                "summary",
                "The Jordanian side proposed cooperation in the halal industry.",
                "Position",
                "position:jordan-proposed-halal-industry",
              ),
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
              hit(1, 4.5, "description", NUCLEAR_AREA, "CooperationArea", "area:nuclear"),
              hit(2, 4.5, "summary", JUMCO_PARTICIPATES, "Position", "position:jumco-participates-nuclear"),
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
              hit(1, 4.5, "description", NUCLEAR_AREA, "CooperationArea", "area:nuclear"),
              hit(2, 4.5, "summary", JUMCO_PARTICIPATES, "Position", "position:jumco-participates-nuclear"),
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
