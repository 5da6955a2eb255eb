import type { Operation } from "../../generated/operations.ts";
import { StytchValidationError } from "../errors.ts";

/**
 * The one request object the client's own checks take, rebuilt from what arrived: the path parameters, the
 * query parameters (a number or boolean parameter read as one, a repeated one as a list, which the checks
 * refuse) and the JSON body. A body field named like a parameter is refused: it is not a field of the body.
 */
export function requestOf(operation: Operation, pathParams: Record<string, string>, query: URLSearchParams, body: unknown): unknown {
  const request: Record<string, unknown> = { ...pathParams };
  for (const name of new Set(query.keys())) {
    const values = query.getAll(name);
    const type = Object.hasOwn(operation.request.properties, name) ? operation.request.properties[name]!.type : "string";
    request[name] = values.length > 1 ? values : typed(values[0]!, type);
  }
  if (!operation.body) return request;
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  for (const name of Object.keys(body)) {
    if (Object.hasOwn(request, name) || operation.request.path?.includes(name) || operation.request.query?.includes(name)) {
      throw new StytchValidationError(name, "additionalProperties", `${name} is a parameter of the URL, not a field of the body`);
    }
  }
  return Object.assign(request, body);
}

function typed(text: string, type: string): unknown {
  if ((type === "integer" || type === "number") && /^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}
