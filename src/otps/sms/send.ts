import type { Client } from "openapi-fetch";
import type { components, paths } from "../../../generated/stytch.ts";
import {
  StytchAbortError,
  StytchApiError,
  StytchConnectionError,
  StytchDecodeError,
  StytchError,
  StytchResponseValidationError,
  StytchTimeoutError,
  type AttemptFailure,
} from "../../errors.ts";
import { describeConnectionFailure, maybeSent } from "../../internal/connection-failure.ts";
import { checkHeaders } from "../../internal/control-characters.ts";
import { decodeFailure, decodeSuccess } from "../../internal/decode-response.ts";
import { Deadline } from "../../internal/deadline.ts";
import { callHook, redactHeaders, type Hooks } from "../../internal/hooks.ts";
import { checkRetryOptions, retryDelayMs, retryReason, type RetryReason } from "../../internal/retry-policy.ts";
import { sleep } from "../../internal/sleep.ts";
import { validateSendRequest } from "../../internal/validate-request.ts";
import type { ResponseValidator } from "../../response-validation.ts";

export type SmsSendRequest = components["schemas"]["SmsSendRequest"];
export type SmsSendResponse = components["schemas"]["SmsSendResponse"];

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
   * Which failures are retried. Default `["unreached", "rate_limited", "unavailable"]`: only where Stytch
   * certainly sent no SMS. Add `"timeout"`, `"connection_lost"`, `"server_error"` or `"undecodable"` only if
   * a second SMS (which invalidates the first code) is acceptable.
   */
  retryOn?: readonly RetryReason[];
}

/** Options for one call; each overrides the client's setting of the same name. */
export interface SendOptions extends RetryOptions {
  /** Cancels the call, including a wait between retries; it then rejects with `StytchAbortError`. */
  signal?: AbortSignal;
  /** Extra headers for this call only. */
  headers?: Record<string, string>;
  fetchOptions?: FetchOptions;
}

/** What `send` needs from the client that owns it. */
export interface SendContext {
  readonly engine: Client<paths>;
  readonly url: string;
  readonly defaults: Required<Omit<RetryOptions, "attemptTimeoutMs">> & Pick<RetryOptions, "attemptTimeoutMs">;
  readonly fetchOptions: FetchOptions | undefined;
  readonly hooks: Hooks;
  readonly validateResponses: ResponseValidator | undefined;
  /** Client headers plus Authorization; per-call headers go in between. */
  readonly headers: { readonly client: Record<string, string>; readonly authorization: string };
  readonly redact: (text: string) => string;
}

type Attempt = { data: SmsSendResponse } | { error: StytchError; status: number | undefined; retryAfter: string | null };

const PATH = "/v1/b2b/otps/sms/send";
const NO_OPTIONS: SendOptions = Object.freeze({});

/**
 * `POST /v1/b2b/otps/sms/send`: validates, sends, retries only where no SMS can have gone out (unless told
 * otherwise), and returns the 200 body or throws a `StytchError` listing every attempt.
 */
