/**
 * The baseline: what a hand-written REST endpoint would do for each benchmark operation. No GraphQL
 * library is involved: the handler is chosen by `operationName`, reads its variables, calls the same
 * repository the service uses (`GraphRepository`, built from the same seed), and builds the JSON the
 * service answers, key for key, `extensions.cost` included (the requested cost of each operation
 * written as a formula of its variables and the repository's list bounds, as an endpoint that
 * reported a cost would; the actual cost counted over the JSON it built, `actualCostOf`).
 *
 * It answers only the operations of `bench/queries.ts`; anything else is a 400.
 */
import type {
  AwardConferralRecord,
  CitationRecord,
  CountryRecord,
  NodeRecord,
  NodeTypename,
  RecordByType,
} from "../src/domain/records";
import type { GraphRepository, ListFilterKey, MaybePromise } from "../src/repository/repository";

/** The service's default `MAX_COST`, reported in `extensions.cost.limit`. */
const COST_LIMIT = 25_000;
const DEFAULT_PAGE = 20;

export class RawRequestError extends Error {}

type Json = Record<string, unknown>;
type Variables = Readonly<Record<string, unknown>>;

function sync<T>(value: MaybePromise<T>): T {
  if (value instanceof Promise) throw new Error("the raw baseline expects a synchronous (in-memory) repository");
  return value;
}

function pageSize(variables: Variables, name: string): number {
  const value = variables[name] ?? DEFAULT_PAGE;
  if (typeof value !== "number" || !Number.isInteger(value) || value < 1 || value > 100) {
    throw new RawRequestError(`$${name} must be an integer from 1 to 100`);
  }
  return value;
}

function text(variables: Variables, name: string): string {
  const value = variables[name];
  if (typeof value !== "string") throw new RawRequestError(`$${name} must be a string`);
  return value;
}

/**
 * The service's actual cost (src/graphql/actual-cost.ts) over a response these handlers built: every
 * key costs 1; an object with `nodes` or `edges` is a connection, costing per item it returned what
 * it selects of it, and its other keys once per item (at least once); an array of objects costs each
 * object, an array of scalars nothing more.
 */
export function actualCostOf(value: unknown): number {
  if (value === null || typeof value !== "object") return 0;
  if (Array.isArray(value)) return value.reduce((sum: number, item: unknown) => sum + actualCostOf(item), 0);
  const object = value as Json;
  const connection = "nodes" in object || "edges" in object;
  let items = 0;
  let perItem = 0;
  let returned = 0;
  for (const [key, item] of Object.entries(object)) {
    if (connection && (key === "nodes" || key === "edges") && Array.isArray(item)) {
      returned = Math.max(returned, item.length);
      items += item.length + actualCostOf(item);
    } else {
      perItem += 1 + actualCostOf(item);
    }
  }
  return connection ? items + Math.max(1, returned) * perItem : perItem;
}

const citations = (list: readonly CitationRecord[]) => list.map(c => ({ quote: c.quote, start: c.start, end: c.end }));

const formatters = new Map<string, Intl.NumberFormat>();
function formatMoney(amount: number, currency: string): string {
  let format = formatters.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-US", { style: "currency", currency });
    formatters.set(currency, format);
  }
  return format.format(amount);
}

export class RawHandlers {
  constructor(private readonly repository: GraphRepository) {}

  private one<K extends NodeTypename>(type: K, id: string | null): RecordByType[K] | null {
    return id === null ? null : (sync(this.repository.getMany(type, [id]))[0] ?? null);
  }

  private must<K extends NodeTypename>(type: K, id: string): RecordByType[K] {
    const record = this.one(type, id);
    if (!record) throw new Error(`dangling reference ${id}`);
    return record;
  }

  private nodes<K extends NodeTypename>(
    type: K,
    filter: Record<string, unknown> | null,
    first: number,
  ): { totalCount: number; nodes: Array<RecordByType[K]> } {
    const [page] = sync(this.repository.list(type, [{ filter: filter, orderBy: null, page: { first } }]));
    if (!page || page instanceof Error) throw page ?? new Error("no page");
    return { totalCount: page.totalCount, nodes: page.edges.map(e => e.node) };
  }

