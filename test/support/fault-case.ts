import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { inspect } from "node:util";
import { b2bOtpsSmsAuthenticate, b2bOtpsSmsSend, type Operation } from "../../generated/operations.ts";
import { createSmsGuard } from "../../src/guard/index.ts";
import { createStytchB2BClient, type CallOptions, type StytchB2BClient, type StytchB2BClientOptions } from "../../src/index.ts";
import { requestParts } from "../../src/internal/request-parts.ts";
import { responseValidator, type ResponseValidator } from "../../src/response-validation.ts";
import { successBody } from "./bodies.ts";
import { startRawServer, startServer } from "./servers.ts";
import { callShape, SHAPES, shapeRequest, shapesResponseValidator } from "./shapes.ts";

export const SECRET = "fault-secret-3b9d27c1a4";
export const PROJECT = "project-test-faults";
/** The base64 part of the Basic token, and the whole header value. */
export const CREDENTIAL = btoa(`${PROJECT}:${SECRET}`);
export const AUTHORIZATION = `Basic ${CREDENTIAL}`;
export const BODY = { organization_id: "organization-test-1", member_id: "member-test-1", mfa_phone_number: "+15005550006" };

/** An operation as the fault suite calls it. */
export interface FaultOperation {
  readonly name: string;
  readonly path: string;
  /** The operation's `x-idempotent`: its default retry policy (an idempotent one also retries 5xx, timeouts and lost connections). */
  readonly idempotent: boolean;
  call(client: StytchB2BClient, options?: CallOptions): Promise<unknown>;
  /** The same request through `client.api` (plain openapi-fetch: no validation, retries or typed errors). */
  api(client: StytchB2BClient): Promise<{ response: Response; data?: unknown; error?: unknown }>;
  /** The spec's 200 example, as JSON text. */
  readonly success: string;
  /** Response validation with the validators of the operation's spec. */
  readonly responseValidator: ResponseValidator;
  /** Client options every case of the operation adds (the send guard). */
  readonly clientOptions?: Partial<StytchB2BClientOptions>;
}

const AUTHENTICATE_BODY = { organization_id: "organization-test-1", member_id: "member-test-1", code: "123456", intermediate_session_token: "ist-1" };

/** `client.api` called with the operation's method and path, and the request split as the client splits it. */
function viaApi(operation: Operation, request: Record<string, unknown>) {
  return (client: StytchB2BClient) => (client.api.request as (method: string, path: string, init: object) => Promise<{ response: Response }>)(operation.method, operation.path, requestParts(operation, request));
}

/**
 * Every operation, as the fault suite calls it: each one must keep every guarantee. This package's (send
 * also through the send guard), and the test-only spec's (test/fixtures/shapes/), whose shapes (path and query parameters, GET and DELETE
 * without a body, lists and nested objects) and idempotency (true and false) the package's do not cover.
 */
const SEND: FaultOperation = {
  name: "send",
  path: b2bOtpsSmsSend.path,
  idempotent: b2bOtpsSmsSend.idempotent,
  call: (client, options) => client.otps.sms.send(BODY, options),
  api: viaApi(b2bOtpsSmsSend, BODY),
  success: successBody(b2bOtpsSmsSend.path),
  responseValidator,
};

export const OPERATIONS: readonly FaultOperation[] = [
  SEND,
  // Every guarantee holds through the send guard too: its rules are checked and counted on each call, with
  // room for every call of the suite.
  {
    ...SEND,
    name: "send through the send guard (memory store)",
    clientOptions: { guard: createSmsGuard({ member: { immediate: 1e9 }, phone: { immediate: 1e9 }, prefix: { limit: 1e9 } }) },
  },
  {
    name: "authenticate",
    path: b2bOtpsSmsAuthenticate.path,
    idempotent: b2bOtpsSmsAuthenticate.idempotent,
    call: (client, options) => client.otps.sms.authenticate(AUTHENTICATE_BODY, options),
    api: viaApi(b2bOtpsSmsAuthenticate, AUTHENTICATE_BODY),
    success: successBody(b2bOtpsSmsAuthenticate.path),
    responseValidator,
  },
  ...SHAPES.operations.map((operation): FaultOperation => ({
    name: `${operation.id} (test-only spec, ${operation.method}, x-idempotent: ${operation.idempotent})`,
    path: operation.path,
    idempotent: operation.idempotent,
    call: (client, options) => callShape(client, operation, shapeRequest(operation), options),
    api: viaApi(operation, shapeRequest(operation)),
    success: JSON.stringify(SHAPES.successExamples[operation.id]),
    responseValidator: shapesResponseValidator,
  })),
];

