/**
 * Test-only repositories for the hardening tests: the real seed, except that one part fails the
 * way a broken or overloaded database would.
 */
import type { NodeTypename } from "../../src/domain/records";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import type {
  CitingQuery,
  GraphRepository,
  ListFilterKey,
  ListQuery,
  SearchQuery,
} from "../../src/repository/repository";
import { loadSeed } from "../../src/seed/seed.loader";
import { SEED_DIR } from "./harness";

/** What the failing repository throws: a message with a file path that must never reach a client. */
export const INTERNAL_FAILURE = "connection to /var/run/postgresql/.s.PGSQL.5432 refused";

/** The real repository, except that listing countries throws (like a database that refuses connections). */
export class FailingRepository extends InMemoryRepository {
  constructor() {
    super(loadSeed({ seedDir: SEED_DIR }));
  }

  override list<K extends NodeTypename>(type: K, queries: ReadonlyArray<ListQuery<K>>) {
    if (type === "Country") throw new Error(INTERNAL_FAILURE);
    return super.list(type, queries);
  }
}

/**
 * The real repository, except that every `list` answers with a Promise that settles after `delayMs`
 * (like a database under load). Lookups (`getMany`, `countriesByCode`, `nodes`) stay fast, so a
 * normal lookup query still answers. The timers are unref'd: an abandoned request does not keep the
 * test process alive.
 */
export class SlowListRepository implements GraphRepository {
  private readonly inner = new InMemoryRepository(loadSeed({ seedDir: SEED_DIR }));

  constructor(private readonly delayMs: number) {}

  list<K extends NodeTypename>(type: K, queries: ReadonlyArray<ListQuery<K>>) {
    return new Promise<void>(resolve => setTimeout(resolve, this.delayMs).unref()).then(() =>
      this.inner.list(type, queries),
    );
  }

  getMany<K extends NodeTypename>(type: K, ids: readonly string[]) {
    return this.inner.getMany(type, ids);
  }

  nodes(ids: readonly string[]) {
    return this.inner.nodes(ids);
  }

  countriesByCode(codes: readonly string[]) {
    return this.inner.countriesByCode(codes);
  }

  citing(queries: readonly CitingQuery[]) {
    return this.inner.citing(queries);
  }

  search(query: SearchQuery) {
    return this.inner.search(query);
  }

  largestList<K extends NodeTypename>(type: K, filterKey: ListFilterKey<K> | null) {
    return this.inner.largestList(type, filterKey);
  }

  largestCiting() {
    return this.inner.largestCiting();
  }
}
