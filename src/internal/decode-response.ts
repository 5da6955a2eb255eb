import type { Operation } from "../../generated/operations.ts";
import { StytchApiError, StytchDecodeError, type StytchErrorBody } from "../errors.ts";
import { isJsonMediaType } from "./media-type.ts";
import { boundedCopy, type Redact } from "./redact.ts";
import type { Received } from "./transport.ts";

const SNIPPET_LENGTH = 200;

/**
 * A 2xx body: JSON with the operation's required top-level fields, or a `StytchDecodeError` that keeps the
 * status and the (redacted) text. The full shape is checked only by `validateResponses`.
 */
export function decodeSuccess({ response, text }: Received, shape: Operation["response"], redact: Redact): object | StytchDecodeError {
  const contentType = response.headers.get("content-type");
  if (contentType !== null && !isJsonMediaType(contentType)) {
    return undecodable(response.status, `has content type ${redact(contentType)}, not JSON`, text, redact);
  }
  const body = parseJson(text);
  // The runtime's message quotes the text it choked on, which a hostile server controls.
  if (body instanceof SyntaxError) return undecodable(response.status, "is not valid JSON", text, redact, new SyntaxError(redact(body.message)));
  const missing = isObject(body) ? Object.keys(shape).find((field) => jsonType(body[field]) !== shape[field]) : "";
  if (missing !== undefined) {
    const why = missing ? `has no ${missing} (${shape[missing]})` : "is not an object";
    return undecodable(response.status, `is JSON but not this operation's answer: it ${why}`, text, redact);
  }
  return body as object;
}

/** A non-2xx answer becomes a `StytchApiError` when it carries a Stytch error body, else a `StytchDecodeError`. */
export function decodeFailure({ response, text }: Received, redact: Redact): StytchApiError | StytchDecodeError {
  // The server's text, redacted before it is read (it may echo the credentials), and each field again after.
  const raw = redact(text);
  const parsed = parseJson(raw);
  const body = parsed instanceof SyntaxError ? undefined : toStytchErrorBody(parsed, redact);
  if (body) return new StytchApiError(response.status, body);
  const location = response.headers.get("location");
  const redirected = response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
  const why = redirected
    ? `is a redirect${location ? ` to ${redact(location)}` : ""}, which is never followed (it could carry the credentials elsewhere)`
    : text
      ? "is not a Stytch error body"
      : "has an empty body";
  return new StytchDecodeError(`${response.status} response ${why}${raw ? `: ${snippet(raw)}` : ""}`, response.status, raw);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    return error instanceof SyntaxError ? error : new SyntaxError(String(error));
  }
}

function undecodable(status: number, why: string, text: string, redact: Redact, cause?: unknown): StytchDecodeError {
  const raw = redact(text);
  return new StytchDecodeError(`${status} response ${why}: ${snippet(raw)}`, status, raw, { cause });
}

/** The fields of a Stytch error body, each redacted (a hostile server may echo the credentials into any). */
function toStytchErrorBody(value: unknown, redact: Redact): StytchErrorBody | undefined {
  if (!isObject(value)) return undefined;
  const text = (key: string) => (typeof value[key] === "string" ? redact(value[key] as string) : undefined);
  // A few Stytch endpoints answer in the OAuth2 shape (error, error_description, error_uri); normalise it
  // as the official SDKs do.
  const oauth = text("error_type") === undefined;
  const error_type = text("error_type") ?? text("error");
  if (!error_type) return undefined;
  const details = isObject(value.error_details) ? (boundedCopy(value.error_details, redact) as Record<string, unknown>) : undefined;
  return {
    status_code: typeof value.status_code === "number" ? value.status_code : 0,
    request_id: text("request_id") ?? "",
    error_type,
    error_message: text(oauth ? "error_description" : "error_message") ?? "",
    error_url: text(oauth ? "error_uri" : "error_url") ?? "",
    ...(details && { error_details: details }),
  };
}

function jsonType(value: unknown): string {
  return Array.isArray(value) ? "array" : value === null ? "null" : typeof value;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat || "(empty)";
}
