// The three ways to send the same request that the benchmark compares, each returning the parsed 200 body.
import createClient from "openapi-fetch";
import { createStytchB2BClient } from "stytch-b2b-sms";

export const PROJECT_ID = "project-test-bench";
export const SECRET = "bench-secret";
export const BODY = { organization_id: "organization-test-1", member_id: "member-test-1", mfa_phone_number: "+15005550006" };
const AUTHORIZATION = `Basic ${btoa(`${PROJECT_ID}:${SECRET}`)}`;
const PATH = "/v1/b2b/otps/sms/send";

export function variants(baseUrl) {
  const plain = createClient({ baseUrl, headers: { authorization: AUTHORIZATION } });
  const client = createStytchB2BClient({ projectId: PROJECT_ID, secret: SECRET, baseUrl });
  return {
    "raw fetch": async () => {
      const response = await fetch(baseUrl + PATH, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: AUTHORIZATION },
        body: JSON.stringify(BODY),
      });
      if (!response.ok) throw new Error(`status ${response.status}`);
      return response.json();
    },
    "openapi-fetch": async () => {
      const { data, error } = await plain.POST(PATH, { body: BODY });
      if (error !== undefined) throw new Error("error");
      return data;
    },
    "stytch-b2b-sms": () => client.otps.sms.send(BODY),
  };
}