  /** Answers one request body (already JSON-parsed); throws RawRequestError for a bad request. */
  handle(body: unknown): Json {
    if (body === null || typeof body !== "object") throw new RawRequestError("the body must be a JSON object");
    const { operationName, variables = {} } = body as { operationName?: unknown; variables?: Variables };
    if (variables === null || typeof variables !== "object") throw new RawRequestError("variables must be an object");
    switch (operationName) {
      case "FlatList":
        return this.flatList(variables);
      case "NestedWalk":
        return this.nestedWalk(variables);
      case "Bilateral":
        return this.bilateral(variables);
      case "Search":
        return this.search(variables);
      case "Entities":
        return this.entities(variables);
      default:
        throw new RawRequestError(`unknown operation ${JSON.stringify(operationName)}`);
    }
  }

  private respond(data: Json, requested: number): Json {
    return { data, extensions: { cost: { requested, actual: actualCostOf(data), limit: COST_LIMIT } } };
  }

  /** A page size as the cost limit counts it: no more than the longest the list can be. */
  private bounded<K extends NodeTypename>(first: number, type: K, filter: ListFilterKey<K> | null): number {
    return Math.min(first, this.repository.largestList(type, filter));
  }

  flatList(v: Variables): Json {
    const first = pageSize(v, "first");
    const page = this.nodes("CooperationArea", null, first);
    return this.respond(
      {
        cooperationAreas: {
          totalCount: page.totalCount,
          nodes: page.nodes.map(a => ({
            id: a.id,
            name: a.name,
            category: a.category,
            description: a.description,
            aliases: a.aliases,
          })),
        },
      },
      1 + this.bounded(first, "CooperationArea", null) * 7,
    );
  }

  nestedWalk(v: Variables): Json {
    const code = text(v, "code");
    const [L, A, R, C] = [
      pageSize(v, "leaders"),
      pageSize(v, "awards"),
      pageSize(v, "areas"),
      pageSize(v, "companies"),
    ];
    const cost =
      19 +
      (1 + this.bounded(L, "Leader", "country") * (20 + 40 * this.bounded(A, "AwardConferral", "recipient"))) +
      (1 + this.bounded(R, "CooperationArea", "actorCountry") * (20 + 22 * this.bounded(C, "Company", "area")));
    const country = sync(this.repository.countriesByCode([code]))[0] ?? null;
    if (!country) return this.respond({ country: null }, cost);
    const conferral = (c: AwardConferralRecord) => {
      const award = this.must("Award", c.awardId);
      const recipient = this.must("Leader", c.recipientId);
      return {
        date: c.date,
        award: { name: award.name, citations: citations(award.citations) },
        recipient: { name: recipient.name, country: { name: this.must("Country", recipient.countryId).name } },
        citations: citations(c.citations),
      };
    };
    return this.respond(
      {
        country: {
          code: country.code,
          name: country.name,
          citations: citations(country.citations),
          leaders: {
            nodes: this.nodes("Leader", { country: country.code }, L).nodes.map(leader => ({
              id: leader.id,
              name: leader.name,
              citations: citations(leader.citations),
              awardsReceived: { nodes: this.nodes("AwardConferral", { recipient: leader.id }, A).nodes.map(conferral) },
            })),
          },
          cooperationAreas: {
            nodes: this.nodes("CooperationArea", { actorCountry: country.code }, R).nodes.map(area => ({
              id: area.id,
              name: area.name,
              citations: citations(area.citations),
              companies: {
                nodes: this.nodes("Company", { area: area.id }, C).nodes.map(company => {
                  const home = this.must("Country", company.countryId);
                  return {
                    name: company.name,
                    sector: company.sector,
                    country: { code: home.code, name: home.name },
                    citations: citations(company.citations),
                  };
                }),
              },
            })),
          },
        },
      },
      cost,
    );
  }

