/**
 * `client.otps.sms.authenticate` against the embedded mock: the whole MFA step (send, read the code,
 * authenticate, use the session), the code's lifetime and single use, MFA enrolment, sessions, the checks
 * made before sending, and `withResponse` on both operations. Every exchange is checked against its own
 * operation's schemas after each test (test/support/shared-mock.ts).
 */
import assert from "node:assert/strict";
import { after, before, describe, test } from "node:test";
import { createStytchB2BClient, StytchApiError, StytchValidationError, type SmsAuthenticateRequest } from "../src/index.ts";
import { startMockStytch, type MockStytch } from "../src/mock/index.ts";
import { sharedMock } from "./support/shared-mock.ts";

const mock = sharedMock();
const client = () => createStytchB2BClient(mock.clientOptions);
const ids = () => ({ organization_id: mock.organization.organization_id, member_id: mock.member.member_id });

/** Sends a code to the seeded Member (linking a phone) and returns it with a fresh intermediate session token. */
async function sendCode() {
  await client().otps.sms.send({ ...ids(), mfa_phone_number: "+15005550006" });
  return { code: mock.lastSms()!.code, intermediate_session_token: mock.createSession(mock.member.member_id, "intermediate_session_token") };
}

const rejection = (promise: Promise<unknown>) => promise.then(() => assert.fail("expected a rejection"), (error: unknown) => error);

describe("the MFA step", () => {
  test("send → the code from the mock → authenticate → a typed session that later sends accept", async () => {
    const { code, intermediate_session_token } = await sendCode();
    const result = await client().otps.sms.authenticate({ ...ids(), code, intermediate_session_token, session_duration_minutes: 30 });
    assert.equal(result.status_code, 200);
    assert.equal(result.member_id, mock.member.member_id);
    assert.equal(result.member.mfa_phone_number_verified, true);
    assert.match(result.session_token, /^mock-session_token-/);
    assert.match(result.session_jwt, /^eyJ[\w-]+\.[\w-]+\.$/);
    const session = result.member_session!;
    assert.equal(session.member_id, mock.member.member_id);
    assert.equal(session.organization_slug, "acme");
    assert.deepEqual(session.authentication_factors.map((f) => [f.type, f.delivery_method, f.phone_number_factor?.phone_number]), [["otp", "sms", "+15005550006"]]);
    const lifetime = Date.parse(session.expires_at) - Date.parse(session.started_at);
    assert.equal(lifetime, 30 * 60_000);

    // The phone is now a verified factor: a send needs a session carrying it, and the new one does.
    await assert.rejects(client().otps.sms.send(ids()), { name: "StytchApiError", error_type: "insufficient_factors" });
    await client().otps.sms.send({ ...ids(), session_token: result.session_token });
    await client().otps.sms.send({ ...ids(), session_jwt: result.session_jwt });
    assert.equal(mock.sentSms.length, 3);
  });

  test("the intermediate session token is consumed by success", async () => {
    const { code, intermediate_session_token } = await sendCode();
    await client().otps.sms.authenticate({ ...ids(), code, intermediate_session_token });
    await client().otps.sms.send({ ...ids(), session_token: mock.createSession(mock.member.member_id) });
    const again = await rejection(client().otps.sms.authenticate({ ...ids(), code: mock.lastSms()!.code, intermediate_session_token }));
    assert.ok(again instanceof StytchApiError);
    assert.equal(again.status, 404);
    assert.equal(again.error_type, "intermediate_session_not_found");
  });

  test("a step-up with a session token extends that session and merges custom claims (null deletes one)", async () => {
    const { code, intermediate_session_token } = await sendCode();
    const first = await client().otps.sms.authenticate({ ...ids(), code, intermediate_session_token, session_custom_claims: { team: "red", tier: "gold" } });
    await client().otps.sms.send({ ...ids(), session_token: first.session_token });
    const second = await client().otps.sms.authenticate({
      ...ids(),
      code: mock.lastSms()!.code,
      session_token: first.session_token,
      session_duration_minutes: 600,
      session_custom_claims: { tier: null, region: "eu" },
    });
    assert.equal(second.session_token, first.session_token);
    assert.equal(second.member_session?.member_session_id, first.member_session?.member_session_id);
    assert.ok(Date.parse(second.member_session!.expires_at) > Date.parse(first.member_session!.expires_at));
    assert.deepEqual(second.member_session?.custom_claims, { team: "red", region: "eu" });
    assert.equal(second.member_session?.authentication_factors.length, 2);
  });
});

