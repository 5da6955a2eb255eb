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

/** A Member session (reachable by its token and its JWT) or an intermediate session from a primary login. */
export interface MockSession {
  readonly kind: "member" | "intermediate";
  readonly id: string;
  readonly memberId: string;
  readonly token: string;
  readonly jwt: string;
  readonly startedAt: number;
  expiresAt: number;
  lastAccessedAt: number;
  /** Factors the session carries, e.g. `sms_otp` once an SMS code was authenticated. */
  readonly factors: { type: string; deliveryMethod: string; at: number; phone?: string | undefined }[];
  customClaims: Record<string, unknown>;
}

/** A rule's answer: the 200 body (without request_id and status_code, which the server adds) or a Stytch error. */
export type Outcome<Body> =
  | { readonly ok: true; readonly body: Body }
  | { readonly ok: false; readonly status: number; readonly error_type: string; readonly error_message: string };

export const CODE_LIFETIME_MS = 2 * 60 * 1000;

/**
 * Organizations, Members, sessions and codes, with the lookups every rule needs. The rules themselves live in
 * rules/, one file per operation. Time is the store's clock (`now()`), which tests can move forward.
 */
export class MockStore {
  readonly organizations = new Map<string, MockOrganization>();
  readonly members = new Map<string, MockMember>();
  readonly sent: SentSms[] = [];
  /** Sessions by every token that reaches them (session token, JWT, intermediate token). */
  readonly sessions = new Map<string, MockSession>();
  /** The code most recently sent to each Member. */
  readonly codes = new Map<string, { code: string; expiresAt: number; used: boolean }>();
  private clockOffsetMs = 0;

  constructor(readonly options: { readonly allowInternational: boolean; readonly phoneRateLimit: { limit: number; windowMs?: number } | undefined }) {}

  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

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

  /** A new session of `memberId`, lasting `minutes`; `intermediate` for the token a primary login hands out. */
  startSession(memberId: string, kind: MockSession["kind"], minutes = 60): MockSession {
    const now = this.now();
    const id = `${kind === "member" ? "member-session" : "intermediate-session"}-test-${crypto.randomUUID()}`;
    const token = `mock-${kind === "member" ? "session_token" : "intermediate_session_token"}-${crypto.randomUUID()}`;
    const expiresAt = now + minutes * 60_000;
    const session: MockSession = { kind, id, memberId, token, jwt: mockJwt(id, memberId, expiresAt), startedAt: now, expiresAt, lastAccessedAt: now, factors: [], customClaims: {} };
    this.sessions.set(token, session);
    if (kind === "member") this.sessions.set(session.jwt, session);
    return session;
  }

  /** The live session a request's session field names, if it is of that kind. */
  findSession(kind: SessionKind, token: string): MockSession | undefined {
    const session = this.sessions.get(token);
    const fits = kind === "intermediate_session_token" ? session?.kind === "intermediate" : session?.kind === "member" && session[kind === "session_jwt" ? "jwt" : "token"] === token;
    return fits && session!.expiresAt > this.now() ? session : undefined;
  }

  endSession(session: MockSession): void {
    this.sessions.delete(session.token);
    this.sessions.delete(session.jwt);
  }

  /** The code that would authenticate now, if any: a newer send invalidates the older code. */
  activeCode(memberId: string): string | undefined {
    const active = this.codes.get(memberId);
    return active && !active.used && active.expiresAt > this.now() ? active.code : undefined;
  }

  clear(): void {
    this.organizations.clear();
    this.members.clear();
    this.sessions.clear();
    this.codes.clear();
    this.sent.length = 0;
    this.clockOffsetMs = 0;
  }

  findOrganization(idOrSlug: string): MockOrganization | undefined {
    return (
      this.organizations.get(idOrSlug) ??
      [...this.organizations.values()].find(
        (o) => o.organization_slug === idOrSlug || (o.organization_external_id && o.organization_external_id === idOrSlug),
      )
    );
  }

  findMember(organizationId: string, idOrExternalId: string): MockMember | undefined {
    const byId = this.members.get(idOrExternalId);
    if (byId) return byId.organization_id === organizationId ? byId : undefined;
    return [...this.members.values()].find((m) => m.organization_id === organizationId && m.external_id === idOrExternalId);
  }
}

export function fail(status: number, error_type: string, error_message: string): Outcome<never> {
  return { ok: false, status, error_type, error_message };
}

/** An unsigned JWT (`alg: none`): shaped like Stytch's, so that it is treated as one (and redacted as one). */
function mockJwt(sessionId: string, memberId: string, expiresAt: number): string {
  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  const claims = { sub: memberId, "https://stytch.com/session": { id: sessionId }, exp: Math.floor(expiresAt / 1000) };
  return `${encode({ alg: "none", typ: "JWT" })}.${encode(claims)}.`;
}