export function createSend(context: SendContext) {
  return async function send(body: SmsSendRequest, options: SendOptions = NO_OPTIONS): Promise<SmsSendResponse> {
    validateSendRequest(body);
    checkHeaders("headers", options.headers);
    // The common case (no per-call overrides) allocates nothing here: every send is on the hot path.
    const policy = hasRetryOverrides(options) ? { ...context.defaults, ...checked(options) } : context.defaults;
    const { client: clientHeaders, authorization } = context.headers;
    const headers = options.headers ? { ...clientHeaders, ...options.headers, Authorization: authorization } : clientHeaders;
    const fetchOptions = options.fetchOptions ? { ...context.fetchOptions, ...options.fetchOptions } : context.fetchOptions;
    const call = new Deadline(policy.timeoutMs, options.signal);
    let failures: AttemptFailure[] | undefined; // only a failed attempt allocates
    try {
      for (let attempt = 1; ; attempt++) {
        const startedAt = performance.now();
        const outcome = await attemptOnce(attempt);
        if ("data" in outcome) return outcome.data;
        const { error, status } = outcome;
        (failures ??= []).push({ attempt, failure: describeFailure(error), ...(status !== undefined && { status }) });
        const reason = retryReason(error);
        const delayMs = reason && policy.retryOn.includes(reason) && attempt <= policy.maxRetries ? retryDelayMs(attempt, outcome.retryAfter) : undefined;
        if (delayMs === undefined || delayMs >= call.remainingMs()) throw fail(error, attempt, status, startedAt);
        callHook(context.hooks, "onRetry", { method: "POST", url: context.url, attempt, reason: reason!, status, delayMs, error });
        try {
          await sleep(delayMs, call.signal);
        } catch (cause) {
          throw fail(interruption(call, policy.timeoutMs, options.signal, cause), attempt, undefined, startedAt);
        }
      }
    } finally {
      call.done();
    }

    async function attemptOnce(attempt: number): Promise<Attempt> {
      const startedAt = performance.now();
      const limit = policy.attemptTimeoutMs !== undefined && policy.attemptTimeoutMs < call.remainingMs() ? policy.attemptTimeoutMs : undefined;
      const attemptDeadline = limit === undefined ? undefined : new Deadline(limit, call.signal);
      if (context.hooks.onRequest) {
        const sent = redactHeaders(Object.entries({ "content-type": "application/json", ...headers }), context.redact);
        callHook(context.hooks, "onRequest", { method: "POST", url: context.url, attempt, headers: sent });
      }
      let response: Response | undefined;
      try {
        const signal = attemptDeadline?.signal ?? call.signal;
        const result = await context.engine.POST(PATH, { ...fetchOptions, body, parseAs: "text", headers, redirect: "manual", signal });
        response = result.response;
        const decoded = response.ok
          ? decodeSuccess(response, result.data ?? "", context.redact)
          : decodeFailure(response, result.error, context.redact);
        const checked = context.validateResponses ? checkAgainstSpec(context.validateResponses, response.status, decoded, result) : decoded;
        if (context.hooks.onResponse) {
          const requestId = checked instanceof StytchApiError ? checked.request_id : checked instanceof Error ? undefined : checked.request_id;
          const durationMs = performance.now() - startedAt;
          const received = redactHeaders(response.headers, context.redact);
          callHook(context.hooks, "onResponse", { method: "POST", url: context.url, attempt, status: response.status, durationMs, requestId, headers: received });
        }
        if (checked instanceof Error) throw checked;
        return { data: checked };
      } catch (cause) {
        const error = toStytchError(cause, call, attemptDeadline, policy, options.signal, context.redact);
        return { error, status: response?.status, retryAfter: response?.headers.get("retry-after") ?? null };
      } finally {
        attemptDeadline?.done();
      }
    }

    function checkAgainstSpec(validate: ResponseValidator, status: number, decoded: SmsSendResponse | StytchError, result: { data?: unknown; error?: unknown }) {
      const body = decoded instanceof StytchError ? result.error : decoded;
      if (decoded instanceof StytchDecodeError || typeof body !== "object" || body === null) return decoded;
      const mismatch = validate(status, body);
      return mismatch ? new StytchResponseValidationError(status, mismatch.path, mismatch.problem, context.redact(JSON.stringify(body))) : decoded;
    }

    /** Records every attempt on the final error, tells `onError`, and returns the error to throw. */
    function fail(error: StytchError, attempt: number, status: number | undefined, startedAt: number): StytchError {
      error.attempts = failures ?? [];
      if (failures && failures.length > 1) {
        error.message += ` (after ${failures.length} attempts: ${failures.map((f) => `#${f.attempt} ${f.failure}`).join("; ")})`;
      }
      const requestId = error instanceof StytchApiError ? error.request_id : undefined;
      const durationMs = performance.now() - startedAt;
      callHook(context.hooks, "onError", { method: "POST", url: context.url, attempt, status, requestId, durationMs, error });
      return error;
    }
  };
}

function toStytchError(
  cause: unknown,
  call: Deadline,
  attempt: Deadline | undefined,
  policy: { timeoutMs: number; attemptTimeoutMs?: number | undefined },
  callerSignal: AbortSignal | undefined,
  redact: (text: string) => string,
): StytchError {
  if (cause instanceof StytchError) return cause;
  if (call.signal.aborted) return interruption(call, policy.timeoutMs, callerSignal, cause);
  if (attempt?.timedOut) return new StytchTimeoutError(policy.attemptTimeoutMs!, "attempt", { cause });
  return new StytchConnectionError(`Could not complete the request: ${redact(describeConnectionFailure(cause))}`, maybeSent(cause), { cause });
}

/** The call's deadline passed or the caller aborted. */
function interruption(call: Deadline, timeoutMs: number, callerSignal: AbortSignal | undefined, cause: unknown): StytchError {
  if (call.timedOut) return new StytchTimeoutError(timeoutMs, "call", { cause });
  return new StytchAbortError("The call was aborted by the caller's signal", { cause: callerSignal?.reason ?? cause });
}

function describeFailure(error: StytchError): string {
  if (error instanceof StytchApiError) return `${error.status} ${error.error_type}`;
  if (error instanceof StytchDecodeError) return `${error.status} undecodable response`;
  if (error instanceof StytchTimeoutError) return `timed out after ${error.timeoutMs} ms`;
  return error.message;
}

const RETRY_KEYS = ["timeoutMs", "attemptTimeoutMs", "maxRetries", "retryOn"] as const;

function hasRetryOverrides(options: RetryOptions): boolean {
  for (const key of RETRY_KEYS) if (options[key] !== undefined) return true;
  return false;
}

function checked(options: RetryOptions): RetryOptions {
  checkRetryOptions(options);
  const out: Record<string, unknown> = {};
  for (const key of RETRY_KEYS) {
    if (options[key] !== undefined) out[key] = options[key];
  }
  return out as RetryOptions;
}
