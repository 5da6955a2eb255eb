import type { MockMember, MockOrganization } from "../fixtures.ts";
import { fail, type MockSession, type MockStore, type Outcome, type SessionKind } from "../store.ts";

const SESSION_FIELDS = ["intermediate_session_token", "session_token", "session_jwt"] as const;
const NOT_FOUND: Record<SessionKind, string> = {
  session_token: "session_not_found",
  session_jwt: "session_not_found",
  intermediate_session_token: "intermediate_session_not_found",
};

/** The Organization (by ID, slug or external ID) and its active Member (by ID or external ID) a request names. */
export function findActiveMember(store: MockStore, request: { organization_id: string; member_id: string }): Outcome<{ organization: MockOrganization; member: MockMember }> {
  const organization = store.findOrganization(request.organization_id);
  if (!organization) return fail(404, "organization_not_found", "Organization could not be found.");
  const member = store.findMember(organization.organization_id, request.member_id);
  if (!member) return fail(404, "member_not_found", "Member could not be found.");
  if (member.status !== "active") return fail(400, "action_available_only_for_active_members", "This action is only available for active members.");
  return { ok: true, body: { organization, member } };
}

/**
 * The session a request's session field names, which must be live and belong to `member`; `undefined` body
 * when no session field is given (the request rules have already refused two or more).
 */
export function findRequestSession(store: MockStore, request: { readonly [kind in SessionKind]?: string | undefined }, member: MockMember): Outcome<{ kind: SessionKind; session: MockSession } | undefined> {
  const kind = SESSION_FIELDS.find((field) => request[field] !== undefined);
  if (!kind) return { ok: true, body: undefined };
  const session = store.findSession(kind, request[kind]!);
  if (!session) return fail(404, NOT_FOUND[kind], "Session could not be found.");
  if (session.memberId !== member.member_id) return fail(400, "member_session_member_id_mismatch", "The session belongs to a different Member.");
  return { ok: true, body: { kind, session } };
}
