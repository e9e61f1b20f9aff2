import { CURSOR, EMPTY_PAGE_INFO, onePage } from "../support/article";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const RELATIONS = /* GraphQL */ `
  query Relations($countries: [CountryCode!]!) {
    bilateralRelations(countries: $countries) {
      countries {
        code
        name
      }
      meetings {
        totalCount
        edges {
          cursor
          node {
            id
            date
            city {
              name
            }
          }
        }
      }
      latestMeeting {
        id
        title
        date
        city {
          name
        }
        formats {
          format
        }
      }
      leaders {
        totalCount
        nodes {
          name
          country {
            code
          }
        }
      }
      delegations {
        totalCount
        nodes {
          name
        }
      }
      cooperationAreas {
        totalCount
        pageInfo {
          hasNextPage
          hasPreviousPage
          startCursor
          endCursor
        }
        nodes {
          name
        }
      }
      positions {
        totalCount
      }
      commitments {
        totalCount
        nodes {
          title
          kind
          status
          parties {
            code
          }
          beneficiary {
            code
          }
          value {
            amount
            currency
            formatted
          }
          quantity {
            value
            unit
          }
        }
      }
      awardConferrals {
        totalCount
        nodes {
          date
          city {
            name
          }
          award {
            name
          }
          conferredBy {
            name
          }
          recipient {
            name
          }
          reason
          recipientResponse
        }
      }
      sharedValues {
        totalCount
        nodes {
          name
          notedBy {
            name
          }
        }
      }
      flightRoutes {
        totalCount
        nodes {
          operator {
            name
          }
          origin {
            name
          }
          destination {
            name
          }
          direct
          status
          plannedYear
          plannedYearBasis
          expectedBenefits
        }
      }
      statements {
        totalCount
        nodes {
          kind
          speakers {
            name
          }
        }
      }
    }
  }
`;

const TOKAYEV = { name: "Kassym-Jomart Tokayev" };
const ABDULLAH = { name: "Abdullah II ibn Al Hussein" };

