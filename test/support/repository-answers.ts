/**
 * What a repository answers, as one value to compare whole: every type's list in full, a filtered
 * list, searches (one word, a name, several words, a prefix, a phrase), every record by id and an
 * unknown id, and the records citing each source. Two repositories that should be the same (one
 * restored from an image or a snapshot, one indexed from the records) must give equal answers.
 */
import { type NodeRecord, NODE_TYPENAMES } from "../../src/domain/records";
import type { InMemoryRepository } from "../../src/repository/in-memory.repository";
import { createLoaders } from "../../src/repository/loaders";
import type { Page } from "../../src/repository/repository";

export function answers(repository: InMemoryRepository) {
  const { data } = repository;
  const loaders = createLoaders(repository);
  const lists = NODE_TYPENAMES.map(type => loaders.list(type, { page: { first: 10_000 } }) as Page<NodeRecord>);
  const ids = lists.flatMap(page => page.edges.map(edge => edge.node.id));
  return {
    lists,
    filtered: loaders.list("CooperationArea", {
      page: { first: 5 },
      filter: { actorCountry: "KZ", category: "ECONOMIC" },
    } as never),
    nodes: repository.nodes([...ids, "missing:id"]),
    searches: ["nuclear", "JUMCO", "order nahda", "kaz", "astana talks"].map(text =>
      repository.search({ text, page: { first: 50 } }),
    ),
    citing: repository.citing(data.sources.map(source => ({ sourceId: source.id, page: { first: 100 } }))),
  };
}
