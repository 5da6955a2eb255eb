// A minimal Node server for the SMS step of an MFA login, with two routes:
//   POST /otp/sms               texts the Member a code
//   POST /otp/sms/authenticate  checks the code they typed and starts their session (an HttpOnly cookie)
//
//   STYTCH_PROJECT_ID=project-test-… STYTCH_SECRET=… node examples/node-server.js
//   curl -X POST localhost:3000/otp/sms -d '{"organization_id":"…","member_id":"…","phone_number":"+15005550006","intermediate_session_token":"…"}'
//   curl -i -X POST localhost:3000/otp/sms/authenticate -d '{"organization_id":"…","member_id":"…","code":"123456","intermediate_session_token":"…"}'
//
// STYTCH_BASE_URL points it at the embedded mock (see examples/README.md); leave it unset in production.
import { createServer } from "node:http";
import { createStytchB2BClient, StytchApiError, StytchTimeoutError, StytchValidationError } from "stytch-b2b-sms";

const SESSION_MINUTES = 60;
const stytch = createStytchB2BClient({
  projectId: process.env.STYTCH_PROJECT_ID,
  secret: process.env.STYTCH_SECRET,
  baseUrl: process.env.STYTCH_BASE_URL || undefined,
});

// In a real app the ids and the intermediate session token come from your session after the primary login
// (a magic link, SSO, a password), not from the request body.

/** POST /otp/sms {organization_id, member_id, phone_number?, intermediate_session_token?} → 200 {sent, request_id, phone_number}. */
async function sendOtp(input) {
  const { organization_id, member_id, phone_number, intermediate_session_token } = input;
  const { request_id, member } = await stytch.otps.sms.send({ organization_id, member_id, mfa_phone_number: phone_number, intermediate_session_token });
  return [200, { sent: true, request_id, phone_number: member.mfa_phone_number }];
}

/** POST /otp/sms/authenticate {organization_id, member_id, code, intermediate_session_token} → 200 {authenticated, …} and the session cookie. */
async function authenticateOtp(input) {
  const { organization_id, member_id, code, intermediate_session_token } = input;
  const { request_id, session_token, member_session } = await stytch.otps.sms.authenticate({
    organization_id,
    member_id,
    code,
    intermediate_session_token,
    session_duration_minutes: SESSION_MINUTES,
  });
  // The session token is a credential: the browser keeps it in a cookie its scripts cannot read.
  const cookie = `stytch_session=${session_token}; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=${SESSION_MINUTES * 60}`;
  return [200, { authenticated: true, request_id, member_id, expires_at: member_session?.expires_at }, { "set-cookie": cookie }];
}

/** What the browser may know about a failure: never the secret, never Stytch's raw message. */
function failure(error) {
  if (error instanceof StytchValidationError) return [400, { error: "invalid_input", field: error.field }];
  if (error instanceof StytchApiError) {
    // A wrong code is a 404 otp_code_not_found, an expired or used one a 401 unable_to_auth_otp_code: the
    // page can say which. Our credentials being refused, or Stytch failing, is the server's problem: 502.
    const credentials = error.error_type === "unauthorized_credentials" || error.status === 403;
    const status = credentials || error.status >= 500 ? 502 : error.status;
    return [status, { error: error.error_type, request_id: error.request_id }];
  }
  if (error instanceof StytchTimeoutError) return [504, { error: "timeout" }];
  console.error(error);
  return [502, { error: "upstream_failure" }];
}

const routes = new Map([
  ["/otp/sms", sendOtp],
  ["/otp/sms/authenticate", authenticateOtp],
]);

const server = createServer(async (request, response) => {
  const route = routes.get(request.url);
  if (request.method !== "POST" || !route) return reply(response, 404, { error: "not_found" });
  let input;
  try {
    input = JSON.parse(await readBody(request));
  } catch {
    return reply(response, 400, { error: "invalid_json" });
  }
  if (typeof input !== "object" || input === null) return reply(response, 400, { error: "invalid_json" });
  reply(response, ...(await route(input).catch(failure)));
});
server.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});

async function readBody(request) {
  let body = "";
  for await (const chunk of request) body += chunk;
  return body;
}

function reply(response, status, body, headers = {}) {
  response.writeHead(status, { "content-type": "application/json", ...headers }).end(JSON.stringify(body));
}
