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
export function withoutContentType({ client, fixed }: { readonly client: Record<string, string>; readonly fixed: Record<string, string> }) {
  const { "Content-Type": _client, ...clientRest } = client;
  const { "Content-Type": _fixed, ...fixedRest } = fixed;
  return { client: clientRest, fixed: fixedRest };
}