describe("the code: most recent, two minutes, once", () => {
  test("a wrong code → 404 otp_code_not_found; the right one still works", async () => {
    const { code, intermediate_session_token } = await sendCode();
    const wrong = code === "000000" ? "111111" : "000000";
    const error = await rejection(client().otps.sms.authenticate({ ...ids(), code: wrong, intermediate_session_token }));
    assert.ok(error instanceof StytchApiError);
    assert.deepEqual([error.status, error.error_type], [404, "otp_code_not_found"]);
    await client().otps.sms.authenticate({ ...ids(), code, intermediate_session_token });
  });

  test("a used code → 401 unable_to_auth_otp_code", async () => {
    const { code, intermediate_session_token } = await sendCode();
    const { session_token } = await client().otps.sms.authenticate({ ...ids(), code, intermediate_session_token });
    const error = await rejection(client().otps.sms.authenticate({ ...ids(), code, session_token }));
    assert.ok(error instanceof StytchApiError);
    assert.deepEqual([error.status, error.error_type], [401, "unable_to_auth_otp_code"]);
  });

  test("a code expires 2 minutes after it was sent (the mock's clock moved)", async () => {
    const { code, intermediate_session_token } = await sendCode();
    mock.advanceTime(119_000);
    assert.equal(mock.activeCode(mock.member.member_id), code);
    mock.advanceTime(2_000);
    assert.equal(mock.activeCode(mock.member.member_id), undefined);
    const error = await rejection(client().otps.sms.authenticate({ ...ids(), code, intermediate_session_token }));
    assert.ok(error instanceof StytchApiError);
    assert.deepEqual([error.status, error.error_type], [401, "unable_to_auth_otp_code"]);
  });

  test("a newer send replaces the code: the older one → 404, the newer one works", async () => {
    const { code: older, intermediate_session_token } = await sendCode();
    await client().otps.sms.send(ids());
    const newer = mock.lastSms()!.code;
    if (newer !== older) {
      const error = await rejection(client().otps.sms.authenticate({ ...ids(), code: older, intermediate_session_token }));
      assert.ok(error instanceof StytchApiError && error.error_type === "otp_code_not_found");
    }
    await client().otps.sms.authenticate({ ...ids(), code: newer, intermediate_session_token });
  });

  test("no code sent → 404 otp_code_not_found; another Member's session → 400 member_session_member_id_mismatch", async () => {
    const token = mock.createSession(mock.member.member_id, "intermediate_session_token");
    await assert.rejects(client().otps.sms.authenticate({ ...ids(), code: "123456", intermediate_session_token: token }), { status: 404, error_type: "otp_code_not_found" });
    const other = mock.addMember(mock.organization.organization_id);
    const otherToken = mock.createSession(other.member_id, "session_token");
    await assert.rejects(client().otps.sms.authenticate({ ...ids(), code: "123456", session_token: otherToken }), { status: 400, error_type: "member_session_member_id_mismatch" });
  });
});

