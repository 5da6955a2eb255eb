// A Cloudflare Worker (module syntax) for the SMS step of an MFA login, with two routes:
//   POST /otp/sms               texts the Member a code
//   POST /otp/sms/authenticate  checks the code they typed and starts their session (an HttpOnly cookie)
//
//   npx wrangler secret put STYTCH_SECRET        # and set STYTCH_PROJECT_ID in wrangler.toml [vars]
//   npx wrangler deploy                          # uses examples/wrangler.toml
//
// Bindings: STYTCH_PROJECT_ID, STYTCH_SECRET, and STYTCH_BASE_URL only to point it at the embedded mock.
import { createStytchB2BClient, StytchApiError, StytchTimeoutError, StytchValidationError } from "stytch-b2b-sms";

const SESSION_MINUTES = 60;

// In a real app the ids and the intermediate session token come from your session after the primary login
// (a magic link, SSO, a password), not from the request body.
const routes = new Map([
  [
    "/otp/sms",
    async (stytch, { organization_id, member_id, phone_number, intermediate_session_token }) => {
      const { request_id, member } = await stytch.otps.sms.send({ organization_id, member_id, mfa_phone_number: phone_number, intermediate_session_token });
      return Response.json({ sent: true, request_id, phone_number: member.mfa_phone_number });
    },
  ],
  [
    "/otp/sms/authenticate",
    async (stytch, { organization_id, member_id, code, intermediate_session_token }) => {
      const { request_id, session_token, member_session } = await stytch.otps.sms.authenticate({
        organization_id,
        member_id,
        code,
        intermediate_session_token,
        session_duration_minutes: SESSION_MINUTES,
      });
      // The session token is a credential: the browser keeps it in a cookie its scripts cannot read.
      const cookie = `stytch_session=${session_token}; HttpOnly; Secure; SameSite=Lax; Path=/; Max-Age=${SESSION_MINUTES * 60}`;
      return Response.json({ authenticated: true, request_id, member_id, expires_at: member_session?.expires_at }, { headers: { "set-cookie": cookie } });
    },
  ],
]);

export default {
  async fetch(request, env) {
    const route = routes.get(new URL(request.url).pathname);
    if (request.method !== "POST" || !route) return Response.json({ error: "not_found" }, { status: 404 });
    const stytch = createStytchB2BClient({
      projectId: env.STYTCH_PROJECT_ID,
      secret: env.STYTCH_SECRET,
      baseUrl: env.STYTCH_BASE_URL || undefined,
    });
    let input;
    try {
      input = await request.json();
    } catch {
      return Response.json({ error: "invalid_json" }, { status: 400 });
    }
    if (typeof input !== "object" || input === null) return Response.json({ error: "invalid_json" }, { status: 400 });
    try {
      return await route(stytch, input);
    } catch (error) {
      const [status, body] = failure(error);
      return Response.json(body, { status });
    }
  },
};

/** What the browser may know about a failure: never the secret, never Stytch's raw message. */
function failure(error) {
  if (error instanceof StytchValidationError) return [400, { error: "invalid_input", field: error.field }];
  if (error instanceof StytchApiError) {
    // A wrong code is a 404 otp_code_not_found, an expired or used one a 401 unable_to_auth_otp_code: the
    // page can say which. Our credentials being refused, or Stytch failing, is the Worker's problem: 502.
    const credentials = error.error_type === "unauthorized_credentials" || error.status === 403;
    const status = credentials || error.status >= 500 ? 502 : error.status;
    return [status, { error: error.error_type, request_id: error.request_id }];
  }
  if (error instanceof StytchTimeoutError) return [504, { error: "timeout" }];
  console.error(error);
  return [502, { error: "upstream_failure" }];
}
