/**
 * The actual-cost walk alone, per response of each benchmark operation:
 *
 *   tsc -p . && node dist/bench/actual-cost.js
 *
 * Each operation is answered once by the service (`createApollo`, production configuration), and
 * its `data` is then walked by the first implementation of the actual cost (kept as the reference,
 * test/support/reference-actual-cost.ts, with its fields collected once per document as the service
 * kept them) and by the service's (`DocumentCostPlans`, src/graphql/actual-cost.ts), which must
 * agree with each other and with `extensions.cost.actual`. Reported: the least wall-clock µs per
 * walk over ACTUAL_ROUNDS (30) rounds of 1,000 walks each, the two alternating round by round (the
 * least is the figure a busy machine disturbs least), and the response's JSON size.
 */
import "reflect-metadata";

import { join } from "node:path";

import { getOperationAST, parse } from "graphql";
import pino from "pino";

import { loadConfig } from "../src/config/config";
import { DocumentCostPlans } from "../src/graphql/actual-cost";
import { fragmentsOf } from "../src/graphql/document";
import * as schemas from "../src/graphql/schema";
import { createApollo } from "../src/http/server";
import { InMemoryRepository } from "../src/repository/in-memory.repository";
import { loadSeed } from "../src/seed/seed.loader";
import { type CollectedFields, referenceActualCost } from "../test/support/reference-actual-cost";
import { benchContext, envNumber, fmt, machine, ROOT, table } from "./common";
import { benchQueries } from "./queries";

const ROUNDS = Math.round(envNumber("ACTUAL_ROUNDS", 30));
const WALKS = 1000;

/** The least µs per call of each walk over ROUNDS rounds, the walks taking turns round by round. */
function leastOf(walks: ReadonlyArray<() => number>): number[] {
  const least = walks.map(() => Infinity);
  for (let round = 0; round < ROUNDS; round++) {
    walks.forEach((walk, i) => {
      const started = process.hrtime.bigint();
      for (let n = 0; n < WALKS; n++) walk();
      least[i] = Math.min(least[i] as number, Number(process.hrtime.bigint() - started) / WALKS / 1000);
    });
  }
  return least;
}

async function main(): Promise<void> {
  const repository = new InMemoryRepository(loadSeed({ seedDir: join(ROOT, "seed") }));
  const schema = schemas.buildServiceSchema();
  const service = createApollo({
    config: loadConfig({ NODE_ENV: "production", LOG_LEVEL: "silent" }),
    schema,
    logger: pino({ level: "silent" }),
  });
  await service.start();
  const rows: string[][] = [];
  for (const q of await benchQueries(repository)) {
    const response = await service.executeOperation(
      { query: q.query, variables: q.variables, operationName: q.operationName },
      { contextValue: benchContext(repository) },
    );
    if (response.body.kind !== "single") throw new Error("expected a single result");
    const { data, extensions } = response.body.singleResult;
    const document = parse(q.query);
    const operation = getOperationAST(document, q.operationName);
    if (!data || !operation) throw new Error(`${q.key}: no data`);
    const reference = {
      schema,
      operation,
      fragments: fragmentsOf(document),
      variables: q.variables,
      collected: new Map() as CollectedFields,
    };
    const plans = new DocumentCostPlans(schema, document);
    const walks = [() => referenceActualCost(reference, data), () => plans.actualCost(operation, q.variables, data)];
    const reported = (extensions?.cost as { actual?: number } | undefined)?.actual;
    const counted = walks.map(walk => walk());
    if (counted.some(cost => cost !== reported)) {
      throw new Error(`${q.key}: reported ${String(reported)}, counted ${counted.join(" and ")}`);
    }
    const [first, planned] = leastOf(walks) as [number, number];
    rows.push([
      q.title,
      String(reported),
      fmt(first, 2),
      fmt(planned, 2),
      fmt(first / planned, 1),
      String(JSON.stringify(data).length),
    ]);
  }
  await service.stop();
  const m = machine();
  console.log(
    [
      `Node ${m.node}, ${m.cpu}, ${m.cores} cores, ${m.date}; least of ${ROUNDS} rounds of ${WALKS} walks.`,
      "",
      table(["Query", "actual cost", "first walk µs", "planned µs", "×", "response bytes"], rows),
    ].join("\n"),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
