import type { RetryReason } from "./internal/retry-policy.ts";

/** Extra `RequestInit` fields for fetch (e.g. Next.js `next`, `keepalive`); none are sent by default. */
export type FetchOptions = Omit<RequestInit, "body" | "headers" | "method" | "signal" | "redirect">;

/** How a call may retry and how long it may take; set on the client, overridable per call. */
export interface RetryOptions {
  /** Deadline for the whole call, retries and waits included, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** Deadline for each attempt. Default: none beyond `timeoutMs`. Needed for `retryOn: ["timeout"]`. */
  attemptTimeoutMs?: number;
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /**
   * Which failures are retried. Default for an operation the spec marks as not idempotent (both SMS
   * operations): `["unreached", "rate_limited", "unavailable"]`, only where Stytch certainly did nothing.
   * Add `"timeout"`, `"connection_lost"`, `"server_error"` or `"undecodable"` only if doing it twice is
   * acceptable (a second SMS invalidates the first code; a second authenticate finds the code used).
   */
  retryOn?: readonly RetryReason[];
}

/** Options for one call; each overrides the client's setting of the same name. */
export interface CallOptions extends RetryOptions {
  /** Cancels the call, including a wait between retries; it then rejects with `StytchAbortError`. */
  signal?: AbortSignal;
  /** Extra headers for this call only (they cannot replace `Authorization` or `Content-Type`). */
  headers?: Record<string, string>;
  fetchOptions?: FetchOptions;
  /** What the send guard (client option `guard`) may key this call by, besides the body. */
  guard?: GuardCallOptions;
}

export interface GuardCallOptions {
  /** The end user's IP address, for the guard's `ip` rule (IPv6 counted by its /64). */
  ip?: string;
}

/** @deprecated The same as `CallOptions`. */
export type SendOptions = CallOptions;
