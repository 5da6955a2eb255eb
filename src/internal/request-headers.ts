// Set by the client on every request: the credentials, and the JSON body the spec requires.
const FIXED = new Set(["authorization", "content-type"]);

/**
 * The headers of a request: the caller's (client-wide, then per call), where a name the client sets itself
 * is dropped in any letter case (an object can hold both `authorization` and `Authorization`, and the later
 * one would win in `Headers`), then the client's own.
 */
export function requestHeaders(fixed: Readonly<Record<string, string>>, ...callers: (Readonly<Record<string, string>> | undefined)[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const headers of callers) {
    if (!headers) continue;
    for (const [name, value] of Object.entries(headers)) if (!FIXED.has(name.toLowerCase())) out[name] = value;
  }
  return Object.assign(out, fixed);
}

/** The client's headers for a request without a body, which has no media type to declare (GET, DELETE). */
export function withoutContentType<T extends Readonly<Record<string, Readonly<Record<string, string>>>>>(headers: T): T {
  const out: Record<string, Record<string, string>> = {};
  for (const [group, values] of Object.entries(headers)) {
    out[group] = Object.fromEntries(Object.entries(values).filter(([name]) => name.toLowerCase() !== "content-type"));
  }
  return out as T;
}
