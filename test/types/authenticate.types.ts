/**
 * Type tests for authenticate and withResponse: checked by `npm run typecheck` (tsc), never executed. Each
 * `@ts-expect-error` fails the check if the line below it stops being an error.
 */
import {
  createStytchB2BClient,
  type MemberSession,
  type SmsAuthenticateRequest,
  type SmsAuthenticateResponse,
  type SmsSendResponse,
  type WithResponse,
} from "../../src/index.ts";
import { expectType, type Equal } from "./expect.ts";


const client = createStytchB2BClient({ projectId: "project-test-1", secret: "s" });
const ids = { organization_id: "o", member_id: "m", code: "123456" } as const;

export async function checks() {
  const result = await client.otps.sms.authenticate({ ...ids, intermediate_session_token: "t" });
  expectType<Equal<typeof result, SmsAuthenticateResponse>>();
  expectType<Equal<typeof result.session_token, string>>();
  expectType<Equal<typeof result.member_session, MemberSession | undefined>>();
  const kinds: ("magic_link" | "otp" | (string & {}))[] = result.member_session?.authentication_factors.map((f) => f.type) ?? [];
  void kinds;

  await client.otps.sms.authenticate({ ...ids, session_token: "s", session_duration_minutes: 60, session_custom_claims: { a: null }, set_mfa_enrollment: "enroll", set_default_mfa: true, telemetry_id: "x" });
  await client.otps.sms.authenticate({ ...ids, session_jwt: "j" }, { timeoutMs: 5_000 });

  // @ts-expect-error: exactly one session field: none is not enough
  await client.otps.sms.authenticate(ids);
  // @ts-expect-error: exactly one session field: two are too many
  await client.otps.sms.authenticate({ ...ids, session_token: "s", session_jwt: "j" });
  // @ts-expect-error: code is required
  await client.otps.sms.authenticate({ organization_id: "o", member_id: "m", session_token: "s" });
  // @ts-expect-error: a closed enum
  await client.otps.sms.authenticate({ ...ids, session_token: "s", set_mfa_enrollment: "maybe" });
  // @ts-expect-error: unknown keys are rejected
  await client.otps.sms.authenticate({ ...ids, session_token: "s", mfa_phone_number: "+15005550006" });
  // @ts-expect-error: the duration is a number
  await client.otps.sms.authenticate({ ...ids, session_token: "s", session_duration_minutes: "60" });

  const sent = await client.otps.sms.send.withResponse({ organization_id: "o", member_id: "m" });
  expectType<Equal<typeof sent, WithResponse<SmsSendResponse>>>();
  expectType<Equal<typeof sent.response, Response>>();
  const checked = await client.otps.sms.authenticate.withResponse({ ...ids, session_token: "s" } satisfies SmsAuthenticateRequest);
  expectType<Equal<typeof checked.data, SmsAuthenticateResponse>>();
}
