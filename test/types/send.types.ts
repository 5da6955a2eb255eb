/**
 * Type tests: checked by `npm run typecheck` (tsc), never executed. Each `@ts-expect-error` fails the
 * check if the line below it stops being an error.
 */
import {
  createStytchB2BClient,
  StytchApiError,
  type Locale,
  type Member,
  type SmsSendRequest,
  type SmsSendResponse,
  type StytchErrorType,
} from "../../src/index.ts";
import { expectType, type Equal } from "./expect.ts";


const client = createStytchB2BClient({ projectId: "project-test-1", secret: "s" });
const ok = { organization_id: "o", member_id: "m" } as const;

export async function checks() {
  const result = await client.otps.sms.send(ok);
  expectType<Equal<typeof result, SmsSendResponse>>();
  expectType<Equal<typeof result.member, Member>>();
  expectType<Equal<typeof result.status_code, number>>();
  expectType<Equal<typeof result.member.mfa_phone_number, string | null>>();
  expectType<Equal<typeof result.member.created_at, string | undefined>>();

  await client.otps.sms.send({ ...ok, mfa_phone_number: "+15005550006", locale: "pt-br", session_jwt: "j" });
  await client.otps.sms.send(ok, { timeoutMs: 5_000, signal: AbortSignal.timeout(1), headers: { "x-a": "b" } });

  // @ts-expect-error: unknown keys are rejected at compile time
  await client.otps.sms.send({ ...ok, enable_autofill: true });
  // @ts-expect-error: member_id is required
  await client.otps.sms.send({ organization_id: "o" });
  // @ts-expect-error: ids are strings
  await client.otps.sms.send({ organization_id: 1, member_id: "m" });
  // @ts-expect-error: unknown send option
  await client.otps.sms.send(ok, { retries: 3 });
  // @ts-expect-error: the result is read-only
  result.member_id = "x";

  // Open enums: known values autocomplete, new server values still type-check.
  const known: Locale = "de-DE";
  const future: Locale = "sv-SE";
  const status: Member["status"] = "suspended";
  // @ts-expect-error: still a string
  const notAString: Locale = 42;
  const request: SmsSendRequest = { ...ok, locale: known };
  void [future, status, notAString, request];

  try {
    await client.otps.sms.send(ok);
  } catch (error) {
    if (error instanceof StytchApiError) {
      expectType<Equal<typeof error.status, number>>();
      expectType<Equal<typeof error.error_type, StytchErrorType>>();
      const branch: "member_not_found" | "invalid_phone_number" | (string & {}) = error.error_type;
      void branch;
    }
  }
}

// @ts-expect-error: projectId and secret are required
createStytchB2BClient({ baseUrl: "https://x" });
// @ts-expect-error: validateResponses takes the validator from "stytch-b2b-sms/response-validation", not true
createStytchB2BClient({ projectId: "project-test-1", secret: "s", validateResponses: true });
