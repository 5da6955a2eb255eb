import { parseRetryAfter } from "./retry-after.ts";
import { StytchApiError, StytchConnectionError, StytchDecodeError, StytchTimeoutError, StytchValidationError, type StytchError } from "../errors.ts";

/**
 * Why an attempt failed, as far as retrying is concerned. Neither SMS operation is idempotent (a second send
 * invalidates the first code; a second authenticate finds the code used), so by default only failures where
 * Stytch certainly did nothing are retried.
 */
export type RetryReason =
  /** The connection failed before the request could reach Stytch (refused, DNS). Default: retried. */
  | "unreached"
  /** 429 too_many_requests. Default: retried, honouring Retry-After. */
  | "rate_limited"
  /** 503 server_unavailable. Default: retried, honouring Retry-After. */
  | "unavailable"
  /** The attempt passed `attemptTimeoutMs`; Stytch may have acted on it. Opt-in unless the operation is idempotent. */
  | "timeout"
  /** The connection broke after the request was written; Stytch may have acted on it. Opt-in unless idempotent. */
  | "connection_lost"
  /** Any other 5xx; Stytch may have acted on it. Opt-in unless idempotent. */
  | "server_error"
  /** A 2xx answer that could not be decoded; Stytch did act on it. Opt-in. */
  | "undecodable";

// Failures where Stytch certainly did nothing (or asked to be called again): the only ones worth retrying
// by default when doing an operation twice is not harmless.
const NOTHING_DONE: readonly RetryReason[] = ["unreached", "rate_limited", "unavailable"];
const MAYBE_DONE: readonly RetryReason[] = ["timeout", "connection_lost", "server_error"];
const REASONS: readonly string[] = [...NOTHING_DONE, ...MAYBE_DONE, "undecodable"];
export const DEFAULT_MAX_RETRIES = 2;

const BASE_DELAY_MS = 500;
const MAX_BACKOFF_MS = 8_000;
const MAX_RETRY_AFTER_MS = 60_000;

/** Refuses retry settings that would misbehave silently (a NaN timeout fires at once; a typo retries nothing). */
export function checkRetryOptions(options: {
  timeoutMs?: number | undefined;
  attemptTimeoutMs?: number | undefined;
  maxRetries?: number | undefined;
  retryOn?: readonly string[] | undefined;
}): void {
  for (const field of ["timeoutMs", "attemptTimeoutMs"] as const) {
    const value = options[field];
    if (value !== undefined && !(typeof value === "number" && value > 0 && value < 2 ** 31)) {
      throw new StytchValidationError(field, "positive", `${field} must be a positive number of milliseconds`);
    }
  }
  const { maxRetries, retryOn } = options;
  if (maxRetries !== undefined && !(Number.isInteger(maxRetries) && maxRetries >= 0)) {
    throw new StytchValidationError("maxRetries", "nonNegativeInteger", "maxRetries must be a whole number ≥ 0");
  }
  const unknown = retryOn === undefined ? undefined : Array.isArray(retryOn) ? retryOn.find((r) => !REASONS.includes(r)) : String(retryOn);
  if (unknown !== undefined) {
    throw new StytchValidationError("retryOn", "enum", `retryOn takes a list of ${REASONS.join(", ")}; got ${JSON.stringify(unknown)}`);
  }
}

/** The default `retryOn` of an operation, from the spec's `x-idempotent`. */
export function defaultRetryOn(idempotent: boolean): readonly RetryReason[] {
  return idempotent ? [...NOTHING_DONE, ...MAYBE_DONE] : NOTHING_DONE;
}

export function retryReason(error: StytchError): RetryReason | undefined {
  if (error instanceof StytchConnectionError) return error.maybeSent ? "connection_lost" : "unreached";
  if (error instanceof StytchTimeoutError) return error.scope === "attempt" ? "timeout" : undefined;
  const status = error instanceof StytchApiError || error instanceof StytchDecodeError ? error.status : 0;
  if (status === 429) return "rate_limited";
  if (status === 503) return "unavailable";
  if (status >= 500 && status <= 599) return "server_error";
  if (error instanceof StytchDecodeError && status >= 200 && status < 300) return "undecodable";
  return undefined;
}

/** Exponential backoff (0.5 s · 2ⁿ, at most 8 s) less up to 25 % jitter; a valid Retry-After wins, capped at 60 s. */
export function retryDelayMs(retry: number, retryAfter: string | null): number {
  const fromServer = parseRetryAfter(retryAfter);
  if (fromServer !== undefined) return Math.min(fromServer, MAX_RETRY_AFTER_MS);
  const backoff = Math.min(BASE_DELAY_MS * 2 ** (retry - 1), MAX_BACKOFF_MS);
  return Math.round(backoff * (1 - Math.random() * 0.25));
}
