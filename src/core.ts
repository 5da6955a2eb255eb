import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/stytch.ts";
import { StytchValidationError } from "./errors.ts";
import { basicAuthorization } from "./internal/basic-auth.ts";
import { checkHeaders, rejectControlCharacters } from "./internal/control-characters.ts";
import { resolveBaseUrl } from "./internal/environment.ts";
import type { Hooks } from "./internal/hooks.ts";
import { boundedResponse } from "./internal/bounded-response.ts";
import { rememberContext, type Context } from "./internal/context.ts";
import { requestHeaders } from "./internal/request-headers.ts";
import type { OuterPlugin, Plugin } from "./internal/plugin.ts";
import { checkRetryOptions, DEFAULT_MAX_RETRIES } from "./internal/retry-policy.ts";
import { createTransport, type FetchLike } from "./internal/transport.ts";
import type { FetchOptions, RetryOptions } from "./call-options.ts";
import type { ResponseValidator } from "./response-validation.ts";

export type { FetchLike };

export interface StytchB2BClientOptions extends RetryOptions {
  /** `project-test-…` or `project-live-…`; the prefix selects the environment unless `baseUrl` is given. */
  projectId: string;
  /** The project secret. Kept in a closure: never in errors, hook payloads or serialised output. */
  secret: string;
  /**
   * Another API origin, e.g. a custom domain. Must be https; plain http is allowed only for loopback
   * (tests). Default: `https://test.stytch.com` or `https://api.stytch.com`, from the project id.
   */
  baseUrl?: string;
  /** The fetch to use, called as `fetch(url, init)`. Default: `globalThis.fetch`, looked up at each call. */
  fetch?: FetchLike;
  /** Extra headers sent with every call (they cannot replace `Authorization` or `Content-Type`, in any case). */
  headers?: Record<string, string>;
  /** Extra `RequestInit` fields for every call (e.g. Next.js `next`). Default: none, not even `cache`. */
  fetchOptions?: FetchOptions;
  /** Observability callbacks with redacted headers; see `Hooks`. */
  hooks?: Hooks;
  /** Largest response body read, in bytes; a larger one fails with `StytchDecodeError`. Default 1 MiB. */
  maxResponseBytes?: number;
  /**
   * Check every response against the spec's schemas (for tests and staging): pass `responseValidator` from
   * `stytch-b2b-sms/response-validation`. Default false.
   */
  validateResponses?: ResponseValidator | false;
  /** Allow construction in a browser page, where the secret would be visible to every visitor. Default false. */
  dangerouslyAllowBrowser?: boolean;
  /**
   * A send guard against SMS pumping and code guessing: `createSmsGuard()` from `stytch-b2b-sms/guard`.
   * Checked before anything is sent; a refusal is a `StytchGuardError`. Default: none.
   */
  guard?: Plugin;
  /**
   * OpenTelemetry traces and metrics of every call: `openTelemetry()` from `stytch-b2b-sms/opentelemetry`.
   * Default: none.
   */
  telemetry?: OuterPlugin;
}

/**
 * A client without operation methods: what every call needs (credentials, environment, settings, the one
 * pipeline), for apps that import each operation they call (`otpsSmsSend(core, body)`) and carry no other's
 * code. `createStytchB2BClient` is the same with every operation as a method.
 */
export interface StytchB2BCore {
  readonly projectId: string;
  readonly baseUrl: string;
  /**
   * The underlying openapi-fetch client, with auth and base URL set, for those who prefer
   * `const { data, error, response } = await client.api.POST(…)`. No validation, retries or typed errors.
   */
  readonly api: Client<paths>;
}

