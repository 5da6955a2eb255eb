import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/stytch.ts";
import { StytchValidationError } from "./errors.ts";
import { basicAuthorization } from "./internal/basic-auth.ts";
import { resolveBaseUrl } from "./internal/environment.ts";
import { OutgoingRequest } from "./internal/outgoing-request.ts";
import { createRedactor } from "./internal/redact.ts";
import { createSend } from "./otps/sms/send.ts";

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface StytchB2BClientOptions {
  /** `project-test-…` or `project-live-…`; the prefix selects the environment unless `baseUrl` is given. */
  projectId: string;
  /** The project secret. Kept in a closure: never in errors, hook payloads or serialised output. */
  secret: string;
  /**
   * Another API origin, e.g. a custom domain. Must be https; plain http is allowed only for loopback
   * (tests). Default: `https://test.stytch.com` or `https://api.stytch.com`, from the project id.
   */
  baseUrl?: string;
  /** Deadline for each call, in milliseconds. Default 30 000. */
  timeoutMs?: number;
  /** The fetch to use, called as `fetch(url, init)`. Default: `globalThis.fetch`, looked up at each call. */
  fetch?: FetchLike;
  /** Extra headers sent with every call. */
  headers?: Record<string, string>;
}

export interface StytchB2BClient {
  readonly projectId: string;
  readonly baseUrl: string;
  readonly otps: { readonly sms: { readonly send: ReturnType<typeof createSend> } };
  /**
   * The underlying openapi-fetch client, with auth and base URL set, for those who prefer
   * `const { data, error, response } = await client.api.POST(…)`. No validation, timeout or typed errors.
   */
  readonly api: Client<paths>;
}

const DEFAULT_TIMEOUT_MS = 30_000;

export function createStytchB2BClient(options: StytchB2BClientOptions): StytchB2BClient {
  const projectId = requiredString(options?.projectId, "projectId");
  const secret = requiredString(options.secret, "secret");
  const baseUrl = resolveBaseUrl(projectId, options.baseUrl);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) {
    throw new StytchValidationError("timeoutMs", "positive", "timeoutMs must be a positive number of milliseconds");
  }
  const authorization = basicAuthorization(projectId, secret);
  const clientHeaders = { ...options.headers };
  const doFetch: FetchLike = (url, init) => (options.fetch ?? globalThis.fetch)(url, init);
  // The API never redirects; following one could carry the credentials to another host.
  const engine = createClient<paths>({
    baseUrl,
    redirect: "manual",
    Request: OutgoingRequest as unknown as typeof Request,
    fetch: (request) => doFetch((request as unknown as OutgoingRequest).url, (request as unknown as OutgoingRequest).init),
  });
  const api = createClient<paths>({
    baseUrl,
    redirect: "manual",
    headers: { ...clientHeaders, Authorization: authorization },
    fetch: (request) => doFetch(request.url, request),
  });

  const send = createSend({
    engine,
    origin: baseUrl,
    timeoutMs,
    headers: (extra) => ({ ...clientHeaders, ...extra, Authorization: authorization }),
    redact: createRedactor([secret, authorization, authorization.slice("Basic ".length)]),
  });

  const summary = { projectId, baseUrl };
  return {
    projectId,
    baseUrl,
    otps: { sms: { send } },
    api,
    toJSON: () => summary,
    toString: () => `StytchB2BClient(${projectId} @ ${baseUrl})`,
    [Symbol.for("nodejs.util.inspect.custom")]: () => `StytchB2BClient ${JSON.stringify(summary)}`,
  } as StytchB2BClient;
}

function requiredString(value: unknown, field: string): string {
  if (typeof value !== "string" || value === "") {
    throw new StytchValidationError(field, "required", `${field} is required and must be a non-empty string`);
  }
  return value;
}
