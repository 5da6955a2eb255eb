import type { Operation } from "../../generated/operations.ts";
import type { CallOptions, RetryOptions } from "../call-options.ts";
import {
  StytchAbortError,
  StytchApiError,
  StytchConnectionError,
  StytchDecodeError,
  StytchError,
  StytchResponseValidationError,
  StytchTimeoutError,
  type AttemptFailure,
} from "../errors.ts";
import type { ResponseValidator } from "../response-validation.ts";
import { contextOf, type Context } from "./context.ts";
import { describeConnectionFailure, maybeSent } from "./connection-failure.ts";
import { checkHeaders } from "./control-characters.ts";
import { decodeFailure, decodeSuccess } from "./decode-response.ts";
import { Deadline } from "./deadline.ts";
import { callHook, redactHeaders } from "./hooks.ts";
import type { CallStep } from "./plugin.ts";
import { createRedactor, redactError, type Redact } from "./redact.ts";
import { requestHeaders, withoutContentType } from "./request-headers.ts";
import { requestParts } from "./request-parts.ts";
import { checkRetryOptions, defaultRetryOn, retryDelayMs, retryReason } from "./retry-policy.ts";
import { sleep } from "./sleep.ts";
import type { Received } from "./transport.ts";
import { validateRequest } from "./validate-request.ts";

/** The 200 body with the response it came in (status and headers; the body has been read). */
export interface WithResponse<Data> {
  readonly data: Data;
  readonly response: Response;
}

/** An operation's method on the client: `client.otps.sms.send(body, options)`. */
export interface OperationMethod<Body, Data> {
  /** Validates, sends, retries as the policy allows, and resolves to the typed 200 body or rejects with a `StytchError`. */
  (body: Body, options?: CallOptions): Promise<Data>;
  /** The same call, resolving to the 200 body together with the HTTP response (status and headers). */
  withResponse(body: Body, options?: CallOptions): Promise<WithResponse<Data>>;
}

/**
 * An operation on its own, for apps that import only what they call: `otpsSmsSend(client, body, options)`,
 * with the client from `createStytchB2BCore` or `createStytchB2BClient`.
 */
export interface OperationFunction<Body, Data> {
  (client: object, body: Body, options?: CallOptions): Promise<Data>;
  withResponse(client: object, body: Body, options?: CallOptions): Promise<WithResponse<Data>>;
}

type Call = (body: unknown, options: CallOptions | undefined, withResponse: boolean) => Promise<unknown>;

/** An operation's facts (generated from the spec) as a function of a client: bound once per client, then reused. */
export function operation<Body, Data>(facts: Operation): OperationFunction<Body, Data> {
  const bound = new WeakMap<Context, Call>();
  const call = (client: object, body: unknown, options: CallOptions | undefined, withResponse: boolean) => {
    const context = contextOf(client);
    let bind = bound.get(context);
    if (!bind) bound.set(context, (bind = bindOperation(context, facts)));
    return bind(body, options, withResponse);
  };
  const run = (client: object, body: Body, options?: CallOptions) => call(client, body, options, false) as Promise<Data>;
  return Object.assign(run, { withResponse: (client: object, body: Body, options?: CallOptions) => call(client, body, options, true) as Promise<WithResponse<Data>> });
}

/** An operation as a method of one client. */
export function method<Body, Data>(operation: OperationFunction<Body, Data>, client: object): OperationMethod<Body, Data> {
  return Object.assign((body: Body, options?: CallOptions) => operation(client, body, options), {
    withResponse: (body: Body, options?: CallOptions) => operation.withResponse(client, body, options),
  });
}

/**
 * An operation bound to a client's pipeline, settings and credentials, whether or not the client has a
 * method for it: how the CLI calls every operation of its table, and how tests call the operations of a
 * test-only spec.
 */
export function operationMethod(client: object, facts: Operation): OperationMethod<never, object> {
  contextOf(client);
  return method(operation<never, object>(facts), client);
}

type Policy = Context["defaults"] & { readonly retryOn: NonNullable<RetryOptions["retryOn"]> };

