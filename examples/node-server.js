// A minimal Node server with one route, POST /otp/sms, that texts a Member their MFA code.
//
//   STYTCH_PROJECT_ID=project-test-… STYTCH_SECRET=… node examples/node-server.js
//   curl -X POST localhost:3000/otp/sms -d '{"organization_id":"…","member_id":"…","phone_number":"+15005550006"}'
//
// STYTCH_BASE_URL points it at the embedded mock (see examples/README.md); leave it unset in production.
import { createServer } from "node:http";
import { createStytchB2BClient, StytchApiError, StytchTimeoutError, StytchValidationError } from "stytch-b2b-sms";

const stytch = createStytchB2BClient({
  projectId: process.env.STYTCH_PROJECT_ID,
  secret: process.env.STYTCH_SECRET,
  baseUrl: process.env.STYTCH_BASE_URL || undefined,
});

/** POST /otp/sms {organization_id, member_id, phone_number?} → 200 {sent, request_id, phone_number}. */
async function sendOtp(request, response) {
  // In a real app the ids come from your session after the primary login, not from the request body.
  const { organization_id, member_id, phone_number } = JSON.parse(await readBody(request));
  try {
    const { request_id, member } = await stytch.otps.sms.send({ organization_id, member_id, mfa_phone_number: phone_number });
    reply(response, 200, { sent: true, request_id, phone_number: member.mfa_phone_number });
  } catch (error) {
    reply(response, ...failure(error));
  }
}

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

const server = createServer((request, response) => {
  if (request.method !== "POST" || request.url !== "/otp/sms") return reply(response, 404, { error: "not_found" });
  sendOtp(request, response).catch(() => reply(response, 400, { error: "invalid_json" }));
});
server.listen(Number(process.env.PORT ?? 3000), "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});

async function readBody(request) {
  let body = "";
  for await (const chunk of request) body += chunk;
  return body;
}

function reply(response, status, body) {
  response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
}
