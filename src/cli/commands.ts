import { b2bOtpsSmsAuthenticate, type Operation, type OperationId } from "../../generated/operations.ts";
import type { MockStytch, SentSms } from "../mock/index.ts";
import type { StytchB2BClient } from "../client.ts";
import type { SmsAuthenticateResponse } from "../otps/sms/authenticate.ts";
import type { SmsSendResponse } from "../otps/sms/send.ts";

/**
 * What the CLI says and does per operation beyond what the table gives it (the command, the flags, the
 * call): a short alias, a line for --help, the lines printed on success, and what --mock sets up first. An
 * operation without an entry has its command's name only, and prints a generic summary.
 */
export interface CommandSpecifics {
  /** A one-word name beside the command's own (kept from before commands were named by their path). */
  alias?: string;
  /** What the command does, in a line of --help. */
  about: string;
  /** --help lines about the command's --mock, and its examples. */
  mockHelp?: string[];
  examples?: string[];
  summary(response: never, sms: SentSms | undefined): string[];
  /** Gets the embedded mock ready for the call (and fills in what the mock supplies); returns a note to print. */
  prepareMock?(mock: MockStytch, client: StytchB2BClient, body: Record<string, unknown>): Promise<string>;
}

const COMMAND_SPECIFICS: { readonly [id in OperationId]?: CommandSpecifics } = {
  b2bOtpsSmsSend: {
    alias: "send",
    about: "text a code to a Member",
    mockHelp: ["A session option is needed when the Member already has an active MFA factor.", "With --mock, prints the code the mock recorded."],
    examples: [
      "STYTCH_PROJECT_ID=project-test-… STYTCH_SECRET=… \\",
      "  stytch-b2b-sms send --organization-id organization-test-… --member-id member-test-… --phone +15005550006",
      "stytch-b2b-sms send --mock --phone +15005550006",
      "stytch-b2b-sms send --mock --organization-id acme --member-id member-test-00000000-0000-4000-8000-000000000002 --phone +15005550006 --json",
      "stytch-b2b-sms send --mock --locale pt-br          # exit 3: the seeded Member has no phone yet",
    ],
    summary: (response: SmsSendResponse, sms) => [
      `Sent an SMS code to ${response.member.mfa_phone_number || "the Member's phone"}.`,
      ...who(response),
      // The mock's code is what a test reads instead of a phone: shown, unlike any code or token of Stytch's.
      ...(sms ? [`[mock] SMS to ${sms.to}: code ${sms.code} (locale ${sms.locale})`] : []),
    ],
  },
  b2bOtpsSmsAuthenticate: {
    alias: "authenticate",
    about: "check the code the Member typed",
    mockHelp: [
      "With --mock, a code is sent through the mock first, and --code and the session default to the",
      "mock's code and an intermediate session token. The session's token and JWT are never printed.",
    ],
    examples: [
      "STYTCH_PROJECT_ID=project-test-… STYTCH_SECRET=… \\",
      "  stytch-b2b-sms authenticate --organization-id organization-test-… --member-id member-test-… \\",
      "    --code 123456 --intermediate-session-token …",
      "stytch-b2b-sms authenticate --mock                 # the whole step: send, then authenticate",
      "stytch-b2b-sms authenticate --mock --code 000000   # exit 3: otp_code_not_found",
    ],
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

/** An operation's entry above, if it has one (the table may be another spec's, whose ids are not keys here). */
export function specificsOf(operation: Operation): CommandSpecifics | undefined {
  return Object.hasOwn(COMMAND_SPECIFICS, operation.id) ? COMMAND_SPECIFICS[operation.id as OperationId] : undefined;
}

/** What --help says of a request field's flag, where its type and rules say too little. */
export const FIELD_HINTS: Readonly<Record<string, string>> = {
  organization_id: "Organization ID, slug or external ID",
  member_id: "Member ID or external ID",
  mfa_phone_number: "phone number to text and link, when the Member has none yet",
  locale: "language of the SMS, e.g. en, es, pt-br, de-DE (default en)",
  session_token: "a session of the Member",
  session_jwt: "a session of the Member, as a JWT",
  intermediate_session_token: "the primary login's session of the Member",
  code: "the code the Member typed",
  session_duration_minutes: "default 60",
  session_custom_claims: "e.g. '{\"team\":\"red\"}'; a null value deletes a claim",
};

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
