import {
  CURSOR,
  EMPTY_PAGE_INFO,
  REFERENCE,
  S_OPENING,
  S_TIES,
  TALKS,
  TALKS_TEXT,
  onePage,
  reference,
  talks,
} from "../support/article";
import { edgeCursorOf, endCursorOf } from "../support/cursors";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const REFERENCE_TEXT =
  "Reference data compiled by the bilateral-graph maintainers from ISO 3166-1 and standard gazetteers.\n" +
  "Kazakhstan has the ISO 3166-1 alpha-2 code KZ.\n" +
  "The official name of Kazakhstan is the Republic of Kazakhstan.\n" +
  "The capital of Kazakhstan is Astana.\n" +
  "Kazakhstan is located in Central Asia.\n" +
  "Kazakh and Kazakhstani are demonyms for Kazakhstan.\n" +
  "Almaty is a city in Kazakhstan.\n" +
  "Jordan has the ISO 3166-1 alpha-2 code JO.\n" +
  "The official name of Jordan is the Hashemite Kingdom of Jordan.\n" +
  "The capital of Jordan is Amman.\n" +
  "Jordan is located in the Middle East.\n" +
  "Jordanian is the demonym for Jordan.\n" +
  "Kazatomprom is the national atomic company of Kazakhstan.\n" +
  "Kazatomprom is a producer of uranium.\n" +
  "Royal Jordanian Airlines is the flag carrier of Jordan.\n" +
  "The Order of Al-Nahda is a Jordanian order.\n";

