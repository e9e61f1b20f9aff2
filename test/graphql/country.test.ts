import {
  CURSOR,
  EMPTY_PAGE_INFO,
  S_GRATITUDE,
  S_OPENING,
  S_TRADE,
  onePage,
  reference,
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

const COUNTRY_BY_CODE = /* GraphQL */ `
  query CountryByCode($code: CountryCode!) {
    country(code: $code) {
      __typename
      id
      code
      name
      officialName
      aliases
      region
      demonym
      capital {
        id
        name
        isCapital
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

describe("country(code:)", () => {
  it("returns Kazakhstan with its reference facts and where the article names it", async () => {
    const result = await h.run(COUNTRY_BY_CODE, { code: "KZ" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            __typename: "Country",
            id: "country:KZ",
            code: "KZ",
            name: "Kazakhstan",
            officialName: "Republic of Kazakhstan",
            aliases: ["Kazakh", "Kazakhstani"],
            region: "Central Asia",
            demonym: "Kazakhstani",
            capital: { id: "city:astana", name: "Astana", isCapital: true },
            citations: [
              talks("President of Kazakhstan", 26, 49, S_OPENING),
              talks("the Kazakh capital", 143, 161, S_OPENING),
              talks("Kazakh-Jordanian relations", 425, 451, S_GRATITUDE),
              reference("Kazakhstan has the ISO 3166-1 alpha-2 code KZ.", 100, 146),
              reference("The official name of Kazakhstan is the Republic of Kazakhstan.", 147, 209),
              reference("The capital of Kazakhstan is Astana.", 210, 246),
              reference("Kazakhstan is located in Central Asia.", 247, 285),
              reference("Kazakh and Kazakhstani are demonyms for Kazakhstan.", 286, 337),
            ],
          },
        },
      },
    });
  });

  it("returns Jordan with its reference facts and where the article names it", async () => {
    const result = await h.run(COUNTRY_BY_CODE, { code: "JO" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            __typename: "Country",
            id: "country:JO",
            code: "JO",
            name: "Jordan",
            officialName: "Hashemite Kingdom of Jordan",
            aliases: ["Jordanian", "Hashemite Kingdom"],
            region: "Middle East",
            demonym: "Jordanian",
            capital: { id: "city:amman", name: "Amman", isCapital: true },
            citations: [
              talks("King Abdullah II ibn Al Hussein of Jordan", 76, 117, S_OPENING),
              talks("the Jordanian market", 1201, 1221, S_TRADE),
              reference("Jordan has the ISO 3166-1 alpha-2 code JO.", 370, 412),
              reference("The official name of Jordan is the Hashemite Kingdom of Jordan.", 413, 476),
              reference("The capital of Jordan is Amman.", 477, 508),
              reference("Jordan is located in the Middle East.", 509, 546),
              reference("Jordanian is the demonym for Jordan.", 547, 583),
            ],
          },
        },
      },
    });
  });

  it("accepts a lower-case code", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query CountryLowerCase($code: CountryCode!) {
          country(code: $code) {
            id
            code
            name
          }
        }
      `,
      { code: "kz" },
    );
    expect(result).toEqual({
      status: 200,
      body: { data: { country: { id: "country:KZ", code: "KZ", name: "Kazakhstan" } } },
    });
  });

  it("returns null for a valid code the graph has no country for", async () => {
    const result = await h.run(COUNTRY_BY_CODE, { code: "FR" });
    expect(result).toEqual({ status: 200, body: { data: { country: null } } });
  });
});

const COUNTRIES = /* GraphQL */ `
  query Countries($filter: CountryFilter, $orderBy: NameOrder) {
    countries(filter: $filter, orderBy: $orderBy) {
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
          name
        }
      }
      nodes {
        code
      }
    }
  }
`;

