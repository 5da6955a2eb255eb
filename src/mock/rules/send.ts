import type { SmsSendRequest, SmsSendResponse } from "../../otps/sms/send.ts";
import { CODE_LIFETIME_MS, fail, type MockStore, type Outcome } from "../store.ts";
import { findActiveMember, findRequestSession } from "./common.ts";

/**
 * Send SMS OTP, as Stytch does it: the code goes to the number on file, or to `mfa_phone_number`, which is
 * then linked; a different number fails; a Member with an active MFA factor needs a session of theirs; SMS
 * outside +1 is off unless the mock allows it; with `phoneRateLimit`, too many codes to one number get 429
 * `too_many_requests`, as Stytch's own limit answers. A new code replaces the last one and expires in 2 minutes.
 */
export function sendSms(store: MockStore, request: SmsSendRequest): Outcome<Omit<SmsSendResponse, "request_id" | "status_code">> {
  const found = findActiveMember(store, request);
  if (!found.ok) return found;
  const { organization, member } = found.body;
  const session = findRequestSession(store, request, member);
  if (!session.ok) return session;
  if (!session.body && (member.mfa_phone_number_verified || member.totp_registration_id)) {
    return fail(400, "insufficient_factors", "The Member has an active MFA factor; pass one of the Member's sessions.");
  }

  const onFile = member.mfa_phone_number ?? "";
  if (onFile && request.mfa_phone_number && request.mfa_phone_number !== onFile) {
    return fail(400, "duplicate_member_phone_number", "The Member already has a different phone number.");
  }
  const to = onFile || request.mfa_phone_number;
  if (!to) return fail(404, "member_phone_number_not_found", "The Member has no phone number; pass mfa_phone_number.");
  if (!store.options.allowInternational && !to.startsWith("+1")) {
    return fail(400, "invalid_phone_number_country_code", "SMS to this country is not enabled for the project.");
  }

  const now = store.now();
  const rateLimit = store.options.phoneRateLimit;
  if (rateLimit) {
    const since = now - (rateLimit.windowMs ?? 3_600_000);
    const recent = store.sent.filter((sms) => sms.to === to && sms.sentAt.getTime() > since).length;
    if (recent >= rateLimit.limit) return fail(429, "too_many_requests", "Too many requests have been made for this phone number; wait before sending another code.");
  }
  if (!onFile) {
    member.mfa_phone_number = to;
    member.updated_at = new Date(now).toISOString();
  }
  const code = String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0");
  store.codes.set(member.member_id, { code, expiresAt: now + CODE_LIFETIME_MS, used: false });
  store.sent.push({ to, code, locale: request.locale ?? "en", memberId: member.member_id, organizationId: organization.organization_id, sentAt: new Date(now) });
  return { ok: true, body: { member_id: member.member_id, member: structuredClone(member), organization: structuredClone(organization) } };
}
