// Codes (Node/undici, Bun) that mean no connection was made, so the request never reached the server.
const NOT_SENT_CODES = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
  "ConnectionRefused",
]);
// The same, for runtimes that only give a message (Deno, browsers' wording varies).
const NOT_SENT_MESSAGE = /connection refused|ECONNREFUSED|ENOTFOUND|name resolution|dns error|failed to lookup/i;

/** False only when the error shows the request never reached the server (safe to retry). */
export function maybeSent(error: unknown): boolean {
  for (let e = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && NOT_SENT_CODES.has(code)) return false;
    if (NOT_SENT_MESSAGE.test(e.message)) return false;
  }
  return true;
}

/** `fetch failed (ECONNREFUSED)`: the runtime's message plus the system error code when there is one. */
export function describeConnectionFailure(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: unknown } | undefined;
  return typeof cause?.code === "string" ? `${error.message} (${cause.code})` : error.message;
}
