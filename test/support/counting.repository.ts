import type { NodeTypename, RecordByType } from "../../src/domain/records";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { loadSeed } from "../../src/seed/seed.loader";
import { SEED_DIR } from "./harness";

/** The real repository, counting its batch lookups, to prove resolvers batch. */
export class CountingRepository extends InMemoryRepository {
  readonly calls: string[] = [];

  constructor() {
    super(loadSeed({ seedDir: SEED_DIR }));
  }

  override getMany<K extends NodeTypename>(type: K, ids: readonly string[]): ReadonlyArray<RecordByType[K] | null> {
    this.calls.push(`getMany(${type}, ${ids.length})`);
    return super.getMany(type, ids);
  }

  override countriesByCode(codes: readonly string[]) {
    this.calls.push(`countriesByCode(${codes.length})`);
    return super.countriesByCode(codes);
  }

  override nodes(ids: readonly string[]) {
    this.calls.push(`nodes(${ids.length})`);
    return super.nodes(ids);
  }
}
