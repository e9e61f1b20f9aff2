/**
 * Per-request loaders over a store that answers with Promises (as a database would): a page of N
 * parents costs one store call per relation level, not N, and the answer is the in-memory store's.
 */
import type { NodeTypename, RecordByType } from "../../src/domain/records";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { createLoaders } from "../../src/repository/loaders";
import type {
  CitingQuery,
  GraphRepository,
  ListFilterKey,
  ListQuery,
  SearchQuery,
} from "../../src/repository/repository";
import { loadSeed } from "../../src/seed/seed.loader";
import { AsyncRepository } from "../support/async.repository";
import { createHarness, type Harness, SEED_DIR } from "../support/harness";

/** A store counting its calls (method, type, how many ids or queries), answering through another. */
class CountingStore implements GraphRepository {
  readonly calls: string[] = [];

  constructor(private readonly inner: GraphRepository) {}

  getMany<K extends NodeTypename>(type: K, ids: readonly string[]) {
    this.calls.push(`getMany(${type}, ${ids.length})`);
    return this.inner.getMany(type, ids);
  }

  nodes(ids: readonly string[]) {
    this.calls.push(`nodes(${ids.length})`);
    return this.inner.nodes(ids);
  }

  countriesByCode(codes: readonly string[]) {
    this.calls.push(`countriesByCode(${codes.length})`);
    return this.inner.countriesByCode(codes);
  }

  list<K extends NodeTypename>(type: K, queries: ReadonlyArray<ListQuery<K>>) {
    this.calls.push(`list(${type}, ${queries.length})`);
    return this.inner.list(type, queries);
  }

  citing(queries: readonly CitingQuery[]) {
    this.calls.push(`citing(${queries.length})`);
    return this.inner.citing(queries);
  }

  search(query: SearchQuery) {
    this.calls.push("search");
    return this.inner.search(query);
  }

  largestList<K extends NodeTypename>(type: K, filterKey: ListFilterKey<K> | null) {
    return this.inner.largestList(type, filterKey);
  }

  largestCiting() {
    return this.inner.largestCiting();
  }
}

const data = loadSeed({ seedDir: SEED_DIR });
const distinct = (values: ReadonlyArray<string | null>) => new Set(values.filter(v => v !== null)).size;

describe("loaders over a store that answers with Promises", () => {
  let store: CountingStore;
  let batched: Harness;
  let inMemory: Harness;
  beforeAll(async () => {
    store = new CountingStore(new AsyncRepository(new InMemoryRepository(data)));
    batched = await createHarness(store);
    inMemory = await createHarness();
  });
  afterAll(async () => {
    await batched.stop();
    await inMemory.stop();
  });

  const run = async (query: string) => {
    store.calls.length = 0;
    const answer = await batched.run(query);
    return { answer, calls: [...store.calls].sort() };
  };

  test("a page of 24 positions and three relations of each: four store calls, not 72", async () => {
    const query = `{
      positions(first: 24) {
        nodes {
          id
          area { name }
          meeting { title }
          actor { __typename ... on Country { code } ... on Leader { name } ... on Company { name } ... on Delegation { name } }
        }
      }
    }`;
    const positions = data.positions;
    expect(positions.length).toBe(24);
    expect(await run(query)).toEqual({
      answer: await inMemory.run(query),
      calls: [
        `getMany(CooperationArea, ${distinct(positions.map(p => p.areaId))})`,
        `getMany(Meeting, ${distinct(positions.map(p => p.meetingId))})`,
        "list(Position, 1)",
        `nodes(${distinct(positions.map(p => p.actorId))})`,
      ],
    });
  });

  test("a connection under each of N parents: one list call for all N, one lookup per level below", async () => {
    const query = `{
      cooperationAreas(first: 20) {
        nodes {
          name
          positions(first: 5) { totalCount nodes { stance meeting { title } } }
        }
      }
    }`;
    const { cooperationAreas: areas, positions } = data;
    expect(areas.length).toBeGreaterThan(10);
    expect(await run(query)).toEqual({
      answer: await inMemory.run(query),
      calls: [
        `getMany(Meeting, ${distinct(positions.map(p => p.meetingId))})`,
        "list(CooperationArea, 1)",
        `list(Position, ${areas.length})`,
      ],
    });
  });

  test("what every source backs: one citing call for every source of the page", async () => {
    const query = `{ sources { nodes { id citedBy(first: 3) { totalCount nodes { id } } } } }`;
    expect(await run(query)).toEqual({
      answer: await inMemory.run(query),
      calls: [`citing(${data.sources.length})`, "list(Source, 1)"],
    });
  });

  test("an id asked twice in a request is fetched once", async () => {
    const query = `{ a: node(id: "country:KZ") { id } b: node(id: "country:KZ") { id } c: node(id: "country:JO") { id } }`;
    expect(await run(query)).toEqual({
      answer: {
        status: 200,
        body: { data: { a: { id: "country:KZ" }, b: { id: "country:KZ" }, c: { id: "country:JO" } } },
      },
      calls: ["nodes(2)"],
    });
  });

  // A response with errors is executed again by graphql-js (see compiled-executor.ts), so the calls
  // appear twice: still one per level of each execution.
  test("a refused list query fails the fields that asked it, in one call per level", async () => {
    const query = `{ awards { nodes { name conferrals(first: 1, after: "bm90LWEtY3Vyc29y") { totalCount } } } }`;
    expect(await run(query)).toEqual({
      answer: await inMemory.run(query),
      calls: [
        "list(Award, 1)",
        "list(Award, 1)",
        `list(AwardConferral, ${data.awards.length})`,
        `list(AwardConferral, ${data.awards.length})`,
      ],
    });
  });
});

describe("loaders over a synchronous store", () => {
  test("answer without a Promise (execution stays synchronous)", () => {
    const loaders = createLoaders(new InMemoryRepository(data));
    const country = loaders.get("Country", "country:KZ");
    const page = loaders.list("Position", { page: { first: 2 } });
    expect({
      country: (country as RecordByType["Country"]).code,
      page: "edges" in page ? page.edges.map(e => e.node.id) : page,
    }).toEqual({
      country: "KZ",
      page: data.positions
        .map(p => p.id)
        .sort()
        .slice(0, 2),
    });
  });
});