const SOURCE = /* GraphQL */ `
  query Source($id: ID!) {
    source(id: $id) {
      __typename
      id
      title
      kind
      publishedOn
      reportedBy
      publisher
      language
      length
      text
      dateline {
        id
        name
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

describe("source(id:)", () => {
  it("returns the news report, reported by Akorda, datelined Astana, with its full text", async () => {
    const result = await h.run(SOURCE, { id: TALKS });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          source: {
            __typename: "Source",
            id: "source:kazakhstan-jordan-talks-2025-08-27",
            title: "Kazakhstan, Jordan leaders hold talks in Astana",
            kind: "NEWS_REPORT",
            publishedOn: "2025-08-27",
            reportedBy: "Akorda",
            publisher: null,
            language: "en",
            length: 2452,
            text: TALKS_TEXT,
            dateline: { id: "city:astana", name: "Astana" },
            citations: [talks("date 2025-08-27 ASTANA", 1, 23, S_OPENING), talks("reported Akorda", 617, 632, S_TIES)],
          },
        },
      },
    });
  });

  it("returns the reference facts, compiled by the maintainers, with no dateline", async () => {
    const result = await h.run(SOURCE, { id: REFERENCE });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          source: {
            __typename: "Source",
            id: "source:reference-facts",
            title: "Reference facts: countries, cities, companies and awards",
            kind: "REFERENCE",
            publishedOn: "2025-08-27",
            reportedBy: null,
            publisher: "bilateral-graph maintainers",
            language: "en",
            length: 780,
            text: REFERENCE_TEXT,
            dateline: null,
            citations: [
              reference(
                "Reference data compiled by the bilateral-graph maintainers from ISO 3166-1 and standard gazetteers.",
                0,
                99,
              ),
            ],
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(SOURCE, { id: "source:unknown" });
    expect(result).toEqual({ status: 200, body: { data: { source: null } } });
  });
});

const SOURCES = /* GraphQL */ `
  query Sources($filter: SourceFilter, $orderBy: DatedOrder) {
    sources(filter: $filter, orderBy: $orderBy) {
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

const TALKS_FIRST = {
  status: 200,
  body: {
    data: {
      sources: {
        totalCount: 2,
        pageInfo: onePage(2),
        edges: [
          { cursor: CURSOR[0], node: { id: TALKS } },
          { cursor: CURSOR[1], node: { id: REFERENCE } },
        ],
      },
    },
  },
};
const REFERENCE_FIRST = {
  status: 200,
  body: {
    data: {
      sources: {
        totalCount: 2,
        pageInfo: onePage(2),
        edges: [
          { cursor: CURSOR[0], node: { id: REFERENCE } },
          { cursor: CURSOR[1], node: { id: TALKS } },
        ],
      },
    },
  },
};

describe("sources", () => {
  it("lists both sources by publication date (both 27 August 2025), then id", async () => {
    expect(await h.run(SOURCES)).toEqual(TALKS_FIRST);
  });

  it("orders by date descending: same date, so by id descending", async () => {
    expect(await h.run(SOURCES, { orderBy: { field: "DATE", direction: "DESC" } })).toEqual(REFERENCE_FIRST);
  });

  it("orders by title", async () => {
    expect(await h.run(SOURCES, { orderBy: { field: "NAME", direction: "ASC" } })).toEqual(TALKS_FIRST);
    expect(await h.run(SOURCES, { orderBy: { field: "NAME", direction: "DESC" } })).toEqual(REFERENCE_FIRST);
  });

  it("filters by kind", async () => {
    expect(await h.run(SOURCES, { filter: { kind: "NEWS_REPORT" } })).toEqual({
      status: 200,
      body: {
        data: { sources: { totalCount: 1, pageInfo: onePage(1), edges: [{ cursor: CURSOR[0], node: { id: TALKS } }] } },
      },
    });
    expect(await h.run(SOURCES, { filter: { kind: "OFFICIAL_STATEMENT" } })).toEqual({
      status: 200,
      body: { data: { sources: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
    });
  });

  it("filters by publication date range", async () => {
    expect(await h.run(SOURCES, { filter: { published: { from: "2025-08-27", to: "2025-08-27" } } })).toEqual(
      TALKS_FIRST,
    );
    expect(await h.run(SOURCES, { filter: { published: { from: "2025-08-28" } } })).toEqual({
      status: 200,
      body: { data: { sources: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
    });
  });
});

const CITED_BY = /* GraphQL */ `
  query CitedBy($id: ID!, $first: Int, $after: String, $last: Int, $before: String) {
    source(id: $id) {
      citedBy(first: $first, after: $after, last: $last, before: $before) {
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
            __typename
            id
          }
        }
      }
    }
  }
`;

describe("Source.citedBy", () => {
  it("lists everything the reference facts back, in id order", async () => {
    const result = await h.run(CITED_BY, { id: REFERENCE });
    const edge = (i: number, __typename: string, id: string) => ({ cursor: CURSOR[i], node: { __typename, id } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          source: {
            citedBy: {
              totalCount: 10,
              pageInfo: onePage(10),
              edges: [
                edge(0, "Award", "award:order-of-al-nahda"),
                edge(1, "City", "city:almaty"),
                edge(2, "City", "city:amman"),
                edge(3, "City", "city:astana"),
                edge(4, "Company", "company:kazatomprom"),
                edge(5, "Company", "company:royal-jordanian"),
                edge(6, "Country", "country:JO"),
                edge(7, "Country", "country:KZ"),
                edge(8, "Meeting", "meeting:amman-earlier-talks"),
                edge(9, "Source", "source:reference-facts"),
              ],
            },
          },
        },
      },
    });
  });

  it("pages through what the news report backs: the first five of 71", async () => {
    const result = await h.run(CITED_BY, { id: TALKS, first: 5 });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          source: {
            citedBy: {
              totalCount: 71,
              pageInfo: { hasNextPage: true, hasPreviousPage: false, startCursor: CURSOR[0], endCursor: CURSOR[4] },
              edges: [
                { cursor: CURSOR[0], node: { __typename: "CooperationArea", id: "area:academic" } },
                { cursor: CURSOR[1], node: { __typename: "CooperationArea", id: "area:agriculture" } },
                { cursor: CURSOR[2], node: { __typename: "CooperationArea", id: "area:aviation" } },
                { cursor: CURSOR[3], node: { __typename: "CooperationArea", id: "area:culture" } },
                { cursor: CURSOR[4], node: { __typename: "CooperationArea", id: "area:defense-manufacturing" } },
              ],
            },
          },
        },
      },
    });
  });

  it("pages through what the news report backs: the next page after a cursor", async () => {
    const first16 = await h.run(CITED_BY, { id: TALKS, first: 16 });
    const result = await h.run(CITED_BY, { id: TALKS, first: 2, after: endCursorOf(first16, "source", "citedBy") });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          source: {
            citedBy: {
              totalCount: 71,
              pageInfo: { hasNextPage: true, hasPreviousPage: true, startCursor: CURSOR[16], endCursor: CURSOR[17] },
              edges: [
                { cursor: CURSOR[16], node: { __typename: "Award", id: "award:order-of-al-nahda" } },
                { cursor: CURSOR[17], node: { __typename: "City", id: "city:almaty" } },
              ],
            },
          },
        },
      },
    });
  });

  it("pages through what the news report backs: the last three", async () => {
    // the cursors of the last three of the whole list, as a page of all 71 gives them
    const all = await h.run(CITED_BY, { id: TALKS, first: 71 });
    const cursor = (i: number) => edgeCursorOf(all, i, "source", "citedBy");
    const result = await h.run(CITED_BY, { id: TALKS, last: 3 });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          source: {
            citedBy: {
              totalCount: 71,
              pageInfo: {
                hasNextPage: false,
                hasPreviousPage: true,
                startCursor: cursor(68),
                endCursor: cursor(70),
              },
              edges: [
                {
                  cursor: cursor(68),
                  node: { __typename: "Statement", id: "statement:tokayev-political-economic-humanitarian-ties" },
                },
                { cursor: cursor(69), node: { __typename: "SharedValue", id: "value:mutual-respect" } },
                { cursor: cursor(70), node: { __typename: "SharedValue", id: "value:tolerance" } },
              ],
            },
          },
        },
      },
    });
  });
});

