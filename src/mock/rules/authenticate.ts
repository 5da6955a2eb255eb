import type { MemberSession } from "../../models.ts";
import type { SmsAuthenticateRequest, SmsAuthenticateResponse } from "../../otps/sms/authenticate.ts";
import type { MockMember, MockOrganization } from "../fixtures.ts";
import { fail, type MockSession, type MockStore, type Outcome } from "../store.ts";
import { findActiveMember, findRequestSession } from "./common.ts";

/**
 * Authenticate SMS OTP, as Stytch does it. The code must be the one most recently sent to the Member, within
 * 2 minutes, and unused: a wrong code (or none sent) is 404 `otp_code_not_found`, an expired or used one
 * 401 `unable_to_auth_otp_code`. Success uses the code up, verifies the phone, and either turns an
 * intermediate session (which it consumes) into a new session or extends the session given; the session
 * carries the SMS factor and works for later sends. `mfa_enrolled` follows the Organization's MFA policy,
 * else `set_mfa_enrollment`.
 */
export function authenticateSms(store: MockStore, request: SmsAuthenticateRequest): Outcome<Omit<SmsAuthenticateResponse, "request_id" | "status_code">> {
  const found = findActiveMember(store, request);
  if (!found.ok) return found;
  const { organization, member } = found.body;
  const given = findRequestSession(store, request, member);
  if (!given.ok) return given;

  const now = store.now();
  const sent = store.codes.get(member.member_id);
  if (!sent || sent.code !== request.code) return fail(404, "otp_code_not_found", "The passcode provided was incorrect, or no passcode was sent to this Member.");
  if (sent.used || sent.expiresAt <= now) return fail(401, "unable_to_auth_otp_code", "The passcode is either already used or expired. Send another passcode to this Member.");
  sent.used = true;

  member.mfa_phone_number_verified = true;
  if (organization.mfa_policy === "REQUIRED_FOR_ALL" || request.set_mfa_enrollment === "enroll") member.mfa_enrolled = true;
  else if (request.set_mfa_enrollment === "unenroll") member.mfa_enrolled = false;
  if (request.set_default_mfa) member.default_mfa_method = "sms_otp";
  member.updated_at = new Date(now).toISOString();

  const minutes = request.session_duration_minutes ?? 60;
  const previous = given.body!.session;
  let session: MockSession;
  if (previous.kind === "intermediate") {
    store.endSession(previous);
    session = store.startSession(member.member_id, "member", minutes);
    session.factors.push(...previous.factors);
  } else {
    session = previous;
    session.expiresAt = Math.max(session.expiresAt, now + minutes * 60_000);
  }
  session.lastAccessedAt = now;
  session.factors.push({ type: "otp", deliveryMethod: "sms", at: now, phone: member.mfa_phone_number || undefined });
  for (const [claim, value] of Object.entries(request.session_custom_claims ?? {})) {
    if (value === null) delete session.customClaims[claim];
    else session.customClaims[claim] = value;
  }
  return {
    ok: true,
    body: {
      member_id: member.member_id,
      member: structuredClone(member),
      organization: structuredClone(organization),
      session_token: session.token,
      session_jwt: session.jwt,
      member_session: memberSession(session, member, organization),
    },
  };
}

function memberSession(session: MockSession, member: MockMember, organization: MockOrganization): MemberSession {
  const iso = (time: number) => new Date(time).toISOString();
  return {
    member_session_id: session.id,
    member_id: member.member_id,
    started_at: iso(session.startedAt),
    last_accessed_at: iso(session.lastAccessedAt),
    expires_at: iso(session.expiresAt),
    authentication_factors: session.factors.map((factor) => ({
      type: factor.type,
      delivery_method: factor.deliveryMethod,
      last_authenticated_at: iso(factor.at),
      created_at: iso(factor.at),
      updated_at: iso(factor.at),
      ...(factor.phone && { phone_number_factor: { phone_id: `phone-number-test-${member.member_id.slice(-12)}`, phone_number: factor.phone } }),
    })),
    organization_id: organization.organization_id,
    roles: member.roles.map((role) => role.role_id),
    organization_slug: organization.organization_slug,
    custom_claims: structuredClone(session.customClaims),
  };
}
