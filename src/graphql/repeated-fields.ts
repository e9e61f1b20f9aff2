/**
 * Repeated fields: a guard for graphql-js's OverlappingFieldsCanBeMerged validation rule, whose work
 * grows with the square of the fields sharing a response name at one place (and multiplies down
 * through their selections). Three hundred copies of `country(code: "KZ") { name }` — 8.7 kB —
 * took it 0.4 s of blocked event loop. The guard counts, in one linear pass, the fields that repeat
 * a response name already selected at the same place (the selection set with its inline fragments
 * and the named fragments spread into it flattened in, as that rule does) and that take arguments or
 * have selections of their own: those are the comparisons that cost. A document past the limit is
 * refused before validation. Repeated plain leaves (`id`, `__typename` from many fragments) cost
 * the rule next to nothing and are not counted.
 */
import { BREAK, type DocumentNode, GraphQLError, Kind, parse, type SelectionSetNode, visit } from "graphql";
import { LRUCache } from "lru-cache";
import { fragmentsOf } from "./document";

interface Flattened {
  readonly names: readonly string[];
}

/**
 * How many costly repeats `document` holds; once past `limit` at the end of a place, it stops
 * counting. Work is linear in the document plus, per place, the fragments spread into it (each
 * distinct fragment once).
 */
export function repeatedFields(document: DocumentNode, limit: number): number {
  const fragments = fragmentsOf(document);
  // The costly response names a fragment contributes to the place it is spread into, computed once.
  const memo = new Map<string, Flattened>();
  const fragmentNames = (name: string, visiting: Set<string>): readonly string[] => {
    const known = memo.get(name);
    if (known) return known.names;
    const fragment = fragments.get(name);
    // Unknown fragments and cycles are validation's to report; they add nothing here.
    if (!fragment || visiting.has(name)) return [];
    visiting.add(name);
    const names = flatten(fragment.selectionSet, visiting, new Set());
    visiting.delete(name);
    memo.set(name, { names });
    return names;
  };
  const flatten = (set: SelectionSetNode, visiting: Set<string>, spread: Set<string>): string[] => {
    const names: string[] = [];
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if ((selection.arguments?.length ?? 0) > 0 || selection.selectionSet) {
          names.push((selection.alias ?? selection.name).value);
        }
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        names.push(...flatten(selection.selectionSet, visiting, spread));
      } else if (!spread.has(selection.name.value)) {
        spread.add(selection.name.value);
        names.push(...fragmentNames(selection.name.value, visiting));
      }
    }
    return names;
  };

  let repeats = 0;
  visit(document, {
    SelectionSet(set) {
      const seen = new Set<string>();
      for (const name of flatten(set, new Set(), new Set())) {
        if (seen.has(name)) repeats++;
        else seen.add(name);
      }
      // Past the limit, nothing more needs counting.
      return repeats > limit ? BREAK : undefined;
    },
  });
  return repeats;
}

/**
 * The guard as the HTTP layer runs it, before Apollo sees the request: the query text is parsed
 * (with the token limit; a document that does not parse is left to Apollo to report) and its
 * repeats counted. Query texts that passed are remembered in an LRU bounded in bytes, so a client's
 * usual documents are parsed here once.
 */
export function createRepeatedFieldsGuard(options: {
  readonly maxRepeats: number;
  readonly maxTokens: number;
  readonly cacheBytes: number;
}): (query: string) => GraphQLError | null {
  const passed =
    options.cacheBytes > 0
      ? new LRUCache<string, true>({
          maxSize: options.cacheBytes,
          sizeCalculation: (_passed, query) => query.length + 16,
        })
      : null;
  return query => {
    if (passed?.has(query)) return null;
    let document: DocumentNode;
    try {
      document = parse(query, { maxTokens: options.maxTokens, noLocation: true });
    } catch {
      return null;
    }
    const repeats = repeatedFields(document, options.maxRepeats);
    if (repeats <= options.maxRepeats) {
      if (query.length + 16 <= options.cacheBytes) passed?.set(query, true);
      return null;
    }
    return new GraphQLError(
      `The operation selects fields that take arguments or selections again where they are already selected, more than ${options.maxRepeats} times: select each once per place, or give the copies aliases.`,
      { extensions: { code: "GRAPHQL_VALIDATION_FAILED" } },
    );
  };
}