describe("MFA enrolment follows the Organization's policy, else set_mfa_enrollment", () => {
  for (const [policy, setting, enrolled] of [
    ["OPTIONAL", "enroll", true],
    ["OPTIONAL", "unenroll", false],
    ["OPTIONAL", undefined, false],
    ["REQUIRED_FOR_ALL", "unenroll", true],
    ["REQUIRED_FOR_ALL", undefined, true],
  ] as const) {
    test(`${policy}, set_mfa_enrollment ${setting ?? "absent"} → mfa_enrolled ${enrolled}`, async () => {
      const organization = mock.addOrganization({ mfa_policy: policy });
      const member = mock.addMember(organization.organization_id);
      const body = { organization_id: organization.organization_id, member_id: member.member_id };
      await client().otps.sms.send({ ...body, mfa_phone_number: "+15005550007" });
      const result = await client().otps.sms.authenticate({
        ...body,
        code: mock.lastSms()!.code,
        intermediate_session_token: mock.createSession(member.member_id, "intermediate_session_token"),
        ...(setting && { set_mfa_enrollment: setting }),
        set_default_mfa: true,
      });
      assert.equal(result.member.mfa_enrolled, enrolled);
      assert.equal(mock.getMember(member.member_id)?.mfa_enrolled, enrolled);
      assert.equal(result.member.default_mfa_method, "sms_otp");
    });
  }
});

describe("checked before sending: nothing the spec forbids leaves the client", () => {
  const base = { organization_id: "o", member_id: "m", code: "123456", intermediate_session_token: "ist" };
  const cases: { name: string; body: unknown; field: string; rule: string }[] = [
    { name: "no code", body: { ...base, code: undefined }, field: "code", rule: "required" },
    { name: "an empty code", body: { ...base, code: "" }, field: "code", rule: "minLength" },
    { name: "no session field", body: { organization_id: "o", member_id: "m", code: "1" }, field: "intermediate_session_token, session_jwt, session_token", rule: "exactlyOne" },
    { name: "two session fields", body: { ...base, session_jwt: "j" }, field: "intermediate_session_token, session_jwt", rule: "exactlyOne" },
    { name: "a duration under 5 minutes", body: { ...base, session_duration_minutes: 4 }, field: "session_duration_minutes", rule: "minimum" },
    { name: "a duration over 366 days", body: { ...base, session_duration_minutes: 527_041 }, field: "session_duration_minutes", rule: "maximum" },
    { name: "a fractional duration", body: { ...base, session_duration_minutes: 60.5 }, field: "session_duration_minutes", rule: "type" },
    { name: "a duration as text", body: { ...base, session_duration_minutes: "60" }, field: "session_duration_minutes", rule: "type" },
    { name: "an unknown enrolment", body: { ...base, set_mfa_enrollment: "maybe" }, field: "set_mfa_enrollment", rule: "enum" },
    { name: "set_default_mfa as text", body: { ...base, set_default_mfa: "yes" }, field: "set_default_mfa", rule: "type" },
    { name: "claims that are not an object", body: { ...base, session_custom_claims: ["a"] }, field: "session_custom_claims", rule: "type" },
    { name: "claims holding a BigInt", body: { ...base, session_custom_claims: { n: 1n } }, field: "session_custom_claims", rule: "type" },
    { name: "an unknown field", body: { ...base, mfa_phone_number: "+15005550006" }, field: "mfa_phone_number", rule: "additionalProperties" },
    { name: "a code with a newline", body: { ...base, code: "1234\n56" }, field: "code", rule: "controlCharacters" },
  ];
  for (const c of cases) {
    test(`${c.name} → StytchValidationError(${c.field}, ${c.rule})`, async () => {
      const error = await rejection(client().otps.sms.authenticate(c.body as SmsAuthenticateRequest));
      assert.ok(error instanceof StytchValidationError, String(error));
      assert.deepEqual([error.field, error.rule], [c.field, c.rule]);
      assert.equal(mock.exchanges.length, 0);
    });
  }

  test("the bounds themselves pass: 5 and 527040 minutes, claims of any JSON values", async () => {
    for (const session_duration_minutes of [5, 527_040]) {
      const member = mock.addMember(mock.organization.organization_id, { mfa_phone_number: "+15005550008" });
      const body = { organization_id: mock.organization.organization_id, member_id: member.member_id };
      await client().otps.sms.send(body);
      const intermediate_session_token = mock.createSession(member.member_id, "intermediate_session_token");
      const claims = { a: [1, "x", null, { b: true }] };
      const result = await client().otps.sms.authenticate({ ...body, code: mock.lastSms()!.code, intermediate_session_token, session_duration_minutes, session_custom_claims: claims });
      assert.equal(result.status_code, 200);
    }
  });

  test("a validation message never quotes the value (a code or token is a credential)", async () => {
    const error = await rejection(client().otps.sms.authenticate({ ...ids(), code: "9876\n54", intermediate_session_token: "secret-ist-value" }));
    assert.ok(error instanceof StytchValidationError);
    assert.ok(!error.message.includes("9876") && !error.message.includes("secret-ist-value"), error.message);
  });
});

