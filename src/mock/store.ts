import type { SmsSendRequest, SmsSendResponse } from "../otps/sms/send.ts";
import { memberFixture, organizationFixture, type MockMember, type MockOrganization } from "./fixtures.ts";

/** An SMS the mock "sent": what a test reads instead of a phone. */
export interface SentSms {
  readonly to: string;
  readonly code: string;
  readonly locale: string;
  readonly memberId: string;
  readonly organizationId: string;
  readonly sentAt: Date;
}

export type SessionKind = "session_token" | "session_jwt" | "intermediate_session_token";

export type SendOutcome =
  | { readonly ok: true; readonly body: Omit<SmsSendResponse, "request_id" | "status_code"> }
  | { readonly ok: false; readonly status: number; readonly error_type: string; readonly error_message: string };

const CODE_LIFETIME_MS = 2 * 60 * 1000;
const NOT_FOUND_BY_SESSION_KIND: Record<SessionKind, string> = {
  session_token: "session_not_found",
  session_jwt: "session_not_found",
  intermediate_session_token: "intermediate_session_not_found",
};

/** Organizations, Members, sessions and sent codes, with Stytch's rules for Send SMS OTP. */
export class MockStore {
  readonly organizations = new Map<string, MockOrganization>();
  readonly members = new Map<string, MockMember>();
  readonly sent: SentSms[] = [];
  private readonly sessions = new Map<string, { kind: SessionKind; memberId: string }>();
  private readonly activeCodes = new Map<string, { code: string; expiresAt: number }>();

  constructor(private readonly options: { allowInternational: boolean }) {}

  addOrganization(overrides: Partial<MockOrganization> = {}): MockOrganization {
    const organization = organizationFixture(overrides);
    this.organizations.set(organization.organization_id, organization);
    return organization;
  }

  addMember(organizationId: string, overrides: Partial<MockMember> = {}): MockMember {
    if (!this.organizations.has(organizationId)) throw new Error(`mock: no organization ${organizationId}`);
    const member = memberFixture(organizationId, overrides);
    this.members.set(member.member_id, member);
    return member;
  }

  createSession(memberId: string, kind: SessionKind): string {
    if (!this.members.has(memberId)) throw new Error(`mock: no member ${memberId}`);
    const token = `mock-${kind}-${crypto.randomUUID()}`;
    this.sessions.set(token, { kind, memberId });
    return token;
  }

  /** The code that would authenticate now, if any: a newer send invalidates the older code. */
  activeCode(memberId: string): string | undefined {
    const active = this.activeCodes.get(memberId);
    return active && active.expiresAt > Date.now() ? active.code : undefined;
  }

  clear(): void {
    this.organizations.clear();
    this.members.clear();
    this.sessions.clear();
    this.activeCodes.clear();
    this.sent.length = 0;
  }

  send(request: SmsSendRequest): SendOutcome {
    const organization = this.findOrganization(request.organization_id);
    if (!organization) return fail(404, "organization_not_found", "Organization could not be found.");
    const member = this.findMember(organization.organization_id, request.member_id);
    if (!member) return fail(404, "member_not_found", "Member could not be found.");
    if (member.status !== "active") {
      return fail(400, "action_available_only_for_active_members", "This action is only available for active members.");
    }
    const sessionProblem = this.checkSession(request, member);
    if (sessionProblem) return sessionProblem;

    const onFile = member.mfa_phone_number ?? "";
    if (onFile && request.mfa_phone_number && request.mfa_phone_number !== onFile) {
      return fail(400, "duplicate_member_phone_number", "The Member already has a different phone number.");
    }
    const to = onFile || request.mfa_phone_number;
    if (!to) return fail(404, "member_phone_number_not_found", "The Member has no phone number; pass mfa_phone_number.");
    if (!this.options.allowInternational && !to.startsWith("+1")) {
      return fail(400, "invalid_phone_number_country_code", "SMS to this country is not enabled for the project.");
    }

    if (!onFile) {
      member.mfa_phone_number = to;
      member.updated_at = new Date().toISOString();
    }
    const code = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
    this.activeCodes.set(member.member_id, { code, expiresAt: Date.now() + CODE_LIFETIME_MS });
    this.sent.push({
      to,
      code,
      locale: request.locale ?? "en",
      memberId: member.member_id,
      organizationId: organization.organization_id,
      sentAt: new Date(),
    });
    return { ok: true, body: { member_id: member.member_id, member: structuredClone(member), organization: structuredClone(organization) } };
  }

  private findOrganization(idOrSlug: string): MockOrganization | undefined {
    return (
      this.organizations.get(idOrSlug) ??
      [...this.organizations.values()].find(
        (o) => o.organization_slug === idOrSlug || (o.organization_external_id && o.organization_external_id === idOrSlug),
      )
    );
  }

  private findMember(organizationId: string, idOrExternalId: string): MockMember | undefined {
    const byId = this.members.get(idOrExternalId);
    if (byId) return byId.organization_id === organizationId ? byId : undefined;
    return [...this.members.values()].find((m) => m.organization_id === organizationId && m.external_id === idOrExternalId);
  }

  private checkSession(request: SmsSendRequest, member: MockMember): SendOutcome | undefined {
    const kinds = (["session_token", "session_jwt", "intermediate_session_token"] as const).filter((k) => request[k]);
    if (kinds.length > 1) return fail(400, "too_many_session_arguments", "Provide at most one session argument.");
    const kind = kinds[0];
    if (!kind) {
      const hasActiveFactor = member.mfa_phone_number_verified || Boolean(member.totp_registration_id);
      return hasActiveFactor
        ? fail(400, "insufficient_factors", "The Member has an active MFA factor; pass a session carrying it.")
        : undefined;
    }
    const session = this.sessions.get(request[kind]!);
    if (!session || session.kind !== kind) return fail(404, NOT_FOUND_BY_SESSION_KIND[kind], "Session could not be found.");
    if (session.memberId !== member.member_id) {
      return fail(400, "member_session_member_id_mismatch", "The session belongs to a different Member.");
    }
    return undefined;
  }
}

function fail(status: number, error_type: string, error_message: string): SendOutcome {
  return { ok: false, status, error_type, error_message };
}
