import assert from "node:assert/strict";
import type { IncomingMessage, ServerResponse } from "node:http";
import { inspect } from "node:util";
import { createStytchB2BClient, type CallOptions, type StytchB2BClient, type StytchB2BClientOptions } from "../../src/index.ts";
import { successBody } from "./bodies.ts";
import { startRawServer, startServer } from "./servers.ts";

export const SECRET = "fault-secret-3b9d27c1a4";
export const PROJECT = "project-test-faults";
/** The base64 part of the Basic token, and the whole header value. */
export const CREDENTIAL = btoa(`${PROJECT}:${SECRET}`);
export const AUTHORIZATION = `Basic ${CREDENTIAL}`;
export const BODY = { organization_id: "organization-test-1", member_id: "member-test-1", mfa_phone_number: "+15005550006" };

/** Every operation, as the fault suite calls it: each one must keep every guarantee. */
export const OPERATIONS = [
  {
    name: "send",
    path: "/v1/b2b/otps/sms/send",
    call: (client: StytchB2BClient, options?: CallOptions) => client.otps.sms.send(BODY, options),
    success: successBody("/v1/b2b/otps/sms/send"),
  },
  {
    name: "authenticate",
    path: "/v1/b2b/otps/sms/authenticate",
    call: (client: StytchB2BClient, options?: CallOptions) =>
      client.otps.sms.authenticate({ organization_id: "organization-test-1", member_id: "member-test-1", code: "123456", intermediate_session_token: "ist-1" }, options),
    success: successBody("/v1/b2b/otps/sms/authenticate"),
  },
] as const;
export type FaultOperation = (typeof OPERATIONS)[number];

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
      outcome = await (c.call ?? OPERATIONS[0].call)(client, options);
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
