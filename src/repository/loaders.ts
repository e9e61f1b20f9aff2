/**
 * Per-request loaders: the one way resolvers reach the repository. A `RequestLoaders` is built for
 * each request (never shared between requests) and every relation, node lookup and list goes
 * through it.
 *
 * - Over a store that says it answers synchronously (`synchronous: true`, the in-memory store), each
 *   call goes straight to the store: a lookup there is a Map read, and staying synchronous keeps
 *   execution free of Promises.
 * - Over any other store (a database), calls made while one level of a query resolves are batched
 *   with dataloader: one store call per type and method for the whole level, each id fetched once
 *   per request. So a page of N parents costs one call per relation, not N.
 */
import { mapMaybePromise } from "../common/maybe-promise";
import DataLoader from "dataloader";

import type { CountryRecord, NodeRecord, NodeTypename, RecordByType } from "../domain/records";
import type {
  CitingQuery,
  GraphRepository,
  ListQuery,
  MaybePromise,
  Page,
  PageOrError,
  SearchHit,
  SearchQuery,
} from "./repository";

export interface RequestLoaders {
  /** The record of `type` an id points at; null for none (or null id). */
  get<K extends NodeTypename>(type: K, id: string | null): MaybePromise<RecordByType[K] | null>;
  /** Records of `type` by id, in the order asked, null where there is none. */
  getMany<K extends NodeTypename>(type: K, ids: readonly string[]): MaybePromise<ReadonlyArray<RecordByType[K] | null>>;
  /** The records a list of ids points at, in order, skipping ids that match nothing. */
  getAll<K extends NodeTypename>(type: K, ids: readonly string[]): MaybePromise<Array<RecordByType[K]>>;
  /** Records of any type by id, in the order asked, null where there is none. */
  nodes(ids: readonly string[]): MaybePromise<ReadonlyArray<NodeRecord | null>>;
  /** Countries by ISO code (any case), in the order asked, null where there is none. */
  countriesByCode(codes: readonly string[]): MaybePromise<ReadonlyArray<CountryRecord | null>>;
  /** One page of a type's records; throws the InvalidArgumentError the store refused the query with. */
  list<K extends NodeTypename>(type: K, query: ListQuery<K>): MaybePromise<Page<RecordByType[K]>>;
  /** One page of the records citing a source; throws the InvalidArgumentError the store refused it with. */
  citing(query: CitingQuery): MaybePromise<Page<NodeRecord>>;
  /** Ranked search (one per request: not batched). */
  search(query: SearchQuery): MaybePromise<Page<SearchHit>>;
}

/** The loaders of one request over `repository`. */
export function createLoaders(repository: GraphRepository): RequestLoaders {
  return repository.synchronous ? new DirectLoaders(repository) : new BatchedLoaders(repository);
}

const first = <T>(found: ReadonlyArray<T | null>): T | null => found[0] ?? null;
const present = <T>(found: ReadonlyArray<T | null>): T[] => found.filter((r): r is T => r !== null);

/** The page, or the error the store answered with, thrown. */
function pageOf<T>(answer: PageOrError<T> | undefined): Page<T> {
  if (answer instanceof Error) throw answer;
  if (answer === undefined) throw new Error("the repository answered fewer pages than queries");
  return answer;
}

/** Straight calls of a synchronous store. */
class DirectLoaders implements RequestLoaders {
  constructor(private readonly repository: GraphRepository) {}

  get<K extends NodeTypename>(type: K, id: string | null) {
    return id === null ? null : mapMaybePromise(this.repository.getMany(type, [id]), first);
  }

  getMany<K extends NodeTypename>(type: K, ids: readonly string[]) {
    return this.repository.getMany(type, ids);
  }

  getAll<K extends NodeTypename>(type: K, ids: readonly string[]) {
    return mapMaybePromise(this.repository.getMany(type, ids), present);
  }

  nodes(ids: readonly string[]) {
    return this.repository.nodes(ids);
  }