describe("withResponse", () => {
  test("both operations resolve to { data, response } through the same pipeline", async () => {
    const sent = await client().otps.sms.send.withResponse({ ...ids(), mfa_phone_number: "+15005550006" });
    assert.equal(sent.response.status, 200);
    assert.equal(sent.response.headers.get("content-type"), "application/json");
    assert.equal(sent.data.member_id, mock.member.member_id);
    const token = mock.createSession(mock.member.member_id, "intermediate_session_token");
    const authenticated = await client().otps.sms.authenticate.withResponse({ ...ids(), code: mock.lastSms()!.code, intermediate_session_token: token });
    assert.equal(authenticated.response.status, 200);
    assert.equal(typeof authenticated.data.session_jwt, "string");
  });

  test("failures still reject with the typed error, after the same retries", async () => {
    mock.failNext({ status: 429, headers: { "retry-after": "0" } });
    const { data } = await client().otps.sms.send.withResponse({ ...ids(), mfa_phone_number: "+15005550006" });
    assert.equal(data.status_code, 200);
    assert.deepEqual(mock.exchanges.map((e) => e.status), [429, 200]);
    await assert.rejects(client().otps.sms.authenticate.withResponse({ ...ids(), code: "000000", session_token: mock.createSession(mock.member.member_id) }), StytchApiError);
  });
});

describe("the mock answers as Stytch does for authenticate", () => {
  // Requests sent around the client, breaking the spec on purpose: a mock of their own, not the checked one.
  let raw: MockStytch;
  before(async () => {
    raw = await startMockStytch();
  });
  after(() => raw.close());
  const post = (path: string, body: unknown, method = "POST") =>
    fetch(`${raw.url}${path}`, {
      method,
      headers: { "content-type": "application/json", authorization: `Basic ${btoa(`${raw.projectId}:${raw.secret}`)}` },
      ...(method === "GET" ? {} : { body: JSON.stringify(body) }),
    });

  test("a method an operation does not have → 405 with an Allow header", async () => {
    const response = await post("/v1/b2b/otps/sms/authenticate", undefined, "GET");
    assert.equal(response.status, 405);
    assert.equal(response.headers.get("allow"), "POST");
    assert.equal(((await response.json()) as { error_type: string }).error_type, "method_not_allowed");
  });

  test("requests the spec forbids get Stytch-shaped errors, from the same rules the client checks", async () => {
    const base = { organization_id: raw.organization.organization_id, member_id: raw.member.member_id, code: "123456" };
    const answers = [];
    for (const body of [base, { ...base, session_token: "a", session_jwt: "b" }, { ...base, session_token: "a", session_duration_minutes: 1 }]) {
      const response = await post("/v1/b2b/otps/sms/authenticate", body);
      answers.push([response.status, ((await response.json()) as { error_type: string }).error_type]);
    }
    assert.deepEqual(answers, [
      [400, "no_session_arguments"],
      [400, "too_many_session_arguments"],
      [400, "invalid_session_duration_minutes"],
    ]);
  });
});
