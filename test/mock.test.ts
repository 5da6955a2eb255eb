import assert from "node:assert/strict";
import { test } from "node:test";
import { createStytchB2BClient, StytchApiError, StytchTimeoutError } from "../src/index.ts";
import { MOCK_MEMBER_ID, MOCK_ORGANIZATION_ID, startMockStytch } from "../src/mock/index.ts";
import { sharedMock } from "./support/shared-mock.ts";

// Raw requests here break the spec on purpose; only the mock's answers are checked.
const mock = sharedMock({ checkRequests: false });

async function post(body: unknown, init: { auth?: string; method?: string; path?: string } = {}) {
  const response = await fetch(`${mock.url}${init.path ?? "/v1/b2b/otps/sms/send"}`, {
    method: init.method ?? "POST",
    headers: { "content-type": "application/json", authorization: init.auth ?? `Basic ${btoa(`${mock.projectId}:${mock.secret}`)}` },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const ids = () => ({ organization_id: mock.organization.organization_id, member_id: mock.member.member_id });

test("links the phone of a Member who has none, then texts that number", async () => {
  const first = await post({ ...ids(), mfa_phone_number: "+15005550006" });
  assert.equal(first.status, 200);
  assert.equal(mock.getMember(mock.member.member_id)?.mfa_phone_number, "+15005550006");
  const second = await post(ids());
  assert.equal(second.status, 200);
  assert.deepEqual(mock.sentSms.map((s) => s.to), ["+15005550006", "+15005550006"]);
});

test("a different number for a Member who has one fails, and sends nothing", async () => {
  await post({ ...ids(), mfa_phone_number: "+15005550006" });
  const mismatch = await post({ ...ids(), mfa_phone_number: "+15005550007" });
  assert.equal(mismatch.status, 400);
  assert.equal(mismatch.body.error_type, "duplicate_member_phone_number");
  assert.equal(mock.sentSms.length, 1);
});

test("no number on file and none given → 404 member_phone_number_not_found", async () => {
  const result = await post(ids());
  assert.equal(result.status, 404);
  assert.equal(result.body.error_type, "member_phone_number_not_found");
});

test("a new code invalidates the previous one", async () => {
  await post({ ...ids(), mfa_phone_number: "+15005550006" });
  const firstCode = mock.lastSms()!.code;
  assert.equal(mock.activeCode(mock.member.member_id), firstCode);
  await post(ids());
  const secondCode = mock.lastSms()!.code;
  assert.equal(mock.activeCode(mock.member.member_id), secondCode);
});

test("international numbers are refused unless enabled", async () => {
  const refused = await post({ ...ids(), mfa_phone_number: "+33612345678" });
  assert.equal(refused.body.error_type, "invalid_phone_number_country_code");
  const international = await startMockStytch({ allowInternational: true });
  try {
    const client = await fetch(`${international.url}/v1/b2b/otps/sms/send`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Basic ${btoa(`${international.projectId}:${international.secret}`)}` },
      body: JSON.stringify({ organization_id: international.organization.organization_id, member_id: international.member.member_id, mfa_phone_number: "+33612345678" }),
    });
    assert.equal(client.status, 200);
  } finally {
    await international.close();
  }
});

test("sessions: unknown, another Member's, and required once a factor is active", async () => {
  const other = mock.addMember(mock.organization.organization_id);
  const unknown = await post({ ...ids(), mfa_phone_number: "+15005550006", session_token: "nope" });
  assert.deepEqual([unknown.status, unknown.body.error_type], [404, "session_not_found"]);
  const foreign = await post({ ...ids(), mfa_phone_number: "+15005550006", intermediate_session_token: mock.createSession(other.member_id, "intermediate_session_token") });
  assert.deepEqual([foreign.status, foreign.body.error_type], [400, "member_session_member_id_mismatch"]);

  const enrolled = mock.addMember(mock.organization.organization_id, { mfa_phone_number: "+15005550009", mfa_phone_number_verified: true });
  const noSession = await post({ organization_id: mock.organization.organization_id, member_id: enrolled.member_id });
  assert.deepEqual([noSession.status, noSession.body.error_type], [400, "insufficient_factors"]);
  const withSession = await post({ organization_id: mock.organization.organization_id, member_id: enrolled.member_id, session_jwt: mock.createSession(enrolled.member_id, "session_jwt") });
  assert.equal(withSession.status, 200);
});

test("finds Organizations by slug and Members by external id; inactive Members are refused", async () => {
  const member = mock.addMember(mock.organization.organization_id, { external_id: "ext-42" });
  const bySlug = await post({ organization_id: "acme", member_id: "ext-42", mfa_phone_number: "+15005550006" });
  assert.equal(bySlug.status, 200);
  assert.equal(bySlug.body.member_id, member.member_id);
  const invited = mock.addMember(mock.organization.organization_id, { status: "invited" });
  const refused = await post({ organization_id: "acme", member_id: invited.member_id, mfa_phone_number: "+15005550006" });
  assert.equal(refused.body.error_type, "action_available_only_for_active_members");
});

test("requests are validated against the spec", async () => {
  const cases: [unknown, string][] = [
    [{ ...ids(), mfa_phone_number: "12345" }, "invalid_phone_number"],
    [{ ...ids(), session_token: "a", session_jwt: "b" }, "too_many_session_arguments"],
    [{ ...ids(), surprise: 1 }, "invalid_request_body"],
    [{ member_id: "m" }, "invalid_request_body"],
    ["{not json", "invalid_request_body"],
  ];
  for (const [body, errorType] of cases) {
    const result = await post(body);
    assert.equal(result.status, 400, JSON.stringify(body));
    assert.equal(result.body.error_type, errorType, JSON.stringify(body));
  }
  assert.equal(mock.sentSms.length, 0);
});

test("checks Basic auth, the route and the method", async () => {
  assert.equal((await post(ids(), { auth: `Basic ${btoa(`${mock.projectId}:wrong`)}` })).status, 401);
  assert.equal((await post(ids(), { auth: "Bearer x" })).status, 401);
  // The scheme name is case-insensitive (RFC 9110 §11.1); the credentials are not.
  const token = btoa(`${mock.projectId}:${mock.secret}`);
  const phone = { ...ids(), mfa_phone_number: "+15005550006" };
  assert.equal((await post(phone, { auth: `basic ${token}` })).status, 200);
  assert.equal((await post(phone, { auth: `BASIC ${token}` })).status, 200);
  assert.equal((await post(phone, { auth: `Basic ${btoa(`${mock.projectId}:${mock.secret.toUpperCase()}`)}` })).status, 401);
  assert.equal((await post(ids(), { path: "/v1/b2b/otps/sms/other" })).status, 404);
  assert.equal((await post(ids(), { method: "PUT" })).status, 405);
});

test("scripted faults apply in order, then normal service resumes", async () => {
  mock.failNext({ status: 429, headers: { "retry-after": "1" } });
  mock.failNext({ status: 503 }, 2);
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await post({ ...ids(), mfa_phone_number: "+15005550006" })).status);
  assert.deepEqual(statuses, [429, 503, 503, 200]);
  assert.equal(mock.sentSms.length, 1);
});

test("a fault with only an error_type answers 400 with it; the seeded ids are exported", async () => {
  mock.failNext({ error_type: "invalid_locale" });
  const result = await post({ ...ids(), mfa_phone_number: "+15005550006" });
  assert.deepEqual([result.status, result.body.error_type], [400, "invalid_locale"]);
  assert.deepEqual([mock.organization.organization_id, mock.member.member_id], [MOCK_ORGANIZATION_ID, MOCK_MEMBER_ID]);
});

test("answers CORS preflights", async () => {
  const response = await fetch(`${mock.url}/v1/b2b/otps/sms/send`, {
    method: "OPTIONS",
    headers: { origin: "http://127.0.0.1:1", "access-control-request-method": "POST", "access-control-request-headers": "authorization,content-type" },
  });
  assert.equal(response.status, 204);
  assert.equal(response.headers.get("access-control-allow-origin"), "*");
  assert.equal(response.headers.get("access-control-allow-headers"), "authorization,content-type");
});

test("a fault with only a status answers Stytch's error_type for it: 429 too_many_requests, 500 internal_server_error, 503 server_unavailable", async () => {
  const expected: [number, string][] = [[429, "too_many_requests"], [500, "internal_server_error"], [503, "server_unavailable"]];
  for (const [status] of expected) mock.failNext({ status });
  const answered: [number, unknown][] = [];
  for (let i = 0; i < expected.length; i++) {
    const result = await post({ ...ids(), mfa_phone_number: "+15005550006" });
    answered.push([result.status, result.body.error_type]);
  }
  assert.deepEqual(answered, expected);
  assert.equal(mock.sentSms.length, 0);
});

test("{ delayMs } alone answers late, then handles the request: the client times out and the SMS is still sent", async () => {
  mock.failNext({ delayMs: 800 });
  const client = createStytchB2BClient({ ...mock.clientOptions, timeoutMs: 200, maxRetries: 0 });
  await assert.rejects(client.otps.sms.send({ ...ids(), mfa_phone_number: "+15005550006" }), StytchTimeoutError);
  assert.equal(mock.sentSms.length, 0, "not handled before the delay");
  for (let waited = 0; mock.sentSms.length === 0 && waited < 5_000; waited += 50) await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(mock.sentSms.map((sms) => sms.to), ["+15005550006"]);
  assert.equal(mock.exchanges[0]?.status, 200);
});

test("close() drops open connections, a hung request included", async () => {
  const own = await startMockStytch();
  const controller = new AbortController(); // only to clean up if close() failed to drop the connection
  try {
    own.failNext({ hang: true });
    const pending = fetch(`${own.url}/v1/b2b/otps/sms/send`, { method: "POST", body: "{}", signal: controller.signal }).then(
      () => "answered",
      () => "dropped",
    );
    for (let waited = 0; own.exchanges.length === 0 && waited < 5_000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    assert.equal(own.exchanges.length, 1, "the hung request reached the mock");
    const closed = await Promise.race([own.close().then(() => "closed"), new Promise((resolve) => setTimeout(resolve, 3_000, "still open"))]);
    assert.equal(closed, "closed");
    assert.equal(await pending, "dropped");
  } finally {
    controller.abort();
    await own.close().catch(() => {});
  }
});

test("reset() forgets SMS, exchanges, pending faults, sessions, codes and added data, and re-seeds", async () => {
  const added = mock.addMember(mock.organization.organization_id, { mfa_phone_number: "+15005550009" });
  const session = mock.createSession(mock.member.member_id);
  assert.equal((await post({ ...ids(), mfa_phone_number: "+15005550006", session_token: session })).status, 200);
  mock.failNext({ status: 503 }, 3);
  mock.reset();

  assert.deepEqual([mock.sentSms.length, mock.exchanges.length], [0, 0]);
  assert.equal(mock.getMember(added.member_id), undefined, "added Members are gone");
  assert.equal(mock.getMember(mock.member.member_id)?.mfa_phone_number, "", "the seeded Member has no phone again");
  assert.equal(mock.activeCode(mock.member.member_id), undefined, "no code is active");
  const afterReset = await post({ ...ids(), mfa_phone_number: "+15005550006", session_token: session });
  assert.deepEqual([afterReset.status, afterReset.body.error_type], [404, "session_not_found"], "no pending fault, and the session is gone");
});

test("a code expires after 2 minutes", async (t) => {
  assert.equal((await post({ ...ids(), mfa_phone_number: "+15005550006" })).status, 200);
  const code = mock.lastSms()!.code;
  t.mock.timers.enable({ apis: ["Date"], now: Date.now() });
  t.mock.timers.tick(119_000);
  assert.equal(mock.activeCode(mock.member.member_id), code);
  t.mock.timers.tick(2_000);
  assert.equal(mock.activeCode(mock.member.member_id), undefined);
});

test("Stytch's rules: TOTP is an active factor, Organizations by external ID, Members only of their Organization, intermediate_session_not_found", async () => {
  const withTotp = mock.addMember(mock.organization.organization_id, { totp_registration_id: "totp-test-1", mfa_phone_number: "+15005550009" });
  const totp = await post({ organization_id: mock.organization.organization_id, member_id: withTotp.member_id });
  assert.deepEqual([totp.status, totp.body.error_type], [400, "insufficient_factors"]);

  const globex = mock.addOrganization({ organization_external_id: "ext-globex" });
  const member = mock.addMember(globex.organization_id);
  const byExternalId = await post({ organization_id: "ext-globex", member_id: member.member_id, mfa_phone_number: "+15005550006" });
  assert.deepEqual([byExternalId.status, byExternalId.body.member_id], [200, member.member_id]);

  const elsewhere = await post({ organization_id: mock.organization.organization_id, member_id: member.member_id });
  assert.deepEqual([elsewhere.status, elsewhere.body.error_type], [404, "member_not_found"]);

  const unknown = await post({ ...ids(), mfa_phone_number: "+15005550006", intermediate_session_token: "nope" });
  assert.deepEqual([unknown.status, unknown.body.error_type], [404, "intermediate_session_not_found"]);
  assert.equal(mock.sentSms.length, 1);
});

test("phoneRateLimit answers 429 too_many_requests, sending nothing, once a number had its codes within the window", async () => {
  const limited = await startMockStytch({ phoneRateLimit: { limit: 2, windowMs: 60_000 } });
  try {
    const stytch = createStytchB2BClient({ ...limited.clientOptions, maxRetries: 0 });
    const member = { organization_id: MOCK_ORGANIZATION_ID, member_id: MOCK_MEMBER_ID, mfa_phone_number: "+15005550006" };
    await stytch.otps.sms.send(member);
    await stytch.otps.sms.send(member);
    const error = await stytch.otps.sms.send(member).catch((e: unknown) => e);
    assert.ok(error instanceof StytchApiError && error.status === 429 && error.error_type === "too_many_requests", String(error));
    assert.equal(limited.sentSms.length, 2);
    limited.advanceTime(60_000);
    await stytch.otps.sms.send(member);
    assert.equal(limited.sentSms.length, 3);
  } finally {
    await limited.close();
  }
});
