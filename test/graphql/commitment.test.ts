import { CURSOR, EMPTY_PAGE_INFO, S_TRADE, onePage, talks } from "../support/article";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

const COMMITMENT = /* GraphQL */ `
  query Commitment($id: ID!) {
    commitment(id: $id) {
      __typename
      id
      title
      description
      kind
      status
      parties {
        code
      }
      beneficiary {
        code
      }
      area {
        id
        name
      }
      meeting {
        id
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

describe("commitment(id:)", () => {
  it("returns the shared target of $500 million in bilateral trade turnover", async () => {
    const result = await h.run(COMMITMENT, { id: "commitment:trade-turnover-500m" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          commitment: {
            __typename: "Commitment",
            id: "commitment:trade-turnover-500m",
            title: "Increase bilateral trade turnover to $500 million",
            description:
              "The officials confirmed their intention to increase bilateral trade turnover between Kazakhstan and Jordan to $500 million.",
            kind: "TARGET",
            status: "INTENDED",
            parties: [{ code: "KZ" }, { code: "JO" }],
            beneficiary: null,
            area: { id: "area:trade", name: "Bilateral trade" },
            meeting: { id: "meeting:2025-08-27-astana" },
            value: { amount: 500000000, currency: "USD", formatted: "$500,000,000.00" },
            quantity: null,
            citations: [
              talks(
                "The officials confirmed their intention to increase bilateral trade turnover to $500 million",
                1018,
                1110,
                S_TRADE,
              ),
            ],
          },
        },
      },
    });
  });

  it("returns Kazakhstan's offer of 60 types of non-resource goods worth $250 million to Jordan", async () => {
    const result = await h.run(COMMITMENT, { id: "commitment:kz-non-resource-exports-250m" });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          commitment: {
            __typename: "Commitment",
            id: "commitment:kz-non-resource-exports-250m",
            title: "Kazakhstan offers 60 types of non-resource goods worth $250 million for export to Jordan",
            description:
              "Kazakhstan offered 60 types of non-resource goods worth $250 million for export to the Jordanian market.",
            kind: "OFFER",
            status: "OFFERED",
            parties: [{ code: "KZ" }],
            beneficiary: { code: "JO" },
            area: { id: "area:trade", name: "Bilateral trade" },
            meeting: { id: "meeting:2025-08-27-astana" },
            value: { amount: 250000000, currency: "USD", formatted: "$250,000,000.00" },
            quantity: { value: 60, unit: "types of non-resource goods" },
            citations: [
              talks(
                "Kazakhstan offering 60 types of non-resource goods worth $250 million for export to the Jordanian market",
                1117,
                1221,
                S_TRADE,
              ),
            ],
          },
        },
      },
    });
  });

  it("returns null for an unknown id", async () => {
    const result = await h.run(COMMITMENT, { id: "commitment:nothing" });
    expect(result).toEqual({ status: 200, body: { data: { commitment: null } } });
  });
});

const COMMITMENTS = /* GraphQL */ `
  query Commitments($filter: CommitmentFilter, $orderBy: NameOrder) {
    commitments(filter: $filter, orderBy: $orderBy) {
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
          value {
            formatted
          }
        }
      }
    }
  }
