import {
  CURSOR,
  EMPTY_PAGE_INFO,
  S_ACADEMIC,
  S_FLIGHTS,
  S_NUCLEAR,
  S_POTENTIAL,
  S_TIES,
  S_TRADE,
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

const TIES = talks(
  "He underscored the importance of enhancing political, economic, and humanitarian ties",
  453,
  538,
  S_TIES,
);
const POTENTIAL = talks(
  "Both leaders noted the substantial potential for partnership in agriculture, tourism, and digitalization",
  1500,
  1604,
  S_POTENTIAL,
);
const PROPOSED = talks(
  "the Jordanian side proposed cooperation in medicine, pharmaceuticals, halal industry, and defense manufacturing",
  1612,
  1723,
  S_POTENTIAL,
);
const CULTURAL_AND_ACADEMIC = talks(
  "The officials also expressed interest in expanding cultural and academic cooperation",
  1887,
  1971,
  S_ACADEMIC,
);

const AREA = /* GraphQL */ `
  query Area($id: ID!) {
    cooperationArea(id: $id) {
      __typename
      id
      name
      aliases
      category
      description
      citations {
        quote
        start
        end
        sentence
        source {
          id
        }
      }
      companies {
        totalCount
        nodes {
          name
        }
      }
      commitments {
        totalCount
        nodes {
          id
        }
      }
      flightRoutes {
        totalCount
        nodes {
          id
        }
      }
      positions {
        totalCount
        nodes {
          id
        }
      }
    }
  }
`;

describe("cooperationArea(id:)", () => {
  it("returns nuclear energy with its companies and positions", async () => {
    const result = await h.run(AREA, { id: "area:nuclear" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationArea: {
            __typename: "CooperationArea",
            id: "area:nuclear",
            name: "Nuclear energy",
            aliases: ["nuclear sector"],
            category: "ECONOMIC",
            description: "Cooperation in the nuclear sector between Kazatomprom and JUMCO.",
            citations: [
              talks(
                "cooperation between Kazatomprom and the Jordanian Uranium Mining Company (JUMCO) in the nuclear sector",
                1269,
                1371,
                S_NUCLEAR,
              ),
            ],
            companies: {
              totalCount: 2,
              nodes: [{ name: "Jordanian Uranium Mining Company" }, { name: "Kazatomprom" }],
            },
            commitments: { totalCount: 0, nodes: [] },
            flightRoutes: { totalCount: 0, nodes: [] },
            positions: {
              totalCount: 3,
              nodes: [
                { id: "position:jumco-participates-nuclear" },
                { id: "position:kazatomprom-participates-nuclear" },
                { id: "position:tokayev-supported-nuclear" },
              ],
            },
          },
        },
      },
    });
  });

  it("returns bilateral trade with its two commitments", async () => {
    const result = await h.run(AREA, { id: "area:trade" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationArea: {
            __typename: "CooperationArea",
            id: "area:trade",
            name: "Bilateral trade",
            aliases: ["bilateral trade turnover"],
            category: "ECONOMIC",
            description: "Bilateral trade turnover and Kazakh non-resource exports to the Jordanian market.",
            citations: [
              talks(
                "The officials confirmed their intention to increase bilateral trade turnover to $500 million",
                1018,
                1110,
                S_TRADE,
              ),
              talks(
                "Kazakhstan offering 60 types of non-resource goods worth $250 million for export to the Jordanian market",
                1117,
                1221,
                S_TRADE,
              ),
            ],
            companies: { totalCount: 0, nodes: [] },
            commitments: {
              totalCount: 2,
              nodes: [{ id: "commitment:trade-turnover-500m" }, { id: "commitment:kz-non-resource-exports-250m" }],
            },
            flightRoutes: { totalCount: 0, nodes: [] },
            positions: {
              totalCount: 2,
              nodes: [
                { id: "position:jo-delegation-confirmed-intention-trade" },
                { id: "position:kz-delegation-confirmed-intention-trade" },
              ],
            },
          },
        },
      },
    });
  });

  it("returns aviation with Royal Jordanian and its planned route", async () => {
    const result = await h.run(AREA, { id: "area:aviation" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationArea: {
            __typename: "CooperationArea",
            id: "area:aviation",
            name: "Aviation",
            aliases: ["direct flights"],
            category: "ECONOMIC",
            description: "Air links between Kazakhstan and Jordan, including direct flights between Amman and Almaty.",
            citations: [
              talks(
                "Royal Jordanian Airlines plans to launch direct flights between Amman and Almaty next year",
                1726,
                1816,
                S_FLIGHTS,
              ),
            ],
            companies: { totalCount: 1, nodes: [{ name: "Royal Jordanian Airlines" }] },
            commitments: { totalCount: 0, nodes: [] },
            flightRoutes: { totalCount: 1, nodes: [{ id: "route:royal-jordanian-amman-almaty" }] },
            positions: { totalCount: 1, nodes: [{ id: "position:royal-jordanian-planned-aviation" }] },
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(AREA, { id: "area:space" });
    expect(result).toEqual({ status: 200, body: { data: { cooperationArea: null } } });
  });
});

describe("Cooperation area walks", () => {
  it("walks area → companies → country: the nuclear sector joins Jordan's JUMCO and Kazakhstan's Kazatomprom", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query AreaCompanies($id: ID!) {
          cooperationArea(id: $id) {
            name
            companies {
              totalCount
              edges {
                cursor
                node {
                  id
                  aliases
                  sector
                  country {
                    code
                    name
                  }
                }
              }
            }
          }
        }
      `,
      { id: "area:nuclear" },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationArea: {
            name: "Nuclear energy",
            companies: {
              totalCount: 2,
              edges: [
                {
                  cursor: CURSOR[0],
                  node: {
                    id: "company:jumco",
                    aliases: ["JUMCO"],
                    sector: "URANIUM_MINING",
                    country: { code: "JO", name: "Jordan" },
                  },
                },
                {
                  cursor: CURSOR[1],
                  node: {
                    id: "company:kazatomprom",
                    aliases: [],
                    sector: "URANIUM_MINING",
                    country: { code: "KZ", name: "Kazakhstan" },
                  },
                },
              ],
            },
          },
        },
      },
    });
  });

  it("walks area → positions with every kind of actor", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query AreaPositions($id: ID!) {
          cooperationArea(id: $id) {
            positions {
              nodes {
                stance
                actor {
                  __typename
                  ... on Leader {
                    name
                  }
                  ... on Company {
                    name
                  }
                }
              }
            }
          }
        }
      `,
      { id: "area:nuclear" },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationArea: {
            positions: {
              nodes: [
                { stance: "PARTICIPATES", actor: { __typename: "Company", name: "Jordanian Uranium Mining Company" } },
                { stance: "PARTICIPATES", actor: { __typename: "Company", name: "Kazatomprom" } },
                { stance: "SUPPORTED", actor: { __typename: "Leader", name: "Kassym-Jomart Tokayev" } },
              ],
            },
          },
        },
      },
    });
  });

  it("filters the nuclear positions by stance: President Tokayev supported the cooperation", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query AreaSupport($id: ID!, $filter: PositionFilter) {
          cooperationArea(id: $id) {
            positions(filter: $filter) {
              totalCount
              nodes {
                id
                stance
                summary
                actor {
                  __typename
                  ... on Leader {
                    id
                    office
                  }
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
          }
        }
      `,
      { id: "area:nuclear", filter: { stance: "SUPPORTED" } },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationArea: {
            positions: {
              totalCount: 1,
              nodes: [
                {
                  id: "position:tokayev-supported-nuclear",
                  stance: "SUPPORTED",
                  summary:
                    "President Tokayev expressed support for cooperation between Kazatomprom and JUMCO in the nuclear sector.",
                  actor: {
                    __typename: "Leader",
                    id: "leader:kassym-jomart-tokayev",
                    office: "President of Kazakhstan",
                  },
                  meeting: { id: "meeting:2025-08-27-astana" },
                  citations: [
                    talks(
                      "President Tokayev also expressed support for cooperation between Kazatomprom and the Jordanian Uranium Mining Company (JUMCO) in the nuclear sector",
                      1224,
                      1371,
                      S_NUCLEAR,
                    ),
                  ],
                },
              ],
            },
          },
        },
      },
    });
  });

  it("filters an area's companies by country", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query AreaCompaniesOf($id: ID!, $filter: CompanyFilter) {
          cooperationArea(id: $id) {
            companies(filter: $filter) {
              totalCount
              nodes {
                name
              }
            }
          }
        }
      `,
      { id: "area:nuclear", filter: { country: "KZ" } },
    );
    expect(result).toEqual({
      status: 200,
      body: { data: { cooperationArea: { companies: { totalCount: 1, nodes: [{ name: "Kazatomprom" }] } } } },
    });
  });
});

