import type { GraphRepository } from "../../repository/repository";

/** What every resolver receives: built per request, holding no request-crossing mutable state. */
export interface GraphContext {
  readonly repository: GraphRepository;
}
