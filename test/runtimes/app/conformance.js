// The conformance scenario that every runtime runs against the embedded mock (started by the Node harness).
// Plain ESM JavaScript that uses only web-standard globals, so Node, Deno, Bun, workerd, the edge VM and
// Chromium run this very file (bundled by esbuild where the runtime needs a bundle).
//
// `sdk` is the package as the runtime loaded it (`import * as sdk` or `require`), so the error classes
// checked here are the ones the client throws, in the ESM and in the CommonJS build alike.

/**
 * @param {typeof import("stytch-b2b-sms")} sdk
 * @param {{ stytch: import("stytch-b2b-sms").StytchB2BClient, clientOptions: object,
 *           responseValidator: import("stytch-b2b-sms").ResponseValidator,
 *           createSmsGuard: typeof import("stytch-b2b-sms/guard").createSmsGuard,
 *           openTelemetry: typeof import("stytch-b2b-sms/opentelemetry").openTelemetry,
 *           organizationId: string, memberId: string, controlUrl: string }} setup
 *   `stytch` is the client the runtime's README example created; `clientOptions` are its options;
 *   `responseValidator` is what the runtime loaded from "stytch-b2b-sms/response-validation", and
 *   `createSmsGuard` from "stytch-b2b-sms/guard", `openTelemetry` from "stytch-b2b-sms/opentelemetry" (with the
 *   runtime's own @opentelemetry/api).
 * @returns {Promise<{ checks: { name: string, ok: boolean, detail?: string }[] }>}
 */
