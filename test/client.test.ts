import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { inspect } from "node:util";
import {
  createStytchB2BClient,
  StytchAbortError,
  StytchApiError,
  StytchConnectionError,
  StytchDecodeError,
  StytchError,
  StytchResponseValidationError,
  StytchTimeoutError,
  StytchValidationError,
  type SmsSendRequest,
} from "../src/index.ts";
import { startMockStytch } from "../src/mock/index.ts";
import { responseValidator } from "../src/response-validation.ts";
import { SUCCESS_BODY } from "./support/bodies.ts";
import { sharedMock } from "./support/shared-mock.ts";
import { closedPort } from "./support/servers.ts";

const mock = sharedMock();

const request = (overrides: Partial<SmsSendRequest> = {}): SmsSendRequest => ({
  organization_id: mock.organization.organization_id,
  member_id: mock.member.member_id,
  mfa_phone_number: "+15005550006",
  ...overrides,
});

describe("success", () => {
  test("returns the typed 200 body and the mock records the SMS", async () => {
    const client = createStytchB2BClient(mock.clientOptions);
    const result = await client.otps.sms.send(request({ locale: "es" }));
    assert.equal(result.status_code, 200);
    assert.equal(result.member_id, mock.member.member_id);
    assert.equal(result.member.mfa_phone_number, "+15005550006");
    assert.equal(result.organization.organization_id, mock.organization.organization_id);
    assert.match(result.request_id, /^request-id-mock-/);
    assert.equal(mock.sentSms.length, 1);
    assert.deepEqual({ to: mock.lastSms()?.to, locale: mock.lastSms()?.locale }, { to: "+15005550006", locale: "es" });
    assert.match(mock.lastSms()!.code, /^\d{6}$/);
  });

  test("sends one POST with JSON, Basic auth and the caller's extra headers", async () => {
    const client = createStytchB2BClient({ ...mock.clientOptions, headers: { "x-team": "auth" } });
    await client.otps.sms.send(request(), { headers: { "x-trace-id": "t-1" } });
    const [exchange] = mock.exchanges;
    assert.equal(mock.exchanges.length, 1);
    assert.equal(exchange?.method, "POST");
    assert.equal(exchange?.headers["content-type"], "application/json");
    assert.equal(exchange?.headers["x-team"], "auth");
    assert.equal(exchange?.headers["x-trace-id"], "t-1");
    const expected = `Basic ${Buffer.from(`${mock.projectId}:${mock.secret}`).toString("base64")}`;
    assert.equal(exchange?.headers.authorization, expected);
  });

  test("a caller header cannot replace the Authorization or Content-Type header, on the client or per call, in any case", async () => {
    const expected = `Basic ${Buffer.from(`${mock.projectId}:${mock.secret}`).toString("base64")}`;
    for (const name of ["authorization", "Authorization", "AUTHORIZATION", "aUtHoRiZaTiOn"]) {
      const forged = { [name]: "Basic Zm9vOmJhcg==", "content-type": "text/plain" };
      const client = createStytchB2BClient({ ...mock.clientOptions, headers: forged });
      await client.otps.sms.send(request());
      await client.otps.sms.send(request(), { headers: forged });
      await createStytchB2BClient(mock.clientOptions).otps.sms.send(request(), { headers: forged });
    }
    assert.equal(mock.exchanges.length, 12);
    for (const exchange of mock.exchanges) {
      assert.equal(exchange.headers.authorization, expected);
      assert.equal(exchange.headers["content-type"], "application/json");
      assert.equal(exchange.status, 200);
    }
  });

  test("Basic auth is UTF-8 safe", async () => {
    const unicode = await startMockStytch({ secret: "sécret-ü-🔑-密钥" });
    try {
      const client = createStytchB2BClient(unicode.clientOptions);
      const result = await client.otps.sms.send({
        organization_id: unicode.organization.organization_id,
        member_id: unicode.member.member_id,
        mfa_phone_number: "+15005550006",
      });
      assert.equal(result.status_code, 200);
    } finally {
      await unicode.close();
    }
  });

  test("the underlying openapi-fetch client returns { data, error, response }", async () => {
    const client = createStytchB2BClient(mock.clientOptions);
    const ok = await client.api.POST("/v1/b2b/otps/sms/send", { body: request() });
    assert.equal(ok.response.status, 200);
    assert.equal(ok.data?.member_id, mock.member.member_id);
    const failed = await client.api.POST("/v1/b2b/otps/sms/send", { body: request({ member_id: "member-test-missing" }) });
    assert.equal(failed.response.status, 404);
    assert.equal(failed.error?.error_type, "member_not_found");
  });
});

