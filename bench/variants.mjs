// The ways to send the same request that the benchmark compares, each returning the parsed 200 body.
// "raw fetch + timeout" is what a hand-written call with a real 30 s timeout costs: the part of the client's
// overhead that is the price of being able to cancel. The guarded variants give the send guard's cost.
import createClient from "openapi-fetch";
import { createStytchB2BClient } from "stytch-b2b-sms";
import { createSmsGuard } from "stytch-b2b-sms/guard";
import { redisGuardStore } from "stytch-b2b-sms/guard/redis";
import { openTelemetry } from "stytch-b2b-sms/opentelemetry";

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
    "raw fetch + timeout": async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 30_000);
      try {
        const response = await fetch(baseUrl + PATH, {
          method: "POST",
          headers: { "content-type": "application/json", authorization: AUTHORIZATION },
          body: JSON.stringify(BODY),
          signal: controller.signal,
        });
        if (!response.ok) throw new Error(`status ${response.status}`);
        return await response.json();
      } finally {
        clearTimeout(timer);
      }
    },
    "openapi-fetch": async () => {
      const { data, error } = await plain.POST(PATH, { body: BODY });
      if (error !== undefined) throw new Error("error");
      return data;
    },
    "stytch-b2b-sms": () => client.otps.sms.send(BODY),
  };
}

// The default rules, checked and counted on every send, but with room for all of them: the guard's cost per
// send, not its refusals. Each send also forgets the Member's wrong codes and keeps the phone it learned.
const ROOMY = { member: { immediate: 1e9 }, phone: { immediate: 1e9 }, prefix: { limit: 1e9 } };

/** The client's send through the send guard: its memory store, or Redis through `redis` (node-redis). */
export function guardedCall(baseUrl, redis) {
  const guard = createSmsGuard({ ...ROOMY, ...(redis && { store: redisGuardStore(redis) }) });
  const client = createStytchB2BClient({ projectId: PROJECT_ID, secret: SECRET, baseUrl, guard });
  return () => client.otps.sms.send(BODY);
}

/** The client's send with telemetry on: the global providers (none registered: the API alone), or those given. */
export function tracedCall(baseUrl, providers = {}) {
  const client = createStytchB2BClient({ projectId: PROJECT_ID, secret: SECRET, baseUrl, telemetry: openTelemetry(providers) });
  return () => client.otps.sms.send(BODY);
}
