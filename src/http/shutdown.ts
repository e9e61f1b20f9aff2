/**
 * The graceful stop: readiness turns to "stopping", the listener stops accepting connections, the
 * requests already sent (even on idle keep-alive connections) are read and answered with
 * `Connection: close`, in-flight responses finish within the grace period (then open connections are
 * cut), and only then is what serves behind the listener stopped.
 */
import type { Server } from "node:http";
import { Server as NetServer } from "node:net";

import type { InFlight } from "./listener";

/** How long idle keep-alive connections stay open once stopping starts, so requests whose bytes already arrived are read. */
const IDLE_LINGER_MS = 50;

export interface ShutdownParts {
  readonly server: Server;
  readonly inFlight: InFlight;
  /** How long in-flight requests may take to finish once stopping starts, in milliseconds. */
  readonly graceMs: number;
  /** Stopped last, once the listener is closed and every response is done or cut off. */
  readonly stopLast: () => Promise<unknown>;
}

/** The stop function of a running service: the first call stops it, every call answers the same promise. */
export function gracefulStop({ server, inFlight, graceMs, stopLast }: ShutdownParts): () => Promise<void> {
  let stopping: Promise<void> | null = null;
  return (): Promise<void> => {
    stopping ??= (async () => {
      inFlight.stopAccepting();
      // Stop accepting connections, but keep the open ones: http's own close() would also drop idle
      // keep-alive connections at once, losing requests whose bytes already arrived while the
      // process was busy. Those are read in the next turns of the event loop and answered (with
      // `Connection: close`); the connections still idle after IDLE_LINGER_MS are closed.
      const closed = new Promise<void>(resolve => NetServer.prototype.close.call(server, () => resolve()));
      const grace = new Promise<void>(resolve => setTimeout(resolve, graceMs).unref());
      await Promise.race([new Promise<void>(resolve => setTimeout(resolve, IDLE_LINGER_MS)), grace]);
      server.closeIdleConnections();
      // Wait for the listener to close and every in-flight response to be done (and logged).
      await Promise.race([Promise.all([closed, inFlight.drain()]), grace]);
      inFlight.cutOff = true;
      server.closeAllConnections();
      // http's close(): stops its timeout checks (the listener itself is already closed).
      server.close();
      await stopLast();
    })();
    return stopping;
  };
}
