import type { Operation } from "../../generated/operations.ts";

/** A call's request as openapi-fetch takes it: the JSON body (none for GET and DELETE) and the URL's parameters. */
export interface RequestParts {
  readonly body: unknown;
  readonly params?: { readonly path: Record<string, unknown>; readonly query: Record<string, unknown> };
}

/**
 * Splits the one object a caller passes into what travels where, as the operation table says: path and
 * query parameters go to openapi-fetch's `params` (it fills the path template and writes the query string),
 * every other field into the body. An operation with neither keeps the caller's object as its body.
 */
export function requestParts(operation: Operation, request: Record<string, unknown>): RequestParts {
  const { path, query } = operation.request;
  if (!path && !query) return { body: operation.body ? request : undefined };
  const params = { path: {} as Record<string, unknown>, query: {} as Record<string, unknown> };
  const body: Record<string, unknown> = {};
  for (const name of Object.keys(request)) (path?.includes(name) ? params.path : query?.includes(name) ? params.query : body)[name] = request[name];
  return { body: operation.body ? body : undefined, params };
}