describe("errors from Stytch", () => {
  const cases = [
    { name: "unknown member", body: { member_id: "member-test-missing" }, status: 404, type: "member_not_found" },
    { name: "unknown organization", body: { organization_id: "organization-test-missing" }, status: 404, type: "organization_not_found" },
    { name: "number outside US/Canada", body: { mfa_phone_number: "+442071838750" }, status: 400, type: "invalid_phone_number_country_code" },
  ] as const;
  for (const c of cases) {
    test(`${c.name} → StytchApiError ${c.status} ${c.type}`, async () => {
      const client = createStytchB2BClient(mock.clientOptions);
      const error = await rejection(client.otps.sms.send(request(c.body)));
      assert.ok(error instanceof StytchApiError);
      assert.ok(error instanceof StytchError);
      assert.equal(error.name, "StytchApiError");
      assert.equal(error.status, c.status);
      assert.equal(error.error_type, c.type);
      assert.match(error.request_id, /^request-id-mock-/);
      assert.match(error.error_url, /^https:\/\//);
      assert.ok(error.error_message.length > 0);
      assert.equal(mock.sentSms.length, 0);
    });
  }

  test("wrong secret → 401 unauthorized_credentials", async () => {
    const client = createStytchB2BClient({ ...mock.clientOptions, secret: "wrong-secret-value" });
    const error = await rejection(client.otps.sms.send(request()));
    assert.ok(error instanceof StytchApiError);
    assert.equal(error.status, 401);
    assert.equal(error.error_type, "unauthorized_credentials");
  });

  test("the status comes from the response, not the body", async () => {
    mock.failNext({
      status: 503,
      contentType: "application/json",
      body: JSON.stringify({ status_code: 200, request_id: "r-1", error_type: "server_unavailable", error_message: "down", error_url: "u" }),
    });
    const error = await rejection(createStytchB2BClient({ ...mock.clientOptions, maxRetries: 0 }).otps.sms.send(request()));
    assert.ok(error instanceof StytchApiError);
    assert.equal(error.status, 503);
  });

  test("error_details is a plain object", async () => {
    mock.failNext({
      status: 400,
      contentType: "application/json",
      body: JSON.stringify({ status_code: 400, request_id: "r-2", error_type: "invalid_phone_number", error_message: "bad", error_url: "u", error_details: { hint: "E.164" } }),
    });
    const error = await rejection(createStytchB2BClient(mock.clientOptions).otps.sms.send(request()));
    assert.ok(error instanceof StytchApiError);
    assert.deepEqual(error.error_details, { hint: "E.164" });
  });

  test("an HTML 502 from a proxy → StytchDecodeError keeping the status and the raw text", async () => {
    mock.failNext({ status: 502, body: "<html><body>Bad Gateway</body></html>", contentType: "text/html" });
    const error = await rejection(createStytchB2BClient(mock.clientOptions).otps.sms.send(request()));
    assert.ok(error instanceof StytchDecodeError);
    assert.equal(error.name, "StytchDecodeError");
    assert.equal(error.status, 502);
    assert.equal(error.rawBody, "<html><body>Bad Gateway</body></html>");
    assert.match(error.message, /502/);
  });

  test("an empty 504 → StytchDecodeError with status 504", async () => {
    mock.failNext({ status: 504, body: "" });
    const error = await rejection(createStytchB2BClient(mock.clientOptions).otps.sms.send(request()));
    assert.ok(error instanceof StytchDecodeError);
    assert.equal(error.status, 504);
    assert.equal(error.rawBody, "");
  });

  test("a 200 that is not JSON → StytchDecodeError with the cause", async () => {
    mock.failNext({ status: 200, body: "{\"request_id\": \"trunc", contentType: "application/json" });
    const error = await rejection(createStytchB2BClient(mock.clientOptions).otps.sms.send(request()));
    assert.ok(error instanceof StytchDecodeError);
    assert.equal(error.status, 200);
    assert.ok(error.cause instanceof SyntaxError);
  });
});

describe("validation before sending", () => {
  const cases: { name: string; body: unknown; field: string; rule: string }[] = [
    { name: "missing organization_id", body: { member_id: "m" }, field: "organization_id", rule: "required" },
    { name: "empty member_id", body: { organization_id: "o", member_id: "" }, field: "member_id", rule: "minLength" },
    { name: "phone not E.164", body: { organization_id: "o", member_id: "m", mfa_phone_number: "5005550006" }, field: "mfa_phone_number", rule: "pattern" },
    { name: "phone with spaces", body: { organization_id: "o", member_id: "m", mfa_phone_number: "+1 500 555 0006" }, field: "mfa_phone_number", rule: "pattern" },
    ...["+15005550006x", "+1500555000 6", "+1234567890123456", "+05005550006", "+1", "15005550006", "++15005550006", "+1500555O006", "+١٥٠٠٥٥٥٠٠٠٦"].map((phone) => ({
      name: `phone ${JSON.stringify(phone)} (E.164: +, a non-zero digit, 2 to 15 digits in all)`,
      body: { organization_id: "o", member_id: "m", mfa_phone_number: phone },
      field: "mfa_phone_number",
      rule: "pattern",
    })),
    { name: "phone with a trailing newline", body: { organization_id: "o", member_id: "m", mfa_phone_number: "+15005550006\n" }, field: "mfa_phone_number", rule: "controlCharacters" },
    { name: "two session credentials (named in the spec's order)", body: { organization_id: "o", member_id: "m", session_token: "a", session_jwt: "b" }, field: "session_jwt, session_token", rule: "atMostOne" },
    { name: "unknown field", body: { organization_id: "o", member_id: "m", enable_autofill: true }, field: "enable_autofill", rule: "additionalProperties" },
    { name: "non-string id", body: { organization_id: 42, member_id: "m" }, field: "organization_id", rule: "type" },
    { name: "not an object", body: null, field: "body", rule: "type" },
    { name: "an array", body: [], field: "body", rule: "type" },
    {
      name: "a class instance whose toJSON would send something else",
      body: new (class { organization_id = "o"; member_id = "m"; toJSON() { return { surprise: true }; } })(),
      field: "body",
      rule: "type",
    },
  ];
  for (const c of cases) {
    test(`${c.name} → StytchValidationError(${c.field}, ${c.rule}) and nothing is sent`, async () => {
      const client = createStytchB2BClient(mock.clientOptions);
      const error = await rejection(client.otps.sms.send(c.body as SmsSendRequest));
      assert.ok(error instanceof StytchValidationError, String(error));
      assert.equal(error.name, "StytchValidationError");
      assert.equal(error.field, c.field);
      assert.equal(error.rule, c.rule);
      assert.ok(error.message.includes(c.field.split(",")[0]!), error.message);
      assert.equal(mock.exchanges.length, 0);
    });
  }

  test("E.164 at its bounds (+ and 2 digits, + and 15 digits) is sent", async () => {
    const client = createStytchB2BClient(mock.clientOptions);
    for (const phone of ["+12", "+123456789012345"]) {
      const member = mock.addMember(mock.organization.organization_id);
      await client.otps.sms.send({ organization_id: mock.organization.organization_id, member_id: member.member_id, mfa_phone_number: phone });
    }
    assert.deepEqual(mock.sentSms.map((sms) => sms.to), ["+12", "+123456789012345"]);
  });
});

describe("timeout, abort and connection failures", () => {
  test("a server slower than timeoutMs → StytchTimeoutError within the deadline", async () => {
    mock.failNext({ delayMs: 3_000, status: 500 });
    const client = createStytchB2BClient({ ...mock.clientOptions, timeoutMs: 150 });
    const started = performance.now();
    const error = await rejection(client.otps.sms.send(request()));
    const elapsed = performance.now() - started;
    assert.ok(error instanceof StytchTimeoutError, String(error));
    assert.equal(error.name, "StytchTimeoutError");
    assert.equal(error.timeoutMs, 150);
    assert.ok(elapsed >= 140 && elapsed < 1_000, `took ${elapsed} ms`);
  });

  test("a per-call timeoutMs overrides the client's", async () => {
    mock.failNext({ hang: true });
    const client = createStytchB2BClient({ ...mock.clientOptions, timeoutMs: 60_000 });
    const error = await rejection(client.otps.sms.send(request(), { timeoutMs: 100 }));
    assert.ok(error instanceof StytchTimeoutError);
    assert.equal(error.timeoutMs, 100);
  });

  test("the caller's signal aborts an in-flight call → StytchAbortError with the reason as cause", async () => {
    mock.failNext({ hang: true });
    const controller = new AbortController();
    const reason = new Error("user navigated away");
    setTimeout(() => controller.abort(reason), 50);
    const started = performance.now();
    const error = await rejection(createStytchB2BClient(mock.clientOptions).otps.sms.send(request(), { signal: controller.signal }));
    assert.ok(error instanceof StytchAbortError, String(error));
    assert.equal(error.cause, reason);
    assert.ok(performance.now() - started < 1_000);
  });

  test("an already-aborted signal sends nothing", async () => {
    const error = await rejection(createStytchB2BClient(mock.clientOptions).otps.sms.send(request(), { signal: AbortSignal.abort() }));
    assert.ok(error instanceof StytchAbortError);
    assert.equal(mock.exchanges.length, 0);
  });

  test("connection refused → StytchConnectionError with the cause", async () => {
    const client = createStytchB2BClient({ ...mock.clientOptions, baseUrl: await closedPort() });
    const error = await rejection(client.otps.sms.send(request()));
    assert.ok(error instanceof StytchConnectionError, String(error));
    assert.equal(error.name, "StytchConnectionError");
    assert.ok(error.cause instanceof Error);
    assert.match(error.message, /ECONNREFUSED/);
  });

  test("a connection reset → StytchConnectionError", async () => {
    mock.failNext({ reset: true });
    const error = await rejection(createStytchB2BClient(mock.clientOptions).otps.sms.send(request()));
    assert.ok(error instanceof StytchConnectionError, String(error));
  });
});

describe("environment selection", () => {
  const recordingFetch = () => {
    const urls: string[] = [];
    const fetch = async (url: string) => {
      urls.push(url);
      return Response.json({ status_code: 200, request_id: "r", member_id: "m", member: {}, organization: {} });
    };
    return { urls, fetch };
  };

  test("project-test- → https://test.stytch.com", async () => {
    const { urls, fetch } = recordingFetch();
    const client = createStytchB2BClient({ projectId: "project-test-123", secret: "s3cret-value", fetch });
    assert.equal(client.baseUrl, "https://test.stytch.com");
    await client.otps.sms.send({ organization_id: "o", member_id: "m" });
    assert.deepEqual(urls, ["https://test.stytch.com/v1/b2b/otps/sms/send"]);
  });

  test("project-live- → https://api.stytch.com", async () => {
    const { urls, fetch } = recordingFetch();
    const client = createStytchB2BClient({ projectId: "project-live-123", secret: "s3cret-value", fetch });
    await client.otps.sms.send({ organization_id: "o", member_id: "m" });
    assert.deepEqual(urls, ["https://api.stytch.com/v1/b2b/otps/sms/send"]);
  });

  test("an unknown prefix is refused unless a base URL is given", () => {
    assert.throws(
      () => createStytchB2BClient({ projectId: "project-staging-1", secret: "s" }),
      (e) => e instanceof StytchValidationError && e.field === "projectId" && /project-test-/.test(e.message),
    );
    const client = createStytchB2BClient({ projectId: "project-staging-1", secret: "s", baseUrl: "https://auth.example.com/" });
    assert.equal(client.baseUrl, "https://auth.example.com");
  });

  test("a base URL must be https, except on loopback", () => {
    for (const baseUrl of ["http://auth.example.com", "ftp://auth.example.com", "not a url", "https://api.stytch.com/v1", "https://u:p@api.stytch.com"]) {
      assert.throws(
        () => createStytchB2BClient({ projectId: "project-test-1", secret: "s", baseUrl }),
        (e) => e instanceof StytchValidationError && e.field === "baseUrl",
        baseUrl,
      );
    }
    for (const baseUrl of ["http://127.0.0.1:8080", "http://localhost:1", "http://[::1]:9"]) {
      assert.ok(createStytchB2BClient({ projectId: "project-test-1", secret: "s", baseUrl }));
    }
  });

  test("projectId, secret and timeoutMs are checked", () => {
    const bad = [{ secret: "s" }, { projectId: "project-test-1" }, { projectId: "project-test-1", secret: "" }, { projectId: "project-test-1", secret: "s", timeoutMs: 0 }];
    for (const options of bad) {
      assert.throws(() => createStytchB2BClient(options as never), StytchValidationError);
    }
  });
});

describe("the secret stays secret", () => {
  const secret = "super-secret-value-9f8e7d";
  test("not in String, JSON.stringify or util.inspect of the client", () => {
    const client = createStytchB2BClient({ projectId: "project-test-1", secret });
    for (const text of [String(client), JSON.stringify(client), inspect(client, { depth: 10, showHidden: true })]) {
      assert.ok(!text.includes(secret), text);
      assert.ok(!text.includes(btoa(`project-test-1:${secret}`)), text);
    }
  });

  test("not in errors, even when a hostile server echoes the Authorization header", async () => {
    const authorization = `Basic ${btoa(`${mock.projectId}:${mock.secret}`)}`;
    mock.failNext({ status: 502, contentType: "text/html", body: `<pre>you sent ${authorization} ${mock.secret}</pre>` });
    const error = await rejection(createStytchB2BClient(mock.clientOptions).otps.sms.send(request()));
    assert.ok(error instanceof StytchDecodeError);
    const everything = [error.message, error.stack, error.rawBody, inspect(error, { depth: 10 })].join("\n");
    assert.ok(!everything.includes(mock.secret));
    assert.ok(!everything.includes(authorization.slice(6)));
  });
});

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  assert.fail("expected the call to reject");
}

