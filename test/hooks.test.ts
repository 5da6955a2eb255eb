import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";
import { createStytchB2BClient, StytchApiError, type Hooks } from "../src/index.ts";
import { sharedMock } from "./support/shared-mock.ts";

const mock = sharedMock();

const body = () => ({ organization_id: mock.organization.organization_id, member_id: mock.member.member_id, mfa_phone_number: "+15005550006" });

function recorder() {
  const events: [string, Record<string, unknown>][] = [];
  const hooks: Hooks = {
    onRequest: (e) => events.push(["onRequest", { ...e }]),
    onResponse: (e) => events.push(["onResponse", { ...e }]),
    onRetry: (e) => events.push(["onRetry", { ...e }]),
    onError: (e) => events.push(["onError", { ...e }]),
  };
  return { events, hooks };
}

test("a successful call: onRequest then onResponse, with method, URL, attempt, status, duration and request_id", async () => {
  const { events, hooks } = recorder();
  const result = await createStytchB2BClient({ ...mock.clientOptions, hooks }).otps.sms.send(body());
  assert.deepEqual(events.map(([name]) => name), ["onRequest", "onResponse"]);
  const [, request] = events[0]!;
  const [, response] = events[1]!;
  assert.equal(request.method, "POST");
  assert.equal(request.url, `${mock.url}/v1/b2b/otps/sms/send`);
  assert.equal(request.attempt, 1);
  assert.equal((request.headers as Record<string, string>).authorization, "[redacted]");
  assert.equal((request.headers as Record<string, string>)["content-type"], "application/json");
  assert.equal(response.status, 200);
  assert.equal(response.requestId, result.request_id);
  assert.ok(typeof response.durationMs === "number" && response.durationMs >= 0);
});

test("every event names its operation and path; authenticate's events carry no code or token", async () => {
  const { events, hooks } = recorder();
  const client = createStytchB2BClient({ ...mock.clientOptions, hooks });
  await client.otps.sms.send(body());
  const code = mock.lastSms()!.code;
  const intermediate_session_token = mock.createSession(mock.member.member_id, "intermediate_session_token");
  const session = await client.otps.sms.authenticate({ organization_id: mock.organization.organization_id, member_id: mock.member.member_id, code, intermediate_session_token });
  await client.otps.sms.authenticate({ organization_id: mock.organization.organization_id, member_id: mock.member.member_id, code, session_token: session.session_token }).catch(() => {});
  assert.deepEqual(
    events.map(([name, e]) => `${name} ${e.operation} ${e.method} ${e.path}`),
    [
      "onRequest b2bOtpsSmsSend POST /v1/b2b/otps/sms/send",
      "onResponse b2bOtpsSmsSend POST /v1/b2b/otps/sms/send",
      "onRequest b2bOtpsSmsAuthenticate POST /v1/b2b/otps/sms/authenticate",
      "onResponse b2bOtpsSmsAuthenticate POST /v1/b2b/otps/sms/authenticate",
      "onRequest b2bOtpsSmsAuthenticate POST /v1/b2b/otps/sms/authenticate",
      "onResponse b2bOtpsSmsAuthenticate POST /v1/b2b/otps/sms/authenticate",
      "onError b2bOtpsSmsAuthenticate POST /v1/b2b/otps/sms/authenticate",
    ],
  );
  assert.equal(events[2]![1].url, `${mock.url}/v1/b2b/otps/sms/authenticate`);
  const text = inspect(events, { depth: Infinity });
  for (const credential of [code, intermediate_session_token, session.session_token, session.session_jwt]) assert.ok(!text.includes(credential));
});

test("a retried call: onRequest, onResponse, onRetry, … then onError once", async () => {
  mock.failNext({ status: 503, headers: { "retry-after": "0" } }, 3);
  const { events, hooks } = recorder();
  const error = await createStytchB2BClient({ ...mock.clientOptions, hooks }).otps.sms.send(body()).catch((e: unknown) => e);
  assert.ok(error instanceof StytchApiError);
  assert.deepEqual(events.map(([name, e]) => `${name}#${e.attempt}`), [
    "onRequest#1", "onResponse#1", "onRetry#1",
    "onRequest#2", "onResponse#2", "onRetry#2",
    "onRequest#3", "onResponse#3", "onError#3",
  ]);
  const retry = events.find(([name]) => name === "onRetry")![1];
  assert.deepEqual([retry.reason, retry.status, retry.delayMs], ["unavailable", 503, 0]);
  const failure = events.at(-1)![1];
  assert.equal(failure.error, error);
  assert.equal(failure.status, 503);
  assert.match(String(failure.requestId), /^request-id-mock-/);
});

test("a hook that throws does not change the outcome, and is reported", async () => {
  const reported: string[] = [];
  const hooks: Hooks = {
    onRequest: () => {
      throw new Error("logging backend down");
    },
    onResponse: () => {
      throw new Error("metrics down");
    },
    onHookError: (error, hook) => reported.push(`${hook}: ${(error as Error).message}`),
  };
  const result = await createStytchB2BClient({ ...mock.clientOptions, hooks }).otps.sms.send(body());
  assert.equal(result.status_code, 200);
  assert.equal(mock.sentSms.length, 1);
  assert.deepEqual(reported, ["onRequest: logging backend down", "onResponse: metrics down"]);
});

test("without onHookError, a throwing hook is reported on console.error", async (t) => {
  const logged = t.mock.method(console, "error", () => {});
  const hooks: Hooks = { onResponse: () => { throw new Error("boom"); } };
  await createStytchB2BClient({ ...mock.clientOptions, hooks }).otps.sms.send(body());
  assert.equal(logged.mock.callCount(), 1);
  assert.match(String(logged.mock.calls[0]!.arguments[0]), /onResponse hook threw/);
});

test("no hook payload carries the secret", async () => {
  mock.failNext({ status: 429, headers: { "retry-after": "0" } });
  const { events, hooks } = recorder();
  await createStytchB2BClient({ ...mock.clientOptions, hooks }).otps.sms.send(body());
  const text = inspect(events, { depth: 10 });
  assert.ok(!text.includes(mock.secret));
  assert.ok(!text.includes(btoa(`${mock.projectId}:${mock.secret}`)));
});
