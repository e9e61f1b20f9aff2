/**
 * The repository contract: what any `GraphRepository` (the in-memory store, a database-backed one)
 * must answer over the pinned dataset (SEED_DIR), as jest describe/it blocks. Expected answers come
 * from the reference model (./reference.ts, plain scans over the loaded data) and, where the dataset
 * is pinned, from a few literal answers. Results are compared whole: id lists, page infos, counts.
 *
 * `make` builds the store from SEED_DIR. `makeFrom`, when given, builds one from any `GraphData`:
 * the ordering checks then also run over a dataset made to tell every ordering apart
 * (test/support/ordering-data.ts); without it, orderings are checked on the pinned dataset only, where
 * few types have three records or more. A store may answer synchronously or with Promises; every
 * call is awaited.
 */
import {
  AreaCategory,
  CommitmentKind,
  CommitmentStatus,
  CompanySector,
  RouteStatus,
  SourceKind,
  Stance,
  StatementKind,
} from "../../src/domain/enums";
import type { GraphData, NodeRecord, NodeTypename, RecordByType } from "../../src/domain/records";
import { InvalidArgumentError } from "../../src/repository/errors";
import {
  type CountryPair,
  type DateRange,
  type FilterByType,
  type GraphRepository,
  type ListFilterKey,
  type ListQuery,
  type MaybePromise,
  OrderDirection,
  OrderField,
  type Ordering,
  type Page,
  type PageArgs,
  type PageInfo,
  type PageOrError,
  type SearchHit,
} from "../../src/repository/repository";
import { loadSeed } from "../../src/seed/seed.loader";
import { SEED_DIR } from "../support/harness";
import { withOrderingRecords } from "../support/ordering-data";
import { Reference, TYPENAMES } from "./reference";

type Make = () => MaybePromise<GraphRepository>;
type MakeFrom = (data: GraphData) => MaybePromise<GraphRepository>;

// ---- the pinned dataset's ids used as filter values ----

const TOKAYEV = "leader:kassym-jomart-tokayev";
const ABDULLAH = "leader:abdullah-ii";
const ASTANA_TALKS = "meeting:2025-08-27-astana";
const AMMAN_TALKS = "meeting:amman-earlier-talks";
const TALKS_SOURCE = "source:kazakhstan-jordan-talks-2025-08-27";
const REFERENCE_SOURCE = "source:reference-facts";

/** Both meetings, and an id of another type (matches nothing). */
const MEETINGS = [ASTANA_TALKS, AMMAN_TALKS, TOKAYEV];
/** Codes in any case, and one no country has. */
const CODES = ["kz", "JO", "Jo", "xx"];
/** Both orders and any case; one country the graph does not have; one country twice (a pair of one: nothing). */
const PAIRS: CountryPair[] = [
  ["kz", "jo"],
  ["JO", "KZ"],
  ["Kz", "jO"],
  ["KZ", "XX"],
  ["kz", "KZ"],
];
const RANGES: DateRange[] = [
  { from: "2025-08-27" },
  { to: "2025-08-26" },
  { from: "2025-08-27", to: "2025-08-27" },
  { from: "2025-08-28", to: null },
  { from: "2024-01-01", to: "2025-12-31" },
  {},
];
const ACTORS = ["country:JO", "country:KZ", TOKAYEV, ABDULLAH, "company:jumco", "delegation:kz-2025-08-27-astana"];

/** Values tried for every filter field of every type: ones that match, ones that match nothing. */
const FILTER_VALUES: {
  readonly [K in NodeTypename]: {
    readonly [F in keyof FilterByType[K]]-?: ReadonlyArray<NonNullable<FilterByType[K][F]>>;
  };
} = {
  Source: { kind: Object.values(SourceKind), published: RANGES },
  Country: {
    nameContains: ["stan", "JORD", "a", "zzz"],
    region: ["central asia", "MIDDLE EAST", "Middle East", "Asia"],
  },
  City: { country: CODES, nameContains: ["am", "AST", "zzz"] },
  Leader: { country: CODES, nameContains: ["abdullah", "TOKAYEV", "ii", "zzz"], between: PAIRS },
  Company: {
    country: CODES,
    sector: Object.values(CompanySector),
    area: ["area:nuclear", "area:aviation", "area:trade", "company:jumco"],
    nameContains: ["jordan", "KAZ", "zzz"],
  },
  Meeting: {
    country: CODES,
    participant: [TOKAYEV, ABDULLAH, "country:KZ"],
    city: ["city:astana", "city:amman", "city:almaty"],
    continues: MEETINGS,
    date: RANGES,
    between: PAIRS,
  },
  Delegation: { country: CODES, meeting: MEETINGS, between: PAIRS },
  CooperationArea: {
    category: Object.values(AreaCategory),
    actor: [...ACTORS, "city:astana"],
    actorCountry: CODES,
    stance: Object.values(Stance),
    company: ["company:jumco", "company:royal-jordanian", ABDULLAH],
    meeting: MEETINGS,
    nameContains: ["ties", "TRADE", "zzz"],
    between: PAIRS,
  },
  Position: {
    area: ["area:nuclear", "area:trade", "area:medicine", "company:jumco"],
    actor: [...ACTORS, "city:astana"],
    actorCountry: CODES,
    stance: Object.values(Stance),
    meeting: MEETINGS,
    between: PAIRS,
  },
  Commitment: {
    party: CODES,
    kind: Object.values(CommitmentKind),
    status: Object.values(CommitmentStatus),
    area: ["area:trade", "area:nuclear"],
    meeting: MEETINGS,
    currency: ["USD", "usd", "EUR"],
    between: PAIRS,
  },
  FlightRoute: {
    operator: ["company:royal-jordanian", "company:jumco"],
    area: ["area:aviation", "area:trade"],
    city: ["city:amman", "city:almaty", "city:astana"],
    country: CODES,
    status: Object.values(RouteStatus),
    between: PAIRS,
  },
  Award: { country: CODES, nameContains: ["nahda", "ORDER", "zzz"] },
  AwardConferral: {
    award: ["award:order-of-al-nahda", "area:trade"],
    recipient: [TOKAYEV, ABDULLAH],
    conferredBy: [TOKAYEV, ABDULLAH],
    meeting: MEETINGS,
    country: CODES,
    date: RANGES,
    between: PAIRS,
  },
  SharedValue: { country: CODES, notedBy: [TOKAYEV, ABDULLAH], meeting: MEETINGS, between: PAIRS },
  Statement: {
    speaker: [TOKAYEV, ABDULLAH, "country:KZ"],
    meeting: MEETINGS,
    kind: Object.values(StatementKind),
    between: PAIRS,
  },
};