test("an OAuth2-shaped error body is normalised to the Stytch fields", async () => {
  mock.failNext({
    status: 401,
    contentType: "application/json",
    body: JSON.stringify({ error: "invalid_client", error_description: "Client authentication failed", error_uri: "https://stytch.com/docs/oauth" }),
  });
  const error = await rejection(createStytchB2BClient(mock.clientOptions).otps.sms.send(request()));
  assert.ok(error instanceof StytchApiError);
  assert.deepEqual([error.status, error.error_type, error.error_message, error.error_url], [401, "invalid_client", "Client authentication failed", "https://stytch.com/docs/oauth"]);
});

describe("defaults and call-time behaviour", () => {
  test("timeoutMs defaults to 30 s: a 29 s Retry-After wait fits in the call, a 31 s one does not", async () => {
    // onRetry runs only for a wait that fits the call's deadline; it aborts the call, so no wait is sat through.
    const rateLimited = async (retryAfter: string) => {
      const controller = new AbortController();
      const delays: number[] = [];
      const onRetry = ({ delayMs }: { delayMs: number }) => {
        delays.push(delayMs);
        controller.abort();
      };
      mock.failNext({ status: 429, headers: { "retry-after": retryAfter } });
      const client = createStytchB2BClient({ ...mock.clientOptions, hooks: { onRetry } });
      return { error: await rejection(client.otps.sms.send(request(), { signal: controller.signal })), delays };
    };

    const fits = await rateLimited("29");
    assert.ok(fits.error instanceof StytchAbortError, String(fits.error));
    assert.deepEqual(fits.delays, [29_000]);

    const tooLong = await rateLimited("31");
    assert.ok(tooLong.error instanceof StytchApiError && tooLong.error.status === 429, String(tooLong.error));
    assert.deepEqual(tooLong.delays, [], "no wait was started");
    assert.equal(mock.exchanges.length, 2);
  });

  test("fetch defaults to globalThis.fetch, looked up at call time (not when the client is created)", async () => {
    const client = createStytchB2BClient(mock.clientOptions);
    const original = globalThis.fetch;
    const urls: string[] = [];
    globalThis.fetch = ((input: string, init: RequestInit) => {
      urls.push(input);
      return original(input, init);
    }) as typeof fetch;
    try {
      await client.otps.sms.send(request());
      await client.api.POST("/v1/b2b/otps/sms/send", { body: request() });
    } finally {
      globalThis.fetch = original;
    }
    assert.deepEqual(urls, [`${mock.url}/v1/b2b/otps/sms/send`, `${mock.url}/v1/b2b/otps/sms/send`]);
  });

  test("StytchAbortError and StytchResponseValidationError have their own name, like every error class", async () => {
    const aborted = await rejection(createStytchB2BClient(mock.clientOptions).otps.sms.send(request(), { signal: AbortSignal.abort() }));
    assert.ok(aborted instanceof StytchAbortError);
    assert.equal(aborted.name, "StytchAbortError");

    const broken = JSON.parse(SUCCESS_BODY);
    broken.member.is_admin = "yes";
    mock.failNext({ status: 200, contentType: "application/json", body: JSON.stringify(broken) });
    const strict = createStytchB2BClient({ ...mock.clientOptions, validateResponses: responseValidator });
    const mismatch = await rejection(strict.otps.sms.send(request()));
    assert.ok(mismatch instanceof StytchResponseValidationError && mismatch instanceof StytchDecodeError);
    assert.equal(mismatch.name, "StytchResponseValidationError");
    assert.match(String(mismatch), /^StytchResponseValidationError: /);
  });
});
