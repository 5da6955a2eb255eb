/**
 * `npm start`: the whole SMS MFA step on a fresh clone, no Stytch account needed. Starts the embedded mock,
 * sends a code through the typed client, reads it from the mock (where a user would read their phone),
 * authenticates it into a typed session, then shows what a wrong code and a bad phone number give, the
 * OpenTelemetry spans of the step, and the send guard at work against SMS pumping and code guessing.
 */
import { context } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { createSmsGuard } from "../src/guard/index.ts";
import { createStytchB2BClient, StytchApiError, StytchGuardError, StytchValidationError } from "../src/index.ts";
import { startMockStytch } from "../src/mock/index.ts";
import { openTelemetry } from "../src/opentelemetry/index.ts";
import { spanTree } from "./span-tree.ts";

// An app's tracing, as the OpenTelemetry SDK sets it up; here its exporter keeps the spans to print them.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
const exported = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exported)] });

const mock = await startMockStytch();
try {
  const client = createStytchB2BClient({ ...mock.clientOptions, telemetry: openTelemetry({ tracerProvider, attemptSpans: true }) });
  await tracerProvider.getTracer("demo-app").startActiveSpan("POST /login/mfa", async (span) => {
    try {
      await mfaStep(client);
    } finally {
      span.end();
    }
  });
  console.log("\n7. The OpenTelemetry spans of steps 1 to 6, as an exporter receives them (telemetry: openTelemetry()):");
  console.log(spanTree(exported.getFinishedSpans()).replace(/^/gm, "   "));
} finally {
  await mock.close();
}
await showGuard();

/** Steps 1 to 6: the MFA step through the typed client, and the errors it can meet. */
async function mfaStep(client: ReturnType<typeof createStytchB2BClient>): Promise<void> {
  const { organization, member } = mock;
  // What the primary login (a magic link, SSO …) would have handed your app.
  const intermediate_session_token = mock.createSession(member.member_id, "intermediate_session_token");
  console.log(`Mock Stytch listening on ${mock.url}; client: ${client}\n`);

  const sent = await client.otps.sms.send({ organization_id: organization.organization_id, member_id: member.member_id, mfa_phone_number: "+15005550006" });
  console.log("1. Sent an SMS code (POST /v1/b2b/otps/sms/send). Typed result:");
  console.log(`   request_id    ${sent.request_id}`);
  console.log(`   member        ${sent.member.name} <${sent.member.email_address}>, phone ${sent.member.mfa_phone_number} (now linked)`);
  console.log(`   organization  ${sent.organization.organization_name} (${sent.organization.organization_slug})`);

  const code = mock.lastSms()!.code;
  console.log(`\n2. The mock's phone received: "Your code is ${code}".`);

  const { data: session, response } = await client.otps.sms.authenticate.withResponse({
    organization_id: organization.organization_id,
    member_id: member.member_id,
    code,
    intermediate_session_token,
    session_duration_minutes: 60,
  });
  console.log("\n3. Authenticated the code (POST /v1/b2b/otps/sms/authenticate). Typed session:");
  console.log(`   HTTP          ${response.status}, request_id ${session.request_id}`);
  console.log(`   session       ${session.member_session?.member_session_id}, expires ${session.member_session?.expires_at}`);
  console.log(`   factors       ${session.member_session?.authentication_factors.map((f) => `${f.type} by ${f.delivery_method}`).join(", ")}`);
  console.log(`   phone         verified: ${session.member.mfa_phone_number_verified}`);
  console.log(`   tokens        session_token (${session.session_token.length} chars) and session_jwt, kept out of logs`);

  console.log("\n4. The same code again, now used up, is a typed StytchApiError:");
  try {
    await client.otps.sms.authenticate({ organization_id: organization.organization_id, member_id: member.member_id, code, session_token: session.session_token });
  } catch (error) {
    if (!(error instanceof StytchApiError)) throw error;
    console.log(`   ${error.name} ${error.status} ${error.error_type}: ${error.error_message}`);
  }
  console.log("\n5. A wrong code too:");
  try {
    await client.otps.sms.authenticate({ organization_id: organization.organization_id, member_id: member.member_id, code: "000000", session_token: session.session_token });
  } catch (error) {
    if (!(error instanceof StytchApiError)) throw error;
    console.log(`   ${error.name} ${error.status} ${error.error_type}: ${error.error_message}`);
  }

  console.log("\n6. A phone number that is not E.164 is refused before anything is sent:");
  try {
    await client.otps.sms.send({ organization_id: organization.organization_id, member_id: member.member_id, mfa_phone_number: "555-0100" });
  } catch (error) {
    if (!(error instanceof StytchValidationError)) throw error;
    console.log(`   ${error.name} [field ${error.field}, rule ${error.rule}]: ${error.message}`);
  }
  console.log(`\nThe mock received ${mock.exchanges.length} requests and sent ${mock.sentSms.length} SMS.`);
}

/**
 * The send guard (`stytch-b2b-sms/guard`) with its defaults, in front of a mock that would text any country,
 * as a project with international SMS switched on does.
 */
async function showGuard(): Promise<void> {
  const mock = await startMockStytch({ allowInternational: true });
  try {
    const stytch = createStytchB2BClient({ ...mock.clientOptions, guard: createSmsGuard() });
    const organization_id = mock.organization.organization_id;
    const newMember = () => ({ organization_id, member_id: mock.addMember(organization_id).member_id });

    console.log("\n8. The send guard, createSmsGuard() with its defaults: US and Canada only; per Member and per number");
    console.log("   3 codes at once, then waits from 1 to 32 minutes; 5 wrong codes. A burst to a +44 range and to Jamaica (+1 876):");
    for (const phone of ["+447700900101", "+447700900102", "+447700900103", "+18765550123"]) {
      console.log(`   ${await outcome(stytch.otps.sms.send({ ...newMember(), mfa_phone_number: phone }))}`);
    }
    const member = newMember();
    console.log("\n9. One Member asks for a code again and again:");
    for (let i = 1; i <= 4; i++) console.log(`   send ${i}: ${await outcome(stytch.otps.sms.send({ ...member, mfa_phone_number: "+14155550123" }))}`);

    console.log("\n10. A script guesses the code:");
    const intermediate_session_token = mock.createSession(member.member_id, "intermediate_session_token");
    for (let i = 1; i <= 6; i++) {
      const received = mock.exchanges.length;
      const said = await outcome(stytch.otps.sms.authenticate({ ...member, code: "000000", intermediate_session_token }));
      console.log(`   guess ${i}: ${said}${mock.exchanges.length === received ? " (it never reached the mock)" : ""}`);
    }
    const authenticates = mock.exchanges.filter((exchange) => exchange.path.endsWith("/authenticate")).length;
    console.log(`\nThe mock sent ${mock.sentSms.length} SMS and saw ${authenticates} guesses: every refusal stopped in the client, unbilled.`);
  } finally {
    await mock.close();
  }
}

/** What a call came to, in one line. */
async function outcome(call: Promise<unknown>): Promise<string> {
  try {
    await call;
    return "sent";
  } catch (error) {
    if (error instanceof StytchGuardError) return `${error.name} (retryAfterMs ${error.retryAfterMs}): ${error.message}`;
    if (error instanceof StytchApiError) return `${error.name} ${error.status} ${error.error_type}`;
    throw error;
  }
}