/** Several conditions at once (all must hold); null conditions are no conditions. */
const COMBINED: ReadonlyArray<{ [K in NodeTypename]: readonly [K, FilterByType[K]] }[NodeTypename]> = [
  ["CooperationArea", { actorCountry: "jo", stance: Stance.PROPOSED }],
  ["CooperationArea", { actor: ABDULLAH, stance: Stance.EMPHASIZED }],
  ["CooperationArea", { actor: ABDULLAH, stance: Stance.NOTED_POTENTIAL, between: ["kz", "jo"] }],
  ["CooperationArea", { category: AreaCategory.ECONOMIC, company: "company:jumco", meeting: ASTANA_TALKS }],
  ["CooperationArea", { nameContains: "t", category: AreaCategory.HUMANITARIAN, actorCountry: "KZ" }],
  ["Position", { actorCountry: "kz", stance: Stance.NOTED_POTENTIAL }],
  ["Position", { actor: ABDULLAH, area: "area:tourism", between: ["jo", "kz"] }],
  ["Company", { country: "jo", sector: CompanySector.AVIATION }],
  ["Company", { country: "jo", nameContains: "royal", sector: CompanySector.URANIUM_MINING }],
  ["Meeting", { country: "kz", date: { from: "2025-01-01" } }],
  ["Meeting", { participant: ABDULLAH, city: "city:amman", continues: null }],
  ["Commitment", { party: "kz", kind: CommitmentKind.OFFER, currency: "usd" }],
  ["Statement", { speaker: TOKAYEV, kind: StatementKind.GRATITUDE, meeting: ASTANA_TALKS }],
  ["Leader", { country: "jo", between: ["kz", "jo"], nameContains: null }],
  ["SharedValue", { country: "kz", notedBy: ABDULLAH }],
  ["Delegation", { country: "kz", meeting: ASTANA_TALKS }],
  ["AwardConferral", { country: "jo", date: { to: "2025-08-27" }, recipient: TOKAYEV }],
];

/** A filter per type to order a filtered list by (in the ordering dataset, each keeps copied records). */
const ORDERING_FILTERS: { readonly [K in NodeTypename]: FilterByType[K] } = {
  Source: { kind: SourceKind.NEWS_REPORT },
  Country: { region: "central asia" },
  City: { country: "kz" },
  Leader: { country: "kz" },
  Company: { nameContains: "a" },
  Meeting: { country: "KZ" },
  Delegation: { country: "kz" },
  CooperationArea: { category: AreaCategory.POLITICAL },
  Position: { meeting: ASTANA_TALKS },
  Commitment: { party: "kz" },
  FlightRoute: { operator: "company:royal-jordanian" },
  Award: { country: "jo" },
  AwardConferral: { recipient: TOKAYEV },
  SharedValue: { country: "kz" },
  Statement: { meeting: ASTANA_TALKS },
};

// ---- reading answers ----

const EMPTY_PAGE_INFO: PageInfo = { hasPreviousPage: false, hasNextPage: false, startCursor: null, endCursor: null };

/** A page's info as a plain object (a store's may be a class with getters). */
const infoOf = ({ hasPreviousPage, hasNextPage, startCursor, endCursor }: PageInfo): PageInfo => ({
  hasPreviousPage,
  hasNextPage,
  startCursor,
  endCursor,
});

interface Summary {
  readonly ids: string[];
  readonly totalCount: number;
  readonly pageInfo: PageInfo;
}

/** A page reduced to what the contract compares; `idOf` reads an item's id. */
function summary<T>(page: Page<T>, idOf: (item: T) => string): Summary {
  return { ids: page.edges.map(e => idOf(e.node)), totalCount: page.totalCount, pageInfo: infoOf(page.pageInfo) };
}

