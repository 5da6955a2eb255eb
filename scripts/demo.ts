/**
 * `npm start`: the whole SMS MFA step on a fresh clone, no Stytch account needed. Starts the embedded mock,
 * sends a code through the typed client, reads it from the mock (where a user would read their phone),
 * authenticates it into a typed session, then shows what a wrong code and a bad phone number give.
 */
import { createStytchB2BClient, StytchApiError, StytchValidationError } from "../src/index.ts";
import { startMockStytch } from "../src/mock/index.ts";

const mock = await startMockStytch();
try {
  const client = createStytchB2BClient(mock.clientOptions);
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
} finally {
  await mock.close();
}
