import { b2bOtpsSmsAuthenticate, type Operation, type OperationId } from "../../generated/operations.ts";
import type { MockStytch, SentSms } from "../mock/index.ts";
import type { StytchB2BClient } from "../client.ts";
import type { OperationMethod } from "../internal/pipeline.ts";
import type { SmsAuthenticateResponse } from "../otps/sms/authenticate.ts";
import type { SmsSendResponse } from "../otps/sms/send.ts";

/**
 * What the CLI says and does per operation beyond what the table gives it (the command, the flags, the
 * client's method): the lines printed on success, and what --mock sets up first. An operation without an
 * entry prints a generic summary.
 */
export interface CommandSpecifics {
  summary(response: never, sms: SentSms | undefined): string[];
  /** Gets the embedded mock ready for the call (and fills in what the mock supplies); returns a note to print. */
  prepareMock?(mock: MockStytch, client: StytchB2BClient, body: Record<string, unknown>): Promise<string>;
}

export const COMMAND_SPECIFICS: { readonly [id in OperationId]?: CommandSpecifics } = {
  b2bOtpsSmsSend: {
    summary: (response: SmsSendResponse, sms) => [
      `Sent an SMS code to ${response.member.mfa_phone_number || "the Member's phone"}.`,
      ...who(response),
      // The mock's code is what a test reads instead of a phone: shown, unlike any code or token of Stytch's.
      ...(sms ? [`[mock] SMS to ${sms.to}: code ${sms.code} (locale ${sms.locale})`] : []),
    ],
  },
  b2bOtpsSmsAuthenticate: {
    summary: (response: SmsAuthenticateResponse) => {
      const session = response.member_session;
      return [
        `Authenticated the SMS code: ${response.member.mfa_phone_number || "the phone"} is verified${response.member.mfa_enrolled ? " and the Member is enrolled in MFA" : ""}.`,
        ...who(response),
        ...(session ? [`  session       ${session.member_session_id}, expires ${session.expires_at}`] : []),
        ...(session ? [`  factors       ${session.authentication_factors.map((f) => `${f.type} by ${f.delivery_method}`).join(", ")}`] : []),
        "  session_token and session_jwt are not printed: they are credentials.",
      ];
    },
    // The whole step in one run: a code is sent first, and unless given, the code and an intermediate session
    // token come from the mock.
    async prepareMock(mock, client, body) {
      const memberId = body.member_id as string;
      const phone = mock.getMember(memberId)?.mfa_phone_number ? {} : { mfa_phone_number: "+15005550006" };
      await client.otps.sms.send({ organization_id: body.organization_id as string, member_id: memberId, ...phone });
      const sms = mock.lastSms()!;
      const sessionGiven = b2bOtpsSmsAuthenticate.request.exactlyOne.some((field) => body[field] !== undefined);
      if (!sessionGiven) body.intermediate_session_token = mock.createSession(sms.memberId, "intermediate_session_token");
      const codeGiven = body.code !== undefined;
      body.code ??= sms.code;
      return `[mock] sent a code to ${sms.to}; authenticated with ${codeGiven ? "the --code given" : "that code"}${sessionGiven ? "" : " and an intermediate session token from the mock"}`;
    },
  },
};

/** The client's method for an operation: where its path says (`/v1/b2b/otps/sms/send` → `client.otps.sms.send`). */
export function clientMethod(client: StytchB2BClient, operation: Operation): OperationMethod<never, object> {
  const method = operation.path.split("/").slice(3).reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], client);
  if (typeof method !== "function") throw new Error(`the client has no method for ${operation.method} ${operation.path}`);
  return method as OperationMethod<never, object>;
}

/** What the CLI prints after a call no entry above describes. */
export function genericSummary(operation: Operation, response: { request_id?: unknown }): string[] {
  return [`Done: ${operation.method} ${operation.path}.`, `  request_id    ${String(response.request_id)}`];
}

function who({ member, organization, request_id }: SmsSendResponse | SmsAuthenticateResponse): string[] {
  const name = [member.name, member.email_address && `<${member.email_address}>`].filter(Boolean).join(" ");
  return [
    `  member        ${member.member_id}${name ? ` (${name})` : ""}`,
    `  organization  ${organization.organization_id} (${organization.organization_slug})`,
    `  request_id    ${request_id}`,
  ];
}
