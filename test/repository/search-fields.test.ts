/**
 * What search reads of each type (src/repository/search-fields.ts) against what the schema says of
 * it: every field name a match can report is listed in `SearchEdge.matchedField`'s description, and
 * the links of the bundled records weigh under half an own name.
 */
import { isObjectType } from "graphql";

import { type NodeRecord, NODE_TYPENAMES } from "../../src/domain/records";
import { buildServiceSchema } from "../../src/graphql/schema";
import { fieldsOf, SEARCH_FIELDS } from "../../src/repository/search-fields";
import { loadSeed } from "../../src/seed/seed.loader";
import { SEED_DIR } from "../support/harness";

/** A record of any type whose every property is set: lists hold one id, everything else is a string. */
const everyField = new Proxy(
  {},
  { get: (_target, key) => (key === "expectedBenefits" || String(key).endsWith("Ids") ? ["x"] : "x") },
);

/** The names of the fields the types' entries add: their own text, and the links to other records. */
function fieldNames(): { own: Set<string>; links: Set<string> } {
  const own = new Set(["name", "alias"]);
  const links = new Set<string>();
  for (const typename of NODE_TYPENAMES) {
    const entry = SEARCH_FIELDS[typename] as (
      record: unknown,
      add: (field: string) => void,
      link: (field: string) => void,
    ) => void;
    entry(
      everyField,
      field => own.add(field),
      field => links.add(field),
    );
  }
  return { own, links };
}

describe("search fields", () => {
  it("lists every field a match can report in SearchEdge.matchedField's description", () => {
    const edge = buildServiceSchema().getType("SearchEdge");
    if (!isObjectType(edge)) throw new Error("SearchEdge is not an object type");
    const description = edge.getFields().matchedField?.description ?? "";
    const { own, links } = fieldNames();
    const missing = [...own, ...links, "quote"].filter(name => !description.includes(`"${name}"`));
    expect(missing).toEqual([]);
  });

  it("weighs the bundled records' links under half an own name, and quotes least", () => {
    const data = loadSeed({ seedDir: SEED_DIR });
    const byId = new Map<string, NodeRecord>();
    for (const list of Object.values<readonly NodeRecord[]>(data)) for (const r of list) byId.set(r.id, r);
    const { links } = fieldNames();
    const weights = { name: new Set<number>(), links: new Set<number>(), quote: new Set<number>() };
    for (const record of byId.values()) {
      for (const { field, weight } of fieldsOf(record, id => byId.get(id))) {
        if (field === "name" || field === "quote") weights[field].add(weight);
        else if (links.has(field)) weights.links.add(Math.round(weight * 100) / 100);
      }
    }
    expect({
      name: [...weights.name],
      links: [...weights.links].sort(),
      quote: [...weights.quote],
    }).toEqual({ name: [10], links: [1.8, 2, 3.6, 4], quote: [1] });
  });
});
