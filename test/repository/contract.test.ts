/**
 * The repository contract (./contract.ts) over the in-memory store, and over the same store behind
 * `AsyncRepository`, which answers every call with a Promise on a later turn, as a database-backed
 * store would: the contract holds for stores that answer either way.
 */
import type { GraphRepository } from "../../src/repository/repository";
import { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { loadSeed } from "../../src/seed/seed.loader";
import { AsyncRepository } from "../support/async.repository";
import { SEED_DIR } from "../support/harness";
import { describeRepositoryContract } from "./contract";

describeRepositoryContract(
  "in-memory",
  () => new InMemoryRepository(loadSeed({ seedDir: SEED_DIR })),
  data => new InMemoryRepository(data),
);

describeRepositoryContract(
  "in-memory behind Promises",
  () => new AsyncRepository(new InMemoryRepository(loadSeed({ seedDir: SEED_DIR }))),
  data => new AsyncRepository(new InMemoryRepository(data)),
);

describe("AsyncRepository", () => {
  it("answers every method with a Promise that settles after the current turn", async () => {
    const repo = new AsyncRepository(new InMemoryRepository(loadSeed({ seedDir: SEED_DIR })));
    const calls = {
      getMany: repo.getMany("Country", ["country:KZ"]),
      nodes: repo.nodes(["country:KZ"]),
      countriesByCode: repo.countriesByCode(["KZ"]),
      list: repo.list("Country", [{ page: { first: 1 } }]),
      citing: repo.citing([{ sourceId: "source:reference-facts", page: { first: 1 } }]),
      search: repo.search({ text: "Kazakhstan", page: { first: 1 } }),
    };
    const settled = new Set<string>();
    for (const [name, call] of Object.entries(calls)) void Promise.resolve(call).then(() => settled.add(name));
    await Promise.resolve();
    await Promise.resolve();
    expect({ promises: Object.values(calls).every(c => c instanceof Promise), settled: [...settled] }).toEqual({
      promises: true,
      settled: [],
    });
    await Promise.all(Object.values(calls));
    expect([...settled].sort()).toEqual(Object.keys(calls).sort());
  });

  it("turns a store's thrown failure into a rejection", async () => {
    const store = new InMemoryRepository(loadSeed({ seedDir: SEED_DIR }));
    const failing = new AsyncRepository(
      Object.assign(Object.create(store) as GraphRepository, {
        nodes: () => {
          throw new Error("connection refused");
        },
      }),
    );
    const call = failing.nodes(["country:KZ"]);
    expect(call).toBeInstanceOf(Promise);
    await expect(call).rejects.toThrow("connection refused");
  });
});