  bilateral(v: Variables): Json {
    const codes = v.countries;
    if (!Array.isArray(codes) || codes.length !== 2 || !codes.every(c => typeof c === "string")) {
      throw new RawRequestError("$countries must be two country codes");
    }
    const [R, P] = [pageSize(v, "areas"), pageSize(v, "positions")];
    // bilateralRelations 1, countries 1 + 5 × 2; meetings, commitments, conferrals and routes at the
    // default page, areas and their positions at theirs: each page no longer than its list can be.
    const page = <K extends NodeTypename>(type: K, perItem: number) =>
      1 + this.bounded(DEFAULT_PAGE, type, "between" as ListFilterKey<K>) * perItem;
    const cost =
      12 +
      page("Meeting", 7) +
      page("Commitment", 11) +
      page("AwardConferral", 8) +
      page("FlightRoute", 9) +
      1 +
      this.bounded(R, "CooperationArea", "between") * (6 + 5 * this.bounded(P, "Position", "area"));
    const [a, b] = sync(this.repository.countriesByCode(codes));
    if (!a || !b) return this.respond({ bilateralRelations: null }, cost);
    const between = [a.code, b.code];
    const name = (type: "Leader" | "City" | "Company" | "Award", id: string) => ({ name: this.must(type, id).name });
    const meetings = this.nodes("Meeting", { between }, DEFAULT_PAGE);
    const areas = this.nodes("CooperationArea", { between }, R);
    return this.respond(
      {
        bilateralRelations: {
          countries: [a, b].map((c: CountryRecord) => ({ code: c.code, name: c.name })),
          meetings: {
            totalCount: meetings.totalCount,
            nodes: meetings.nodes.map(m => ({ id: m.id, title: m.title, date: m.date, city: name("City", m.cityId) })),
          },
          cooperationAreas: {
            totalCount: areas.totalCount,
            nodes: areas.nodes.map(area => ({
              id: area.id,
              name: area.name,
              category: area.category,
              positions: {
                nodes: this.nodes("Position", { area: area.id }, P).nodes.map(p => {
                  const actor = sync(this.repository.nodes([p.actorId]))[0] as NodeRecord & { name: string };
                  return { stance: p.stance, actor: { __typename: actor.__typename, name: actor.name } };
                }),
              },
            })),
          },
          commitments: {
            nodes: this.nodes("Commitment", { between }, DEFAULT_PAGE).nodes.map(c => ({
              title: c.title,
              kind: c.kind,
              status: c.status,
              value: c.value
                ? {
                    amount: c.value.amount,
                    currency: c.value.currency,
                    formatted: formatMoney(c.value.amount, c.value.currency),
                  }
                : null,
              quantity: c.quantity ? { value: c.quantity.value, unit: c.quantity.unit } : null,
            })),
          },
          awardConferrals: {
            nodes: this.nodes("AwardConferral", { between }, DEFAULT_PAGE).nodes.map(c => ({
              date: c.date,
              award: name("Award", c.awardId),
              conferredBy: name("Leader", c.conferredById),
              recipient: name("Leader", c.recipientId),
            })),
          },
          flightRoutes: {
            nodes: this.nodes("FlightRoute", { between }, DEFAULT_PAGE).nodes.map(r => ({
              origin: name("City", r.originId),
              destination: name("City", r.destinationId),
              operator: name("Company", r.operatorId),
              plannedYear: r.plannedYear,
              status: r.status,
            })),
          },
        },
      },
      cost,
    );
  }

  search(v: Variables): Json {
    const first = pageSize(v, "first");
    const page = sync(this.repository.search({ text: text(v, "text"), types: null, page: { first } }));
    return this.respond(
      {
        search: {
          totalCount: page.totalCount,
          edges: page.edges.map(({ cursor, node: hit }) => ({
            cursor,
            score: hit.score,
            matchedField: hit.matchedField,
            matchedText: hit.matchedText,
            node: { __typename: hit.node.__typename, id: hit.node.id },
          })),
        },
      },
      1 + first * 9,
    );
  }

  entities(v: Variables): Json {
    const reps = v.representations;
    if (!Array.isArray(reps)) throw new RawRequestError("$representations must be a list");
    const entities = (reps as Array<Record<string, unknown>>).map(rep => {
      const typename = rep.__typename as NodeTypename;
      const record =
        typename === "Country" && typeof rep.code === "string"
          ? sync(this.repository.countriesByCode([rep.code]))[0]
          : sync(this.repository.getMany(typename, [String(rep.id)]))[0];
      if (!record) return null;
      switch (record.__typename) {
        case "Country":
          return { __typename: "Country", code: record.code, name: record.name };
        case "Leader":
          return { __typename: "Leader", id: record.id, name: record.name };
        case "Company":
          return { __typename: "Company", id: record.id, name: record.name, sector: record.sector };
        case "CooperationArea":
          return { __typename: "CooperationArea", id: record.id, name: record.name, category: record.category };
        case "Position":
          return { __typename: "Position", id: record.id, stance: record.stance };
        case "Statement":
          return { __typename: "Statement", id: record.id, kind: record.kind };
        case "City":
          return { __typename: "City", id: record.id, name: record.name };
        default:
          return { __typename: record.__typename };
      }
    });
    return this.respond({ _entities: entities }, 1 + reps.length * 4);
  }
}