/** What a page must be: these ids, these flags, and cursors that are its first and last edges' cursors. */
function expectedPage<T>(
  page: Page<T>,
  ids: string[],
  totalCount: number,
  flags: Omit<PageInfo, "startCursor" | "endCursor">,
): Summary {
  return {
    ids,
    totalCount,
    pageInfo: { ...flags, startCursor: page.edges[0]?.cursor ?? null, endCursor: page.edges.at(-1)?.cursor ?? null },
  };
}

/** A page's ids, count and flags, for pages whose cursors are not the point (the paging tests check them). */
function listing<T>(page: Page<T>, idOf: (item: T) => string) {
  const { ids, totalCount, pageInfo } = summary(page, idOf);
  return { ids, totalCount, hasPreviousPage: pageInfo.hasPreviousPage, hasNextPage: pageInfo.hasNextPage };
}

/** The listing of a page that holds all of a list. */
const whole = (ids: string[]) => ({ ids, totalCount: ids.length, hasPreviousPage: false, hasNextPage: false });

const recordId = (r: { readonly id: string }): string => r.id;
const hitId = (h: SearchHit): string => h.node.id;

/** The error a call throws or rejects with (a store may do either); fails if it answers. */
async function refusal(call: () => MaybePromise<unknown>): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to be refused, but it answered");
}

async function expectInvalidArgument(call: () => MaybePromise<unknown>, argument: string): Promise<void> {
  const error = await refusal(call);
  expect(error).toBeInstanceOf(InvalidArgumentError);
  // the argument is named by the error's `argument` (the GraphQL layer reports it); the wording is the store's
  expect(error).toMatchObject({ name: "InvalidArgumentError", argument });
}

/**
 * Pages through a whole list: forward with `first: size`, each `after` the previous page's
 * `endCursor`; or backward with `last: size`, each `before` the previous page's `startCursor`. Checks
 * every page against the slice of `expected` it must be (ids, flags, count, cursors of its edges).
 */
async function expectPaging<T>(
  direction: "forward" | "backward",
  fetch: (page: PageArgs) => MaybePromise<Page<T>>,
  idOf: (item: T) => string,
  expected: string[],
  size: number,
): Promise<void> {
  const n = expected.length;
  const forward = direction === "forward";
  const actual: Summary[] = [];
  const wanted: Summary[] = [];
  let cursor: string | null = null;
  // one page more than the list needs at most, should a store never say it is done
  for (let i = 0; i <= Math.ceil(n / size); i++) {
    const page: Page<T> = await fetch(forward ? { first: size, after: cursor } : { last: size, before: cursor });
    const start = forward ? i * size : Math.max(n - (i + 1) * size, 0);
    const end = forward ? Math.min((i + 1) * size, n) : Math.max(n - i * size, 0);
    actual.push(summary(page, idOf));
    wanted.push(
      expectedPage(page, expected.slice(start, end), n, { hasPreviousPage: start > 0, hasNextPage: end < n }),
    );
    if (!(forward ? page.pageInfo.hasNextPage : page.pageInfo.hasPreviousPage)) break;
    cursor = forward ? page.pageInfo.endCursor : page.pageInfo.startCursor;
  }
  expect(actual).toEqual(wanted);
}

const ALL: PageArgs = { first: 100 };

/** One query of the batch-shaped `list`: its page, or the refusal answered in its place, thrown. */
async function listOf<K extends NodeTypename>(
  repo: GraphRepository,
  type: K,
  query: ListQuery<K>,
): Promise<Page<RecordByType[K]>> {
  return pageOf((await repo.list(type, [query]))[0]);
}

/** One query of the batch-shaped `citing`, as `listOf`. */
async function citingOf(repo: GraphRepository, sourceId: string, page: PageArgs): Promise<Page<NodeRecord>> {
  return pageOf((await repo.citing([{ sourceId, page }]))[0]);
}

function pageOf<T>(answer: PageOrError<T> | undefined): Page<T> {
  if (answer instanceof Error) throw answer;
  if (answer === undefined) throw new Error("the store answered no page for the query");
  return answer;
}

