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

test("a throwing onRetry or onError cannot change the outcome, even when onHookError throws too", async (t) => {
  const logged = t.mock.method(console, "error", () => {});
  const hooks: Hooks = {
    onRetry: () => {
      throw new Error("retry metrics down");
    },
    onError: () => {
      throw new Error("error tracker down");
    },
    onHookError: () => {
      throw new Error("the hook error reporter is down too");
    },
  };
  const client = createStytchB2BClient({ ...mock.clientOptions, hooks });

  mock.failNext({ status: 503, headers: { "retry-after": "0" } });
  const result = await client.otps.sms.send(body());
  assert.equal(result.status_code, 200, "the 503 was still retried");
  assert.equal(mock.exchanges.length, 2);

  const error = await client.otps.sms.send({ ...body(), member_id: "member-test-missing" }).catch((e: unknown) => e);
  assert.ok(error instanceof StytchApiError, String(error));
  assert.equal(error.error_type, "member_not_found");

  // onHookError threw as well: each hook's error ends on console.error instead.
  assert.deepEqual(
    logged.mock.calls.map((call) => [String(call.arguments[0]).match(/the (\w+) hook threw/)?.[1], (call.arguments[1] as Error).message]),
    [["onRetry", "retry metrics down"], ["onError", "error tracker down"]],
  );
});

test("cookie and set-cookie headers are redacted in hook payloads", async () => {
  mock.failNext({ status: 429, headers: { "retry-after": "0", "set-cookie": "sid=server-session-4d1c" } });
  const { events, hooks } = recorder();
  await createStytchB2BClient({ ...mock.clientOptions, hooks }).otps.sms.send(body(), { headers: { Cookie: "sid=browser-session-93af" } });
  const headersOf = (name: string, attempt: number) => events.find(([n, e]) => n === name && e.attempt === attempt)![1].headers as Record<string, string>;
  assert.equal(headersOf("onRequest", 1).cookie, "[redacted]");
  assert.equal(headersOf("onResponse", 1)["set-cookie"], "[redacted]");
  assert.equal(headersOf("onResponse", 1)["retry-after"], "0", "other headers are kept");
  const text = inspect(events, { depth: 10 });
  assert.ok(!text.includes("server-session-4d1c") && !text.includes("browser-session-93af"), text);
});

test("onResponse fires for any answer, an HTML 502 from a proxy included, then onError", async () => {
  mock.failNext({ status: 502, body: "<html>Bad gateway</html>", contentType: "text/html" });
  const { events, hooks } = recorder();
  await assert.rejects(createStytchB2BClient({ ...mock.clientOptions, hooks }).otps.sms.send(body()), { name: "StytchDecodeError", status: 502 });
  assert.deepEqual(events.map(([name, e]) => `${name}#${e.attempt}`), ["onRequest#1", "onResponse#1", "onError#1"]);
  assert.equal(events[1]![1].status, 502);
  assert.equal(events[2]![1].status, 502);
});

test("an abort during the wait between attempts ends the call with onError, once", async () => {
  mock.failNext({ status: 429, headers: { "retry-after": "5" } });
  const controller = new AbortController();
  const { events, hooks } = recorder();
  const onRetry = hooks.onRetry!;
  hooks.onRetry = (e) => {
    onRetry(e);
    setTimeout(() => controller.abort(new Error("the user left")), 20);
  };
  const error = await createStytchB2BClient({ ...mock.clientOptions, hooks }).otps.sms.send(body(), { signal: controller.signal }).catch((e: unknown) => e);
  assert.equal((error as Error).name, "StytchAbortError");
  assert.deepEqual(events.map(([name, e]) => `${name}#${e.attempt}`), ["onRequest#1", "onResponse#1", "onRetry#1", "onError#1"]);
  assert.equal(events[3]![1].error, error);
});
