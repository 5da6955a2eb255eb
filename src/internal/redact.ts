export type Redact = (text: string) => string;

/**
 * Removes credentials from text that came from elsewhere (a response body, a server-sent header, an error
 * from the runtime): a hostile or broken server can echo the Authorization header, a code or a session
 * token back. Each secret value is looked for as is and as JSON writes it (escaped quotes, backslashes and
 * slashes); the JSON string value of each field named in `fields` (`"session_token": "…"`) is blanked
 * whatever it holds, and so is anything shaped like a JWT.
 */
export function createRedactor(secrets: readonly string[], fields: readonly string[] = []): Redact {
  const needles = new Set<string>();
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    const escaped = JSON.stringify(secret).slice(1, -1);
    needles.add(secret).add(escaped).add(escaped.replaceAll("/", "\\/"));
  }
  const list = [...needles];
  const values = fields.length ? new RegExp(`"(${fields.join("|")})"(\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, "g") : undefined;
  return (text) => {
    let out = text;
    for (const needle of list) if (out.includes(needle)) out = out.split(needle).join("[redacted]");
    if (values) out = out.replace(values, '"$1"$2"[redacted]"');
    return out.replace(JWT, "[redacted]");
  };
}

// header.payload.signature, base64url, the header a JSON object ("eyJ" is `{"`).
const JWT = /eyJ[\w-]*\.[\w-]+\.[\w-]*/g;

const MAX_DEPTH = 32;
const MAX_CAUSES = 8;

/**
 * A copy of parsed JSON with every string (key or value) passed through `mapString`, and anything nested
 * deeper than 32 levels replaced by a marker: hostile input is never walked (nor later stringified) without
 * a bound. Used to redact an error body's `error_details`, and by the CLI before printing a response.
 */
export function boundedCopy(value: unknown, mapString: Redact = (text) => text, depth = 0): unknown {
  if (typeof value === "string") return mapString(value);
  if (typeof value !== "object" || value === null) return value;
  if (depth >= MAX_DEPTH) return "[nested too deep]";
  if (Array.isArray(value)) return value.map((item) => boundedCopy(item, mapString, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    // defineProperty: a "__proto__" key stays a plain key, as JSON.parse made it.
    Object.defineProperty(out, mapString(key), { value: boundedCopy(item, mapString, depth + 1), enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/**
 * A redacted copy of an error the runtime threw, to hang on a StytchError as its `cause`. The runtime's own
 * error can carry the raw bytes of a malformed answer (undici's parser errors keep them in `data`), and a
 * hostile server can make those bytes echo the request's Authorization header. The copy is a plain Error
 * with the original's name, message, stack and `code`, redacted, and its cause chain copied the same way,
 * at most 8 deep; nothing else is kept.
 */
export function redactError(error: unknown, redact: Redact, depth = 0): Error | undefined {
  if (!(error instanceof Error)) return undefined;
  const { name, message, stack, cause, code } = error as Error & { code?: unknown };
  const copy = new Error(redact(message), depth < MAX_CAUSES && cause instanceof Error ? { cause: redactError(cause, redact, depth + 1) } : undefined);
  return Object.assign(copy, { name: redact(name), stack: redact(stack ?? ""), ...(typeof code === "string" && { code: redact(code) }) });
}
