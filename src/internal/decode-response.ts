import type { components } from "../../generated/stytch.ts";
import { StytchApiError, StytchDecodeError, type StytchErrorBody } from "../errors.ts";

type SmsSendResponse = components["schemas"]["SmsSendResponse"];

const SNIPPET_LENGTH = 200;

/** A 2xx body: JSON of this endpoint's shape, or a `StytchDecodeError` that keeps the status and text. */
export function decodeSuccess(response: Response, text: string, redact: (s: string) => string): SmsSendResponse {
  const contentType = response.headers.get("content-type");
  if (contentType !== null && !contentType.includes("json")) {
    throw undecodable(response.status, `has content type ${contentType}, not JSON`, text, redact);
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (error) {
    // The runtime's message quotes the text it choked on, which a hostile server controls.
    throw undecodable(response.status, "is not valid JSON", text, redact, new SyntaxError(redact((error as Error).message)));
  }
  if (!isSendResponse(body)) throw undecodable(response.status, "is JSON but not a Send SMS OTP response", text, redact);
  return body;
}

function undecodable(status: number, why: string, text: string, redact: (s: string) => string, cause?: unknown): StytchDecodeError {
  const raw = redact(text);
  return new StytchDecodeError(`${status} response ${why}: ${snippet(raw)}`, status, raw, { cause });
}

/** A non-2xx answer becomes a `StytchApiError` when it carries a Stytch error body, else a `StytchDecodeError`. */
export function decodeFailure(response: Response, error: unknown, redact: (s: string) => string): StytchApiError | StytchDecodeError {
  // The server's text, redacted once (it may echo the credentials); a Stytch error body is read from it.
  const text = redact(typeof error === "string" ? error : error === undefined ? "" : JSON.stringify(error));
  const body = toStytchErrorBody(typeof error === "object" && error !== null ? JSON.parse(text) : undefined);
  if (body) return new StytchApiError(response.status, body);
  const location = response.headers.get("location");
  const redirected = response.type === "opaqueredirect" || (response.status >= 300 && response.status < 400);
  const why =
    redirected
      ? `is a redirect${location ? ` to ${redact(location)}` : ""}, which is never followed (it could carry the credentials elsewhere)`
      : text
        ? "is not a Stytch error body"
        : "has an empty body";
  return new StytchDecodeError(`${response.status} response ${why}${text ? `: ${snippet(text)}` : ""}`, response.status, text);
}

function toStytchErrorBody(value: unknown): StytchErrorBody | undefined {
  if (!isObject(value)) return undefined;
  const text = (key: string) => (typeof value[key] === "string" ? (value[key] as string) : undefined);
  // A few Stytch endpoints answer in the OAuth2 shape (error, error_description, error_uri); normalise it
  // as the official SDKs do.
  const oauth = text("error_type") === undefined;
  const error_type = text("error_type") ?? text("error");
  if (!error_type) return undefined;
  const details = isObject(value.error_details) ? value.error_details : undefined;
  return {
    status_code: typeof value.status_code === "number" ? value.status_code : 0,
    request_id: text("request_id") ?? "",
    error_type,
    error_message: text(oauth ? "error_description" : "error_message") ?? "",
    error_url: text(oauth ? "error_uri" : "error_url") ?? "",
    ...(details && { error_details: details }),
  };
}

function isSendResponse(value: unknown): value is SmsSendResponse {
  return (
    isObject(value) &&
    typeof value.request_id === "string" &&
    typeof value.member_id === "string" &&
    typeof value.status_code === "number" &&
    isObject(value.member) &&
    isObject(value.organization)
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SNIPPET_LENGTH ? `${flat.slice(0, SNIPPET_LENGTH)}…` : flat || "(empty)";
}