`;

const TARGET = { id: "commitment:trade-turnover-500m", value: { formatted: "$500,000,000.00" } };
const OFFER = { id: "commitment:kz-non-resource-exports-250m", value: { formatted: "$250,000,000.00" } };

const BOTH = {
  status: 200,
  body: {
    data: {
      commitments: {
        totalCount: 2,
        pageInfo: onePage(2),
        edges: [
          { cursor: CURSOR[0], node: TARGET },
          { cursor: CURSOR[1], node: OFFER },
        ],
      },
    },
  },
};
const ONLY_TARGET = {
  status: 200,
  body: {
    data: { commitments: { totalCount: 1, pageInfo: onePage(1), edges: [{ cursor: CURSOR[0], node: TARGET }] } },
  },
};
const ONLY_OFFER = {
  status: 200,
  body: { data: { commitments: { totalCount: 1, pageInfo: onePage(1), edges: [{ cursor: CURSOR[0], node: OFFER }] } } },
};
const NONE = {
  status: 200,
  body: { data: { commitments: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
};

describe("commitments", () => {
  it("lists both commitments by title", async () => {
    expect(await h.run(COMMITMENTS)).toEqual(BOTH);
  });

  it("orders by title descending", async () => {
    const result = await h.run(COMMITMENTS, { orderBy: { field: "NAME", direction: "DESC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          commitments: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: OFFER },
              { cursor: CURSOR[1], node: TARGET },
            ],
          },
        },
      },
    });
  });

  it("orders by id", async () => {
    const result = await h.run(COMMITMENTS, { orderBy: { field: "ID", direction: "ASC" } });
    expect(result).toEqual({
      status: 200,
      body: {
        data: {
          commitments: {
            totalCount: 2,
            pageInfo: onePage(2),
            edges: [
              { cursor: CURSOR[0], node: OFFER },
              { cursor: CURSOR[1], node: TARGET },
            ],
          },
        },
      },
    });
  });

  it("filters by party: Kazakhstan is a party to both", async () => {
    expect(await h.run(COMMITMENTS, { filter: { party: "KZ" } })).toEqual(BOTH);
  });

  it("filters by party: Jordan is a party to the target only", async () => {
    expect(await h.run(COMMITMENTS, { filter: { party: "JO" } })).toEqual(ONLY_TARGET);
  });

  it("filters by kind", async () => {
    expect(await h.run(COMMITMENTS, { filter: { kind: "TARGET" } })).toEqual(ONLY_TARGET);
    expect(await h.run(COMMITMENTS, { filter: { kind: "OFFER" } })).toEqual(ONLY_OFFER);
    expect(await h.run(COMMITMENTS, { filter: { kind: "AGREEMENT" } })).toEqual(NONE);
  });

  it("filters by status", async () => {
    expect(await h.run(COMMITMENTS, { filter: { status: "INTENDED" } })).toEqual(ONLY_TARGET);
    expect(await h.run(COMMITMENTS, { filter: { status: "OFFERED" } })).toEqual(ONLY_OFFER);
    expect(await h.run(COMMITMENTS, { filter: { status: "SIGNED" } })).toEqual(NONE);
  });

  it("filters by area", async () => {
    expect(await h.run(COMMITMENTS, { filter: { area: "area:trade" } })).toEqual(BOTH);
    expect(await h.run(COMMITMENTS, { filter: { area: "area:nuclear" } })).toEqual(NONE);
  });

  it("filters by meeting", async () => {
    expect(await h.run(COMMITMENTS, { filter: { meeting: "meeting:2025-08-27-astana" } })).toEqual(BOTH);
    expect(await h.run(COMMITMENTS, { filter: { meeting: "meeting:amman-earlier-talks" } })).toEqual(NONE);
  });

  it("filters by currency, in any case", async () => {
    expect(await h.run(COMMITMENTS, { filter: { currency: "USD" } })).toEqual(BOTH);
    expect(await h.run(COMMITMENTS, { filter: { currency: "usd" } })).toEqual(BOTH);
    expect(await h.run(COMMITMENTS, { filter: { currency: "EUR" } })).toEqual(NONE);
  });

  it("filters by a pair of countries (the offer is between them as party and beneficiary)", async () => {
    expect(await h.run(COMMITMENTS, { filter: { between: ["JO", "KZ"] } })).toEqual(BOTH);
  });

  it("combines party and kind", async () => {
    expect(await h.run(COMMITMENTS, { filter: { party: "KZ", kind: "OFFER" } })).toEqual(ONLY_OFFER);
    expect(await h.run(COMMITMENTS, { filter: { party: "JO", kind: "OFFER" } })).toEqual(NONE);
  });
});