  countriesByCode(codes: readonly string[]) {
    return this.repository.countriesByCode(codes);
  }

  list<K extends NodeTypename>(type: K, query: ListQuery<K>) {
    return mapMaybePromise(this.repository.list(type, [query]), pages => pageOf(pages[0]));
  }

  citing(query: CitingQuery) {
    return mapMaybePromise(this.repository.citing([query]), pages => pageOf(pages[0]));
  }

  search(query: SearchQuery) {
    return this.repository.search(query);
  }
}

/** A value, or an Error for dataloader to reject that key with. */
const orError = <T>(value: T | Error | undefined): T | Error =>
  value === undefined ? new Error("the repository answered fewer items than asked") : value;

/** Calls of one tick batched into one store call per type and method (dataloader). */
class BatchedLoaders implements RequestLoaders {
  private readonly byType = new Map<NodeTypename, DataLoader<string, NodeRecord | null>>();
  private readonly lists = new Map<NodeTypename, DataLoader<ListQuery<NodeTypename>, Page<NodeRecord>>>();
  private readonly anyType: DataLoader<string, NodeRecord | null>;
  private readonly byCode: DataLoader<string, CountryRecord | null>;
  private readonly citingLoader: DataLoader<CitingQuery, Page<NodeRecord>>;

  constructor(private readonly repository: GraphRepository) {
    this.anyType = new DataLoader(ids => batch(repository.nodes(ids)));
    this.byCode = new DataLoader(codes => batch(repository.countriesByCode(codes)), {
      cacheKeyFn: code => code.toUpperCase(),
    });
    this.citingLoader = new DataLoader<CitingQuery, Page<NodeRecord>>(queries => batch(repository.citing(queries)), {
      cache: false,
    });
  }

  private loaderOf<K extends NodeTypename>(type: K): DataLoader<string, RecordByType[K] | null> {
    let loader = this.byType.get(type);
    if (!loader) {
      loader = new DataLoader(ids => batch(this.repository.getMany(type, ids)));
      this.byType.set(type, loader);
    }
    return loader as unknown as DataLoader<string, RecordByType[K] | null>;
  }

  get<K extends NodeTypename>(type: K, id: string | null) {
    return id === null ? null : this.loaderOf(type).load(id);
  }

  getMany<K extends NodeTypename>(type: K, ids: readonly string[]) {
    return settled(this.loaderOf(type).loadMany(ids));
  }

  getAll<K extends NodeTypename>(type: K, ids: readonly string[]) {
    return this.getMany(type, ids).then(present);
  }

  nodes(ids: readonly string[]) {
    return settled(this.anyType.loadMany(ids));
  }

  countriesByCode(codes: readonly string[]) {
    return settled(this.byCode.loadMany(codes));
  }

  list<K extends NodeTypename>(type: K, query: ListQuery<K>) {
    let loader = this.lists.get(type);
    if (!loader) {
      loader = new DataLoader<ListQuery<NodeTypename>, Page<NodeRecord>>(
        queries => batch(this.repository.list(type, queries as ReadonlyArray<ListQuery<K>>)),
        {
          cache: false,
        },
      );
      this.lists.set(type, loader);
    }
    return loader.load(query) as Promise<Page<RecordByType[K]>>;
  }

  citing(query: CitingQuery) {
    return this.citingLoader.load(query);
  }

  search(query: SearchQuery) {
    return this.repository.search(query);
  }
}

/** A store's batch answer as dataloader wants it: a Promise of one value or Error per key. */
function batch<T>(answer: MaybePromise<ReadonlyArray<T | Error>>): Promise<Array<T | Error>> {
  return Promise.resolve(answer).then(values => Array.from(values, orError));
}

/** `loadMany`'s answers, the first error thrown (dataloader puts errors in place). */
function settled<T>(answers: Promise<Array<T | Error>>): Promise<T[]> {
  return answers.then(values => {
    for (const value of values) if (value instanceof Error) throw value;
    return values as T[];
  });
}