const NO_OPTIONS: CallOptions = Object.freeze({});
const RETRY_KEYS = ["timeoutMs", "attemptTimeoutMs", "maxRetries", "retryOn"] as const;

/**
 * The one request pipeline, for every operation: validate → deadline → attempt → decode → retry → hooks →
 * typed errors. It retries only what the policy allows (by default, for an operation that is not
 * idempotent, only where Stytch certainly did nothing) and rejects with a `StytchError` listing every attempt.
 * One async function for the whole call, attempts included: each layer of promises costs every call.
 */
function bindOperation(context: Context, operation: Operation): Call {
  const url = context.baseUrl + operation.path;
  const event = { operation: operation.id, method: operation.method, path: operation.path, url };
  const redactSecrets = createRedactor(context.secrets, operation.credentials);
  const defaults: Policy = { ...context.defaults, retryOn: context.defaults.retryOn ?? defaultRetryOn(operation.idempotent) };
  const { client: clientHeaders, fixed } = operation.body ? context.headers : withoutContentType(context.headers);
  const { hooks } = context;

  return async function call(body, options = NO_OPTIONS, withResponse) {
    const watcher = context.plugin?.watch({ operation, body, options, url });
    let deadline: Deadline | undefined;
    let end: CallStep | undefined; // what the watcher hears when the call ends
    try {
      validateRequest(operation.request, body);
      checkHeaders("headers", options.headers);
      const policy = policyFor(defaults, options);
      const redact = withCallCredentials(redactSecrets, operation.credentials, body as Record<string, unknown>);
      const parts = requestParts(operation, body as Record<string, unknown>);
      const headers = options.headers ? requestHeaders(fixed, clientHeaders, options.headers) : clientHeaders;
      const fetchOptions = options.fetchOptions ? { ...context.fetchOptions, ...options.fetchOptions } : context.fetchOptions;
      deadline = new Deadline(policy.timeoutMs, options.signal);
      let failures: AttemptFailure[] | undefined; // only a failed attempt allocates
      /** Records every attempt on the final error, tells `onError`, and returns the error to throw. */
      const fail = (error: StytchError, attempt: number, status: number | undefined, startedAt: number): StytchError => {
        error.attempts = failures ?? [];
        if (failures && failures.length > 1) {
          error.message += ` (after ${failures.length} attempts: ${failures.map((f) => `#${f.attempt} ${f.failure}`).join("; ")})`;
        }
        const requestId = error instanceof StytchApiError ? error.request_id : undefined;
        callHook(hooks, "onError", { ...event, attempt, status, requestId, durationMs: performance.now() - startedAt, error });
        return error;
      };
      // The plug-in's say before anything is sent: a refusal fails the call like any error (`onError` sees it).
      if (watcher) {
        try {
          await watcher({ step: "admit" });
        } catch (refusal) {
          throw fail(refusal as StytchError, 0, undefined, performance.now());
        }
      }
      for (let attempt = 1; ; attempt++) {
        const startedAt = performance.now();
        const limit = policy.attemptTimeoutMs !== undefined && policy.attemptTimeoutMs < deadline.remainingMs() ? policy.attemptTimeoutMs : undefined;
        const attemptDeadline = limit === undefined ? undefined : new Deadline(limit, deadline.signal);
        if (hooks.onRequest) callHook(hooks, "onRequest", { ...event, attempt, headers: redactHeaders(Object.entries(headers), redact) });
        let response: Response | undefined;
        let error: StytchError;
        try {
          const signal = attemptDeadline?.signal ?? deadline.signal;
          const received = await context.exchange(operation.method, operation.path, { ...fetchOptions, ...parts, headers, redirect: "manual", signal });
          response = received.response;
          const decoded = response.ok ? decodeSuccess(received, operation.response, redact) : decodeFailure(received, redact);
          const checked = context.validateResponses && !(decoded instanceof StytchDecodeError) ? checkAgainstSpec(context.validateResponses, received, decoded, redact) : decoded;
          if (hooks.onResponse) {
            const requestId = checked instanceof StytchApiError ? checked.request_id : checked instanceof Error ? undefined : (checked as { request_id?: string }).request_id;
            callHook(hooks, "onResponse", { ...event, attempt, status: response.status, durationMs: performance.now() - startedAt, requestId, headers: redactHeaders(response.headers, redact) });
          }
          if (!(checked instanceof StytchError)) {
            end = { step: "end", data: checked, status: response.status };
            return withResponse ? { data: checked, response } : checked;
          }
          error = checked;
        } catch (cause) {
          error = toStytchError(cause, deadline, attemptDeadline, policy, options.signal, redact);
        } finally {
          attemptDeadline?.done();
        }
        const status = response?.status;
        (failures ??= []).push({ attempt, failure: describeFailure(error), ...(status !== undefined && { status }) });
        const reason = retryReason(error)!;
        let delayMs = reason && policy.retryOn.includes(reason) && attempt <= policy.maxRetries ? retryDelayMs(attempt, response?.headers.get("retry-after") ?? null) : undefined;
        if (delayMs! >= deadline.remainingMs()) delayMs = undefined;
        watcher?.({ step: "attempted", attempt, status, error, retry: delayMs === undefined ? undefined : { reason, delayMs } });
        if (delayMs === undefined) throw fail(error, attempt, status, startedAt);
        callHook(hooks, "onRetry", { ...event, attempt, reason, status, delayMs, error });
        try {
          await sleep(delayMs, deadline.signal);
        } catch (cause) {
          throw fail(interruption(deadline, policy.timeoutMs, options.signal, cause), attempt, undefined, startedAt);
        }
      }
    } catch (error) {
      end = { step: "end", error: error as StytchError };
      throw error;
    } finally {
      deadline?.done();
      // The watcher settles before the caller hears back (the guard counts in its store).
      if (watcher) await watcher(end!);
    }
  };

  function checkAgainstSpec(validate: ResponseValidator, { response, text }: Received, decoded: object | StytchApiError, redact: Redact) {
    const mismatch = validate(operation.id, response.status, JSON.parse(text));
    return mismatch ? new StytchResponseValidationError(response.status, mismatch.path, mismatch.problem, redact(text)) : decoded;
  }
}

