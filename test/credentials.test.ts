/**
 * Credentials are everything secret, not just the project secret: the code and the session tokens, in the
 * request and in the answer, stay out of every error (message, stack, cause chain, rawBody, fields) and every
 * hook payload, whatever a hostile server echoes back.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inspect } from "node:util";
import { StytchApiError, StytchConnectionError, StytchDecodeError, type SmsAuthenticateRequest } from "../src/index.ts";
import { responseValidator } from "../src/response-validation.ts";
import { assertNoSecret, CREDENTIAL, run, SECRET } from "./support/fault-case.ts";

const CODE = "864209";
const SESSION_TOKEN = "sess-tok-5d1f0c9a8b7e6d5c4b3a";
const INTERMEDIATE = "ist-7Yq2mPz9Lk3Wd8Rt";
const JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJtZW1iZXIifQ.c2lnbmF0dXJl";
const REQUEST: SmsAuthenticateRequest = { organization_id: "organization-test-1", member_id: "member-test-1", code: CODE, intermediate_session_token: INTERMEDIATE };
const ALL = [SECRET, CREDENTIAL, CODE, SESSION_TOKEN, INTERMEDIATE, JWT];

const authenticate = (request: SmsAuthenticateRequest = REQUEST) => ({ call: (client: Parameters<NonNullable<Parameters<typeof run>[0]["call"]>>[0]) => client.otps.sms.authenticate(request) });
const echo = (request: string) => request.replaceAll("\r\n", " | ").replaceAll('"', "'");
const withBody = (status: number, contentType: string, body: string, extra = "") =>
  `HTTP/1.1 ${status} X\r\nContent-Type: ${contentType}\r\n${extra}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

describe("what the request carried, echoed back", () => {
  const cases = [
    { name: "every field of a JSON error", expect: StytchApiError, raw: (r: string) => withBody(400, "application/json", JSON.stringify({ status_code: 400, request_id: r, error_type: "echo", error_message: r, error_url: r, error_details: { request: r, code: CODE } })) },
    { name: "an HTML 502", expect: StytchDecodeError, raw: (r: string) => withBody(502, "text/html", `<pre>${echo(r)}</pre>`) },
    { name: "a 200 that is not the operation's answer", expect: StytchDecodeError, raw: (r: string) => withBody(200, "application/json", `{"echo":"${echo(r)}","code":"${CODE}"}`) },
    { name: "an answer the runtime's parser refuses", expect: StytchConnectionError, raw: (r: string) => `HTTP/1.1 200 OK\r\nX-Echo(${echo(r)}): 1\r\nContent-Length: 2\r\n\r\n{}` },
    { name: "a status line", expect: StytchConnectionError, raw: (r: string) => `HTTP/1.1 2x0 ${echo(r)}\r\n\r\n` },
  ];
  for (const c of cases) {
    test(`in ${c.name} → ${c.expect.name}, no code or token anywhere in it`, async () => {
      for (const request of [REQUEST, { ...REQUEST, intermediate_session_token: undefined, session_token: SESSION_TOKEN }, { ...REQUEST, intermediate_session_token: undefined, session_jwt: JWT }]) {
        const error = await run({ raw: c.raw, ...authenticate(request as SmsAuthenticateRequest), expect: c.expect, requests: 1, withinMs: 2_000 });
        assertNoSecret(error, ALL);
      }
    });
  }
});

describe("what the answer carried", () => {
  const session = { session_token: SESSION_TOKEN, session_jwt: JWT };
  test("a 200 with the new session's tokens but no member → StytchDecodeError whose rawBody keeps neither", async () => {
    const body = JSON.stringify({ request_id: "r", member_id: "m", status_code: 200, organization: {}, ...session });
    const error = await run({ raw: () => withBody(200, "application/json", body), ...authenticate(), expect: StytchDecodeError, status: 200, requests: 1, withinMs: 2_000 });
    assertNoSecret(error, ALL);
    assert.match((error as StytchDecodeError).rawBody, /"session_token":"\[redacted\]"/);
  });

  test("a 200 that fails validateResponses → its rawBody keeps no token either", async () => {
    const body = JSON.stringify({ request_id: "r", member_id: "m", status_code: 200, member: { is_admin: "no" }, organization: {}, ...session });
    const error = await run({ raw: () => withBody(200, "application/json", body), options: { validateResponses: responseValidator }, ...authenticate(), expect: StytchDecodeError, status: 200, requests: 1, withinMs: 2_000 });
    assertNoSecret(error, ALL);
  });

  test("a session token or JWT an error body names, under any field, is blanked", async () => {
    const body = JSON.stringify({ status_code: 401, request_id: "r", error_type: "unable_to_auth_otp_code", error_message: `token ${JWT}`, error_url: "u", error_details: { session_jwt: "opaque-value-9f8e7d", nested: { session_token: SESSION_TOKEN } } });
    const error = await run({ raw: () => withBody(401, "application/json", body), ...authenticate(), expect: StytchApiError, status: 401, requests: 1, withinMs: 2_000 });
    assertNoSecret(error, [...ALL, "opaque-value-9f8e7d"]);
  });
});

test("hook payloads carry no code or token, even when the server echoes them into headers", async () => {
  const payloads: unknown[] = [];
  const hooks = { onRequest: (e: unknown) => payloads.push(e), onResponse: (e: unknown) => payloads.push(e), onError: (e: unknown) => payloads.push(e) };
  await run({
    raw: () => withBody(400, "application/json", JSON.stringify({ status_code: 400, request_id: "r", error_type: "echo", error_message: CODE, error_url: "u" }), `X-Code: ${CODE}\r\nX-Token: ${SESSION_TOKEN}\r\n`),
    options: { hooks },
    ...authenticate({ ...REQUEST, intermediate_session_token: undefined, session_token: SESSION_TOKEN } as SmsAuthenticateRequest),
    expect: StytchApiError,
    requests: 1,
    withinMs: 2_000,
  });
  assert.equal(payloads.length, 3);
  const text = inspect(payloads, { depth: Infinity });
  for (const secret of ALL) assert.ok(!text.includes(secret), `${secret} in a hook payload`);
});
