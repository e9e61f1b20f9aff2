/**
 * Reading what a client sent, within limits: the body (size-capped; past the cap the rest is only
 * discarded, for at most LINGER_MS after the 413, and the connection is closed), its JSON (depth-capped before anything recursive runs),
 * and the GraphQL parameters of a GET's query string. Failures are `HttpError`s carrying the status
 * and `extensions.code` the client gets; a client that goes away mid-body is a `ClientAbortError`.
 */
import type { IncomingMessage, Server, ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

import { jsonDepth, parseJson } from "../common/json";

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
    /** Close the connection after answering (the rest of the request is not read). */
    readonly closeConnection = false,
  ) {
    super(message);
  }
}

/** The client closed the connection before its request was complete. */
export class ClientAbortError extends Error {
  constructor() {
    super("the client closed the connection before sending the whole request");
  }
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const payload = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(payload),
    ...headers,
  });
  res.end(payload);
}

/**
 * How long a connection closed after an error (an oversized body) still takes in what the client
 * sends, discarding it, before the socket is destroyed. Closing a socket with unread data makes the
 * kernel reset the connection, which can destroy the answer before the client reads it; so, as
 * nginx's lingering close does, the answer is sent, our side closed (FIN), and the client's bytes
 * are read and dropped for at most this long. Bounded in time, so never a drain of the whole body.
 */
export const LINGER_MS = 1_000;

export function sendError(res: ServerResponse, error: HttpError): void {
  const headers = error.closeConnection ? { ...error.headers, connection: "close" } : error.headers;
  const socket = res.socket;
  if (error.closeConnection && socket) {
    // node ends and destroys the socket once a `Connection: close` answer is written (destroySoon);
    // for this socket that becomes: end, discard what still comes, destroy after LINGER_MS.
    socket.destroySoon = () => {
      socket.end();
      socket.resume();
      const timer = setTimeout(() => socket.destroy(), LINGER_MS);
      timer.unref();
      socket.once("close", () => clearTimeout(timer));
    };
  }
  sendJson(res, error.status, { errors: [{ message: error.message, extensions: { code: error.code } }] }, headers);
}

/**
 * The body as text, at most `limit` bytes. Past the limit nothing more is kept: the 413 goes out with
 * `Connection: close` and the socket is closed after at most LINGER_MS (see `sendError`).
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const tooLarge = () =>
    new HttpError(413, "PAYLOAD_TOO_LARGE", `The request body is larger than ${limit} bytes.`, {}, true);
  if (Number(req.headers["content-length"] ?? 0) > limit) return Promise.reject(tooLarge());
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        stop();
        // What still comes is dropped, for at most LINGER_MS once the 413 is out (see sendError).
        req.resume();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks).toString("utf8"));
    };
    const onError = () => {
      stop();
      reject(new ClientAbortError());
    };
    const onClose = () => {
      if (req.complete) return;
      stop();
      reject(new ClientAbortError());
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  });
}

function tooDeep(where: string, limit: number): HttpError {
  return new HttpError(400, "BAD_REQUEST", `${where} nests arrays and objects more than ${limit} levels deep.`);
}

/** The parsed JSON body of a POST (or the raw text for Apollo to refuse, when not JSON). */
export function parseBody(raw: string, contentType: string | undefined, maxDepth: number): unknown {
  const mediaType = (contentType ?? "").split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json" && mediaType !== "application/graphql-response+json") {
    // Apollo decides (CSRF prevention rejects non-JSON POSTs without a preflight header).
    return raw === "" ? undefined : raw;
  }
  if (raw.trim() === "") {
    throw new HttpError(400, "BAD_REQUEST", "The request body is empty; send a JSON object with a `query`.");
  }
  if (jsonDepth(raw, maxDepth) > maxDepth) throw tooDeep("The request body", maxDepth);
  try {
    return parseJson(raw);
  } catch (error) {
    throw new HttpError(400, "BAD_REQUEST", `The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** Refuses a GET whose JSON parameters (`variables`, `extensions`) nest too deep for Apollo to parse. */
export function checkSearchParams(search: URLSearchParams, maxDepth: number): void {
  for (const name of ["variables", "extensions"]) {
    const value = search.get(name);
    if (value !== null && jsonDepth(value, maxDepth) > maxDepth) throw tooDeep(`The \`${name}\` parameter`, maxDepth);
  }
}

/**
 * Starts `server` listening and answers its origin, e.g. `http://127.0.0.1:4000` (a wildcard
 * address shown as `localhost`, so the URL can be opened).
 */
export async function listen(server: Server, port: number, host: string): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return `http://${shown === "0.0.0.0" || shown === "[::]" ? "localhost" : shown}:${address.port}`;
}