/** The call's redactor: the client's, plus the credential values this body carries (a code, a session token …). */
function withCallCredentials(redact: Redact, fields: readonly string[], body: Record<string, unknown>): Redact {
  let values: string[] | undefined; // a body without credentials (most sends) allocates nothing here
  for (const field of fields) if (typeof body[field] === "string") (values ??= []).push(body[field] as string);
  if (!values) return redact;
  const redactValues = createRedactor(values);
  return (text) => redactValues(redact(text));
}

function toStytchError(cause: unknown, call: Deadline, attempt: Deadline | undefined, policy: Policy, callerSignal: AbortSignal | undefined, redact: Redact): StytchError {
  if (cause instanceof StytchError) return cause;
  // The runtime's error can hold bytes a hostile server sent (echoing the credentials): only a redacted copy is kept.
  const redacted = redactError(cause, redact);
  if (call.signal.aborted) return interruption(call, policy.timeoutMs, callerSignal, redacted);
  if (attempt?.timedOut) return new StytchTimeoutError(policy.attemptTimeoutMs!, "attempt", { cause: redacted });
  return new StytchConnectionError(`Could not complete the request: ${redact(describeConnectionFailure(cause))}`, maybeSent(cause), { cause: redacted });
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

/** The call's policy: the defaults, or a checked copy with the call's own settings; no overrides, no allocation. */
function policyFor(defaults: Policy, options: RetryOptions): Policy {
  let overrides: RetryOptions | undefined;
  for (const key of RETRY_KEYS) if (options[key] !== undefined) (overrides ??= {} as RetryOptions)[key] = options[key] as never;
  if (!overrides) return defaults;
  checkRetryOptions(overrides);
  return { ...defaults, ...overrides };
}
