// A Cloudflare Worker (module syntax) with one route, POST /otp/sms, that texts a Member their MFA code.
//
//   npx wrangler secret put STYTCH_SECRET        # and set STYTCH_PROJECT_ID in wrangler.toml [vars]
//   npx wrangler deploy                          # uses examples/wrangler.toml
//
// Bindings: STYTCH_PROJECT_ID, STYTCH_SECRET, and STYTCH_BASE_URL only to point it at the embedded mock.
import { createStytchB2BClient, StytchApiError, StytchTimeoutError, StytchValidationError } from "stytch-b2b-sms";

export default {
  async fetch(request, env) {
    const url = new URL(request.url);
    if (request.method !== "POST" || url.pathname !== "/otp/sms") return Response.json({ error: "not_found" }, { status: 404 });
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
    // In a real app the ids come from your session after the primary login, not from the request body.
    const { organization_id, member_id, phone_number } = input;
    try {
      const { request_id, member } = await stytch.otps.sms.send({ organization_id, member_id, mfa_phone_number: phone_number });
      return Response.json({ sent: true, request_id, phone_number: member.mfa_phone_number });
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
    const status = error.status === 401 || error.status === 403 || error.status >= 500 ? 502 : error.status;
    return [status, { error: error.error_type, request_id: error.request_id }];
  }
  if (error instanceof StytchTimeoutError) return [504, { error: "timeout" }];
  console.error(error);
  return [502, { error: "upstream_failure" }];
}