describe("countries", () => {
  it("lists both countries by name", async () => {
    const result = await h.run(COUNTRIES);
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          countries: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: { id: "country:JO", name: "Jordan" } },
              { cursor: CURSOR[1], node: { id: "country:KZ", name: "Kazakhstan" } },
            ],
            nodes: [{ code: "JO" }, { code: "KZ" }],
          },
        },
      },
    });
  });

  it("orders by name descending", async () => {
    const result = await h.run(COUNTRIES, { orderBy: { field: "NAME", direction: "DESC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          countries: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: { id: "country:KZ", name: "Kazakhstan" } },
              { cursor: CURSOR[1], node: { id: "country:JO", name: "Jordan" } },
            ],
            nodes: [{ code: "KZ" }, { code: "JO" }],
          },
        },
      },
    });
  });

  it("filters by name, ignoring case", async () => {
    const result = await h.run(COUNTRIES, { filter: { nameContains: "STAN" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          countries: {
            totalCount: 1,
            pageInfo: onePage(1),
            edges: [{ cursor: CURSOR[0], node: { id: "country:KZ", name: "Kazakhstan" } }],
            nodes: [{ code: "KZ" }],
          },
        },
      },
    });
  });

  it("filters by region, ignoring case", async () => {
    const result = await h.run(COUNTRIES, { filter: { region: "middle EAST" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          countries: {
            totalCount: 1,
            pageInfo: onePage(1),
            edges: [{ cursor: CURSOR[0], node: { id: "country:JO", name: "Jordan" } }],
            nodes: [{ code: "JO" }],
          },
        },
      },
    });
  });

  it("returns an empty page for a region with no country", async () => {
    const result = await h.run(COUNTRIES, { filter: { region: "Europe" } });
    expect(result).toEqual({
      status: 200,
      body: { data: { countries: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [], nodes: [] } } },
    });
  });
});

const COUNTRY_RELATIONS = /* GraphQL */ `
  query CountryRelations($code: CountryCode!) {
    country(code: $code) {
      cities {
        totalCount
        nodes {
          id
        }
      }
      leaders {
        totalCount
        nodes {
          id
        }
      }
      companies {
        totalCount
        nodes {
          id
        }
      }
      meetings {
        totalCount
        nodes {
          id
        }
      }
      delegations {
        totalCount
        nodes {
          id
        }
      }
      awards {
        totalCount
        nodes {
          id
        }
      }
      awardConferrals {
        totalCount
        nodes {
          id
        }
      }
      commitments {
        totalCount
        nodes {
          id
        }
      }
      sharedValues {
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
      }
      cooperationAreas {
        totalCount
        nodes {
          id
        }
      }
    }
  }
`;

