import type { FieldNode } from "graphql";

import { createLoaders, type RequestLoaders } from "../../repository/loaders";
import type { GraphRepository } from "../../repository/repository";
import type { ListBounds } from "./list-bound";

/** What the service records about one request as it goes; the HTTP layer logs and measures it. */
export interface RequestInfo {
  /** The request's id: the caller's `x-request-id` when it is sane, otherwise a new UUID. */
  readonly id: string;
  /** The operation's name, once the operation is resolved; null when anonymous or never resolved. */
  operationName: string | null;
  /** Whether any error of the response was the service's fault (masked as INTERNAL_SERVER_ERROR). */
  internalError: boolean;
}

/** What every resolver receives: built per request, holding no request-crossing mutable state. */
export interface GraphContext {
  /** The request's own loaders over the repository: every lookup and list of the request goes through them. */
  readonly loaders: RequestLoaders;
  readonly request: RequestInfo;
  /** The repository's list bounds, which the cost limit reads before the operation executes. */
  readonly listBounds: ListBounds;
  /**
   * Set by the service's executor: the arguments of the operation already validated, as the error of
   * each field node whose arguments fail (empty when none do). Without it, resolvers validate their
   * own arguments on every call.
   */
  readonly argumentErrors?: ReadonlyMap<FieldNode, Error>;
}

/** The context of one request over `repository`, with loaders of its own. */
export function createContext(
  repository: GraphRepository,
  request: RequestInfo,
  argumentErrors?: ReadonlyMap<FieldNode, Error>,
): GraphContext {
  return {
    loaders: createLoaders(repository),
    request,
    listBounds: repository,
    ...(argumentErrors ? { argumentErrors } : {}),
  };
}
