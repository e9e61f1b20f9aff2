import {
  CURSOR,
  EMPTY_PAGE_INFO,
  S_CONTINUATION,
  S_GRATITUDE,
  S_NUCLEAR,
  S_OPENING,
  S_READINESS,
  S_RESPONSE,
  S_TIES,
  onePage,
  talks,
} from "../support/article";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const STATEMENT = /* GraphQL */ `
  query Statement($id: ID!) {
    statement(id: $id) {
      __typename
      id
      kind
      summary
      speakers {
        name
      }
      meeting {
        id
      }
      citations {
        quote
        start
        end
        sentence
        source {
          id
        }
      }
    }
  }
`;

describe("statement(id:)", () => {
  it("returns the leaders' joint reaffirmation, with both speakers", async () => {
    const result = await h.run(STATEMENT, { id: "statement:leaders-reaffirm-deepening-relations" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          statement: {
            __typename: "Statement",
            id: "statement:leaders-reaffirm-deepening-relations",
            kind: "REAFFIRMATION",
            summary:
              "Both leaders reaffirmed their commitment to deepening bilateral relations and expanding cooperation.",
            speakers: [{ name: "Kassym-Jomart Tokayev" }, { name: "Abdullah II ibn Al Hussein" }],
            meeting: { id: "meeting:2025-08-27-astana" },
            citations: [
              talks(
                "reaffirming their commitment to deepening bilateral relations and expanding cooperation",
                163,
                250,
                S_OPENING,
              ),
            ],
          },
        },
      },
    });
  });

  it("returns King Abdullah II's reaffirmation of Jordan’s readiness (a quote with a typographic apostrophe)", async () => {
    const result = await h.run(STATEMENT, { id: "statement:abdullah-ii-readiness-to-strengthen-cooperation" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          statement: {
            __typename: "Statement",
            id: "statement:abdullah-ii-readiness-to-strengthen-cooperation",
            kind: "REAFFIRMATION",
            summary: "King Abdullah II reaffirmed Jordan's readiness to strengthen cooperation across various sectors.",
            speakers: [{ name: "Abdullah II ibn Al Hussein" }],
            meeting: { id: "meeting:2025-08-27-astana" },
            citations: [
              talks(
                "He reaffirmed Jordan’s readiness to strengthen cooperation across various sectors",
                771,
                852,
                S_READINESS,
              ),
            ],
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(STATEMENT, { id: "statement:nothing-said" });
    expect(result).toEqual({ status: 200, body: { data: { statement: null } } });
  });
});

describe("statements", () => {
  it("lists the nine statements in id order, with what each cites", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query AllStatements($orderBy: IdOrder) {
          statements(orderBy: $orderBy) {
            totalCount
            nodes {
              id
              kind
              summary
              speakers {
                id
              }
              citations {
                quote
                start
                end
                sentence
                source {
                  id
                }
              }
            }
          }
        }
      `,
      { orderBy: { field: "ID", direction: "ASC" } },
    );
    const TOKAYEV = { id: "leader:kassym-jomart-tokayev" };
    const ABDULLAH = { id: "leader:abdullah-ii" };
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          statements: {
            totalCount: 9,
            nodes: [
              {
                id: "statement:abdullah-ii-bonds-of-friendship",
                kind: "EMPHASIS",
                summary: "King Abdullah II highlighted the strong bonds of friendship between Jordan and Kazakhstan.",
                speakers: [ABDULLAH],
                citations: [
                  talks("highlighted the strong bonds of friendship between the two countries", 857, 925, S_READINESS),
                ],
              },
              {
                id: "statement:abdullah-ii-readiness-to-strengthen-cooperation",
                kind: "REAFFIRMATION",
                summary:
                  "King Abdullah II reaffirmed Jordan's readiness to strengthen cooperation across various sectors.",
                speakers: [ABDULLAH],
                citations: [
                  talks(
                    "He reaffirmed Jordan’s readiness to strengthen cooperation across various sectors",
                    771,
                    852,
                    S_READINESS,
                  ),
                ],
              },
              {
                id: "statement:abdullah-ii-visit-continues-amman-talks",
                kind: "EMPHASIS",
                summary:
                  "King Abdullah II emphasized the significance of the visit as a continuation of his earlier discussions with President Tokayev in Amman.",
                speakers: [ABDULLAH],
                citations: [
                  talks(
                    "King Abdullah II emphasized the significance of the visit as a continuation of his earlier discussions with President Tokayev in Amman",
                    635,
                    769,
                    S_CONTINUATION,
                  ),
                ],
              },
              {
                id: "statement:leaders-reaffirm-deepening-relations",
                kind: "REAFFIRMATION",
                summary:
                  "Both leaders reaffirmed their commitment to deepening bilateral relations and expanding cooperation.",
                speakers: [TOKAYEV, ABDULLAH],
                citations: [
                  talks(
                    "reaffirming their commitment to deepening bilateral relations and expanding cooperation",
                    163,
                    250,
                    S_OPENING,
                  ),
                ],
              },
              {
                id: "statement:tokayev-effective-development-of-relations",
                kind: "ASSESSMENT",
                summary: "President Tokayev highlighted the effective development of Kazakh-Jordanian relations.",
                speakers: [TOKAYEV],
                citations: [
                  talks("highlighted the effective development of Kazakh-Jordanian relations", 384, 451, S_GRATITUDE),
                ],
              },
              {
                id: "statement:tokayev-gratitude-for-award",
                kind: "GRATITUDE",
                summary:
                  "President Tokayev expressed deep gratitude for the Order of Al-Nahda, calling it a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership.",
                speakers: [TOKAYEV],
                citations: [
                  talks(
                    "President Tokayev expressed deep gratitude, calling the award a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership",
                    2272,
                    2451,
                    S_RESPONSE,
                  ),
                ],
              },
              {
                id: "statement:tokayev-gratitude-for-visit",
                kind: "GRATITUDE",
                summary: "President Tokayev thanked King Abdullah II for accepting the invitation to visit Kazakhstan.",
                speakers: [TOKAYEV],
                citations: [
                  talks(
                    "President Tokayev expressed gratitude to King Abdullah II for accepting the invitation to visit Kazakhstan",
                    273,
                    379,
                    S_GRATITUDE,
                  ),
                ],
              },
              {
                id: "statement:tokayev-invites-jordan-transport-connectivity",
                kind: "INVITATION",
                summary:
                  "President Tokayev invited Jordan to explore opportunities in transport and logistics connectivity between Central Asia and the Middle East.",
                speakers: [TOKAYEV],
                citations: [
                  talks(
                    "invited Jordan to explore opportunities in transport and logistics connectivity between Central Asia and the Middle East",
                    1377,
                    1497,
                    S_NUCLEAR,
                  ),
                ],
              },
              {
                id: "statement:tokayev-political-economic-humanitarian-ties",
                kind: "EMPHASIS",
                summary:
                  "President Tokayev underscored the importance of enhancing political, economic and humanitarian ties.",
                speakers: [TOKAYEV],
                citations: [
                  talks(
                    "He underscored the importance of enhancing political, economic, and humanitarian ties",
                    453,
                    538,
                    S_TIES,
                  ),
                ],
              },
            ],
          },
        },
      },
    });
  });
});

const STATEMENTS = /* GraphQL */ `
  query Statements($filter: StatementFilter, $orderBy: IdOrder) {
    statements(filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
        node {
          id
        }
      }
    }
  }
`;

/** The expected page of a filtered list that fits on one page: its ids, in order. */
const page = (...ids: string[]) => ({
  status: 200,
  body: {
    data: {
      statements: {
        totalCount: ids.length,
        pageInfo: ids.length === 0 ? EMPTY_PAGE_INFO : onePage(ids.length),
        edges: ids.map((id, i) => ({ cursor: CURSOR[i], node: { id } })),
      },
    },
  },
});

describe("statements filters", () => {
  it("filters by kind", async () => {
    expect(await h.run(STATEMENTS, { filter: { kind: "EMPHASIS" } })).toEqual(
      page(
        "statement:abdullah-ii-bonds-of-friendship",
        "statement:abdullah-ii-visit-continues-amman-talks",
        "statement:tokayev-political-economic-humanitarian-ties",
      ),
    );
    expect(await h.run(STATEMENTS, { filter: { kind: "INVITATION" } })).toEqual(
      page("statement:tokayev-invites-jordan-transport-connectivity"),
    );
    expect(await h.run(STATEMENTS, { filter: { kind: "EXPECTATION" } })).toEqual(page());
  });

  it("filters by speaker: the joint statement counts for each leader", async () => {
    expect(await h.run(STATEMENTS, { filter: { speaker: "leader:abdullah-ii" } })).toEqual(
      page(
        "statement:abdullah-ii-bonds-of-friendship",
        "statement:abdullah-ii-readiness-to-strengthen-cooperation",
        "statement:abdullah-ii-visit-continues-amman-talks",
        "statement:leaders-reaffirm-deepening-relations",
      ),
    );
  });

  it("filters by speaker and kind", async () => {
    expect(
      await h.run(STATEMENTS, { filter: { speaker: "leader:kassym-jomart-tokayev", kind: "REAFFIRMATION" } }),
    ).toEqual(page("statement:leaders-reaffirm-deepening-relations"));
  });

  it("filters by meeting", async () => {
    expect(await h.run(STATEMENTS, { filter: { meeting: "meeting:amman-earlier-talks" } })).toEqual(page());
  });

  it("filters by a pair of countries", async () => {
    expect(await h.run(STATEMENTS, { filter: { between: ["KZ", "FR"] } })).toEqual(page());
  });

  it("orders by id descending", async () => {
    const result = await h.run(STATEMENTS, {
      filter: { kind: "GRATITUDE" },
      orderBy: { field: "ID", direction: "DESC" },
    });
    expect(result).toEqual(page("statement:tokayev-gratitude-for-visit", "statement:tokayev-gratitude-for-award"));
  });
});
