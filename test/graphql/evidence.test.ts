/**
 * Evidence per value (issue 12): each fact field of each type answers what supports its value — the
 * citations backing it and how it was obtained (STATED, INFERRED with a basis, REFERENCE). Pinned to
 * the bundled report (test/fixtures/seed/bundled).
 */
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

describe("evidence", () => {
  test("a meeting: each field with a value has one claim \u2014 stated by the report, or inferred with its basis \u2014 backed by some of its own citations", async () => {
    expect(
      await h.run(/* GraphQL */ `
        query {
          meeting(id: "meeting:2025-08-27-astana") {
            id
            evidence {
              field
              method
              basis
              citations {
                quote
                start
                end
                source {
                  id
                  kind
                }
              }
            }
          }
        }
      `),
    ).toEqual({
      status: 200,
      body: {
        data: {
          meeting: {
            id: "meeting:2025-08-27-astana",
            evidence: [
              {
                field: "date",
                method: "INFERRED",
                basis:
                  'the report says the talks were held "on Aug. 27" without a year; the year is that of the report\'s date, 2025-08-27',
                citations: [
                  {
                    quote:
                      "President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks on Aug. 27 in the Kazakh capital",
                    start: 26,
                    end: 161,
                    source: {
                      id: "source:kazakhstan-jordan-talks-2025-08-27",
                      kind: "NEWS_REPORT",
                    },
                  },
                ],
              },
              {
                field: "city",
                method: "STATED",
                basis: null,
                citations: [
                  {
                    quote:
                      "President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks on Aug. 27 in the Kazakh capital",
                    start: 26,
                    end: 161,
                    source: {
                      id: "source:kazakhstan-jordan-talks-2025-08-27",
                      kind: "NEWS_REPORT",
                    },
                  },
                ],
              },
              {
                field: "hostCountry",
                method: "INFERRED",
                basis:
                  'not stated as host: the talks were held "in the Kazakh capital" during King Abdullah II\'s visit ("the invitation to visit Kazakhstan"); the country visited is taken to be the host',
                citations: [
                  {
                    quote:
                      "President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks on Aug. 27 in the Kazakh capital",
                    start: 26,
                    end: 161,
                    source: {
                      id: "source:kazakhstan-jordan-talks-2025-08-27",
                      kind: "NEWS_REPORT",
                    },
                  },
                  {
                    quote:
                      "President Tokayev expressed gratitude to King Abdullah II for accepting the invitation to visit Kazakhstan",
                    start: 273,
                    end: 379,
                    source: {
                      id: "source:kazakhstan-jordan-talks-2025-08-27",
                      kind: "NEWS_REPORT",
                    },
                  },
                ],
              },
              {
                field: "participants",
                method: "STATED",
                basis: null,
                citations: [
                  {
                    quote:
                      "President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks on Aug. 27 in the Kazakh capital",
                    start: 26,
                    end: 161,
                    source: {
                      id: "source:kazakhstan-jordan-talks-2025-08-27",
                      kind: "NEWS_REPORT",
                    },
                  },
                ],
              },
              {
                field: "invitedBy",
                method: "INFERRED",
                basis:
                  'the report says the King accepted "the invitation to visit Kazakhstan" without naming who invited him; the host, President Tokayev, who thanked him for accepting it, is taken to be the inviter',
                citations: [
                  {
                    quote:
                      "President Tokayev expressed gratitude to King Abdullah II for accepting the invitation to visit Kazakhstan",
                    start: 273,
                    end: 379,
                    source: {
                      id: "source:kazakhstan-jordan-talks-2025-08-27",
                      kind: "NEWS_REPORT",
                    },
                  },
                ],
              },
              {
                field: "continues",
                method: "STATED",
                basis: null,
                citations: [
                  {
                    quote:
                      "King Abdullah II emphasized the significance of the visit as a continuation of his earlier discussions with President Tokayev in Amman",
                    start: 635,
                    end: 769,
                    source: {
                      id: "source:kazakhstan-jordan-talks-2025-08-27",
                      kind: "NEWS_REPORT",
                    },
                  },
                ],
              },
              {
                field: "formats",
                method: "INFERRED",
                basis:
                  'the expanded format is stated ("The talks continued in an expanded format with the participation of official delegations"); the one-to-one format before it is inferred from "continued" (see formats[0])',
                citations: [
                  {
                    quote: "The talks continued in an expanded format with the participation of official delegations",
                    start: 928,
                    end: 1016,
                    source: {
                      id: "source:kazakhstan-jordan-talks-2025-08-27",
                      kind: "NEWS_REPORT",
                    },
                  },
                ],
              },
            ],
          },
        },
      },
    });
  });

  test("every type has evidence for its facts: stated, inferred (with a basis) or reference", async () => {
    expect(
      await h.run(/* GraphQL */ `
        query {
          source(id: "source:kazakhstan-jordan-talks-2025-08-27") {
            evidence {
              field
              method
              basis
            }
          }
          reference: source(id: "source:reference-facts") {
            evidence {
              field
              method
              basis
            }
          }
          country(code: "KZ") {
            evidence {
              field
              method
              basis
            }
          }
          city(id: "city:almaty") {
            evidence {
              field
              method
              basis
            }
          }
          leader(id: "leader:kassym-jomart-tokayev") {
            evidence {
              field
              method
              basis
            }
          }
          company(id: "company:kazatomprom") {
            evidence {
              field
              method
              basis
            }
          }
          delegation(id: "delegation:jo-2025-08-27-astana") {
            evidence {
              field
              method
              basis
            }
          }
          cooperationArea(id: "area:trade") {
            evidence {
              field
              method
              basis
            }
          }
          position(id: "position:tokayev-supported-nuclear") {
            evidence {
              field
              method
              basis
            }
          }
          commitment(id: "commitment:kz-non-resource-exports-250m") {
            evidence {
              field
              method
              basis
            }
          }
          flightRoute(id: "route:royal-jordanian-amman-almaty") {
            evidence {
              field
              method
              basis
            }
          }
          award(id: "award:order-of-al-nahda") {
            evidence {
              field
              method
              basis
            }
          }
          awardConferral(id: "conferral:order-of-al-nahda-tokayev-2025-08-27") {
            evidence {
              field
              method
              basis
            }
          }
          sharedValue(id: "value:mutual-respect") {
            evidence {
              field
              method
              basis
            }
          }
          statement(id: "statement:tokayev-effective-development-of-relations") {
            evidence {
              field
              method
              basis
            }
          }
        }
      `),
    ).toEqual({
      status: 200,
      body: {
        data: {
          source: {
            evidence: [
              {
                field: "kind",
                method: "INFERRED",
                basis:
                  'not stated: the text reads as a dated news report (the dateline "date 2025-08-27 ASTANA", a third-person account of the talks attributed with "reported Akorda"); NEWS_REPORT is this graph\'s classification',
              },
              {
                field: "publishedOn",
                method: "STATED",
                basis: null,
              },
              {
                field: "dateline",
                method: "STATED",
                basis: null,
              },
              {
                field: "reportedBy",
                method: "STATED",
                basis: null,
              },
              {
                field: "language",
                method: "INFERRED",
                basis: "not stated: the report's text (every quote from it) is in English",
              },
            ],
          },
          reference: {
            evidence: [
              {
                field: "kind",
                method: "REFERENCE",
                basis: null,
              },
              {
                field: "publishedOn",
                method: "INFERRED",
                basis:
                  'not stated anywhere: the reference text carries no date (it only says it was "compiled by the bilateral-graph maintainers"); 2025-08-27 is the date of the report it accompanies, presumably why it was given',
              },
              {
                field: "publisher",
                method: "INFERRED",
                basis:
                  'the text says the data was "compiled by the bilateral-graph maintainers"; the compiler is taken to be the publisher',
              },
              {
                field: "language",
                method: "INFERRED",
                basis: "not stated: the reference text is in English",
              },
            ],
          },
          country: {
            evidence: [
              {
                field: "name",
                method: "STATED",
                basis: null,
              },
              {
                field: "aliases",
                method: "STATED",
                basis: null,
              },
              {
                field: "code",
                method: "REFERENCE",
                basis: null,
              },
              {
                field: "officialName",
                method: "REFERENCE",
                basis: null,
              },
              {
                field: "capital",
                method: "REFERENCE",
                basis: null,
              },
              {
                field: "region",
                method: "REFERENCE",
                basis: null,
              },
              {
                field: "demonym",
                method: "REFERENCE",
                basis: null,
              },
            ],
          },
          city: {
            evidence: [
              {
                field: "name",
                method: "STATED",
                basis: null,
              },
              {
                field: "country",
                method: "REFERENCE",
                basis: null,
              },
            ],
          },
          leader: {
            evidence: [
              {
                field: "name",
                method: "STATED",
                basis: null,
              },
              {
                field: "aliases",
                method: "STATED",
                basis: null,
              },
              {
                field: "title",
                method: "STATED",
                basis: null,
              },
              {
                field: "office",
                method: "STATED",
                basis: null,
              },
              {
                field: "country",
                method: "STATED",
                basis: null,
              },
            ],
          },
          company: {
            evidence: [
              {
                field: "name",
                method: "STATED",
                basis: null,
              },
              {
                field: "country",
                method: "REFERENCE",
                basis: null,
              },
              {
                field: "sector",
                method: "INFERRED",
                basis:
                  'the reference says "Kazatomprom is a producer of uranium"; this graph classifies uranium production as URANIUM_MINING',
              },
            ],
          },
          delegation: {
            evidence: [
              {
                field: "country",
                method: "INFERRED",
                basis:
                  'the report says the talks continued "with the participation of official delegations" without naming their countries; in talks between Kazakhstan and Jordan one delegation of each is assumed, this one of Jordan',
              },
              {
                field: "meeting",
                method: "STATED",
                basis: null,
              },
            ],
          },
          cooperationArea: {
            evidence: [
              {
                field: "name",
                method: "STATED",
                basis: null,
              },
              {
                field: "aliases",
                method: "STATED",
                basis: null,
              },
              {
                field: "category",
                method: "INFERRED",
                basis: "editorial classification by this graph; the report does not categorise the area",
              },
            ],
          },
          position: {
            evidence: [
              {
                field: "actor",
                method: "STATED",
                basis: null,
              },
              {
                field: "stance",
                method: "STATED",
                basis: null,
              },
              {
                field: "area",
                method: "STATED",
                basis: null,
              },
              {
                field: "meeting",
                method: "STATED",
                basis: null,
              },
            ],
          },
          commitment: {
            evidence: [
              {
                field: "kind",
                method: "STATED",
                basis: null,
              },
              {
                field: "status",
                method: "STATED",
                basis: null,
              },
              {
                field: "parties",
                method: "STATED",
                basis: null,
              },
              {
                field: "madeBy",
                method: "STATED",
                basis: null,
              },
              {
                field: "beneficiary",
                method: "STATED",
                basis: null,
              },
              {
                field: "area",
                method: "STATED",
                basis: null,
              },
              {
                field: "meeting",
                method: "STATED",
                basis: null,
              },
              {
                field: "value",
                method: "STATED",
                basis: null,
              },
              {
                field: "quantity",
                method: "STATED",
                basis: null,
              },
            ],
          },
          flightRoute: {
            evidence: [
              {
                field: "operator",
                method: "STATED",
                basis: null,
              },
              {
                field: "origin",
                method: "INFERRED",
                basis:
                  'the report says "direct flights between Amman and Almaty" without a direction; Amman, named first and the home of the operator (a Jordanian airline), is taken as the origin',
              },
              {
                field: "destination",
                method: "INFERRED",
                basis:
                  'the report says "direct flights between Amman and Almaty" without a direction; Almaty, named second, is taken as the destination',
              },
              {
                field: "direct",
                method: "STATED",
                basis: null,
              },
              {
                field: "status",
                method: "STATED",
                basis: null,
              },
              {
                field: "plannedYear",
                method: "INFERRED",
                basis: '"next year" relative to the report\'s date, 2025-08-27',
              },
              {
                field: "area",
                method: "STATED",
                basis: null,
              },
              {
                field: "expectedBenefits",
                method: "STATED",
                basis: null,
              },
            ],
          },
          award: {
            evidence: [
              {
                field: "name",
                method: "STATED",
                basis: null,
              },
              {
                field: "country",
                method: "REFERENCE",
                basis: null,
              },
            ],
          },
          awardConferral: {
            evidence: [
              {
                field: "award",
                method: "STATED",
                basis: null,
              },
              {
                field: "conferredBy",
                method: "STATED",
                basis: null,
              },
              {
                field: "recipient",
                method: "STATED",
                basis: null,
              },
              {
                field: "date",
                method: "INFERRED",
                basis:
                  'not stated: the presentation is reported among the events of the talks held "on Aug. 27" (2025, the report\'s date) and taken to have been made that day',
              },
              {
                field: "city",
                method: "INFERRED",
                basis:
                  'not stated: the presentation is reported among the events of the talks held "in the Kazakh capital" and taken to have been made there',
              },
              {
                field: "meeting",
                method: "INFERRED",
                basis:
                  "the report recounts the presentation in its account of the talks without saying it was made during them",
              },
              {
                field: "reason",
                method: "STATED",
                basis: null,
              },
              {
                field: "recipientResponse",
                method: "STATED",
                basis: null,
              },
            ],
          },
          sharedValue: {
            evidence: [
              {
                field: "name",
                method: "STATED",
                basis: null,
              },
              {
                field: "countries",
                method: "STATED",
                basis: null,
              },
              {
                field: "notedBy",
                method: "STATED",
                basis: null,
              },
              {
                field: "meeting",
                method: "STATED",
                basis: null,
              },
            ],
          },
          statement: {
            evidence: [
              {
                field: "speakers",
                method: "STATED",
                basis: null,
              },
              {
                field: "kind",
                method: "INFERRED",
                basis:
                  'the report says he "highlighted the effective development of Kazakh-Jordanian relations"; highlighting how relations stand is read as an ASSESSMENT',
              },
              {
                field: "meeting",
                method: "STATED",
                basis: null,
              },
            ],
          },
        },
      },
    });
  });

  test("evidence(fields:) narrows to some fields, in the order of the type's facts; a value from the reference data only is REFERENCE", async () => {
    expect(
      await h.run(/* GraphQL */ `
        query {
          country(code: "JO") {
            evidence(fields: [CODE, ALIASES, NAME]) {
              field
              method
              basis
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
      `),
    ).toEqual({
      status: 200,
      body: {
        data: {
          country: {
            evidence: [
              {
                field: "name",
                method: "STATED",
                basis: null,
                citations: [
                  {
                    quote: "King Abdullah II ibn Al Hussein of Jordan",
                    start: 76,
                    end: 117,
                    sentence:
                      "date 2025-08-27 ASTANA — President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks on Aug. 27 in the Kazakh capital, reaffirming their commitment to deepening bilateral relations and expanding cooperation.",
                    source: {
                      id: "source:kazakhstan-jordan-talks-2025-08-27",
                    },
                  },
                ],
              },
              {
                field: "aliases",
                method: "INFERRED",
                basis:
                  '"Jordanian" is the demonym the report uses ("the Jordanian market") and the reference states; "Hashemite Kingdom" is a short form of the official name "Hashemite Kingdom of Jordan" given by the reference, which no quote uses on its own',
                citations: [
                  {
                    quote: "the Jordanian market",
                    start: 1201,
                    end: 1221,
                    sentence:
                      "The officials confirmed their intention to increase bilateral trade turnover to $500 million, with Kazakhstan offering 60 types of non-resource goods worth $250 million for export to the Jordanian market.",
                    source: {
                      id: "source:kazakhstan-jordan-talks-2025-08-27",
                    },
                  },
                  {
                    quote: "The official name of Jordan is the Hashemite Kingdom of Jordan.",
                    start: 413,
                    end: 476,
                    sentence: "The official name of Jordan is the Hashemite Kingdom of Jordan.",
                    source: {
                      id: "source:reference-facts",
                    },
                  },
                  {
                    quote: "Jordanian is the demonym for Jordan.",
                    start: 547,
                    end: 583,
                    sentence: "Jordanian is the demonym for Jordan.",
                    source: {
                      id: "source:reference-facts",
                    },
                  },
                ],
              },
              {
                field: "code",
                method: "REFERENCE",
                basis: null,
                citations: [
                  {
                    quote: "Jordan has the ISO 3166-1 alpha-2 code JO.",
                    start: 370,
                    end: 412,
                    sentence: "Jordan has the ISO 3166-1 alpha-2 code JO.",
                    source: {
                      id: "source:reference-facts",
                    },
                  },
                ],
              },
            ],
          },
        },
      },
    });
  });

  test("the planned year is inferred, and plannedYearBasis is its claim's basis", async () => {
    expect(
      await h.run(
        /* GraphQL */ `
          query Route($fields: [FlightRouteFact!]) {
            flightRoute(id: "route:royal-jordanian-amman-almaty") {
              plannedYear
              plannedYearBasis
              evidence(fields: $fields) {
                field
                method
                basis
                citations {
                  quote
                }
              }
            }
          }
        `,
        { fields: ["PLANNED_YEAR", "OPERATOR"] },
      ),
    ).toEqual({
      status: 200,
      body: {
        data: {
          flightRoute: {
            plannedYear: 2026,
            plannedYearBasis: '"next year" relative to the report\'s date, 2025-08-27',
            evidence: [
              {
                field: "operator",
                method: "STATED",
                basis: null,
                citations: [
                  {
                    quote: "Royal Jordanian Airlines plans to launch direct flights between Amman and Almaty next year",
                  },
                ],
              },
              {
                field: "plannedYear",
                method: "INFERRED",
                basis: '"next year" relative to the report\'s date, 2025-08-27',
                citations: [
                  {
                    quote: "Royal Jordanian Airlines plans to launch direct flights between Amman and Almaty next year",
                  },
                ],
              },
            ],
          },
        },
      },
    });
  });

  test("evidence through the Node interface", async () => {
    expect(
      await h.run(/* GraphQL */ `
        query {
          node(id: "city:amman") {
            __typename
            evidence {
              field
              method
              citations {
                quote
                source {
                  kind
                }
              }
            }
          }
        }
      `),
    ).toEqual({
      status: 200,
      body: {
        data: {
          node: {
            __typename: "City",
            evidence: [
              {
                field: "name",
                method: "STATED",
                citations: [
                  {
                    quote: "President Tokayev in Amman",
                    source: {
                      kind: "NEWS_REPORT",
                    },
                  },
                  {
                    quote: "between Amman and Almaty",
                    source: {
                      kind: "NEWS_REPORT",
                    },
                  },
                ],
              },
              {
                field: "country",
                method: "REFERENCE",
                citations: [
                  {
                    quote: "The capital of Jordan is Amman.",
                    source: {
                      kind: "REFERENCE",
                    },
                  },
                ],
              },
            ],
          },
        },
      },
    });
  });

  test("a meeting's formats link to who took part and what was said, made and taken there, each placement with its evidence", async () => {
    expect(
      await h.run(/* GraphQL */ `
        query {
          meeting(id: "meeting:2025-08-27-astana") {
            formats {
              format
              participants {
                id
              }
              delegations {
                totalCount
                nodes {
                  id
                }
              }
              positions(first: 2) {
                totalCount
                pageInfo {
                  hasNextPage
                  endCursor
                }
                nodes {
                  id
                }
              }
              statements {
                totalCount
                nodes {
                  id
                }
              }
              commitments {
                nodes {
                  id
                  madeBy {
                    __typename
                    ... on Node {
                      id
                    }
                  }
                }
              }
              evidence {
                field
                method
                basis
                citations {
                  quote
                }
              }
            }
          }
        }
      `),
    ).toEqual({
      status: 200,
      body: {
        data: {
          meeting: {
            formats: [
              {
                format: "ONE_TO_ONE",
                participants: [
                  {
                    id: "leader:kassym-jomart-tokayev",
                  },
                  {
                    id: "leader:abdullah-ii",
                  },
                ],
                delegations: {
                  totalCount: 0,
                  nodes: [],
                },
                positions: {
                  totalCount: 3,
                  pageInfo: {
                    hasNextPage: true,
                    endCursor: "YXJyYXljb25uZWN0aW9uOjE=",
                  },
                  nodes: [
                    {
                      id: "position:tokayev-emphasized-political-ties",
                    },
                    {
                      id: "position:tokayev-emphasized-economic-ties",
                    },
                  ],
                },
                statements: {
                  totalCount: 6,
                  nodes: [
                    {
                      id: "statement:tokayev-gratitude-for-visit",
                    },
                    {
                      id: "statement:tokayev-effective-development-of-relations",
                    },
                    {
                      id: "statement:tokayev-political-economic-humanitarian-ties",
                    },
                    {
                      id: "statement:abdullah-ii-visit-continues-amman-talks",
                    },
                    {
                      id: "statement:abdullah-ii-readiness-to-strengthen-cooperation",
                    },
                    {
                      id: "statement:abdullah-ii-bonds-of-friendship",
                    },
                  ],
                },
                commitments: {
                  nodes: [],
                },
                evidence: [
                  {
                    field: "format",
                    method: "INFERRED",
                    basis:
                      'the report never names a one-to-one format; the talks "continued in an expanded format with the participation of official delegations", so they began in a narrower one, taken to be the leaders one to one',
                    citations: [
                      {
                        quote: "held talks on Aug. 27 in the Kazakh capital",
                      },
                      {
                        quote: "During the meeting",
                      },
                      {
                        quote:
                          "The talks continued in an expanded format with the participation of official delegations",
                      },
                    ],
                  },
                  {
                    field: "participants",
                    method: "INFERRED",
                    basis:
                      'the two leaders held the talks ("President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks"); the format before delegations joined is taken to be theirs alone',
                    citations: [
                      {
                        quote:
                          "President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks",
                      },
                      {
                        quote:
                          "The talks continued in an expanded format with the participation of official delegations",
                      },
                    ],
                  },
                  {
                    field: "positions",
                    method: "INFERRED",
                    basis:
                      'reported "During the meeting", before "The talks continued in an expanded format with the participation of official delegations": placed in the talks before the expanded format',
                    citations: [
                      {
                        quote: "During the meeting",
                      },
                      {
                        quote:
                          "The talks continued in an expanded format with the participation of official delegations",
                      },
                    ],
                  },
                  {
                    field: "statements",
                    method: "INFERRED",
                    basis:
                      'reported "During the meeting", before "The talks continued in an expanded format with the participation of official delegations": placed in the talks before the expanded format',
                    citations: [
                      {
                        quote: "During the meeting",
                      },
                      {
                        quote:
                          "The talks continued in an expanded format with the participation of official delegations",
                      },
                    ],
                  },
                ],
              },
              {
                format: "EXPANDED",
                participants: [
                  {
                    id: "leader:kassym-jomart-tokayev",
                  },
                  {
                    id: "leader:abdullah-ii",
                  },
                ],
                delegations: {
                  totalCount: 2,
                  nodes: [
                    {
                      id: "delegation:kz-2025-08-27-astana",
                    },
                    {
                      id: "delegation:jo-2025-08-27-astana",
                    },
                  ],
                },
                positions: {
                  totalCount: 6,
                  pageInfo: {
                    hasNextPage: true,
                    endCursor: "YXJyYXljb25uZWN0aW9uOjE=",
                  },
                  nodes: [
                    {
                      id: "position:kz-delegation-confirmed-intention-trade",
                    },
                    {
                      id: "position:jo-delegation-confirmed-intention-trade",
                    },
                  ],
                },
                statements: {
                  totalCount: 0,
                  nodes: [],
                },
                commitments: {
                  nodes: [
                    {
                      id: "commitment:trade-turnover-500m",
                      madeBy: [
                        {
                          __typename: "Delegation",
                          id: "delegation:kz-2025-08-27-astana",
                        },
                        {
                          __typename: "Delegation",
                          id: "delegation:jo-2025-08-27-astana",
                        },
                      ],
                    },
                    {
                      id: "commitment:kz-non-resource-exports-250m",
                      madeBy: [
                        {
                          __typename: "Country",
                          id: "country:KZ",
                        },
                      ],
                    },
                  ],
                },
                evidence: [
                  {
                    field: "format",
                    method: "STATED",
                    basis: null,
                    citations: [
                      {
                        quote:
                          "The talks continued in an expanded format with the participation of official delegations",
                      },
                    ],
                  },
                  {
                    field: "participants",
                    method: "INFERRED",
                    basis:
                      '"The talks continued" with the delegations joining: the leaders who held the talks are taken to have continued them in the expanded format',
                    citations: [
                      {
                        quote:
                          "The talks continued in an expanded format with the participation of official delegations",
                      },
                    ],
                  },
                  {
                    field: "delegations",
                    method: "STATED",
                    basis: null,
                    citations: [
                      {
                        quote:
                          "The talks continued in an expanded format with the participation of official delegations",
                      },
                    ],
                  },
                  {
                    field: "positions",
                    method: "INFERRED",
                    basis:
                      '"the officials" who made them are taken to be the official delegations that joined the talks in the expanded format, so they are placed there',
                    citations: [
                      {
                        quote:
                          "The officials confirmed their intention to increase bilateral trade turnover to $500 million",
                      },
                      {
                        quote: "The officials also expressed interest in expanding cultural and academic cooperation",
                      },
                    ],
                  },
                  {
                    field: "commitments",
                    method: "INFERRED",
                    basis:
                      '"the officials" who made them are taken to be the official delegations that joined the talks in the expanded format, so they are placed there',
                    citations: [
                      {
                        quote:
                          "The officials confirmed their intention to increase bilateral trade turnover to $500 million",
                      },
                      {
                        quote:
                          "with Kazakhstan offering 60 types of non-resource goods worth $250 million for export to the Jordanian market",
                      },
                    ],
                  },
                ],
              },
            ],
          },
        },
      },
    });
  });

  test("a field that is null has no claim", async () => {
    expect(
      await h.run(/* GraphQL */ `
        query {
          meeting(id: "meeting:amman-earlier-talks") {
            date
            invitedBy {
              id
            }
            evidence(fields: [DATE, INVITED_BY, CITY]) {
              field
              method
            }
            formats {
              format
            }
          }
        }
      `),
    ).toEqual({
      status: 200,
      body: {
        data: {
          meeting: {
            date: null,
            invitedBy: null,
            evidence: [
              {
                field: "city",
                method: "STATED",
              },
            ],
            formats: [],
          },
        },
      },
    });
  });

  test("a field name the type does not have is refused by validation, with a suggestion", async () => {
    expect(
      await h.run(/* GraphQL */ `
        query {
          meeting(id: "meeting:2025-08-27-astana") {
            evidence(fields: [INVITED]) {
              field
            }
          }
        }
      `),
    ).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Value "INVITED" does not exist in "MeetingFact" enum. Did you mean the enum value "INVITED_BY"?',
            locations: [
              {
                line: 4,
                column: 31,
              },
            ],
            extensions: {
              code: "GRAPHQL_VALIDATION_FAILED",
            },
          },
        ],
      },
    });
  });

  test("a field name the type does not have, given in a variable, is refused as bad user input naming the variable and the item", async () => {
    expect(
      await h.run(
        /* GraphQL */ `
          query Bad($fields: [CountryFact!]) {
            country(code: "KZ") {
              evidence(fields: $fields) {
                field
              }
            }
          }
        `,
        { fields: ["NAME", "DATE"] },
      ),
    ).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'Variable "$fields" got invalid value "DATE" at "fields[1]"; Value "DATE" does not exist in "CountryFact" enum. Did you mean the enum value "NAME"?',
            locations: [
              {
                line: 2,
                column: 21,
              },
            ],
            extensions: {
              code: "BAD_USER_INPUT",
            },
          },
        ],
      },
    });
  });
});
