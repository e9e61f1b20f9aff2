/**
 * The subgraph's federation entry points over HTTP, as a router calls them: `_entities` answers a
 * whole batch with one repository lookup per entity type, unknown keys are null, and with a
 * router secret configured neither `_entities` nor `_service` answers without it.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";

import type { App } from "../../src/app";
import { CountingRepository } from "../support/counting.repository";
import { ROOT } from "../support/harness";
import { startTestServer } from "../support/server";

const SECRET = "s3cret-for-tests-only-0123456789";

const ENTITIES = /* GraphQL */ `
  query Entities($representations: [_Any!]!) {
    _entities(representations: $representations) {
      __typename
      ... on Country {
        code
        name
      }
      ... on Leader {
        name
      }
      ... on CooperationArea {
        name
      }
    }
  }
`;

async function post(app: App, body: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(app.url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify(body),
  });
  const json: unknown = await response.json();
  return { status: response.status, body: json };
}

describe("_entities", () => {
  let app: App;
  let repository: CountingRepository;
  beforeAll(async () => {
    repository = new CountingRepository();
    app = await startTestServer({}, repository);
  });
  afterAll(() => app.stop());

  test("resolves a batch in order with one lookup per type and key, unknown keys as null", async () => {
    const areas = ["area:nuclear", "area:tourism", "area:medicine", "area:culture", "area:trade"];
    const representations = [
      { __typename: "Country", code: "JO" },
      { __typename: "Leader", id: "leader:kassym-jomart-tokayev" },
      ...areas.map(id => ({ __typename: "CooperationArea", id })),
      { __typename: "Country", code: "KZ" },
      { __typename: "Country", id: "country:KZ" },
      { __typename: "Leader", id: "leader:nobody" },
      { __typename: "Country", code: "FR" },
    ];
    repository.calls.length = 0;
    expect(await post(app, { query: ENTITIES, variables: { representations } })).toEqual({
      status: 200,
      body: {
        data: {
          _entities: [
            { __typename: "Country", code: "JO", name: "Jordan" },
            { __typename: "Leader", name: "Kassym-Jomart Tokayev" },
            { __typename: "CooperationArea", name: "Nuclear energy" },
            { __typename: "CooperationArea", name: "Tourism" },
            { __typename: "CooperationArea", name: "Medicine" },
            { __typename: "CooperationArea", name: "Culture" },
            { __typename: "CooperationArea", name: "Bilateral trade" },
            { __typename: "Country", code: "KZ", name: "Kazakhstan" },
            { __typename: "Country", code: "KZ", name: "Kazakhstan" },
            null,
            null,
          ],
        },
        extensions: { cost: { requested: 34, actual: 22, limit: 25000 } },
      },
    });
    expect(repository.calls).toEqual([
      "countriesByCode(3)",
      "getMany(Leader, 2)",
      "getMany(CooperationArea, 5)",
      "getMany(Country, 1)",
    ]);
  });

  test("refuses a representation of an unknown type, naming it", async () => {
    expect(
      await post(app, { query: ENTITIES, variables: { representations: [{ __typename: "Planet", id: "x" }] } }),
    ).toEqual({
      status: 400,
      body: {
        data: null,
        errors: [
          {
            message: 'representations[0]: unknown __typename "Planet"',
            locations: [{ line: 3, column: 5 }],
            path: ["_entities"],
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
        extensions: { cost: { requested: 4, actual: 0, limit: 25000 } },
      },
    });
  });

  test("refuses a representation without its key field", async () => {
    expect(
      await post(app, { query: ENTITIES, variables: { representations: [{ __typename: "Leader", name: "x" }] } }),
    ).toEqual({
      status: 400,
      body: {
        data: null,
        errors: [
          {
            message: 'representations[0]: a Leader representation needs its key field "id"',
            locations: [{ line: 3, column: 5 }],
            path: ["_entities"],
            extensions: { code: "BAD_USER_INPUT" },
          },
        ],
        extensions: { cost: { requested: 4, actual: 0, limit: 25000 } },
      },
    });
  });
});

describe("the router secret", () => {
  let app: App;
  beforeAll(async () => {
    app = await startTestServer({ ROUTER_SECRET: SECRET });
  });
  afterAll(() => app.stop());

  const forbidden = (fields: string) => ({
    status: 403,
    body: {
      errors: [
        {
          message: `${fields} may only be queried by the router: send the router secret in the x-router-secret header.`,
          extensions: { code: "FORBIDDEN" },
        },
      ],
    },
  });
  const JO = { representations: [{ __typename: "Country", code: "JO" }] };

  test("refuses _entities without the header", async () => {
    expect(await post(app, { query: ENTITIES, variables: JO })).toEqual(forbidden("_entities"));
  });

  test("refuses _entities with a wrong secret", async () => {
    expect(await post(app, { query: ENTITIES, variables: JO }, { "x-router-secret": "wrong" })).toEqual(
      forbidden("_entities"),
    );
  });

  test("refuses _service, even through a fragment", async () => {
    const query = "query Sdl { ...Root } fragment Root on Query { _service { sdl } }";
    expect(await post(app, { query })).toEqual(forbidden("_service"));
  });

  test("answers _entities and _service with the secret", async () => {
    const entities = await post(app, { query: ENTITIES, variables: JO }, { "x-router-secret": SECRET });
    expect(entities).toEqual({
      status: 200,
      body: {
        data: { _entities: [{ __typename: "Country", code: "JO", name: "Jordan" }] },
        extensions: { cost: { requested: 4, actual: 4, limit: 25000 } },
      },
    });
    const service = await post(app, { query: "query Sdl { _service { sdl } }" }, { "x-router-secret": SECRET });
    // The SDL a router composes is the committed subgraph.graphql.
    expect(service).toEqual({
      status: 200,
      body: {
        data: { _service: { sdl: readFileSync(join(ROOT, "subgraph.graphql"), "utf8") } },
        extensions: { cost: { requested: 2, actual: 2, limit: 25000 } },
      },
    });
  });

  test("keeps every other query open", async () => {
    expect(await post(app, { query: "query Count { countries { totalCount } }" })).toEqual({
      status: 200,
      body: { data: { countries: { totalCount: 2 } }, extensions: { cost: { requested: 3, actual: 2, limit: 25000 } } },
    });
  });
});