describe("bilateralRelations(countries: [KZ, JO])", () => {
  it("answers everything the graph holds between Kazakhstan and Jordan in one call", async () => {
    const result = await h.run(RELATIONS, { countries: ["KZ", "JO"] });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          bilateralRelations: {
            countries: [
              { code: "KZ", name: "Kazakhstan" },
              { code: "JO", name: "Jordan" },
            ],
            meetings: {
              totalCount: 2,
              edges: [
                {
                  cursor: CURSOR[0],
                  node: { id: "meeting:2025-08-27-astana", date: "2025-08-27", city: { name: "Astana" } },
                },
                { cursor: CURSOR[1], node: { id: "meeting:amman-earlier-talks", date: null, city: { name: "Amman" } } },
              ],
            },
            latestMeeting: {
              id: "meeting:2025-08-27-astana",
              title: "Tokayev–Abdullah II talks in Astana",
              date: "2025-08-27",
              city: { name: "Astana" },
              formats: [{ format: "ONE_TO_ONE" }, { format: "EXPANDED" }],
            },
            leaders: {
              totalCount: 2,
              nodes: [
                { ...ABDULLAH, country: { code: "JO" } },
                { ...TOKAYEV, country: { code: "KZ" } },
              ],
            },
            delegations: {
              totalCount: 2,
              nodes: [{ name: "Official delegation of Jordan" }, { name: "Official delegation of Kazakhstan" }],
            },
            cooperationAreas: {
              totalCount: 16,
              pageInfo: onePage(16),
              nodes: [
                { name: "Academic cooperation" },
                { name: "Agriculture" },
                { name: "Aviation" },
                { name: "Bilateral trade" },
                { name: "Culture" },
                { name: "Defense manufacturing" },
                { name: "Digitalization" },
                { name: "Economic ties" },
                { name: "Halal industry" },
                { name: "Humanitarian ties" },
                { name: "Medicine" },
                { name: "Nuclear energy" },
                { name: "Pharmaceuticals" },
                { name: "Political ties" },
                { name: "Tourism" },
                { name: "Transport and logistics" },
              ],
            },
            positions: { totalCount: 24 },
            commitments: {
              totalCount: 2,
              nodes: [
                {
                  title: "Increase bilateral trade turnover to $500 million",
                  kind: "TARGET",
                  status: "INTENDED",
                  parties: [{ code: "KZ" }, { code: "JO" }],
                  beneficiary: null,
                  value: { amount: 500000000, currency: "USD", formatted: "$500,000,000.00" },
                  quantity: null,
                },
                {
                  title: "Kazakhstan offers 60 types of non-resource goods worth $250 million for export to Jordan",
                  kind: "OFFER",
                  status: "OFFERED",
                  parties: [{ code: "KZ" }],
                  beneficiary: { code: "JO" },
                  value: { amount: 250000000, currency: "USD", formatted: "$250,000,000.00" },
                  quantity: { value: 60, unit: "types of non-resource goods" },
                },
              ],
            },
            awardConferrals: {
              totalCount: 1,
              nodes: [
                {
                  date: "2025-08-27",
                  city: { name: "Astana" },
                  award: { name: "Order of Al-Nahda" },
                  conferredBy: ABDULLAH,
                  recipient: TOKAYEV,
                  reason:
                    "His significant contribution to strengthening friendship and cooperation between Jordan and Kazakhstan.",
                  recipientResponse:
                    "Expressed deep gratitude, calling the award a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership.",
                },
              ],
            },
            sharedValues: {
              totalCount: 2,
              nodes: [
                { name: "Mutual respect", notedBy: TOKAYEV },
                { name: "Tolerance", notedBy: TOKAYEV },
              ],
            },
            flightRoutes: {
              totalCount: 1,
              nodes: [
                {
                  operator: { name: "Royal Jordanian Airlines" },
                  origin: { name: "Amman" },
                  destination: { name: "Almaty" },
                  direct: true,
                  status: "PLANNED",
                  plannedYear: 2026,
                  plannedYearBasis: '"next year" relative to the report\'s date, 2025-08-27',
                  expectedBenefits: ["business exchanges", "people-to-people exchanges"],
                },
              ],
            },
            statements: {
              totalCount: 9,
              nodes: [
                { kind: "EMPHASIS", speakers: [ABDULLAH] },
                { kind: "REAFFIRMATION", speakers: [ABDULLAH] },
                { kind: "EMPHASIS", speakers: [ABDULLAH] },
                { kind: "REAFFIRMATION", speakers: [TOKAYEV, ABDULLAH] },
                { kind: "ASSESSMENT", speakers: [TOKAYEV] },
                { kind: "GRATITUDE", speakers: [TOKAYEV] },
                { kind: "GRATITUDE", speakers: [TOKAYEV] },
                { kind: "INVITATION", speakers: [TOKAYEV] },
                { kind: "EMPHASIS", speakers: [TOKAYEV] },
              ],
            },
          },
        },
      },
    });
  });

  it("keeps the countries in the order asked, in any case", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query RelationsReversed($countries: [CountryCode!]!) {
          bilateralRelations(countries: $countries) {
            countries {
              code
            }
            latestMeeting {
              id
            }
            cooperationAreas {
              totalCount
            }
          }
        }
      `,
      { countries: ["jo", "kz"] },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          bilateralRelations: {
            countries: [{ code: "JO" }, { code: "KZ" }],
            latestMeeting: { id: "meeting:2025-08-27-astana" },
            cooperationAreas: { totalCount: 16 },
          },
        },
      },
    });
  });

  it("answers who proposed what between them", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query RelationsProposals($countries: [CountryCode!]!, $filter: PositionFilter) {
          bilateralRelations(countries: $countries) {
            positions(filter: $filter) {
              totalCount
              nodes {
                area {
                  name
                }
                actor {
                  __typename
                  ... on Country {
                    name
                  }
                }
              }
            }
          }
        }
      `,
      { countries: ["KZ", "JO"], filter: { stance: "PROPOSED" } },
    );
    const proposal = (area: string) => ({ area: { name: area }, actor: { __typename: "Country", name: "Jordan" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          bilateralRelations: {
            positions: {
              totalCount: 4,
              nodes: [
                proposal("Defense manufacturing"),
                proposal("Halal industry"),
                proposal("Medicine"),
                proposal("Pharmaceuticals"),
              ],
            },
          },
        },
      },
    });
  });

  it("combines a relation's own filter with the pair: areas between them in a category", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query RelationsAreas($countries: [CountryCode!]!, $filter: CooperationAreaFilter) {
          bilateralRelations(countries: $countries) {
            cooperationAreas(filter: $filter) {
              totalCount
              nodes {
                id
              }
            }
          }
        }
      `,
      { countries: ["KZ", "JO"], filter: { category: "SECURITY" } },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          bilateralRelations: { cooperationAreas: { totalCount: 1, nodes: [{ id: "area:defense-manufacturing" }] } },
        },
      },
    });
  });

  const RELATIONS_MEETINGS = /* GraphQL */ `
    query RelationsMeetings($countries: [CountryCode!]!, $filter: MeetingFilter) {
      bilateralRelations(countries: $countries) {
        meetings(filter: $filter) {
          totalCount
          pageInfo {
            hasNextPage
            hasPreviousPage
            startCursor
            endCursor
          }
          nodes {
            id
          }
        }
      }
    }
  `;

  it("accepts a between filter naming the same pair, in the other order", async () => {
    const result = await h.run(RELATIONS_MEETINGS, { countries: ["KZ", "JO"], filter: { between: ["JO", "KZ"] } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          bilateralRelations: {
            meetings: {
              totalCount: 2,
              pageInfo: onePage(2),
              nodes: [{ id: "meeting:2025-08-27-astana" }, { id: "meeting:amman-earlier-talks" }],
            },
          },
        },
      },
    });
  });

  it("returns the exact empty connection for a between filter naming another pair", async () => {
    const result = await h.run(RELATIONS_MEETINGS, { countries: ["KZ", "JO"], filter: { between: ["JO", "FR"] } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: { bilateralRelations: { meetings: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, nodes: [] } } },
      },
    });
  });

  it("filters meetings between them by date", async () => {
    const result = await h.run(RELATIONS_MEETINGS, {
      countries: ["KZ", "JO"],
      filter: { date: { from: "2025-08-01", to: "2025-08-31" } },
    });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          bilateralRelations: {
            meetings: { totalCount: 1, pageInfo: onePage(1), nodes: [{ id: "meeting:2025-08-27-astana" }] },
          },
        },
      },
    });
  });
});

const COUNTRIES_ONLY = /* GraphQL */ `
  query RelationsCountries($countries: [CountryCode!]!) {
    bilateralRelations(countries: $countries) {
      countries {
        code
      }
    }
  }
`;

describe("bilateralRelations arguments", () => {
  it("refuses the same country twice with BAD_USER_INPUT", async () => {
    const result = await h.run(COUNTRIES_ONLY, { countries: ["KZ", "KZ"] });
    expect(result).toEqual({
      status: 400,
      body: {
        data: { bilateralRelations: null },
        errors: [
          {
            message: "Invalid argument: countries must name two different countries",
            locations: [{ line: 3, column: 5 }],
            path: ["bilateralRelations"],
            extensions: {
              code: "BAD_USER_INPUT",
              arguments: [{ argument: "countries", messages: ["countries must name two different countries"] }],
            },
          },
        ],
      },
    });
  });

  it("refuses the same country twice in different cases", async () => {
    const result = await h.run(COUNTRIES_ONLY, { countries: ["jo", "JO"] });
    expect(result).toEqual({
      status: 400,
      body: {
        data: { bilateralRelations: null },
        errors: [
          {
            message: "Invalid argument: countries must name two different countries",
            locations: [{ line: 3, column: 5 }],
            path: ["bilateralRelations"],
            extensions: {
              code: "BAD_USER_INPUT",
              arguments: [{ argument: "countries", messages: ["countries must name two different countries"] }],
            },
          },
        ],
      },
    });
  });

  it("refuses one country with BAD_USER_INPUT", async () => {
    const result = await h.run(COUNTRIES_ONLY, { countries: ["KZ"] });
    expect(result).toEqual({
      status: 400,
      body: {
        data: { bilateralRelations: null },
        errors: [
          {
            message: "Invalid argument: countries must name exactly two countries",
            locations: [{ line: 3, column: 5 }],
            path: ["bilateralRelations"],
            extensions: {
              code: "BAD_USER_INPUT",
              arguments: [{ argument: "countries", messages: ["countries must name exactly two countries"] }],
            },
          },
        ],
      },
    });
  });

  it("refuses three countries with BAD_USER_INPUT", async () => {
    const result = await h.run(COUNTRIES_ONLY, { countries: ["KZ", "JO", "FR"] });
    expect(result).toEqual({
      status: 400,
      body: {
        data: { bilateralRelations: null },
        errors: [
          {
            message: "Invalid argument: countries must name exactly two countries",
            locations: [{ line: 3, column: 5 }],
            path: ["bilateralRelations"],
            extensions: {
              code: "BAD_USER_INPUT",
              arguments: [{ argument: "countries", messages: ["countries must name exactly two countries"] }],
            },
          },
        ],
      },
    });
  });

  it("returns null, not an error, when the graph has no such country (KZ, FR)", async () => {
    const result = await h.run(COUNTRIES_ONLY, { countries: ["KZ", "FR"] });
    expect(result).toEqual({ status: 200, body: { data: { bilateralRelations: null } } });
  });
});
