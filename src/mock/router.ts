import type { Operation } from "../../generated/operations.ts";

/** Where a request goes: its operation and the path parameters its URL filled in, or why none takes it. */
export type Route =
  | { readonly operation: Operation; readonly pathParams: Record<string, string> }
  | { readonly status: 404 }
  | { readonly status: 405; readonly allow: string };

/**
 * Routes by the operation table, templated paths included: `{name}` matches one path segment, which is
 * percent-decoded as openapi-fetch encoded it. A path with operations but not this method is a 405.
 */
export function createRouter(operations: readonly Operation[]) {
  const compiled = operations.map((operation) => {
    const names: string[] = [];
    const source = operation.path.replace(/\{([^}]+)\}|[^{]+/g, (part, name: string | undefined) => {
      if (name === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/]+)";
    });
    return { operation, names, pattern: new RegExp(`^${source}$`) };
  });
  return function route(method: string, pathname: string): Route {
    const onPath = compiled.flatMap(({ operation, names, pattern }) => {
      const match = pattern.exec(pathname);
      const values = match?.slice(1).map(decoded);
      return values && !values.includes(undefined) ? [{ operation, pathParams: Object.fromEntries(names.map((name, i) => [name, values[i]!])) }] : [];
    });
    if (!onPath.length) return { status: 404 };
    return onPath.find(({ operation }) => operation.method === method) ?? { status: 405, allow: onPath.map(({ operation }) => operation.method).join(", ") };
  };
}

/** A path segment percent-decoded, or undefined when its encoding is malformed (no operation takes it). */
function decoded(segment: string): string | undefined {
  try {
    return decodeURIComponent(segment);
  } catch {
    return undefined;
  }
}
