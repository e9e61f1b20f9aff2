/**
 * Any repository, answering every call with a Promise that settles on a later turn of the event
 * loop (as a database-backed store would), so that a test can prove callers handle the `MaybePromise`
 * half of the contract. Each call is delegated to the wrapped store unchanged; a store that throws
 * becomes a rejected Promise.
 */
import type { CountryRecord, NodeRecord, NodeTypename, RecordByType } from "../../src/domain/records";
import type {
  CitingQuery,
  GraphRepository,
  ListFilterKey,
  ListQuery,
  Page,
  PageOrError,
  SearchHit,
  SearchQuery,
} from "../../src/repository/repository";

/** Settles after the current turn and its microtasks (setImmediate), never synchronously. */
const laterTurn = (): Promise<void> => new Promise(resolve => setImmediate(resolve));

export class AsyncRepository implements GraphRepository {
  constructor(private readonly inner: GraphRepository) {}

  async getMany<K extends NodeTypename>(
    type: K,
    ids: readonly string[],
  ): Promise<ReadonlyArray<RecordByType[K] | null>> {
    await laterTurn();
    return this.inner.getMany(type, ids);
  }

  async nodes(ids: readonly string[]): Promise<ReadonlyArray<NodeRecord | null>> {
    await laterTurn();
    return this.inner.nodes(ids);
  }

  async countriesByCode(codes: readonly string[]): Promise<ReadonlyArray<CountryRecord | null>> {
    await laterTurn();
    return this.inner.countriesByCode(codes);
  }

  async list<K extends NodeTypename>(
    type: K,
    queries: ReadonlyArray<ListQuery<K>>,
  ): Promise<ReadonlyArray<PageOrError<RecordByType[K]>>> {
    await laterTurn();
    return this.inner.list(type, queries);
  }

  async citing(queries: readonly CitingQuery[]): Promise<ReadonlyArray<PageOrError<NodeRecord>>> {
    await laterTurn();
    return this.inner.citing(queries);
  }

  async search(query: SearchQuery): Promise<Page<SearchHit>> {
    await laterTurn();
    return this.inner.search(query);
  }

  largestList<K extends NodeTypename>(type: K, filterKey: ListFilterKey<K> | null): number {
    return this.inner.largestList(type, filterKey);
  }

  largestCiting(): number {
    return this.inner.largestCiting();
  }
}
