/**
 * What clients see of errors. Known input errors keep their message and get `BAD_USER_INPUT`;
 * argument validation lists each failed constraint by argument path (never the submitted objects);
 * anything unexpected is masked as `INTERNAL_SERVER_ERROR` and its cause is logged, never sent.
 */
import type { ApolloServerPlugin } from "@apollo/server";
import { ApolloServerErrorCode, unwrapResolverError } from "@apollo/server/errors";
import type { ValidationError } from "class-validator";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";
import { ArgumentValidationError } from "type-graphql";

import { InvalidArgumentError } from "../repository/errors";
import type { GraphContext } from "./base/context";
import { withoutSuggestions } from "./variables";

export interface ArgumentProblem {
  readonly argument: string;
  readonly messages: readonly string[];
}

function argumentProblems(errors: readonly ValidationError[], parent = ""): ArgumentProblem[] {
  return errors.flatMap(error => {
    const path = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {});
    const mine = own.length > 0 ? [{ argument: path, messages: own }] : [];
    return [...mine, ...argumentProblems(error.children ?? [], path)];
  });
}

/**
 * The code of a request error that Apollo or graphql-js raised without one (so Apollo would call it
 * internal): graphql-js's cap on variable errors is the client's input; an error with a 4xx HTTP
 * status (e.g. a persisted-query hash that does not match) is a bad request. Null for the rest.
 */
function requestErrorCode(error: unknown): string | null {
  if (!(error instanceof GraphQLError) || error.path || error.originalError) return null;
  if (error.extensions.code !== undefined && error.extensions.code !== ApolloServerErrorCode.INTERNAL_SERVER_ERROR) {
    return null;
  }
  if (error.message.startsWith("Too many errors processing variables")) return ApolloServerErrorCode.BAD_USER_INPUT;
  const http: unknown = error.extensions.http;
  const status = typeof http === "object" && http !== null && "status" in http ? Number(http.status) : undefined;
  return status !== undefined && status >= 400 && status < 500 ? ApolloServerErrorCode.BAD_REQUEST : null;
}

function isInternal(error: GraphQLError): boolean {
  const cause = unwrapResolverError(error);
  if (cause instanceof InvalidArgumentError || requestErrorCode(error) !== null) return false;
  const code = error.extensions.code;
  return code === undefined || code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR;
}

export interface ErrorFormatting {
  /** Leave schema suggestions ("Did you mean …") out of every message (introspection off). */
  readonly hideSuggestions: boolean;
}

export function createErrorFormatter({ hideSuggestions }: ErrorFormatting) {
  const clean = (message: string): string => (hideSuggestions ? withoutSuggestions(message) : message);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // What every answer keeps of the error as graphql-js located it; the rest is ours to say.
    const answer = (message: string, extensions: Record<string, unknown>): GraphQLFormattedError => ({
      message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions,
    });
    const cause = unwrapResolverError(error);
    if (cause instanceof ArgumentValidationError) {
      const problems = argumentProblems(cause.extensions.validationErrors ?? []);
      return answer(`Invalid argument: ${problems.flatMap(p => p.messages).join("; ")}`, {
        code: ApolloServerErrorCode.BAD_USER_INPUT,
        arguments: problems,
      });
    }
    if (cause instanceof InvalidArgumentError) {
      return answer(cause.message, {
        code: ApolloServerErrorCode.BAD_USER_INPUT,
        arguments: [{ argument: cause.argument, messages: [cause.message] }],
      });
    }
    const code = requestErrorCode(error) ?? formatted.extensions?.code;
    if (code === undefined || code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR) {
      // The cause is logged, with the request id, by errorReportingPlugin; the client sees neither.
      return answer("Internal server error", { code: ApolloServerErrorCode.INTERNAL_SERVER_ERROR });
    }
    // Apollo's own errors (parse, validation, variables, CSRF): keep message and code only, and no
    // hint of the schema when it is hidden, whichever path raised the error.
    return answer(clean(formatted.message), { code });
  };
}

/**
 * Logs each internal error's cause with the request id, marks the request as failed by the
 * service, and gives the masked errors of the response that id so a report can be matched to a log
 * line.
 */
export function errorReportingPlugin(logger: Logger): ApolloServerPlugin<GraphContext> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didEncounterErrors({ errors, contextValue, operationName }) {
          for (const error of errors) {
            if (!isInternal(error)) continue;
            contextValue.request.internalError = true;
            logger.error(
              { err: unwrapResolverError(error), requestId: contextValue.request.id, operationName, path: error.path },
              "internal error while executing an operation",
            );
          }
          return Promise.resolve();
        },
        willSendResponse({ response, contextValue }) {
          if (response.body.kind !== "single" || !response.body.singleResult.errors) return Promise.resolve();
          response.body.singleResult.errors = response.body.singleResult.errors.map(error =>
            error.extensions?.code === ApolloServerErrorCode.INTERNAL_SERVER_ERROR
              ? { ...error, extensions: { ...error.extensions, requestId: contextValue.request.id } }
              : error,
          );
          return Promise.resolve();
        },
      });
    },
  };
}

/**
 * Refuses an operation whose root type the schema lacks (a mutation or subscription here) as the
 * validation error it is; graphql-js 16 would only fail it at execution, as an internal error. It runs
 * after Apollo's own check, so a GET mutation is still answered 405.
 */
export function missingRootTypePlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ operation, schema }) {
          if (operation && !schema.getRootType(operation.operation)) {
            throw new GraphQLError(`This service has no ${operation.operation} type: it answers queries only.`, {
              nodes: [operation],
              extensions: { code: ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED, http: { status: 400 } },
            });
          }
          return Promise.resolve();
        },
      });
    },
  };
}

/** Answers 400 when an operation failed because of its arguments, rather than 200 with errors. */
export function badUserInputStatusPlugin<T extends object>(): ApolloServerPlugin<T> {
  return {
    requestDidStart() {
      return Promise.resolve({
        willSendResponse({ response }) {
          if (response.body.kind !== "single") return Promise.resolve();
          const errors = response.body.singleResult.errors ?? [];
          if (errors.some(e => e.extensions?.code === ApolloServerErrorCode.BAD_USER_INPUT)) {
            response.http.status = 400;
          }
          return Promise.resolve();
        },
      });
    },
  };
}