export type Handler = (req: IncomingMessage, res: ServerResponse, requestNumber: number) => void;

export interface Case {
  /** An HTTP server's handler, called once the request body has arrived … */
  handler?: Handler;
  /** … or the raw bytes a TCP server answers with, given the raw request (for answers HTTP servers refuse to write). */
  raw?: (request: string, requestNumber: number) => string | Buffer;
  options?: Partial<StytchB2BClientOptions>;
  signal?: AbortSignal;
  /** What to call; default send (the first of OPERATIONS). */
  call?: (client: StytchB2BClient, options: CallOptions | undefined) => Promise<unknown>;
  /** The class thrown, or "success". */
  expect: (new (...args: never[]) => Error) | "success";
  status?: number;
  requests: number;
  /** The call must end within this many ms. */
  withinMs: number;
  atLeastMs?: number;
}

/** Runs one call against a misbehaving loopback server and checks class, status, timing, requests and secrecy. */
export async function run(c: Case): Promise<unknown> {
  const server = c.raw
    ? await startRawServer(c.raw)
    : await startServer((req, res, requestNumber) => {
        req.resume();
        req.on("end", () => c.handler!(req, res, requestNumber));
      });
  try {
    const client = createStytchB2BClient({ projectId: PROJECT, secret: SECRET, baseUrl: server.url, ...c.options });
    const started = performance.now();
    let outcome: unknown;
    try {
      const options = c.signal ? { signal: c.signal } : undefined;
      outcome = await (c.call ?? OPERATIONS[0]!.call)(client, options);
    } catch (error) {
      outcome = error;
    }
    const elapsed = performance.now() - started;
    assert.ok(elapsed < c.withinMs, `took ${Math.round(elapsed)} ms, deadline ${c.withinMs} ms`);
    if (c.atLeastMs !== undefined) assert.ok(elapsed >= c.atLeastMs, `took only ${Math.round(elapsed)} ms`);
    assert.equal(server.requests, c.requests, "requests received by the server");
    if (c.expect === "success") {
      assert.ok(!(outcome instanceof Error), `expected success, got ${String(outcome)}`);
    } else {
      assert.ok(outcome instanceof c.expect, `expected ${c.expect.name}, got ${inspect(outcome)}`);
      if (c.status !== undefined) assert.equal((outcome as { status?: number }).status, c.status);
      assertNoSecret(outcome);
    }
    return outcome;
  } finally {
    await server.close();
  }
}

/**
 * Nothing reachable from the error holds the secret, the Basic token or its base64 part: message, stack,
 * every own property (hidden ones too) of every error in the cause chain at any depth, `rawBody`, and the
 * output of util.inspect (unlimited depth) and JSON.stringify.
 */
export function assertNoSecret(error: unknown, secrets: readonly string[] = [SECRET, CREDENTIAL]): void {
  const parts: string[] = [inspect(error, { depth: Infinity, showHidden: true }), JSON.stringify(error) ?? ""];
  const seen = new Set<unknown>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") return void parts.push(value);
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    if (value instanceof Error) parts.push(String(value), value.message, value.stack ?? "");
    for (const key of Reflect.ownKeys(value)) visit((value as Record<PropertyKey, unknown>)[key]);
  };
  visit(error);
  const everything = parts.join("\n");
  for (const secret of secrets) assert.ok(!everything.includes(secret), `${secret.slice(0, 6)}… leaked`);
}
