/**
 * One benchmark server, run as a child process of `bench/bench.ts` (pinned to its own core):
 *
 *   node dist/bench/server-child.js raw    <port>              hand-written handlers (bench/raw.ts)
 *   node dist/bench/server-child.js static <port> <map.json>   precomputed response bytes
 *   node dist/bench/server-child.js naive  <port>              the type-graphql schema on Apollo defaults
 *   node dist/bench/server-child.js yoga   <port>              the type-graphql schema on GraphQL Yoga
 *   node dist/bench/server-child.js mercurius <port>           the type-graphql schema on Mercurius (Fastify),
 *                                                              graphql-jit on (every operation compiled)
 *
 * The peers (yoga, mercurius) serve the subgraph schema as type-graphql builds it (its resolver
 * wrappers validating arguments on every call, as a user of either would get), with `__typename`
 * resolving abstract types (graphql-jit needs it), over the same repository.
 * Each listens on 127.0.0.1:<port> once ready and stops on SIGTERM. The `service` variant is not
 * here: it is `node dist/src/main.js`, exactly as `npm start` runs it.
 */
import "reflect-metadata";

import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";

import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

import type { GraphContext } from "../src/graphql/base/context";
import { resolveAbstractTypesByTypename } from "../src/graphql/execution/direct-resolvers";
import { buildReferenceSchema } from "../src/graphql/schema";
import { InMemoryRepository } from "../src/repository/in-memory.repository";
import { loadSeed } from "../src/seed/seed.loader";
import { benchContext, ROOT } from "./common";
import { RawHandlers, RawRequestError } from "./raw";

const HOST = "127.0.0.1";

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer).toString("utf8") : Buffer.concat(chunks).toString("utf8")),
    );
    req.on("error", reject);
  });
}

function send(res: ServerResponse, status: number, payload: string | Buffer): void {
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
  });
  res.end(payload);
}

function listen(handler: (req: IncomingMessage, res: ServerResponse) => void, port: number): void {
  const server = createServer(handler);
  server.listen(port, HOST);
  process.once("SIGTERM", () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  });
}

function serveRaw(port: number): void {
  const handlers = new RawHandlers(new InMemoryRepository(loadSeed({ seedDir: join(ROOT, "seed") })));
  listen((req, res) => {
    if (req.method !== "POST" || req.url !== "/graphql") return send(res, 404, '{"error":"not found"}');
    readBody(req)
      .then(raw => send(res, 200, `${JSON.stringify(handlers.handle(JSON.parse(raw)))}\n`))
      .catch((error: unknown) =>
        send(
          res,
          error instanceof RawRequestError || error instanceof SyntaxError ? 400 : 500,
          JSON.stringify({ error: (error as Error).message }),
        ),
      );
  }, port);
}

function serveStatic(port: number, mapFile: string): void {
  const answers = new Map<string, Buffer>(
    Object.entries(JSON.parse(readFileSync(mapFile, "utf8")) as Record<string, string>).map(([request, response]) => [
      request,
      Buffer.from(response),
    ]),
  );
  listen((req, res) => {
    void readBody(req).then(raw => {
      const answer = answers.get(raw);
      if (answer) send(res, 200, answer);
      else send(res, 400, '{"error":"no precomputed answer for this body"}');
    });
  }, port);
}

async function serveNaive(port: number): Promise<void> {
  const repository = new InMemoryRepository(loadSeed({ seedDir: join(ROOT, "seed") }));
  // type-graphql's schema as built, on Apollo's defaults: what the service was before compiled execution.
  const apollo = new ApolloServer<GraphContext>({ schema: buildReferenceSchema() });
  await startStandaloneServer(apollo, {
    listen: { port, host: HOST },
    context: () => Promise.resolve(benchContext(repository)),
  });
  // Apollo installs SIGTERM handlers that stop it and re-raise the signal (the process ends).
}

async function serveYoga(port: number): Promise<void> {
  const { createYoga } = await import("graphql-yoga");
  const repository = new InMemoryRepository(loadSeed({ seedDir: join(ROOT, "seed") }));
  const yoga = createYoga({
    schema: resolveAbstractTypesByTypename(buildReferenceSchema()),
    context: () => benchContext(repository),
    graphiql: false,
    logging: false,
  });
  listen((req, res) => void yoga(req, res), port);
}

async function serveMercurius(port: number): Promise<void> {
  const { default: Fastify } = await import("fastify");
  const { default: mercurius } = await import("mercurius");
  const repository = new InMemoryRepository(loadSeed({ seedDir: join(ROOT, "seed") }));
  const app = Fastify({ logger: false });
  await app.register(mercurius, {
    schema: resolveAbstractTypesByTypename(buildReferenceSchema()),
    context: () => benchContext(repository),
    // Compile an operation with graphql-jit from its first execution on.
    jit: 1,
    graphiql: false,
  });
  await app.listen({ port, host: HOST });
  process.once("SIGTERM", () => void app.close().then(() => process.exit(0)));
}

const [variant, portArg, mapFile] = process.argv.slice(2);
const port = Number(portArg);
if (!Number.isInteger(port) || port <= 0) throw new Error(`bad port ${String(portArg)}`);
switch (variant) {
  case "raw":
    serveRaw(port);
    break;
  case "static":
    if (!mapFile) throw new Error("static needs the answers file");
    serveStatic(port, mapFile);
    break;
  case "naive":
    serveNaive(port).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
    break;
  case "yoga":
  case "mercurius":
    (variant === "yoga" ? serveYoga(port) : serveMercurius(port)).catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
    break;
  default:
    throw new Error(`unknown variant ${String(variant)}`);
}