describe("Country relations", () => {
  it("follows every relation of Kazakhstan", async () => {
    const result = await h.run(COUNTRY_RELATIONS, { code: "KZ" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            cities: { totalCount: 2, nodes: [{ id: "city:almaty" }, { id: "city:astana" }] },
            leaders: { totalCount: 1, nodes: [{ id: "leader:kassym-jomart-tokayev" }] },
            companies: { totalCount: 1, nodes: [{ id: "company:kazatomprom" }] },
            meetings: {
              totalCount: 2,
              nodes: [{ id: "meeting:2025-08-27-astana" }, { id: "meeting:amman-earlier-talks" }],
            },
            delegations: { totalCount: 1, nodes: [{ id: "delegation:kz-2025-08-27-astana" }] },
            awards: { totalCount: 0, nodes: [] },
            awardConferrals: { totalCount: 1, nodes: [{ id: "conferral:order-of-al-nahda-tokayev-2025-08-27" }] },
            commitments: {
              totalCount: 2,
              nodes: [{ id: "commitment:trade-turnover-500m" }, { id: "commitment:kz-non-resource-exports-250m" }],
            },
            sharedValues: { totalCount: 2, nodes: [{ id: "value:mutual-respect" }, { id: "value:tolerance" }] },
            flightRoutes: { totalCount: 1, nodes: [{ id: "route:royal-jordanian-amman-almaty" }] },
            // Tokayev took 8 positions, the Kazakh delegation 3 and Kazatomprom 1.
            positions: { totalCount: 12 },
            cooperationAreas: {
              totalCount: 11,
              nodes: [
                { id: "area:academic" },
                { id: "area:agriculture" },
                { id: "area:trade" },
                { id: "area:culture" },
                { id: "area:digitalization" },
                { id: "area:economic-ties" },
                { id: "area:humanitarian-ties" },
                { id: "area:nuclear" },
                { id: "area:political-ties" },
                { id: "area:tourism" },
                { id: "area:transport-logistics" },
              ],
            },
          },
        },
      },
    });
  });

  it("follows every relation of Jordan", async () => {
    const result = await h.run(COUNTRY_RELATIONS, { code: "JO" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            cities: { totalCount: 1, nodes: [{ id: "city:amman" }] },
            leaders: { totalCount: 1, nodes: [{ id: "leader:abdullah-ii" }] },
            companies: { totalCount: 2, nodes: [{ id: "company:jumco" }, { id: "company:royal-jordanian" }] },
            meetings: {
              totalCount: 2,
              nodes: [{ id: "meeting:2025-08-27-astana" }, { id: "meeting:amman-earlier-talks" }],
            },
            delegations: { totalCount: 1, nodes: [{ id: "delegation:jo-2025-08-27-astana" }] },
            awards: { totalCount: 1, nodes: [{ id: "award:order-of-al-nahda" }] },
            awardConferrals: { totalCount: 1, nodes: [{ id: "conferral:order-of-al-nahda-tokayev-2025-08-27" }] },
            // Jordan is a party to the trade target only; it is the beneficiary of Kazakhstan's offer.
            commitments: { totalCount: 1, nodes: [{ id: "commitment:trade-turnover-500m" }] },
            sharedValues: { totalCount: 2, nodes: [{ id: "value:mutual-respect" }, { id: "value:tolerance" }] },
            flightRoutes: { totalCount: 1, nodes: [{ id: "route:royal-jordanian-amman-almaty" }] },
            // King Abdullah II 3, the Jordanian delegation 3, "the Jordanian side" 4, JUMCO 1, Royal Jordanian 1.
            positions: { totalCount: 12 },
            cooperationAreas: {
              totalCount: 12,
              nodes: [
                { id: "area:academic" },
                { id: "area:agriculture" },
                { id: "area:aviation" },
                { id: "area:trade" },
                { id: "area:culture" },
                { id: "area:defense-manufacturing" },
                { id: "area:digitalization" },
                { id: "area:halal-industry" },
                { id: "area:medicine" },
                { id: "area:nuclear" },
                { id: "area:pharmaceuticals" },
                { id: "area:tourism" },
              ],
            },
          },
        },
      },
    });
  });

  it("walks country → leaders → awards conferred and received → award / recipient → country", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query AwardWalk($code: CountryCode!) {
          country(code: $code) {
            name
            leaders {
              nodes {
                name
                awardsConferred {
                  totalCount
                  nodes {
                    date
                    award {
                      name
                      country {
                        code
                      }
                    }
                    recipient {
                      name
                      country {
                        code
                        name
                      }
                    }
                  }
                }
                awardsReceived {
                  totalCount
                  nodes {
                    id
                  }
                }
              }
            }
          }
        }
      `,
      { code: "JO" },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            name: "Jordan",
            leaders: {
              nodes: [
                {
                  name: "Abdullah II ibn Al Hussein",
                  awardsConferred: {
                    totalCount: 1,
                    nodes: [
                      {
                        date: "2025-08-27",
                        award: { name: "Order of Al-Nahda", country: { code: "JO" } },
                        recipient: {
                          name: "Kassym-Jomart Tokayev",
                          country: { code: "KZ", name: "Kazakhstan" },
                        },
                      },
                    ],
                  },
                  awardsReceived: { totalCount: 0, nodes: [] },
                },
              ],
            },
          },
        },
      },
    });
  });

  it("walks the other way: Kazakhstan's president received Jordan's highest award from its king", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query AwardWalkBack($code: CountryCode!) {
          country(code: $code) {
            leaders {
              nodes {
                name
                awardsReceived {
                  nodes {
                    award {
                      name
                      description
                      country {
                        name
                      }
                    }
                    conferredBy {
                      name
                      title
                      country {
                        code
                      }
                    }
                  }
                }
                awardsConferred {
                  totalCount
                }
              }
            }
          }
        }
      `,
      { code: "KZ" },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            leaders: {
              nodes: [
                {
                  name: "Kassym-Jomart Tokayev",
                  awardsReceived: {
                    nodes: [
                      {
                        award: {
                          name: "Order of Al-Nahda",
                          description: "The Kingdom of Jordan's highest state award",
                          country: { name: "Jordan" },
                        },
                        conferredBy: { name: "Abdullah II ibn Al Hussein", title: "King", country: { code: "JO" } },
                      },
                    ],
                  },
                  awardsConferred: { totalCount: 0 },
                },
              ],
            },
          },
        },
      },
    });
  });
});

const COUNTRY_AREAS = /* GraphQL */ `
  query CountryAreas($code: CountryCode!, $filter: CooperationAreaFilter) {
    country(code: $code) {
      cooperationAreas(filter: $filter) {
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
            name
          }
        }
        nodes {
          category
        }
      }
    }
  }
`;