const AREAS_FULL = /* GraphQL */ `
  query AreasFull($first: Int) {
    cooperationAreas(first: $first) {
      totalCount
      nodes {
        id
        name
        aliases
        category
        description
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
`;

describe("cooperationAreas", () => {
  it("lists all sixteen areas the article names, by name, with their citations", async () => {
    const result = await h.run(AREAS_FULL, { first: 20 });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          cooperationAreas: {
            totalCount: 16,
            nodes: [
              {
                id: "area:academic",
                name: "Academic cooperation",
                aliases: ["joint research projects", "university partnerships"],
                category: "HUMANITARIAN",
                description: "Academic cooperation, including joint research projects and university partnerships.",
                citations: [
                  CULTURAL_AND_ACADEMIC,
                  talks(
                    "academic cooperation, including joint research projects and university partnerships",
                    1951,
                    2034,
                    S_ACADEMIC,
                  ),
                ],
              },
              {
                id: "area:agriculture",
                name: "Agriculture",
                aliases: [],
                category: "ECONOMIC",
                description: "Partnership in agriculture.",
                citations: [POTENTIAL],
              },
              {
                id: "area:aviation",
                name: "Aviation",
                aliases: ["direct flights"],
                category: "ECONOMIC",
                description:
                  "Air links between Kazakhstan and Jordan, including direct flights between Amman and Almaty.",
                citations: [
                  talks(
                    "Royal Jordanian Airlines plans to launch direct flights between Amman and Almaty next year",
                    1726,
                    1816,
                    S_FLIGHTS,
                  ),
                ],
              },
              {
                id: "area:trade",
                name: "Bilateral trade",
                aliases: ["bilateral trade turnover"],
                category: "ECONOMIC",
                description: "Bilateral trade turnover and Kazakh non-resource exports to the Jordanian market.",
                citations: [
                  talks(
                    "The officials confirmed their intention to increase bilateral trade turnover to $500 million",
                    1018,
                    1110,
                    S_TRADE,
                  ),
                  talks(
                    "Kazakhstan offering 60 types of non-resource goods worth $250 million for export to the Jordanian market",
                    1117,
                    1221,
                    S_TRADE,
                  ),
                ],
              },
              {
                id: "area:culture",
                name: "Culture",
                aliases: ["cultural cooperation"],
                category: "HUMANITARIAN",
                description: "Cultural cooperation.",
                citations: [CULTURAL_AND_ACADEMIC],
              },
              {
                id: "area:defense-manufacturing",
                name: "Defense manufacturing",
                aliases: [],
                category: "SECURITY",
                description: "Cooperation in defense manufacturing.",
                citations: [PROPOSED],
              },
              {
                id: "area:digitalization",
                name: "Digitalization",
                aliases: [],
                category: "ECONOMIC",
                description: "Partnership in digitalization.",
                citations: [POTENTIAL],
              },
              {
                id: "area:economic-ties",
                name: "Economic ties",
                aliases: [],
                category: "ECONOMIC",
                description: "Economic relations between Kazakhstan and Jordan.",
                citations: [TIES],
              },
              {
                id: "area:halal-industry",
                name: "Halal industry",
                aliases: [],
                category: "ECONOMIC",
                description: "Cooperation in the halal industry.",
                citations: [PROPOSED],
              },
              {
                id: "area:humanitarian-ties",
                name: "Humanitarian ties",
                aliases: [],
                category: "HUMANITARIAN",
                description: "Humanitarian relations between Kazakhstan and Jordan.",
                citations: [TIES],
              },
              {
                id: "area:medicine",
                name: "Medicine",
                aliases: [],
                category: "HUMANITARIAN",
                description: "Cooperation in medicine.",
                citations: [PROPOSED],
              },
              {
                id: "area:nuclear",
                name: "Nuclear energy",
                aliases: ["nuclear sector"],
                category: "ECONOMIC",
                description: "Cooperation in the nuclear sector between Kazatomprom and JUMCO.",
                citations: [
                  talks(
                    "cooperation between Kazatomprom and the Jordanian Uranium Mining Company (JUMCO) in the nuclear sector",
                    1269,
                    1371,
                    S_NUCLEAR,
                  ),
                ],
              },
              {
                id: "area:pharmaceuticals",
                name: "Pharmaceuticals",
                aliases: [],
                category: "ECONOMIC",
                description: "Cooperation in pharmaceuticals.",
                citations: [PROPOSED],
              },
              {
                id: "area:political-ties",
                name: "Political ties",
                aliases: [],
                category: "POLITICAL",
                description: "Political relations between Kazakhstan and Jordan.",
                citations: [TIES],
              },
              {
                id: "area:tourism",
                name: "Tourism",
                aliases: [],
                category: "ECONOMIC",
                description: "Partnership in tourism.",
                citations: [POTENTIAL],
              },
              {
                id: "area:transport-logistics",
                name: "Transport and logistics",
                aliases: ["transport and logistics connectivity"],
                category: "ECONOMIC",
                description: "Transport and logistics connectivity between Central Asia and the Middle East.",
                citations: [
                  talks(
                    "invited Jordan to explore opportunities in transport and logistics connectivity between Central Asia and the Middle East",
                    1377,
                    1497,
                    S_NUCLEAR,
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

const AREAS = /* GraphQL */ `
  query Areas($filter: CooperationAreaFilter, $orderBy: NameOrder) {
    cooperationAreas(filter: $filter, orderBy: $orderBy) {
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
      cooperationAreas: {
        totalCount: ids.length,
        pageInfo: ids.length === 0 ? EMPTY_PAGE_INFO : onePage(ids.length),
        edges: ids.map((id, i) => ({ cursor: CURSOR[i], node: { id } })),
      },
    },
  },
});

describe("cooperationAreas filters", () => {
  it("filters by category SECURITY", async () => {
    expect(await h.run(AREAS, { filter: { category: "SECURITY" } })).toEqual(page("area:defense-manufacturing"));
  });

  it("filters by category POLITICAL", async () => {
    expect(await h.run(AREAS, { filter: { category: "POLITICAL" } })).toEqual(page("area:political-ties"));
  });

  it("filters by category HUMANITARIAN, ordered by name descending", async () => {
    const result = await h.run(AREAS, {
      filter: { category: "HUMANITARIAN" },
      orderBy: { field: "NAME", direction: "DESC" },
    });
    expect(result).toEqual(page("area:medicine", "area:humanitarian-ties", "area:culture", "area:academic"));
  });

  it("filters by stance PROPOSED: the four areas the Jordanian side proposed", async () => {
    const result = await h.run(AREAS, { filter: { stance: "PROPOSED" } });
    expect(result).toEqual(
      page("area:defense-manufacturing", "area:halal-industry", "area:medicine", "area:pharmaceuticals"),
    );
  });

  it("filters by stance NOTED_POTENTIAL: agriculture, tourism and digitalization", async () => {
    const result = await h.run(AREAS, { filter: { stance: "NOTED_POTENTIAL" } });
    expect(result).toEqual(page("area:agriculture", "area:digitalization", "area:tourism"));
  });

  it("filters by stance EXPRESSED_INTEREST: cultural and academic cooperation", async () => {
    const result = await h.run(AREAS, { filter: { stance: "EXPRESSED_INTEREST" } });
    expect(result).toEqual(page("area:academic", "area:culture"));
  });

  it("filters by stance EMPHASIZED: political, economic and humanitarian ties", async () => {
    const result = await h.run(AREAS, { filter: { stance: "EMPHASIZED" } });
    expect(result).toEqual(page("area:economic-ties", "area:humanitarian-ties", "area:political-ties"));
  });

  it("filters by the remaining stances, one area each", async () => {
    expect(await h.run(AREAS, { filter: { stance: "CONFIRMED_INTENTION" } })).toEqual(page("area:trade"));
    expect(await h.run(AREAS, { filter: { stance: "INVITED_TO_EXPLORE" } })).toEqual(page("area:transport-logistics"));
    expect(await h.run(AREAS, { filter: { stance: "PLANNED" } })).toEqual(page("area:aviation"));
    expect(await h.run(AREAS, { filter: { stance: "SUPPORTED" } })).toEqual(page("area:nuclear"));
    expect(await h.run(AREAS, { filter: { stance: "PARTICIPATES" } })).toEqual(page("area:nuclear"));
  });

  it("filters by actor: the areas King Abdullah II took a position on", async () => {
    const result = await h.run(AREAS, { filter: { actor: "leader:abdullah-ii" } });
    expect(result).toEqual(page("area:agriculture", "area:digitalization", "area:tourism"));
  });

  it("filters by actor and stance: what Jordan as a country proposed", async () => {
    const result = await h.run(AREAS, { filter: { actor: "country:JO", stance: "PROPOSED" } });
    expect(result).toEqual(
      page("area:defense-manufacturing", "area:halal-industry", "area:medicine", "area:pharmaceuticals"),
    );
  });

  it("filters by actor: a delegation", async () => {
    const result = await h.run(AREAS, { filter: { actor: "delegation:kz-2025-08-27-astana" } });
    expect(result).toEqual(page("area:academic", "area:trade", "area:culture"));
  });

  it("filters by actor country: Kazakhstan, its leader, delegation and company", async () => {
    const result = await h.run(AREAS, { filter: { actorCountry: "KZ" } });
    expect(result).toEqual(
      page(
        "area:academic",
        "area:agriculture",
        "area:trade",
        "area:culture",
        "area:digitalization",
        "area:economic-ties",
        "area:humanitarian-ties",
        "area:nuclear",
        "area:political-ties",
        "area:tourism",
        "area:transport-logistics",
      ),
    );
  });

  it("filters by actor country and stance", async () => {
    const result = await h.run(AREAS, { filter: { actorCountry: "JO", stance: "PLANNED" } });
    expect(result).toEqual(page("area:aviation"));
  });

  it("filters by company", async () => {
    expect(await h.run(AREAS, { filter: { company: "company:kazatomprom" } })).toEqual(page("area:nuclear"));
  });

  it("filters by meeting: nothing was discussed at the undated Amman talks", async () => {
    expect(await h.run(AREAS, { filter: { meeting: "meeting:amman-earlier-talks" } })).toEqual(page());
  });

  it("filters by name, ignoring case", async () => {
    const result = await h.run(AREAS, { filter: { nameContains: "TIES" } });
    expect(result).toEqual(page("area:economic-ties", "area:humanitarian-ties", "area:political-ties"));
  });

  it("filters by name and category together", async () => {
    const result = await h.run(AREAS, { filter: { nameContains: "ties", category: "ECONOMIC" } });
    expect(result).toEqual(page("area:economic-ties"));
  });

  it("filters by a pair of countries no meeting was held between", async () => {
    expect(await h.run(AREAS, { filter: { between: ["KZ", "FR"] } })).toEqual(page());
  });
});