/** A client with no operation methods; pass it to the operations you import (see `StytchB2BCore`). */
export function createStytchB2BCore(options: StytchB2BClientOptions): StytchB2BCore {
  if (!options?.dangerouslyAllowBrowser && "window" in globalThis && "document" in globalThis) {
    throw new StytchValidationError(
      "dangerouslyAllowBrowser",
      "browser",
      "stytch-b2b-sms is running in a browser page, where your Stytch secret would be exposed to every visitor. " +
        "Call Stytch from your backend; if this page is trusted (a test, an internal tool), pass dangerouslyAllowBrowser: true.",
    );
  }
  const projectId = requiredString(options?.projectId, "projectId");
  const secret = requiredString(options.secret, "secret");
  if (options.baseUrl !== undefined) requiredString(options.baseUrl, "baseUrl");
  checkHeaders("headers", options.headers);
  const baseUrl = resolveBaseUrl(projectId, options.baseUrl);
  checkRetryOptions(options);
  const maxResponseBytes = positive(options.maxResponseBytes ?? 1024 * 1024, "maxResponseBytes");
  const validateResponses = validatorOption(options.validateResponses);
  const guard = plugged(options.guard, "watch", "guard", 'createSmsGuard() from "stytch-b2b-sms/guard"');
  const telemetry = plugged(options.telemetry, "around", "telemetry", 'openTelemetry() from "stytch-b2b-sms/opentelemetry"');
  const authorization = basicAuthorization(projectId, secret);
  // Headers a caller cannot replace, on the client or per call: the credentials, and the JSON the spec requires.
  const fixed = { "Content-Type": "application/json", Authorization: authorization };
  const clientHeaders = requestHeaders(fixed, options.headers);
  const fetch = () => options.fetch ?? globalThis.fetch;
  // The API never redirects; following one could carry the credentials to another host.
  const api = createClient<paths>({
    baseUrl,
    redirect: "manual",
    headers: clientHeaders,
    fetch: async (request) => boundedResponse(await fetch()(request.url, request), maxResponseBytes),
  });

  const context: Context = {
    exchange: createTransport(baseUrl, fetch, maxResponseBytes),
    baseUrl,
    defaults: {
      timeoutMs: options.timeoutMs ?? 30_000,
      maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
      ...(options.retryOn !== undefined && { retryOn: options.retryOn }),
      ...(options.attemptTimeoutMs !== undefined && { attemptTimeoutMs: options.attemptTimeoutMs }),
    },
    fetchOptions: options.fetchOptions,
    hooks: options.hooks ?? {},
    validateResponses,
    headers: { client: clientHeaders, fixed },
    secrets: [secret, authorization, authorization.slice("Basic ".length)],
    plugin: telemetry?.around(guard) ?? guard,
  };

  const summary = { projectId, baseUrl };
  const core = {
    projectId,
    baseUrl,
    api,
    toJSON: () => summary,
    toString: () => `StytchB2BClient(${projectId} @ ${baseUrl})`,
    [Symbol.for("nodejs.util.inspect.custom")]: () => `StytchB2BClient ${JSON.stringify(summary)}`,
  };
  rememberContext(core, context);
  return core;
}

function requiredString(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") {
    throw new StytchValidationError(field, "required", `${field} is required and must be a non-empty string`);
  }
  rejectControlCharacters(field, value);
  return value;
}

// The caller imports the validators, so every bundler and runtime sees a plain static import; a `true` that
// loaded them on demand would need an import() with a computed specifier, which Workers and bundlers refuse.
function validatorOption(value: ResponseValidator | false | undefined): ResponseValidator | undefined {
  if (value === undefined || value === false) return undefined;
  if (typeof value === "function") return value;
  throw new StytchValidationError(
    "validateResponses",
    "type",
    'validateResponses takes a validator: import { responseValidator } from "stytch-b2b-sms/response-validation" and pass validateResponses: responseValidator',
  );
}

/** A plug-in option as given, refusing what is none (`guard: createSmsGuard` without the call, say). */
function plugged<T>(value: T | undefined, method: string, field: string, maker: string): T | undefined {
  if (value === undefined || typeof (value as Record<string, unknown>)?.[method] === "function") return value;
  throw new StytchValidationError(field, "type", `${field} takes ${maker}`);
}

function positive(value: number, field: string): number {
  if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) {
    throw new StytchValidationError(field, "positive", `${field} must be a positive number`);
  }
  return value;
}
