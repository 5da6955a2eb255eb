import type { StytchError } from "../errors.ts";
import type { RetryReason } from "./retry-policy.ts";

interface CallEvent {
  /** The spec's operationId, e.g. `b2bOtpsSmsSend`. */
  readonly operation: string;
  readonly method: string;
  /** The spec's path, e.g. `/v1/b2b/otps/sms/send`. */
  readonly path: string;
  /** The base URL and the spec's path; a templated path keeps its `{name}` placeholders (no parameter values in events). */
  readonly url: string;
  /** 1 for the first attempt, 2 for the first retry, … */
  readonly attempt: number;
}

/** Sent headers, with `authorization` redacted. */
export interface RequestEvent extends CallEvent {
  readonly headers: Readonly<Record<string, string>>;
}

export interface ResponseEvent extends CallEvent {
  readonly status: number;
  readonly durationMs: number;
  /** Stytch's request_id, when the body carried one. */
  readonly requestId: string | undefined;
  /** Received headers, with `set-cookie` redacted. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface RetryEvent extends CallEvent {
  readonly reason: RetryReason;
  readonly status: number | undefined;
  /** How long the client waits before attempt `attempt + 1`. */
  readonly delayMs: number;
  readonly error: StytchError;
}

export interface ErrorEvent extends CallEvent {
  readonly status: number | undefined;
  readonly requestId: string | undefined;
  readonly durationMs: number;
  /** The error the call rejects with. */
  readonly error: StytchError;
}

/**
 * Observability callbacks. Per attempt: `onRequest`, then `onResponse` when an answer arrived; then
 * `onRetry` before waiting for the next attempt, or `onError` once when the call fails for good. A hook
 * that throws does not change the call's outcome (Stytch may already have acted on the request); its error
 * is passed to `onHookError` (default: `console.error`).
 */
export interface Hooks {
  onRequest?: (event: RequestEvent) => void;
  onResponse?: (event: ResponseEvent) => void;
  onRetry?: (event: RetryEvent) => void;
  onError?: (event: ErrorEvent) => void;
  onHookError?: (error: unknown, hook: "onRequest" | "onResponse" | "onRetry" | "onError") => void;
}

export function callHook<K extends "onRequest" | "onResponse" | "onRetry" | "onError">(
  hooks: Hooks,
  name: K,
  event: Parameters<NonNullable<Hooks[K]>>[0],
): void {
  const hook = hooks[name] as ((event: unknown) => void) | undefined;
  if (!hook) return;
  try {
    hook(event);
  } catch (error) {
    try {
      (hooks.onHookError ?? reportHookError)(error, name);
    } catch {
      reportHookError(error, name);
    }
  }
}

function reportHookError(error: unknown, hook: string): void {
  console.error(`stytch-b2b-sms: the ${hook} hook threw; the call went on without it.`, error);
}

const REDACTED_HEADERS = new Set(["authorization", "cookie", "set-cookie", "proxy-authorization"]);

/** Headers for a hook payload: credential headers blanked, and any value a server echoes the secret into redacted. */
export function redactHeaders(headers: Iterable<[string, string]>, redact: (text: string) => string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    out[key] = REDACTED_HEADERS.has(key) ? "[redacted]" : redact(value);
  }
  return out;
}
