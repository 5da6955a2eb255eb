import type { components } from "../generated/stytch.ts";

/** Known Stytch `error_type` values; any other string is still accepted (new types ship often). */
export type StytchErrorType = components["schemas"]["ErrorType"];
/** The JSON body Stytch sends with every 4xx/5xx. */
export type StytchErrorBody = components["schemas"]["ErrorResponse"];

/** One failed attempt of a call, as listed in `StytchError.attempts`. */
export interface AttemptFailure {
  readonly attempt: number;
  /** What went wrong, e.g. `503 server_unavailable` or `connection refused (ECONNREFUSED)`. */
  readonly failure: string;
  /** The HTTP status, when the attempt got an answer. */
  readonly status?: number;
}

/** Base class of every error this client throws: `catch (e) { if (e instanceof StytchError) … }`. */
export class StytchError extends Error {
  static {
    this.prototype.name = "StytchError";
  }
  /** Every attempt the call made, oldest first (one entry when it was not retried; none for validation errors). */
  attempts: readonly AttemptFailure[] = [];
}

/** Stytch answered with a non-2xx status and a Stytch error body. */
export class StytchApiError extends StytchError {
  static {
    this.prototype.name = "StytchApiError";
  }
  /** The HTTP status of the response (not the body's `status_code`, which a proxy cannot rewrite). */
  readonly status: number;
  readonly request_id: string;
  readonly error_type: StytchErrorType;
  readonly error_message: string;
  readonly error_url: string;
  readonly error_details: Readonly<Record<string, unknown>> | undefined;

  constructor(status: number, body: StytchErrorBody) {
    super(`${status} ${body.error_type}: ${body.error_message} (request_id ${body.request_id || "none"})`);
    this.status = status;
    this.request_id = body.request_id;
    this.error_type = body.error_type;
    this.error_message = body.error_message;
    this.error_url = body.error_url;
    this.error_details = body.error_details ?? undefined;
  }
}

/**
 * The response could not be decoded as the operation's JSON: an HTML page or an empty body from a proxy,
 * truncated JSON, or JSON of the wrong shape. The status and the raw text are kept.
 */
export class StytchDecodeError extends StytchError {
  static {
    this.prototype.name = "StytchDecodeError";
  }
  constructor(
    message: string,
    /** The HTTP status of the response. */
    readonly status: number,
    /** The body as received (secrets redacted), for logs and support tickets. */
    readonly rawBody: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** `validateResponses` found a body that does not match the spec; `path` points at the first mismatch. */
export class StytchResponseValidationError extends StytchDecodeError {
  static {
    this.prototype.name = "StytchResponseValidationError";
  }
  constructor(
    status: number,
    /** JSON pointer of the first mismatch, e.g. `/member/status`. */
    readonly path: string,
    problem: string,
    rawBody: string,
  ) {
    super(`${status} response does not match the spec at ${path || "/"}: ${problem}`, status, rawBody);
  }
}

/** The request could not be delivered or the connection failed before a full response arrived. */
export class StytchConnectionError extends StytchError {
  static {
    this.prototype.name = "StytchConnectionError";
  }
  constructor(
    message: string,
    /**
     * False when the connection failed before the request could reach Stytch (refused, DNS): nothing was
     * sent. True when it broke later: Stytch may have acted on the request (sent the SMS, used the code).
     */
    readonly maybeSent: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** The call did not finish within its `timeoutMs`. Stytch may still have acted on it (sent the SMS, used the code). */
export class StytchTimeoutError extends StytchError {
  static {
    this.prototype.name = "StytchTimeoutError";
  }
  constructor(
    readonly timeoutMs: number,
    /** `call`: the call's deadline (`timeoutMs`) passed; `attempt`: one attempt's (`attemptTimeoutMs`). */
    readonly scope: "call" | "attempt",
    options?: ErrorOptions,
  ) {
    super(`${scope === "call" ? "Call" : "Attempt"} timed out after ${timeoutMs} ms; Stytch may or may not have acted on the request`, options);
  }
}

/** The caller's `AbortSignal` fired. `cause` is the signal's reason. */
export class StytchAbortError extends StytchError {
  static {
    this.prototype.name = "StytchAbortError";
  }
}

/** The input breaks a rule of the spec or of the client's configuration; nothing was sent. */
export class StytchValidationError extends StytchError {
  static {
    this.prototype.name = "StytchValidationError";
  }
  constructor(
    /** The offending field, e.g. `mfa_phone_number` or `baseUrl`. */
    readonly field: string,
    /** The rule it breaks, e.g. `pattern`, `required`, `minLength`, `additionalProperties`, `atMostOne`. */
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The send guard (`stytch-b2b-sms/guard`) refused the call before anything was sent: nothing reached Stytch
 * and nothing was billed. `rule` names the guard option that refused.
 */
export class StytchGuardError extends StytchError {
  // A getter rather than a static block like the others: a class without static code is left out of the
  // bundle of an app that never uses the guard.
  override get name(): string {
    return "StytchGuardError";
  }
  constructor(
    /**
     * `allowedRegions`, `member`, `phone`, `prefix`, `region`, `organization`, `daily`, `ip`, `wrongCodes`,
     * or `store` (the store failed or did not answer in time, and the guard fails closed).
     */
    readonly rule: GuardRule,
    /** When the same call could pass; `undefined` when waiting will not let it through today. */
    readonly retryAfterMs: number | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** The guard option that refused a call. */
export type GuardRule = "allowedRegions" | "member" | "phone" | "prefix" | "region" | "organization" | "daily" | "ip" | "wrongCodes" | "store";
