// Bun: the SMS step of an MFA login from a terminal. Texts the Member a code, asks for it, authenticates it
// and prints the session it started (never its tokens).
//
//   STYTCH_PROJECT_ID=… STYTCH_SECRET=… ORGANIZATION_ID=… MEMBER_ID=… PHONE_NUMBER=+15005550006 \
//   INTERMEDIATE_SESSION_TOKEN=… bun examples/bun.ts
//
// INTERMEDIATE_SESSION_TOKEN is what the primary login (a magic link, SSO, a password) handed out.
// STYTCH_BASE_URL points it at the embedded mock (see examples/README.md); leave it unset in production.
import { createStytchB2BClient, StytchApiError, StytchError } from "stytch-b2b-sms";

const env = (name: string) => Bun.env[name] || undefined;
const stytch = createStytchB2BClient({
  projectId: env("STYTCH_PROJECT_ID") ?? "",
  secret: env("STYTCH_SECRET") ?? "",
  ...(env("STYTCH_BASE_URL") && { baseUrl: env("STYTCH_BASE_URL") }),
});
const ids = { organization_id: env("ORGANIZATION_ID") ?? "", member_id: env("MEMBER_ID") ?? "" };
const intermediate_session_token = env("INTERMEDIATE_SESSION_TOKEN");

try {
  const sent = await stytch.otps.sms.send({
    ...ids,
    ...(env("PHONE_NUMBER") && { mfa_phone_number: env("PHONE_NUMBER") }),
    intermediate_session_token,
  });
  console.log(`sent to ${sent.member.mfa_phone_number}, request_id ${sent.request_id}`);

  console.log("enter the code:");
  const code = await readLine();
  const { request_id, member_session } = await stytch.otps.sms.authenticate({ ...ids, code, intermediate_session_token });
  console.log(`authenticated: session ${member_session?.member_session_id} until ${member_session?.expires_at}, request_id ${request_id}`);
} catch (error) {
  if (!(error instanceof StytchError)) throw error;
  const detail = error instanceof StytchApiError ? ` ${error.error_type} (request_id ${error.request_id})` : "";
  console.error(`${error.name}${detail}: ${error.message}`);
  process.exit(1);
}

/** One line from stdin (Bun's console is an async iterable of lines), whether a terminal or a pipe. */
async function readLine(): Promise<string> {
  for await (const line of console) return line.trim();
  return "";
}
