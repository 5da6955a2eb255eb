/**
 * `npm start`: the whole story on a fresh clone, no Stytch account needed. Starts the embedded mock,
 * sends an OTP through the typed client, shows the result and the recorded SMS, then shows a typed error.
 */
import { createStytchB2BClient, StytchApiError, StytchValidationError } from "../src/index.ts";
import { startMockStytch } from "../src/mock/index.ts";

const mock = await startMockStytch();
try {
  const client = createStytchB2BClient(mock.clientOptions);
  console.log(`Mock Stytch listening on ${mock.url}; client: ${client}\n`);

  const result = await client.otps.sms.send({
    organization_id: mock.organization.organization_id,
    member_id: mock.member.member_id,
    mfa_phone_number: "+15005550006",
    locale: "en",
  });
  console.log("1. Sent an OTP. Typed result:");
  console.log(`   request_id   ${result.request_id}`);
  console.log(`   status_code  ${result.status_code}`);
  console.log(`   member       ${result.member.name} <${result.member.email_address}>, phone ${result.member.mfa_phone_number} (now linked)`);
  console.log(`   organization ${result.organization.organization_name} (${result.organization.organization_slug})`);
  console.log("   Recorded SMS:", mock.lastSms());

  console.log("\n2. A phone number that is not E.164 is refused before anything is sent:");
  try {
    await client.otps.sms.send({ organization_id: mock.organization.organization_id, member_id: mock.member.member_id, mfa_phone_number: "555-0100" });
  } catch (error) {
    if (!(error instanceof StytchValidationError)) throw error;
    console.log(`   ${error.name} [field ${error.field}, rule ${error.rule}]: ${error.message}`);
  }

  console.log("\n3. A request Stytch refuses comes back as a typed StytchApiError:");
  try {
    await client.otps.sms.send({ organization_id: mock.organization.organization_id, member_id: "member-test-does-not-exist" });
  } catch (error) {
    if (!(error instanceof StytchApiError)) throw error;
    console.log(`   ${error.name} ${error.status} ${error.error_type}: ${error.error_message}`);
    console.log(`   request_id ${error.request_id}, docs ${error.error_url}`);
  }
  console.log(`\nThe mock received ${mock.exchanges.length} requests and sent ${mock.sentSms.length} SMS.`);
} finally {
  await mock.close();
}
