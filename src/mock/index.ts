/**
 * An embedded mock of Stytch's B2B SMS OTP endpoints (send and authenticate), for your tests and demos: a real
 * HTTP server on 127.0.0.1 that routes and checks requests with the operation table generated from the spec,
 * checks Basic auth, keeps Organizations, Members, sessions and codes in memory with Stytch's rules, records
 * every SMS it "sends", runs on a clock tests can move, and fails on demand.
 *
 *   const mock = await startMockStytch();
 *   const client = createStytchB2BClient(mock.clientOptions);
 *   const ids = { organization_id: mock.organization.organization_id, member_id: mock.member.member_id };
 *   await client.otps.sms.send({ ...ids, mfa_phone_number: "+15005550006" });
 *   const intermediate_session_token = mock.createSession(ids.member_id, "intermediate_session_token");
 *   await client.otps.sms.authenticate({ ...ids, code: mock.lastSms()!.code, intermediate_session_token });
 *   await mock.close();
 */
import * as generated from "../../generated/operations.ts";
import type { MockMember, MockOrganization } from "./fixtures.ts";
import { FaultQueue, type MockFault } from "./faults.ts";
import { listen, type MockApi, type MockExchange } from "./server.ts";
import { MockStore, type SentSms, type SessionKind } from "./store.ts";

export type { MockApi, MockExchange, MockFault, MockMember, MockOrganization, SentSms, SessionKind };

export interface MockStytchOptions {
  /** Port on 127.0.0.1. Default 0: any free port. */
  port?: number;
  /** Credentials the mock accepts. Defaults: a fixed `project-test-…` id and `mock-secret-…` secret. */
  projectId?: string;
  secret?: string;
  /** Allow SMS outside the US and Canada (Stytch disables it by default for newer projects). Default false. */
  allowInternational?: boolean;
  /**
   * Answer as Stytch's own rate limit does: once `limit` SMS went to one phone number within `windowMs` (on the
   * mock's clock; default an hour), a send to it gets 429 `too_many_requests` and sends nothing. Default: none.
   */
  phoneRateLimit?: { limit: number; windowMs?: number };
  /**
   * The operations to serve, for testing tooling against another spec: the operation table module the
   * codegen generated from it (`scripts/generate.ts --spec … --out …`). An operation without business
   * rules here answers its spec's 200 example, after the same routing, auth and request checks.
   * Default: this package's operations.
   */
  api?: MockApi;
}

export interface MockStytch {
  /** `http://127.0.0.1:<port>`: pass it as the client's `baseUrl`. */
  readonly url: string;
  readonly projectId: string;
  readonly secret: string;
  /** `{ projectId, secret, baseUrl }`, ready for `createStytchB2BClient`. */
  readonly clientOptions: { projectId: string; secret: string; baseUrl: string };
  /** The seeded Organization, and an active Member of it with no phone number (re-seeded by `reset()`). */
  readonly organization: MockOrganization;
  readonly member: MockMember;
  addOrganization(overrides?: Partial<MockOrganization>): MockOrganization;
  addMember(organizationId: string, overrides?: Partial<MockMember>): MockMember;
  getMember(memberId: string): MockMember | undefined;
  /** A session token of `memberId`, accepted in the matching request field. */
  createSession(memberId: string, kind?: SessionKind): string;
  /** Every SMS sent, oldest first. */
  readonly sentSms: readonly SentSms[];
  lastSms(): SentSms | undefined;
  /** The code that would authenticate `memberId` now (a newer send invalidates the older code). */
  activeCode(memberId: string): string | undefined;
  /** Moves the mock's clock forward (codes expire 2 minutes after they are sent, sessions when they end). */
  advanceTime(ms: number): void;
  /** Every request received, with the answer given, oldest first. */
  readonly exchanges: readonly MockExchange[];
  /** Misbehave on the next `times` requests (default 1), before handling them. */
  failNext(fault: MockFault, times?: number): void;
  /** Forget everything (SMS, exchanges, faults, added data) and re-seed. */
  reset(): void;
  close(): Promise<void>;
}

/** The ids of the seeded Organization (slug `acme`) and Member, stable across runs and `reset()`. */
export const MOCK_ORGANIZATION_ID = "organization-test-00000000-0000-4000-8000-000000000001";
export const MOCK_MEMBER_ID = "member-test-00000000-0000-4000-8000-000000000002";

export async function startMockStytch(options: MockStytchOptions = {}): Promise<MockStytch> {
  const projectId = options.projectId ?? "project-test-00000000-0000-4000-8000-000000000000";
  const secret = options.secret ?? "mock-secret-0123456789abcdef";
  const store = new MockStore({ allowInternational: options.allowInternational ?? false, phoneRateLimit: options.phoneRateLimit });
  const faults = new FaultQueue();
  const exchanges: MockExchange[] = [];
  const seed = () => {
    const organization = store.addOrganization({ organization_id: MOCK_ORGANIZATION_ID, organization_slug: "acme" });
    const member = store.addMember(organization.organization_id, { member_id: MOCK_MEMBER_ID, email_address: "ada@acme.test", name: "Ada" });
    return { organization, member };
  };
  let seeded = seed();
  const server = await listen(options.port ?? 0, { api: options.api ?? generated, credentials: { projectId, secret }, store, faults, exchanges });

  return {
    url: server.url,
    projectId,
    secret,
    clientOptions: { projectId, secret, baseUrl: server.url },
    get organization() {
      return seeded.organization;
    },
    get member() {
      return seeded.member;
    },
    addOrganization: (overrides) => store.addOrganization(overrides),
    addMember: (organizationId, overrides) => store.addMember(organizationId, overrides),
    getMember: (memberId) => store.members.get(memberId),
    createSession(memberId, kind = "session_token") {
      if (!store.members.has(memberId)) throw new Error(`mock: no member ${memberId}`);
      const session = store.startSession(memberId, kind === "intermediate_session_token" ? "intermediate" : "member");
      return kind === "session_jwt" ? session.jwt : session.token;
    },
    sentSms: store.sent,
    lastSms: () => store.sent.at(-1),
    activeCode: (memberId) => store.activeCode(memberId),
    advanceTime: (ms) => store.advanceClock(ms),
    exchanges,
    failNext: (fault, times = 1) => faults.push(fault, times),
    reset() {
      store.clear();
      faults.clear();
      exchanges.length = 0;
      seeded = seed();
    },
    close: server.close,
  };
}