describe("Country.cooperationAreas filters", () => {
  it("lists what the Jordanian side proposed: medicine, pharmaceuticals, halal industry, defense manufacturing", async () => {
    const result = await h.run(COUNTRY_AREAS, { code: "JO", filter: { stance: "PROPOSED" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            cooperationAreas: {
              totalCount: 4,
              pageInfo: onePage(4),
              edges: [
                { cursor: CURSOR[0], node: { id: "area:defense-manufacturing", name: "Defense manufacturing" } },
                { cursor: CURSOR[1], node: { id: "area:halal-industry", name: "Halal industry" } },
                { cursor: CURSOR[2], node: { id: "area:medicine", name: "Medicine" } },
                { cursor: CURSOR[3], node: { id: "area:pharmaceuticals", name: "Pharmaceuticals" } },
              ],
              nodes: [
                { category: "SECURITY" },
                { category: "ECONOMIC" },
                { category: "HUMANITARIAN" },
                { category: "ECONOMIC" },
              ],
            },
          },
        },
      },
    });
  });

  it("finds nothing Kazakhstan proposed", async () => {
    const result = await h.run(COUNTRY_AREAS, { code: "KZ", filter: { stance: "PROPOSED" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: { cooperationAreas: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [], nodes: [] } },
        },
      },
    });
  });

  it("returns the exact empty connection when the filter contradicts the relation (JO areas with actorCountry KZ)", async () => {
    const result = await h.run(COUNTRY_AREAS, { code: "JO", filter: { actorCountry: "KZ" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: { cooperationAreas: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [], nodes: [] } },
        },
      },
    });
  });

  it("accepts a filter that repeats the relation's own country, in any case", async () => {
    const result = await h.run(COUNTRY_AREAS, { code: "JO", filter: { actorCountry: "jo", stance: "PARTICIPATES" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            cooperationAreas: {
              totalCount: 1,
              pageInfo: onePage(1),
              edges: [{ cursor: CURSOR[0], node: { id: "area:nuclear", name: "Nuclear energy" } }],
              nodes: [{ category: "ECONOMIC" }],
            },
          },
        },
      },
    });
  });

  it("combines a category filter with the relation", async () => {
    const result = await h.run(COUNTRY_AREAS, { code: "KZ", filter: { category: "HUMANITARIAN" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            cooperationAreas: {
              totalCount: 3,
              pageInfo: onePage(3),
              edges: [
                { cursor: CURSOR[0], node: { id: "area:academic", name: "Academic cooperation" } },
                { cursor: CURSOR[1], node: { id: "area:culture", name: "Culture" } },
                { cursor: CURSOR[2], node: { id: "area:humanitarian-ties", name: "Humanitarian ties" } },
              ],
              nodes: [{ category: "HUMANITARIAN" }, { category: "HUMANITARIAN" }, { category: "HUMANITARIAN" }],
            },
          },
        },
      },
    });
  });
});

describe("Country relations with filters", () => {
  it("returns an empty page for cities of another country", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query CountryCities($code: CountryCode!, $filter: CityFilter) {
          country(code: $code) {
            cities(filter: $filter) {
              totalCount
              nodes {
                id
              }
            }
          }
        }
      `,
      { code: "KZ", filter: { country: "JO" } },
    );
    expect(result).toEqual({
      status: 200,
      body: { data: { country: { cities: { totalCount: 0, nodes: [] } } } },
    });
  });

  it("lists the positions the Jordanian side took as a country", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query CountryPositions($code: CountryCode!, $filter: PositionFilter) {
          country(code: $code) {
            positions(filter: $filter) {
              totalCount
              nodes {
                id
                stance
                actor {
                  __typename
                  ... on Country {
                    code
                  }
                }
                area {
                  name
                }
              }
            }
          }
        }
      `,
      { code: "JO", filter: { actor: "country:JO" } },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            positions: {
              totalCount: 4,
              nodes: [
                {
                  id: "position:jordan-proposed-defense-manufacturing",
                  stance: "PROPOSED",
                  actor: { __typename: "Country", code: "JO" },
                  area: { name: "Defense manufacturing" },
                },
                {
                  id: "position:jordan-proposed-halal-industry",
                  stance: "PROPOSED",
                  actor: { __typename: "Country", code: "JO" },
                  area: { name: "Halal industry" },
                },
                {
                  id: "position:jordan-proposed-medicine",
                  stance: "PROPOSED",
                  actor: { __typename: "Country", code: "JO" },
                  area: { name: "Medicine" },
                },
                {
                  id: "position:jordan-proposed-pharmaceuticals",
                  stance: "PROPOSED",
                  actor: { __typename: "Country", code: "JO" },
                  area: { name: "Pharmaceuticals" },
                },
              ],
            },
          },
        },
      },
    });
  });
});