export function describeRepositoryContract(name: string, make: Make, makeFrom?: MakeFrom): void {
  describe(`repository contract: ${name}`, () => {
    const data = loadSeed({ seedDir: SEED_DIR });
    const reference = new Reference(data);
    const allIds = TYPENAMES.flatMap(type => reference.records(type).map(recordId));
    const recordOf = new Map(TYPENAMES.flatMap(type => reference.records(type).map(r => [r.id, r] as const)));
    let repo: GraphRepository;

    beforeAll(async () => {
      repo = await make();
    });

    /** The ids (in the store's order) and the count of a whole filtered, ordered list. */
    const listed = async <K extends NodeTypename>(type: K, filter: FilterByType[K] | null, orderBy?: Ordering) => {
      const page = await listOf(repo, type, { filter, orderBy: orderBy ?? null, page: ALL });
      return { ids: page.edges.map(e => e.node.id), totalCount: page.totalCount };
    };
    const referenceListed = <K extends NodeTypename>(type: K, filter: FilterByType[K] | null, orderBy?: Ordering) => {
      const ids = reference.list(type, filter, orderBy ?? null);
      return { ids, totalCount: ids.length };
    };

    describe("lookups", () => {
      // every id of the graph, in an order that is none of the stores', with unknown ids among them
      const asked = [...allIds.slice().reverse(), "country:XX", "", "leader:abdullah-ii "];

      it.each(TYPENAMES)(
        "getMany(%s) answers in the order asked; null for unknown ids and other types' ids",
        async type => {
          const expected = asked.map(id => {
            const record = recordOf.get(id);
            return record?.__typename === type ? record : null;
          });
          expect(await repo.getMany(type, asked)).toEqual(expected);
        },
      );

      it("getMany answers repeated ids once per ask, and nothing for no ids", async () => {
        expect((await repo.getMany("Leader", [ABDULLAH, TOKAYEV, ABDULLAH])).map(r => r?.id ?? null)).toEqual([
          ABDULLAH,
          TOKAYEV,
          ABDULLAH,
        ]);
        expect(await repo.getMany("Leader", [])).toEqual([]);
      });

      it("nodes answers records of any type in the order asked, null for unknown ids", async () => {
        expect(await repo.nodes(asked)).toEqual(asked.map(id => recordOf.get(id) ?? null));
        expect(await repo.nodes([])).toEqual([]);
      });

      it("countriesByCode answers in the order asked, codes in any case, null for unknown codes", async () => {
        const ids = async (codes: string[]) => (await repo.countriesByCode(codes)).map(c => c?.id ?? null);
        expect(await ids(["kz", "XX"])).toEqual(["country:KZ", null]);
        expect(await ids(["JO", "kz", "Kz", "jo", "xx", "", "KAZ", "country:KZ"])).toEqual([
          "country:JO",
          "country:KZ",
          "country:KZ",
          "country:JO",
          null,
          null,
          null,
          null,
        ]);
        expect(await repo.countriesByCode(["jO"])).toEqual([recordOf.get("country:JO")]);
      });
    });

    describe("filters: every field of every type", () => {
      const cases = TYPENAMES.flatMap(type =>
        Object.entries(FILTER_VALUES[type]).map(([field, values]) => [type, field, values as unknown[]] as const),
      );

      it.each(cases)("%s.%s", async (type, field, values) => {
        const actual = [];
        const expected = [];
        for (const value of values) {
          const filter = { [field]: value } as FilterByType[typeof type];
          actual.push({ value, ...(await listed(type, filter)) });
          expected.push({ value, ...referenceListed(type, filter) });
        }
        expect(actual).toEqual(expected);
        // the values tried tell the filter apart from no filter: one keeps something, one keeps less than all
        const whole = reference.list(type).length;
        expect({
          keepsSome: expected.some(e => e.totalCount > 0),
          keepsLessThanAll: expected.some(e => e.totalCount < whole),
        }).toEqual({ keepsSome: true, keepsLessThanAll: true });
      });

      it("no filter, an empty filter and a filter of nulls keep every record", async () => {
        const every = referenceListed("Meeting", null);
        expect(await listed("Meeting", null)).toEqual(every);
        expect(await listed("Meeting", {})).toEqual(every);
        expect(await listed("Meeting", { country: null, date: null, between: null })).toEqual(every);
      });

      it("pinned answers", async () => {
        expect(await listed("CooperationArea", { actorCountry: "jo", stance: Stance.PROPOSED })).toEqual({
          ids: ["area:defense-manufacturing", "area:halal-industry", "area:medicine", "area:pharmaceuticals"],
          totalCount: 4,
        });
        expect(await listed("Meeting", { date: { from: "2025-01-01" }, between: ["jo", "kz"] })).toEqual({
          ids: [ASTANA_TALKS],
          totalCount: 1,
        });
        expect(await listed("Meeting", { between: ["JO", "kz"] })).toEqual({
          ids: [ASTANA_TALKS, AMMAN_TALKS],
          totalCount: 2,
        });
        expect(await listed("Leader", { between: ["kz", "XX"] })).toEqual({ ids: [], totalCount: 0 });
      });
    });

    describe("combined filters", () => {
      it.each(COMBINED.map(([type, filter]) => [type, JSON.stringify(filter), filter] as const))(
        "%s %s",
        async (type, _, filter) => {
          expect(await listed(type, filter)).toEqual(referenceListed(type, filter));
        },
      );
    });

    /**
     * Every supported ordering of every type, on whole lists and filtered ones, against the reference.
     * A list of fewer than two records is in every order at once, so it is left out: it could not fail.
     */
    const describeOrdering = (reference: Reference, store: () => GraphRepository) => {
      const filterOf = <K extends NodeTypename>(type: K, filtered: boolean): FilterByType[K] | null =>
        filtered ? ORDERING_FILTERS[type] : null;
      const cases = (filtered: boolean) =>
        TYPENAMES.flatMap(type => {
          const count = reference.list(type, filterOf(type, filtered)).length;
          if (count < 2) return [];
          return reference.orderings(type).map(o => [type, `${o.field} ${o.direction}`, count, o] as const);
        });
      const ids = async <K extends NodeTypename>(type: K, filter: FilterByType[K] | null, orderBy: Ordering | null) =>
        (await listOf(store(), type, { filter, orderBy, page: ALL })).edges.map(e => e.node.id);

      it.each(cases(false))("%s by %s (%i records)", async (type, _, __, orderBy) => {
        expect(await ids(type, null, orderBy)).toEqual(reference.list(type, null, orderBy));
      });

      it.each(cases(true))("%s by %s, filtered (%i records)", async (type, _, __, orderBy) => {
        const filter = ORDERING_FILTERS[type];
        expect(await ids(type, filter, orderBy)).toEqual(reference.list(type, filter, orderBy));
      });

      it.each(TYPENAMES.filter(type => reference.list(type).length >= 2))(
        "%s in its default order when none is asked for",
        async type => {
          expect(await ids(type, null, null)).toEqual(reference.list(type));
          expect(await ids(type, ORDERING_FILTERS[type], null)).toEqual(reference.list(type, ORDERING_FILTERS[type]));
        },
      );
    };

    describe("ordering", () => {
      describeOrdering(reference, () => repo);

      it("pinned answers", async () => {
        const ids = async (type: NodeTypename, field: OrderField, direction: OrderDirection) =>
          (await listOf(repo, type, { orderBy: { field, direction }, page: ALL })).edges.map(e => e.node.id);
        // titles: "Increase bilateral trade…" before "Kazakhstan offers…"; ids the other way round
        expect(await ids("Commitment", OrderField.NAME, OrderDirection.ASC)).toEqual([
          "commitment:trade-turnover-500m",
          "commitment:kz-non-resource-exports-250m",
        ]);
        // the undated meeting is last in either direction
        expect(await ids("Meeting", OrderField.DATE, OrderDirection.DESC)).toEqual([ASTANA_TALKS, AMMAN_TALKS]);
        expect(await ids("Meeting", OrderField.DATE, OrderDirection.ASC)).toEqual([ASTANA_TALKS, AMMAN_TALKS]);
        // names, not ids: "Transport and logistics" (area:transport-logistics) … "Bilateral trade" (area:trade) …
        expect(await ids("CooperationArea", OrderField.NAME, OrderDirection.DESC)).toEqual([
          "area:transport-logistics",
          "area:tourism",
          "area:political-ties",
          "area:pharmaceuticals",
          "area:nuclear",
          "area:medicine",
          "area:humanitarian-ties",
          "area:halal-industry",
          "area:economic-ties",
          "area:digitalization",
          "area:defense-manufacturing",
          "area:culture",
          "area:trade",
          "area:aviation",
          "area:agriculture",
          "area:academic",
        ]);
      });

      const unsupported = TYPENAMES.flatMap(type =>
        [OrderField.NAME, OrderField.DATE]
          .flatMap(field => [OrderDirection.ASC, OrderDirection.DESC].map(direction => ({ field, direction })))
          .filter(o => !reference.orderings(type).some(s => s.field === o.field))
          .map(o => [type, `${o.field} ${o.direction}`, o] as const),
      );

      it.each(unsupported)(
        "%s cannot be ordered by %s: InvalidArgumentError naming orderBy",
        async (type, _, orderBy) => {
          await expectInvalidArgument(() => listOf(repo, type, { orderBy, page: ALL }), "orderBy");
        },
      );

      it("refuses an unsupported ordering even when the filter keeps nothing", async () => {
        const orderBy = { field: OrderField.DATE, direction: OrderDirection.ASC };
        await expectInvalidArgument(
          () => listOf(repo, "Country", { filter: { region: "nowhere" }, orderBy, page: ALL }),
          "orderBy",
        );
      });

      if (makeFrom) {
        describe("over a dataset that tells every ordering apart", () => {
          const ordering = new Reference(withOrderingRecords(data));
          let store: GraphRepository;
          beforeAll(async () => {
            store = await makeFrom(ordering.data);
          });

          it.each(TYPENAMES.filter(type => ordering.orderings(type).length > 2))(
            "the dataset's %s orderings differ from each other, whole and filtered, on at least 3 records",
            type => {
              const orders = (filter: FilterByType[typeof type] | null) =>
                ordering.orderings(type).map(o => ordering.list(type, filter, o).join(" "));
              for (const filter of [null, ORDERING_FILTERS[type]]) {
                const lists = orders(filter);
                expect({ distinct: new Set(lists).size, records: ordering.list(type, filter).length >= 3 }).toEqual({
                  distinct: lists.length,
                  records: true,
                });
              }
            },
          );

          describeOrdering(ordering, () => store);
        });
      }
    });

    describe("paging", () => {
      it("forward (first/after) across a whole list, cursors from previous pages", async () => {
        const expected = reference.list("Position");
        await expectPaging("forward", page => listOf(repo, "Position", { page }), recordId, expected, 5);
        await expectPaging("forward", page => listOf(repo, "Position", { page }), recordId, expected, 24);
        await expectPaging("forward", page => listOf(repo, "Position", { page }), recordId, expected, 100);
      });

      it("backward (last/before) across a whole list, cursors from previous pages", async () => {
        const expected = reference.list("Position");
        await expectPaging("backward", page => listOf(repo, "Position", { page }), recordId, expected, 5);
        await expectPaging("backward", page => listOf(repo, "Position", { page }), recordId, expected, 24);
      });

      it("forward and backward over an ordered, filtered list", async () => {
        const orderBy = { field: OrderField.NAME, direction: OrderDirection.DESC };
        const filter = { category: AreaCategory.ECONOMIC };
        const expected = reference.list("CooperationArea", filter, orderBy);
        const fetch = (page: PageArgs) => listOf(repo, "CooperationArea", { filter, orderBy, page });
        await expectPaging("forward", fetch, recordId, expected, 3);
        await expectPaging("backward", fetch, recordId, expected, 3);
      });

      it("an empty list is one empty page", async () => {
        const page = await listOf(repo, "Leader", { filter: { country: "xx" }, page: { first: 5 } });
        expect(summary(page, recordId)).toEqual({ ids: [], totalCount: 0, pageInfo: EMPTY_PAGE_INFO });
        const last = await listOf(repo, "Leader", { filter: { country: "xx" }, page: { last: 5 } });
        expect(summary(last, recordId)).toEqual({ ids: [], totalCount: 0, pageInfo: EMPTY_PAGE_INFO });
      });

      it("after and before any edge's cursor, alone and together", async () => {
        const expected = reference.list("Statement");
        const whole = await listOf(repo, "Statement", { page: ALL });
        const cursor = (i: number) => whole.edges[i]!.cursor;
        const page = async (args: PageArgs) => listing(await listOf(repo, "Statement", { page: args }), recordId);
        const flags = (start: number, end: number) => ({
          totalCount: expected.length,
          ids: expected.slice(start, end),
          hasPreviousPage: start > 0,
          hasNextPage: end < expected.length,
        });
        expect(await page({ first: 3, after: cursor(2) })).toEqual(flags(3, 6));
        expect(await page({ last: 2, before: cursor(5) })).toEqual(flags(3, 5));
        expect(await page({ first: 10, after: cursor(1), before: cursor(6) })).toEqual(flags(2, 6));
        expect(await page({ last: 2, after: cursor(1), before: cursor(6) })).toEqual(flags(4, 6));
        expect(await page({ first: 3, after: cursor(expected.length - 1) })).toEqual(
          flags(expected.length, expected.length),
        );
        // a page's cursors are its edges' cursors, usable as arguments again
        const middle = await listOf(repo, "Statement", { page: { first: 3, after: cursor(2) } });
        expect(infoOf(middle.pageInfo)).toEqual({
          hasPreviousPage: true,
          hasNextPage: true,
          startCursor: cursor(3),
          endCursor: cursor(5),
        });
      });

      it("refuses a garbage cursor, naming the argument", async () => {
        for (const garbage of ["garbage", "", "bm90IGEgY3Vyc29y", "0"]) {
          await expectInvalidArgument(() => listOf(repo, "Position", { page: { first: 2, after: garbage } }), "after");
          await expectInvalidArgument(() => listOf(repo, "Position", { page: { last: 2, before: garbage } }), "before");
        }
      });

      it("refuses a cursor from a longer list that points past the end of this one, naming the argument", async () => {
        const positions = await listOf(repo, "Position", { page: { last: 1 } });
        const foreign = positions.pageInfo.endCursor!;
        await expectInvalidArgument(() => listOf(repo, "Country", { page: { first: 1, after: foreign } }), "after");
        await expectInvalidArgument(() => listOf(repo, "Country", { page: { last: 1, before: foreign } }), "before");
      });
    });

    describe("batches: many queries in one call", () => {
      it("answers list queries in the order asked, a refused one with its error in its place", async () => {
        const answers = await repo.list("Position", [
          { filter: { stance: Stance.SUPPORTED }, page: { first: 2 } },
          { page: { first: 1, after: "garbage" } },
          { filter: { actorCountry: "jo" }, page: ALL },
        ]);
        const [first, refused, third] = answers;
        expect({
          count: answers.length,
          first: first instanceof Error ? first : listing(first as Page<{ id: string }>, recordId),
          refused: refused instanceof InvalidArgumentError ? refused.argument : refused,
          third: third instanceof Error ? third : listing(third as Page<{ id: string }>, recordId),
        }).toEqual({
          count: 3,
          first: (() => {
            const ids = reference.list("Position", { stance: Stance.SUPPORTED });
            return {
              ids: ids.slice(0, 2),
              totalCount: ids.length,
              hasPreviousPage: false,
              hasNextPage: ids.length > 2,
            };
          })(),
          refused: "after",
          third: whole(reference.list("Position", { actorCountry: "jo" })),
        });
      });

      it("answers citing queries in the order asked, a refused one with its error in its place", async () => {
        const answers = await repo.citing([
          { sourceId: REFERENCE_SOURCE, page: ALL },
          { sourceId: TALKS_SOURCE, page: { before: "garbage" } },
          { sourceId: "source:none", page: ALL },
        ]);
        const [reference_, refused, none] = answers;
        expect({
          count: answers.length,
          reference: reference_ instanceof Error ? reference_ : listing(reference_ as Page<{ id: string }>, recordId),
          refused: refused instanceof InvalidArgumentError ? refused.argument : refused,
          none: none instanceof Error ? none : listing(none as Page<{ id: string }>, recordId),
        }).toEqual({
          count: 3,
          reference: whole(reference.citing(REFERENCE_SOURCE)),
          refused: "before",
          none: whole([]),
        });
      });

      it("a page of zero items still says exactly what lies on either side", async () => {
        const flags = ({ pageInfo, totalCount }: Page<unknown>) => ({
          hasPreviousPage: pageInfo.hasPreviousPage,
          hasNextPage: pageInfo.hasNextPage,
          startCursor: pageInfo.startCursor,
          endCursor: pageInfo.endCursor,
          totalCount,
        });
        const n = reference.list("Position").length;
        expect({
          first0: flags(await listOf(repo, "Position", { page: { first: 0 } })),
          last0: flags(await listOf(repo, "Position", { page: { last: 0 } })),
        }).toEqual({
          first0: { hasPreviousPage: false, hasNextPage: true, startCursor: null, endCursor: null, totalCount: n },
          last0: { hasPreviousPage: true, hasNextPage: false, startCursor: null, endCursor: null, totalCount: n },
        });
      });
    });

    describe("search", () => {
      const searchIds = async (text: string, types?: NodeTypename[]) =>
        listing(await repo.search({ text, types: types ?? null, page: ALL }), hitId);

      it("pinned answers: best first, every word must match, ties by name then id", async () => {
        const hits = whole;
        // The area by its name, then the positions on it (by the area's name), then a description's mention.
        expect(await searchIds("nuclear")).toEqual(
          hits([
            "area:nuclear",
            "position:jumco-participates-nuclear",
            "position:kazatomprom-participates-nuclear",
            "position:tokayev-supported-nuclear",
            "company:jumco",
          ]),
        );
        expect(await searchIds("Trade")).toEqual(
          hits([
            "area:trade",
            "commitment:trade-turnover-500m",
            "commitment:kz-non-resource-exports-250m",
            "position:jo-delegation-confirmed-intention-trade",
            "position:kz-delegation-confirmed-intention-trade",
            // its expanded format quotes "increase bilateral trade turnover"
            "meeting:2025-08-27-astana",
          ]),
        );
        // "jordan" in the area's company (JUMCO) and its quote; "nuclear" in the name of JUMCO's positions' area.
        expect(await searchIds("jordan NUCLEAR")).toEqual(
          hits([
            "area:nuclear",
            "company:jumco",
            "position:jumco-participates-nuclear",
            "position:kazatomprom-participates-nuclear",
            "position:tokayev-supported-nuclear",
          ]),
        );
        // The conferral took place in Astana, and its quote says the leaders "held talks".
        expect(await searchIds("Astana talks")).toEqual(
          hits([TALKS_SOURCE, ASTANA_TALKS, "conferral:order-of-al-nahda-tokayev-2025-08-27"]),
        );
      });

      it("finds a record by the names of what it links to, and by its quotes, below what is so named", async () => {
        const ROUTE = "route:royal-jordanian-amman-almaty";
        const CONFERRAL = "conferral:order-of-al-nahda-tokayev-2025-08-27";
        expect({
          amman: (await searchIds("Amman")).ids.slice(0, 3),
          operator: (await searchIds("Royal Jordanian")).ids,
          award: (await searchIds("Al-Nahda")).ids.slice(0, 2),
          quoted: (await searchIds("uranium")).ids,
          country: (await searchIds("Kazakhstan")).ids[0],
        }).toEqual({
          amman: ["city:amman", AMMAN_TALKS, ROUTE],
          operator: ["company:royal-jordanian", "position:royal-jordanian-planned-aviation", ROUTE, "area:aviation"],
          award: ["award:order-of-al-nahda", CONFERRAL],
          quoted: [
            "company:jumco",
            "position:jumco-participates-nuclear",
            "company:kazatomprom",
            "area:nuclear",
            "position:kazatomprom-participates-nuclear",
            "position:tokayev-supported-nuclear",
          ],
          country: "country:KZ",
        });
      });

      it("names the best field of a hit", async () => {
        const page = await repo.search({ text: "TOLERANCE", page: ALL });
        expect(
          page.edges.map(e => ({ id: e.node.node.id, field: e.node.matchedField, text: e.node.matchedText })),
        ).toEqual([
          { id: "value:tolerance", field: "name", text: "Tolerance" },
          {
            id: "value:mutual-respect",
            field: "quote",
            text: "noting common values of tolerance and mutual respect shared by both nations",
          },
        ]);
      });

      it("ranks by score, best first", async () => {
        const page = await repo.search({ text: "jordan", page: ALL });
        const scores = page.edges.map(e => e.node.score);
        expect(scores).toEqual([...scores].sort((a, b) => b - a));
        expect(page.edges[0]!.node.node.id).toBe("country:JO");
      });

      it("keeps only the types asked for, in the same ranking; no types or none is every type", async () => {
        const every = await searchIds("jordan");
        const kept = new Set(
          reference.records("Position").map(recordId).concat(reference.records("Company").map(recordId)),
        );
        const ids = every.ids.filter(id => kept.has(id));
        expect(await searchIds("jordan", ["Position", "Company"])).toEqual(whole(ids));
        expect(await searchIds("jordan", [])).toEqual(every);
        expect(await searchIds("jordan", ["Source", "City"])).toEqual(whole([TALKS_SOURCE, "city:amman"]));
        const none = await repo.search({ text: "tolerance", types: ["Leader"], page: ALL });
        expect(summary(none, hitId)).toEqual({ ids: [], totalCount: 0, pageInfo: EMPTY_PAGE_INFO });
      });

      it("pages forward and backward through the ranking", async () => {
        const every = (await searchIds("jordan")).ids;
        const fetch = (page: PageArgs) => repo.search({ text: "jordan", page });
        await expectPaging("forward", fetch, hitId, every, 7);
        await expectPaging("backward", fetch, hitId, every, 7);
      });

      it("no match is one empty page", async () => {
        for (const text of ["zzzqqq", "", "  ,.; ", "jordan zzzqqq"]) {
          const page = await repo.search({ text, page: ALL });
          expect({ text, ...summary(page, hitId) }).toEqual({
            text,
            ids: [],
            totalCount: 0,
            pageInfo: EMPTY_PAGE_INFO,
          });
        }
      });

      it("refuses a garbage or foreign cursor, naming the argument", async () => {
        const long = await listOf(repo, "Position", { page: { last: 1 } });
        await expectInvalidArgument(() => repo.search({ text: "trade", page: { after: "garbage" } }), "after");
        await expectInvalidArgument(() => repo.search({ text: "trade", page: { before: "garbage" } }), "before");
        await expectInvalidArgument(
          () => repo.search({ text: "trade", page: { after: long.pageInfo.endCursor } }),
          "after",
        );
      });
    });

    describe("list bounds", () => {
      /** Text and date-range filters: the empty text matches every record, so their bound is the type's size. */
      const WHOLE_TYPE = new Set(["nameContains", "date", "published"]);
      /** Every value a filter can be given that can match something: ids, codes, enum values, currencies, regions. */
      const values = [
        ...allIds,
        ...data.countries.map(c => c.code),
        ...data.countries.map(c => c.region),
        ...data.commitments.flatMap(c => (c.value ? [c.value.currency] : [])),
        ...[
          SourceKind,
          CompanySector,
          AreaCategory,
          Stance,
          CommitmentKind,
          CommitmentStatus,
          RouteStatus,
          StatementKind,
        ].flatMap(e => Object.values(e) as string[]),
      ];
      const codes = data.countries.map(c => c.code);
      const pairs = codes.flatMap(a => codes.filter(b => b !== a).map(b => [a, b] as const));
      const cases = TYPENAMES.flatMap(type => Object.keys(FILTER_VALUES[type]).map(field => [type, field] as const));

      it.each(cases)("%s.%s: the largest list one value gives", async (type, field) => {
        const tried = field === "between" ? pairs : WHOLE_TYPE.has(field) ? [] : [...new Set(values)];
        const counts = tried.map(value => reference.list(type, { [field]: value }).length);
        const expected = WHOLE_TYPE.has(field) ? reference.records(type).length : Math.max(0, ...counts);
        const bound = repo.largestList(type, field as ListFilterKey<typeof type>);
        // and no list the store gives for the values tried elsewhere is longer
        const listedCounts = [];
        for (const value of FILTER_VALUES[type][field as keyof (typeof FILTER_VALUES)[typeof type]] as unknown[]) {
          listedCounts.push((await listed(type, { [field]: value })).totalCount);
        }
        expect({ bound, withinBound: listedCounts.every(count => count <= bound) }).toEqual({
          bound: expected,
          withinBound: true,
        });
      });

      it("no filter: the number of records of the type", () => {
        expect(Object.fromEntries(TYPENAMES.map(type => [type, repo.largestList(type, null)]))).toEqual(
          Object.fromEntries(TYPENAMES.map(type => [type, reference.records(type).length])),
        );
      });

      it("citing: the most records citing one source", () => {
        expect(repo.largestCiting()).toBe(Math.max(...data.sources.map(s => reference.citing(s.id).length)));
      });
    });

    describe("citing", () => {
      const citingIds = async (sourceId: string) => listing(await citingOf(repo, sourceId, ALL), recordId);

      it("the records citing a source, by id", async () => {
        for (const source of [TALKS_SOURCE, REFERENCE_SOURCE]) {
          const ids = reference.citing(source);
          expect(await citingIds(source)).toEqual(whole(ids));
        }
        expect(await citingIds(REFERENCE_SOURCE)).toEqual(
          whole([
            "award:order-of-al-nahda",
            "city:almaty",
            "city:amman",
            "city:astana",
            "company:kazatomprom",
            "company:royal-jordanian",
            "country:JO",
            "country:KZ",
            "meeting:amman-earlier-talks",
            "source:reference-facts",
          ]),
        );
      });

      it("nothing for an unknown source or a record that is not a source", async () => {
        for (const id of ["source:nope", ASTANA_TALKS]) {
          expect(summary(await citingOf(repo, id, ALL), recordId)).toEqual({
            ids: [],
            totalCount: 0,
            pageInfo: EMPTY_PAGE_INFO,
          });
        }
      });

      it("pages forward and backward", async () => {
        const expected = reference.citing(TALKS_SOURCE);
        await expectPaging("forward", page => citingOf(repo, TALKS_SOURCE, page), recordId, expected, 20);
        await expectPaging("backward", page => citingOf(repo, TALKS_SOURCE, page), recordId, expected, 20);
      });

      it("refuses a garbage or foreign cursor, naming the argument", async () => {
        const talks = await citingOf(repo, TALKS_SOURCE, { last: 1 });
        await expectInvalidArgument(
          () => citingOf(repo, REFERENCE_SOURCE, { after: talks.pageInfo.endCursor }),
          "after",
        );
        await expectInvalidArgument(() => citingOf(repo, REFERENCE_SOURCE, { before: "garbage" }), "before");
      });
    });
  });
}