export async function runConformance(sdk, { stytch, clientOptions, responseValidator, createSmsGuard, openTelemetry, organizationId, memberId, controlUrl }) {
  const { createStytchB2BClient, StytchAbortError, StytchApiError, StytchGuardError, StytchResponseValidationError, StytchTimeoutError, StytchValidationError } = sdk;
  const control = mockControl(controlUrl);
  const body = { organization_id: organizationId, member_id: memberId, mfa_phone_number: "+15005550006" };
  const checks = [];
  const check = async (name, run) => {
    try {
      await run();
      checks.push({ name, ok: true });
    } catch (error) {
      checks.push({ name, ok: false, detail: describe(error) });
    }
  };

  await check("send", async () => {
    const result = await stytch.otps.sms.send(body);
    expect(result.status_code === 200, `status_code ${result.status_code}`);
    expect(result.member_id === memberId && result.member.member_id === memberId, "member_id");
    expect(result.member.mfa_phone_number === "+15005550006", `member.mfa_phone_number ${result.member.mfa_phone_number}`);
    expect(result.organization.organization_id === organizationId, "organization.organization_id");
    expect(/^request-id-mock-/.test(result.request_id), `request_id ${result.request_id}`);
  });

  await check("api error", async () => {
    const error = await rejection(stytch.otps.sms.send({ ...body, organization_id: "organization-test-missing" }));
    expectInstance(error, StytchApiError);
    expect(error.status === 404, `status ${error.status}`);
    expect(error.error_type === "organization_not_found", `error_type ${error.error_type}`);
    expect(/^request-id-mock-/.test(error.request_id), `request_id ${error.request_id}`);
  });

  await check("timeout", async () => {
    await control.failNext({ hang: true });
    const error = await rejection(stytch.otps.sms.send(body, { timeoutMs: 250 }));
    expectInstance(error, StytchTimeoutError);
    expect(error.timeoutMs === 250, `timeoutMs ${error.timeoutMs}`);
  });

  await check("abort", async () => {
    await control.failNext({ hang: true });
    const received = await control.exchangeCount();
    const controller = new AbortController();
    const pending = rejection(stytch.otps.sms.send(body, { signal: controller.signal }));
    await control.waitForExchangeCount(received + 1); // the request reached the mock and hangs there
    controller.abort(new Error("the user left"));
    const error = await pending;
    expectInstance(error, StytchAbortError);
  });

  await check("validation", async () => {
    const received = await control.exchangeCount();
    const error = await rejection(stytch.otps.sms.send({ ...body, mfa_phone_number: "555-0100" }));
    expectInstance(error, StytchValidationError);
    expect(error.field === "mfa_phone_number" && error.rule === "pattern", `field ${error.field}, rule ${error.rule}`);
    expect((await control.exchangeCount()) === received, "a request reached the mock");
  });

  await check("fetch init", async () => {
    // What the client hands to fetch by default: no cache/mode/credentials (workerd rejects `cache`).
    let init;
    const recording = createStytchB2BClient({ ...clientOptions, fetch: (url, given) => ((init = given), fetch(url, given)) });
    await recording.otps.sms.send(body);
    for (const field of ["cache", "mode", "credentials"]) expect(init[field] === undefined, `fetch init has ${field}: ${init[field]}`);
  });

  await check("response validation", async () => {
    // The validators load as a plain import in every runtime; `true`, which needed a computed import(), is refused.
    const refused = await rejection((async () => createStytchB2BClient({ ...clientOptions, validateResponses: true }))());
    expectInstance(refused, StytchValidationError);
    expect(refused.field === "validateResponses", `field ${refused.field}`);
    const validating = createStytchB2BClient({ ...clientOptions, validateResponses: responseValidator });
    const result = await validating.otps.sms.send(body);
    expect(result.status_code === 200, `status_code ${result.status_code}`);
    const broken = { status_code: 404, request_id: "request-id-broken", error_type: "member_not_found", error_message: "m", error_url: "u", error_details: "text" };
    await control.failNext({ status: 404, body: JSON.stringify(broken), contentType: "application/json" });
    const error = await rejection(validating.otps.sms.send(body));
    expectInstance(error, StytchResponseValidationError);
    expect(error.status === 404 && error.path === "/error_details", `status ${error.status}, path ${error.path}`);
  });

  await check("send guard", async () => {
    // The memory guard, as the README sets it up: a region outside the allowlist and a resend past the Member's
    // immediate sends are refused with nothing sent, as StytchGuardErrors of the main entry.
    const guarded = createStytchB2BClient({ ...clientOptions, guard: createSmsGuard({ member: { immediate: 1 } }) });
    const received = await control.exchangeCount();
    const abroad = await rejection(guarded.otps.sms.send({ ...body, mfa_phone_number: "+18765550123" }));
    expectInstance(abroad, StytchGuardError);
    expect(abroad.rule === "allowedRegions" && abroad.retryAfterMs === undefined, `rule ${abroad.rule}, retryAfterMs ${abroad.retryAfterMs}`);
    expect(abroad.message.includes("+1876•••0123") && !abroad.message.includes("8765550123"), abroad.message);
    await guarded.otps.sms.send(body);
    const again = await rejection(guarded.otps.sms.send(body));
    expectInstance(again, StytchGuardError);
    expect(again.rule === "member" && again.retryAfterMs > 40_000 && again.retryAfterMs <= 60_000, `rule ${again.rule}, retryAfterMs ${again.retryAfterMs}`);
    expect((await control.exchangeCount()) === received + 1, "a refused send reached the mock");
  });

  await check("telemetry", async () => {
    // openTelemetry() on the runtime's @opentelemetry/api, with a tracer provider that records what it is
    // given: a span per call, named after the method, with the request_id; a refused input's span too.
    const recorded = [];
    const tracerProvider = { getTracer: () => ({ startSpan: (name, options) => recordingSpan(name, options, recorded) }) };
    const traced = createStytchB2BClient({ ...clientOptions, telemetry: openTelemetry({ tracerProvider, attemptSpans: true }) });
    const result = await traced.otps.sms.send(body);
    await rejection(traced.otps.sms.send({ ...body, mfa_phone_number: "555-0100" }));
    const names = recorded.map((span) => `${span.name}:${span.ended}`).join();
    expect(names === "stytch.otps.sms.send:true,POST:true,stytch.otps.sms.send:true", `spans ${names}`);
    expect(recorded[0].attributes["stytch.request_id"] === result.request_id, `stytch.request_id ${recorded[0].attributes["stytch.request_id"]}`);
    expect(recorded[1].attributes["http.response.status_code"] === 200, "the attempt's status");
    expect(recorded[2].attributes["error.type"] === "validation", `error.type ${recorded[2].attributes["error.type"]}`);
    const exported = JSON.stringify(recorded);
    expect(!exported.includes(clientOptions.secret) && !exported.includes("5005550006"), "a secret or a phone number in a span");
  });

  // The MFA step, last: once the phone is verified, every later send to this Member needs a session.
  const ids = { organization_id: organizationId, member_id: memberId };
  let session;
  await check("authenticate", async () => {
    await stytch.otps.sms.send(body);
    const { code } = await control.lastSms(); // what the Member reads on their phone
    const intermediate_session_token = await control.createSession(memberId, "intermediate_session_token"); // from the primary login
    session = await stytch.otps.sms.authenticate({ ...ids, code, intermediate_session_token, session_duration_minutes: 30 });
    expect(session.status_code === 200 && session.member_id === memberId, `status_code ${session.status_code}, member_id ${session.member_id}`);
    expect(/^mock-session_token-/.test(session.session_token), "session_token");
    expect(session.session_jwt.split(".").length === 3, "session_jwt");
    expect(session.member.mfa_phone_number_verified === true, "member.mfa_phone_number_verified");
    expect(session.organization.organization_id === organizationId, "organization.organization_id");
    const { member_session } = session;
    expect(member_session.member_id === memberId, `member_session.member_id ${member_session.member_id}`);
    expect(Date.parse(member_session.expires_at) - Date.parse(member_session.started_at) === 30 * 60_000, "a 30-minute session");
    const factors = member_session.authentication_factors.map((factor) => `${factor.type}/${factor.delivery_method}`);
    expect(factors.join() === "otp/sms", `authentication_factors ${factors}`);
  });

  await check("authenticate withResponse", async () => {
    // A step-up with the session just started: the send needs it now, and the same session is extended.
    await stytch.otps.sms.send({ ...ids, session_token: session.session_token });
    const { code } = await control.lastSms();
    const { data, response } = await stytch.otps.sms.authenticate.withResponse({ ...ids, code, session_token: session.session_token });
    expect(response.status === 200, `response.status ${response.status}`);
    expect(data.session_token === session.session_token, "the same session");
    expect(data.member_session.authentication_factors.length === 2, `${data.member_session.authentication_factors.length} factors`);
  });

  await check("authenticate api error", async () => {
    const { code } = await control.lastSms();
    const wrong = code === "000000" ? "111111" : "000000";
    const error = await rejection(stytch.otps.sms.authenticate({ ...ids, code: wrong, session_token: session.session_token }));
    expectInstance(error, StytchApiError);
    expect(error.status === 404 && error.error_type === "otp_code_not_found", `status ${error.status}, error_type ${error.error_type}`);
    expect(/^request-id-mock-/.test(error.request_id), `request_id ${error.request_id}`);
  });

  await check("authenticate validation", async () => {
    const received = await control.exchangeCount();
    const error = await rejection(stytch.otps.sms.authenticate({ ...ids, code: "123456", session_token: "a", session_jwt: "b" }));
    expectInstance(error, StytchValidationError);
    // `field` names the session fields given, in the body's own key order.
    const given = error.field.split(", ").sort().join();
    expect(error.rule === "exactlyOne" && given === "session_jwt,session_token", `field ${error.field}, rule ${error.rule}`);
    expect((await control.exchangeCount()) === received, "a request reached the mock");
  });

  return { checks };
}

