import { cursorOf } from "../../src/repository/pagination";
import { EMPTY_PAGE_INFO } from "../support/article";
import { edgeCursorOf } from "../support/cursors";
import { createHarness, type Harness } from "../support/harness";

let h: Harness;

beforeAll(async () => {
  h = await createHarness();
});

afterAll(async () => {
  await h.stop();
});

/** The body of a field refused because of its arguments: no data beyond null, one BAD_USER_INPUT error. */
const badArguments = (
  message: string,
  location: { line: number; column: number },
  path: Array<string>,
  problems: Array<{ argument: string; messages: string[] }>,
) => ({
  status: 400,
  body: {
    data: null,
    errors: [{ message, locations: [location], path, extensions: { code: "BAD_USER_INPUT", arguments: problems } }],
  },
});

const AREAS_FIRST = /* GraphQL */ `
  query AreasFirst($first: Int) {
    cooperationAreas(first: $first) {
      totalCount
    }
  }
`;

const AREAS_LAST = /* GraphQL */ `
  query AreasLast($last: Int) {
    cooperationAreas(last: $last) {
      totalCount
    }
  }
`;

describe("page size", () => {
  it.each([0, -1, 101])("refuses first: %d", async first => {
    const result = await h.run(AREAS_FIRST, { first });
    expect(result).toEqual(
      badArguments(
        "Invalid argument: first must be between 1 and 100",
        { line: 3, column: 5 },
        ["cooperationAreas"],
        [{ argument: "first", messages: ["first must be between 1 and 100"] }],
      ),
    );
  });

  it.each([0, 101])("refuses last: %d", async last => {
    const result = await h.run(AREAS_LAST, { last });
    expect(result).toEqual(
      badArguments(
        "Invalid argument: last must be between 1 and 100",
        { line: 3, column: 5 },
        ["cooperationAreas"],
        [{ argument: "last", messages: ["last must be between 1 and 100"] }],
      ),
    );
  });

  it("accepts first: 100", async () => {
    const result = await h.run(AREAS_FIRST, { first: 100 });
    expect(result).toEqual({ status: 200, body: { data: { cooperationAreas: { totalCount: 16 } } } });
  });

  it("refuses first and last together", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query AreasBoth($first: Int, $last: Int) {
          cooperationAreas(first: $first, last: $last) {
            totalCount
          }
        }
      `,
      { first: 2, last: 2 },
    );
    expect(result).toEqual(
      badArguments(
        "Invalid argument: Pass either `first` or `last`, not both.",
        { line: 3, column: 11 },
        ["cooperationAreas"],
        [{ argument: "last", messages: ["Pass either `first` or `last`, not both."] }],
      ),
    );
  });

  it("refuses a string for an Int variable before executing anything", async () => {
    const result = await h.run(AREAS_FIRST, { first: "five" });
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Variable "$first" got invalid value "five"; Int cannot represent non-integer value: "five"',
            locations: [{ line: 2, column: 20 }],
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
      },
    });
  });
});

const AREAS_AFTER = /* GraphQL */ `
  query AreasAfter($after: String) {
    cooperationAreas(after: $after) {
      totalCount
    }
  }
`;

const AREAS_BEFORE = /* GraphQL */ `
  query AreasBefore($before: String) {
    cooperationAreas(last: 2, before: $before) {
      totalCount
    }
  }
`;

describe("cursors", () => {
  it("refuses an after cursor the service did not issue", async () => {
    const result = await h.run(AREAS_AFTER, { after: "bogus" });
    expect(result).toEqual(
      badArguments(
        'Argument "after" is not a cursor issued by this service.',
        { line: 3, column: 5 },
        ["cooperationAreas"],
        [{ argument: "after", messages: ['Argument "after" is not a cursor issued by this service.'] }],
      ),
    );
  });

  it("refuses a well-formed cursor with a negative offset", async () => {
    // well-formed as the service encodes cursors, but an offset it never issues
    const result = await h.run(AREAS_BEFORE, { before: cursorOf(-1) });
    expect(result).toEqual(
      badArguments(
        'Argument "before" is not a cursor issued by this service.',
        { line: 3, column: 5 },
        ["cooperationAreas"],
        [{ argument: "before", messages: ['Argument "before" is not a cursor issued by this service.'] }],
      ),
    );
  });

  it("refuses a cursor that points past the end of the list instead of starting over", async () => {
    // the 17th of the 24 positions: one past the last of the 16 areas (a cursor from a longer list)
    const positions = await h.run(`query PositionCursors { positions(first: 17) { edges { cursor } } }`);
    const result = await h.run(AREAS_AFTER, { after: edgeCursorOf(positions, 16, "positions") });
    const message = 'Argument "after" points past the end of this list (16 items); it was issued for another list.';
    expect(result).toEqual(
      badArguments(message, { line: 3, column: 5 }, ["cooperationAreas"], [{ argument: "after", messages: [message] }]),
    );
  });

  it("refuses a cursor of a longer list used on a relation's shorter list", async () => {
    // the 12th of the 16 areas: valid on the 16 areas, past the end of Kazakhstan's 11
    const areas = await h.run(`query AreaCursors { cooperationAreas(first: 12) { edges { cursor } } }`);
    const result = await h.run(
      /* GraphQL */ `
        query KazakhAreas($after: String) {
          country(code: "KZ") {
            cooperationAreas(after: $after) {
              totalCount
            }
          }
        }
      `,
      { after: edgeCursorOf(areas, 11, "cooperationAreas") },
    );
    const message = 'Argument "after" points past the end of this list (11 items); it was issued for another list.';
    expect(result).toEqual({
      status: 400,
      body: {
        data: { country: null },
        errors: [
          {
            message,
            locations: [{ line: 4, column: 13 }],
            path: ["country", "cooperationAreas"],
            extensions: { code: "BAD_USER_INPUT", arguments: [{ argument: "after", messages: [message] }] },
          },
        ],
      },
    });
  });

  it("refuses a cursor longer than 200 characters", async () => {
    const result = await h.run(AREAS_AFTER, { after: "a".repeat(201) });
    expect(result).toEqual(
      badArguments(
        "Invalid argument: after must be shorter than or equal to 200 characters",
        { line: 3, column: 5 },
        ["cooperationAreas"],
        [{ argument: "after", messages: ["after must be shorter than or equal to 200 characters"] }],
      ),
    );
  });
});

const AREAS_FILTER = /* GraphQL */ `
  query AreasFilter($filter: CooperationAreaFilter, $first: Int) {
    cooperationAreas(filter: $filter, first: $first) {
      totalCount
    }
  }
`;

describe("filters", () => {
  it("refuses nameContains longer than 100 characters", async () => {
    const result = await h.run(AREAS_FILTER, { filter: { nameContains: "x".repeat(101) } });
    expect(result).toEqual(
      badArguments(
        "Invalid argument: nameContains must be at most 100 characters",
        { line: 3, column: 5 },
        ["cooperationAreas"],
        [{ argument: "filter.nameContains", messages: ["nameContains must be at most 100 characters"] }],
      ),
    );
  });

  it("refuses a between pair that names the same country twice", async () => {
    const result = await h.run(AREAS_FILTER, { filter: { between: ["KZ", "kz"] } });
    expect(result).toEqual(
      badArguments(
        "Invalid argument: between must name two different countries",
        { line: 3, column: 5 },
        ["cooperationAreas"],
        [{ argument: "filter.between", messages: ["between must name two different countries"] }],
      ),
    );
  });

  it("accepts nameContains of exactly 100 characters", async () => {
    const result = await h.run(AREAS_FILTER, { filter: { nameContains: "x".repeat(100) } });
    expect(result).toEqual({ status: 200, body: { data: { cooperationAreas: { totalCount: 0 } } } });
  });

  it("lists every failed argument of a field in one error", async () => {
    const result = await h.run(AREAS_FILTER, { filter: { nameContains: "x".repeat(101) }, first: 0 });
    expect(result).toEqual(
      badArguments(
        "Invalid argument: first must be between 1 and 100; nameContains must be at most 100 characters",
        { line: 3, column: 5 },
        ["cooperationAreas"],
        [
          { argument: "first", messages: ["first must be between 1 and 100"] },
          { argument: "filter.nameContains", messages: ["nameContains must be at most 100 characters"] },
        ],
      ),
    );
  });

  it("refuses a between filter with one country", async () => {
    const result = await h.run(AREAS_FILTER, { filter: { between: ["KZ"] } });
    expect(result).toEqual(
      badArguments(
        "Invalid argument: between must name exactly two countries",
        { line: 3, column: 5 },
        ["cooperationAreas"],
        [{ argument: "filter.between", messages: ["between must name exactly two countries"] }],
      ),
    );
  });

  it("refuses an id longer than 200 characters", async () => {
    const result = await h.run(AREAS_FILTER, { filter: { meeting: "m".repeat(201) } });
    expect(result).toEqual(
      badArguments(
        "Invalid argument: meeting must be shorter than or equal to 200 characters",
        { line: 3, column: 5 },
        ["cooperationAreas"],
        [{ argument: "filter.meeting", messages: ["meeting must be shorter than or equal to 200 characters"] }],
      ),
    );
  });

  it("refuses an unknown enum value in a variable", async () => {
    const result = await h.run(AREAS_FILTER, { filter: { stance: "OPPOSED" } });
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'Variable "$filter" got invalid value "OPPOSED" at "filter.stance"; Value "OPPOSED" does not exist in "Stance" enum. Did you mean the enum value "PROPOSED"?',
            locations: [{ line: 2, column: 21 }],
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
      },
    });
  });

  it("refuses an impossible date", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query ConferralsOn($filter: AwardConferralFilter) {
          awardConferrals(filter: $filter) {
            totalCount
          }
        }
      `,
      { filter: { date: { from: "2025-02-30" } } },
    );
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'Variable "$filter" got invalid value "2025-02-30" at "filter.date.from"; Value is not a valid LocalDate: 2025-02-30',
            locations: [{ line: 2, column: 28 }],
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
      },
    });
  });
});

