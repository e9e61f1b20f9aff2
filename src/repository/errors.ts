/** The errors a repository raises; the GraphQL layer maps them to client errors. */

/** A request the repository refuses because of one argument; the GraphQL layer maps it to BAD_USER_INPUT. */
export class InvalidArgumentError extends Error {
  constructor(
    readonly argument: string,
    message: string,
  ) {
    super(message);
    this.name = "InvalidArgumentError";
  }
}