describe("Citation", () => {
  it("gives the quote, its offsets, its whole sentence and its source", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query CitationFields($id: ID!) {
          awardConferral(id: $id) {
            citations {
              quote
              start
              end
              sentence
              source {
                id
                title
                kind
                reportedBy
              }
            }
          }
        }
      `,
      { id: "conferral:order-of-al-nahda-tokayev-2025-08-27" },
    );
    const SOURCE_FIELDS = {
      id: TALKS,
      title: "Kazakhstan, Jordan leaders hold talks in Astana",
      kind: "NEWS_REPORT",
      reportedBy: "Akorda",
    };
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          awardConferral: {
            citations: [
              {
                quote:
                  "King Abdullah II of Jordan presented President Tokayev with the Kingdom’s highest state award, the Order of Al-Nahda",
                start: 2037,
                end: 2153,
                sentence:
                  "King Abdullah II of Jordan presented President Tokayev with the Kingdom’s highest state award, the Order of Al-Nahda, recognizing his significant contribution to strengthening friendship and cooperation between Jordan and Kazakhstan.",
                source: SOURCE_FIELDS,
              },
              {
                quote:
                  "recognizing his significant contribution to strengthening friendship and cooperation between Jordan and Kazakhstan",
                start: 2155,
                end: 2269,
                sentence:
                  "King Abdullah II of Jordan presented President Tokayev with the Kingdom’s highest state award, the Order of Al-Nahda, recognizing his significant contribution to strengthening friendship and cooperation between Jordan and Kazakhstan.",
                source: SOURCE_FIELDS,
              },
              {
                quote:
                  "President Tokayev expressed deep gratitude, calling the award a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership",
                start: 2272,
                end: 2451,
                sentence:
                  "President Tokayev expressed deep gratitude, calling the award a symbol of the close and trusting relations between the two countries and a powerful impetus for further partnership.",
                source: SOURCE_FIELDS,
              },
              {
                quote: "held talks on Aug. 27 in the Kazakh capital",
                start: 118,
                end: 161,
                sentence:
                  "date 2025-08-27 ASTANA — President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks on Aug. 27 in the Kazakh capital, reaffirming their commitment to deepening bilateral relations and expanding cooperation.",
                source: SOURCE_FIELDS,
              },
            ],
          },
        },
      },
    });
  });

  it("keeps the sentence whole across the abbreviation “Aug. 27”", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query OpeningSentence($id: ID!) {
          meeting(id: $id) {
            formats {
              format
              citations {
                quote
                sentence
              }
            }
          }
        }
      `,
      { id: "meeting:2025-08-27-astana" },
    );
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          meeting: {
            formats: [
              {
                format: "ONE_TO_ONE",
                citations: [
                  {
                    quote:
                      "President of Kazakhstan Kassym-Jomart Tokayev and King Abdullah II ibn Al Hussein of Jordan held talks",
                    sentence: S_OPENING,
                  },
                  { quote: "held talks on Aug. 27 in the Kazakh capital", sentence: S_OPENING },
                  {
                    quote: "During the meeting",
                    sentence:
                      "During the meeting, President Tokayev expressed gratitude to King Abdullah II for accepting the invitation to visit Kazakhstan and highlighted the effective development of Kazakh-Jordanian relations.",
                  },
                  {
                    quote: "The talks continued in an expanded format with the participation of official delegations",
                    sentence:
                      "The talks continued in an expanded format with the participation of official delegations.",
                  },
                ],
              },
              {
                format: "EXPANDED",
                citations: [
                  {
                    quote: "The talks continued in an expanded format with the participation of official delegations",
                    sentence:
                      "The talks continued in an expanded format with the participation of official delegations.",
                  },
                  {
                    quote:
                      "The officials confirmed their intention to increase bilateral trade turnover to $500 million",
                    sentence:
                      "The officials confirmed their intention to increase bilateral trade turnover to $500 million, with Kazakhstan offering 60 types of non-resource goods worth $250 million for export to the Jordanian market.",
                  },
                  {
                    quote:
                      "with Kazakhstan offering 60 types of non-resource goods worth $250 million for export to the Jordanian market",
                    sentence:
                      "The officials confirmed their intention to increase bilateral trade turnover to $500 million, with Kazakhstan offering 60 types of non-resource goods worth $250 million for export to the Jordanian market.",
                  },
                  {
                    quote: "The officials also expressed interest in expanding cultural and academic cooperation",
                    sentence:
                      "The officials also expressed interest in expanding cultural and academic cooperation, including joint research projects and university partnerships.",
                  },
                ],
              },
            ],
          },
        },
      },
    });
  });

  it("quotes the source text exactly at its offsets, for every object the news report backs", async () => {
    const result = await h.run(
      /* GraphQL */ `
        fragment Cited on Citation {
          quote
          start
          end
          sentence
          source {
            id
          }
        }
        query EveryCitation($id: ID!, $first: Int) {
          source(id: $id) {
            text
            citedBy(first: $first) {
              totalCount
              nodes {
                id
                ... on Source {
                  citations {
                    ...Cited
                  }
                }
                ... on Country {
                  citations {
                    ...Cited
                  }
                }
                ... on City {
                  citations {
                    ...Cited
                  }
                }
                ... on Leader {
                  citations {
                    ...Cited
                  }
                }
                ... on Company {
                  citations {
                    ...Cited
                  }
                }
                ... on Meeting {
                  citations {
                    ...Cited
                  }
                  formats {
                    citations {
                      ...Cited
                    }
                  }
                }
                ... on Delegation {
                  citations {
                    ...Cited
                  }
                }
                ... on CooperationArea {
                  citations {
                    ...Cited
                  }
                }
                ... on Position {
                  citations {
                    ...Cited
                  }
                }
                ... on Commitment {
                  citations {
                    ...Cited
                  }
                }
                ... on FlightRoute {
                  citations {
                    ...Cited
                  }
                }
                ... on Award {
                  citations {
                    ...Cited
                  }
                }
                ... on AwardConferral {
                  citations {
                    ...Cited
                  }
                }
                ... on SharedValue {
                  citations {
                    ...Cited
                  }
                }
                ... on Statement {
                  citations {
                    ...Cited
                  }
                }
              }
            }
          }
        }
      `,
      { id: TALKS, first: 100 },
    );
    expect(result.status).toBe(200);
    type Cited = { quote: string; start: number; end: number; sentence: string; source: { id: string } };
    type CitingNode = { id: string; citations: Cited[]; formats?: Array<{ citations: Cited[] }> };
    const data = result.body.data as {
      source: { text: string; citedBy: { totalCount: number; nodes: CitingNode[] } };
    };
    expect(data.source.text).toBe(TALKS_TEXT);
    expect(data.source.citedBy.totalCount).toBe(71);
    const codePoints = Array.from(data.source.text);
    const problems: string[] = [];
    for (const node of data.source.citedBy.nodes) {
      const citations = [...node.citations, ...(node.formats ?? []).flatMap(f => f.citations)];
      // Every object listed cites the report at least once.
      if (!citations.some(c => c.source.id === TALKS)) problems.push(`${node.id}: does not cite the report`);
      for (const c of citations.filter(c => c.source.id === TALKS)) {
        const slice = codePoints.slice(c.start, c.end).join("");
        if (slice !== c.quote) problems.push(`${node.id}: ${c.start}..${c.end} reads ${JSON.stringify(slice)}`);
        if (!c.sentence.includes(c.quote)) problems.push(`${node.id}: sentence does not contain the quote`);
      }
    }
    expect(problems).toEqual([]);
  });
});
