// Deno: text one Member their MFA code and print the request_id.
//
//   STYTCH_PROJECT_ID=… STYTCH_SECRET=… ORGANIZATION_ID=… MEMBER_ID=… PHONE_NUMBER=+15005550006 \
//     deno run --allow-net=test.stytch.com --allow-env examples/deno.ts
//
// Run from this package's folder (package.json resolves "stytch-b2b-sms"), or import "npm:stytch-b2b-sms".
// STYTCH_BASE_URL points it at the embedded mock (see examples/README.md); leave it unset in production.
import { createStytchB2BClient, StytchApiError, StytchError } from "stytch-b2b-sms";

const env = (name: string) => Deno.env.get(name) || undefined;
const stytch = createStytchB2BClient({
  projectId: env("STYTCH_PROJECT_ID") ?? "",
  secret: env("STYTCH_SECRET") ?? "",
  ...(env("STYTCH_BASE_URL") && { baseUrl: env("STYTCH_BASE_URL") }),
});

try {
  const { request_id, member } = await stytch.otps.sms.send({
    organization_id: env("ORGANIZATION_ID") ?? "",
    member_id: env("MEMBER_ID") ?? "",
    ...(env("PHONE_NUMBER") && { mfa_phone_number: env("PHONE_NUMBER") }),
  });
  console.log(`sent to ${member.mfa_phone_number}, request_id ${request_id}`);
} catch (error) {
  if (!(error instanceof StytchError)) throw error;
  const detail = error instanceof StytchApiError ? ` ${error.error_type} (request_id ${error.request_id})` : "";
  console.error(`${error.name}${detail}: ${error.message}`);
  Deno.exit(1);
}