/** The harness's control endpoint: queue a mock fault, count the requests the mock received, read the last
 * SMS, create a session token. */
function mockControl(controlUrl) {
  const exchangeCount = async () => (await (await fetch(`${controlUrl}/exchanges`)).json()).count;
  const answer = async (path, init) => {
    const response = await fetch(`${controlUrl}${path}`, init);
    expect(response.ok, `control ${path} answered ${response.status}`);
    return response.json();
  };
  return {
    exchangeCount,
    lastSms: () => answer("/last-sms"),
    async createSession(member_id, kind) {
      return (await answer("/sessions", { method: "POST", body: JSON.stringify({ member_id, kind }) })).token;
    },
    async failNext(fault) {
      const response = await fetch(`${controlUrl}/fail-next`, { method: "POST", body: JSON.stringify(fault) });
      expect(response.ok, `control /fail-next answered ${response.status}`);
    },
    async waitForExchangeCount(count) {
      for (const started = Date.now(); Date.now() - started < 5000; ) {
        if ((await exchangeCount()) >= count) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`the mock did not receive request #${count} within 5 s`);
    },
  };
}

/** A span that keeps what the client gives it, for a tracer provider of the runtime's own. */
function recordingSpan(name, options, recorded) {
  const span = { name, attributes: { ...options?.attributes }, events: [], status: undefined, ended: false };
  recorded.push(span);
  return {
    isRecording: () => true,
    spanContext: () => ({ traceId: "0af7651916cd43dd8448eb211c80319c", spanId: "b7ad6b7169203331", traceFlags: 1 }),
    setAttribute: (key, value) => ((span.attributes[key] = value), undefined),
    setAttributes: (attributes) => void Object.assign(span.attributes, attributes),
    addEvent: (event, attributes) => void span.events.push({ event, attributes }),
    setStatus: (status) => void (span.status = status),
    end: () => void (span.ended = true),
  };
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to fail, but it succeeded");
}

function expect(condition, message) {
  if (!condition) throw new Error(message);
}

function expectInstance(error, type) {
  if (!(error instanceof type)) throw new Error(`expected ${type.name}, got ${describe(error)}`);
}

function describe(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