const SEARCH = /* GraphQL */ `
  query SearchText($text: String!) {
    search(text: $text) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        cursor
      }
    }
  }
`;

describe("search text", () => {
  it("refuses empty text", async () => {
    const result = await h.run(SEARCH, { text: "" });
    expect(result).toEqual(
      badArguments(
        "Invalid argument: text must contain at least one letter or digit",
        { line: 3, column: 5 },
        ["search"],
        [{ argument: "text", messages: ["text must contain at least one letter or digit"] }],
      ),
    );
  });

  it("refuses text longer than 200 characters", async () => {
    const result = await h.run(SEARCH, { text: "a".repeat(201) });
    expect(result).toEqual(
      badArguments(
        "Invalid argument: text must be at most 200 characters",
        { line: 3, column: 5 },
        ["search"],
        [{ argument: "text", messages: ["text must be at most 200 characters"] }],
      ),
    );
  });

  it("accepts text of exactly 200 characters", async () => {
    const result = await h.run(SEARCH, { text: "a".repeat(200) });
    expect(result).toEqual({
      status: 200,
      body: { data: { search: { totalCount: 0, pageInfo: EMPTY_PAGE_INFO, edges: [] } } },
    });
  });
});

describe("country codes", () => {
  it("refuses an invalid CountryCode literal at validation, with no data at all", async () => {
    const result = await h.run(/* GraphQL */ `
      query CountryLiteral {
        country(code: "XX") {
          id
        }
      }
    `);
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: "Value is not a valid country code: XX",
            locations: [{ line: 3, column: 23 }],
            extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
          },
        ],
      },
    });
  });

  it("refuses an invalid CountryCode variable, with no data at all", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query CountryVariable($code: CountryCode!) {
          country(code: $code) {
            id
          }
        }
      `,
      { code: "XX" },
    );
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Variable "$code" got invalid value "XX"; Value is not a valid country code: XX',
            locations: [{ line: 2, column: 31 }],
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
      },
    });
  });

  it("refuses an invalid CountryCode inside a list in a filter variable", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query MeetingsBetween($filter: MeetingFilter) {
          meetings(filter: $filter) {
            totalCount
          }
        }
      `,
      { filter: { between: ["KZ", "XX"] } },
    );
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message:
              'Variable "$filter" got invalid value "XX" at "filter.between[1]"; Value is not a valid country code: XX',
            locations: [{ line: 2, column: 31 }],
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
      },
    });
  });

  it("refuses a missing required variable", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query CountryMissing($code: CountryCode!) {
          country(code: $code) {
            id
          }
        }
      `,
      {},
    );
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Variable "$code" of required type "CountryCode!" was not provided.',
            locations: [{ line: 2, column: 30 }],
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
      },
    });
  });
});

describe("where errors land", () => {
  it("nulls only the nullable parent of a refused relation field", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query NestedRefused($code: CountryCode!, $first: Int) {
          country(code: $code) {
            leaders(first: $first) {
              totalCount
            }
          }
        }
      `,
      { code: "KZ", first: 0 },
    );
    expect(result).toEqual({
      status: 400,
      body: {
        data: { country: null },
        errors: [
          {
            message: "Invalid argument: first must be between 1 and 100",
            locations: [{ line: 4, column: 13 }],
            path: ["country", "leaders"],
            extensions: {
              code: "BAD_USER_INPUT",
              arguments: [{ argument: "first", messages: ["first must be between 1 and 100"] }],
            },
          },
        ],
      },
    });
  });

  it("nulls the whole data when a non-null root connection is refused, siblings included", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query TwoRoots($first: Int) {
          areas: cooperationAreas(first: $first) {
            totalCount
          }
          countries {
            totalCount
          }
        }
      `,
      { first: 0 },
    );
    expect(result).toEqual({
      status: 400,
      body: {
        data: null,
        errors: [
          {
            message: "Invalid argument: first must be between 1 and 100",
            locations: [{ line: 3, column: 11 }],
            path: ["areas"],
            extensions: {
              code: "BAD_USER_INPUT",
              arguments: [{ argument: "first", messages: ["first must be between 1 and 100"] }],
            },
          },
        ],
      },
    });
  });

  it("refuses more than 100 ids for nodes", async () => {
    const result = await h.run(
      /* GraphQL */ `
        query TooManyNodes($ids: [ID!]!) {
          nodes(ids: $ids) {
            id
          }
        }
      `,
      { ids: Array.from({ length: 101 }, () => "country:KZ") },
    );
    expect(result).toEqual(
      badArguments(
        "Invalid argument: ids must hold at most 100 ids",
        { line: 3, column: 11 },
        ["nodes"],
        [{ argument: "ids", messages: ["ids must hold at most 100 ids"] }],
      ),
    );
  });

  it("reports a syntax error as GRAPHQL_PARSE_FAILED", async () => {
    const result = await h.run("query Broken { countries { ");
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: "Syntax Error: Expected Name, found <EOF>.",
            locations: [{ line: 1, column: 28 }],
            extensions: { code: "GRAPHQL_PARSE_FAILED" },
          },
        ],
      },
    });
  });

  it("reports an unknown field as GRAPHQL_VALIDATION_FAILED", async () => {
    const result = await h.run(/* GraphQL */ `
      query UnknownField {
        countries {
          bogus
        }
      }
    `);
    expect(result).toEqual({
      status: 400,
      body: {
        errors: [
          {
            message: 'Cannot query field "bogus" on type "CountryConnection". Did you mean "edges" or "nodes"?',
            locations: [{ line: 4, column: 11 }],
            extensions: { code: "GRAPHQL_VALIDATION_FAILED" },
          },
        ],
      },
    });
  });
});
