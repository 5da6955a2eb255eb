import assert from "node:assert/strict";
import { test } from "node:test";
import { inspect } from "node:util";
import { createSmsGuard, memoryGuardStore, type GuardStore, type SmsGuardOptions } from "../src/guard/index.ts";
import { worldRegions } from "../src/guard/world-regions.ts";
import {
  createStytchB2BClient,
  StytchApiError,
  StytchError,
  StytchGuardError,
  StytchValidationError,
  type ErrorEvent,
  type StytchB2BClientOptions,
} from "../src/index.ts";
import { closedPort } from "./support/servers.ts";
import { sharedMock } from "./support/shared-mock.ts";

const mock = sharedMock({ mock: { allowInternational: true } });
const NOON = Date.UTC(2026, 11, 6, 12);

/** A client with a guard on a clock the test moves (no jitter unless asked), and what `onError` saw. */
function guarded(options: SmsGuardOptions = {}, client: Partial<StytchB2BClientOptions> = {}) {
  const clock = { now: NOON };
  const errors: ErrorEvent[] = [];
  const guard = createSmsGuard({ now: () => clock.now, random: () => 0, ...options });
  const stytch = createStytchB2BClient({ ...mock.clientOptions, guard, hooks: { onError: (e) => errors.push(e) }, ...client });
  return { stytch, clock, errors, guard };
}

/** A Member of their own (with no phone yet), so that per-Member rules do not mix between sends. */
const newMember = (phone?: string) => ({
  organization_id: mock.organization.organization_id,
  member_id: mock.addMember(mock.organization.organization_id, phone ? { mfa_phone_number: phone } : {}).member_id,
});

async function refused(call: Promise<unknown>): Promise<StytchGuardError> {
  const error = await call.then(
    () => assert.fail("the call passed"),
    (e: unknown) => e,
  );
  assert.ok(error instanceof StytchGuardError, `expected StytchGuardError, got ${String(error)}`);
  return error;
}

/** A Member with `phone` and a code sent to it, and a wrong guess of that code, as a script would make. */
async function codeSent(stytch: ReturnType<typeof guarded>["stytch"], phone: string) {
  const member = newMember(phone);
  const intermediate_session_token = mock.createSession(member.member_id, "intermediate_session_token");
  await stytch.otps.sms.send(member);
  const guess = () => stytch.otps.sms.authenticate({ ...member, code: "000000", intermediate_session_token });
  return { member, intermediate_session_token, guess };
}

test("by default only US and Canadian numbers pass: +44, +1 876 (Jamaica), +1 809 are refused before anything is sent", async () => {
  const { stytch, errors } = guarded();
  const received = mock.exchanges.length;
  for (const [phone, shown] of [
    ["+447700900123", "+4477•••0123 is not in US, CA"],
    ["+18765550123", "+1876•••0123 is in JM, not in US, CA"],
    ["+18095550123", "+1809•••0123 is in DO, not in US, CA"],
    ["+12125550123", undefined],
  ] as const) {
    const call = stytch.otps.sms.send({ ...newMember(), mfa_phone_number: phone });
    if (!shown) {
      await call;
      continue;
    }
    const error = await refused(call);
    assert.equal(error.rule, "allowedRegions");
    assert.equal(error.retryAfterMs, undefined);
    assert.ok(error.message.includes(shown), error.message);
    assert.ok(!error.message.includes(phone.slice(1)), "the message shows the whole number");
    assert.ok(error instanceof StytchError);
  }
  assert.equal(mock.exchanges.length, received + 1, "a refused send reached the mock");
  assert.deepEqual(errors.map((e) => [e.error.name, e.attempt, e.status]), Array(3).fill(["StytchGuardError", 0, undefined]));
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+16135550123" }); // Ottawa, Canada
  assert.equal(mock.sentSms.length, 2);
});

test("allowedRegions outside +1 take the world table and are exact there; false allows every region", async () => {
  assert.throws(() => createSmsGuard({ allowedRegions: ["GB"] }), (e: unknown) => e instanceof StytchValidationError && /regions: worldRegions/.test(e.message));
  const { stytch } = guarded({ allowedRegions: ["GB", "US"], regions: worldRegions });
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+447700900123" });
  const jersey = await refused(stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+447700312345" }));
  assert.match(jersey.message, /is in JE, not in GB, US/);
  const error = await refused(stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+16135550123" }));
  assert.match(error.message, /is in CA, not in GB, US/);
  await guarded({ allowedRegions: false }).stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+18765550123" });
  assert.equal(mock.sentSms.length, 2);
});

test("a Member gets 3 codes at once, then waits 1, 2, 4 … minutes between codes; the wait is retryAfterMs", async () => {
  const { stytch, clock } = guarded({ phone: false });
  const member = newMember("+14155550100");
  for (let i = 0; i < 3; i++) await stytch.otps.sms.send(member);
  for (const waitMs of [60_000, 120_000, 240_000]) {
    const error = await refused(stytch.otps.sms.send(member));
    assert.equal(error.rule, "member");
    assert.equal(error.retryAfterMs, waitMs);
    assert.match(error.message, new RegExp(`Member ${member.member_id}.*may pass in ${waitMs / 60_000} min\\. Nothing was sent\\.`));
    clock.now += waitMs - 1;
    await refused(stytch.otps.sms.send(member));
    clock.now += 1;
    await stytch.otps.sms.send(member);
  }
  assert.equal(mock.sentSms.length, 6);
});

test("the waits stop doubling at maxWaitMs, carry up to 20 % jitter, and are forgotten after a quiet day", async () => {
  let jitter = 0.999;
  const { stytch, clock } = guarded({ phone: false, member: { immediate: 1, firstWaitMs: 1000, maxWaitMs: 4000 }, random: () => jitter });
  const member = newMember("+14155550101");
  const waits: number[] = [];
  for (let i = 0; i < 5; i++) {
    await stytch.otps.sms.send(member);
    const { retryAfterMs } = await refused(stytch.otps.sms.send(member));
    waits.push(retryAfterMs!);
    clock.now += retryAfterMs!;
  }
  assert.deepEqual(waits, [800, 1600, 3200, 3200, 3200].map((ms) => Math.floor((ms / 0.8) * (1 - 0.2 * 0.999))));
  jitter = 0;
  await stytch.otps.sms.send(member);
  clock.now += 24 * 3_600_000;
  await stytch.otps.sms.send(member); // forgotten: the ladder starts again
  assert.equal((await refused(stytch.otps.sms.send(member))).retryAfterMs, 1000);
});

test("check and count are one step: 100 concurrent sends for one Member with immediate 3 send exactly 3", async () => {
  const { stytch } = guarded();
  const member = newMember("+14155550102");
  const results = await Promise.allSettled(Array.from({ length: 100 }, () => stytch.otps.sms.send(member)));
  assert.equal(results.filter((r) => r.status === "fulfilled").length, 3);
  assert.ok(results.every((r) => r.status === "fulfilled" || r.reason instanceof StytchGuardError));
  assert.equal(mock.sentSms.filter((sms) => sms.memberId === member.member_id).length, 3);
});

test("the phone rule follows a number across Members, and the Member's number learned from an answer", async () => {
  const { stytch } = guarded({ member: false, phone: { immediate: 1 } });
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550103" });
  const error = await refused(stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550103" }));
  assert.equal(error.rule, "phone");
  assert.match(error.message, /\+1415•••0103/);
  // A Member whose number is on file at Stytch: the first answer tells the guard, the next send is keyed by it.
  const onFile = newMember("+14155550104");
  await stytch.otps.sms.send(onFile);
  const learned = await refused(stytch.otps.sms.send(onFile));
  assert.equal(learned.rule, "phone");
  assert.match(learned.message, /the Member's phone/);
});

test("a learned number outside the allowed regions is refused too", async () => {
  const { stytch } = guarded();
  const abroad = newMember("+447700900124"); // linked by other means (the dashboard, an import)
  await stytch.otps.sms.send(abroad); // the guard does not know the number yet; Stytch's answer tells it
  const error = await refused(stytch.otps.sms.send(abroad));
  assert.equal(error.rule, "allowedRegions");
  assert.match(error.message, /the Member's phone is not in US, CA/);
});

test("prefix counts sends to one number range (the number less its last 4 digits), as pumping rotates numbers", async () => {
  const { stytch, clock } = guarded({ prefix: { limit: 3, windowMs: 3_600_000 } });
  for (const last of ["0001", "0002", "0003"]) await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: `+1415555${last}` });
  const error = await refused(stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155559999" }));
  assert.equal(error.rule, "prefix");
  assert.equal(error.retryAfterMs, 3_600_000);
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155560001" }); // another range
  clock.now += 3_600_000;
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155559999" });
});

test("region, organization and ip budgets; the IP by its /64", async () => {
  const budgets = { region: { limit: 1, windowMs: 60_000 }, organization: { limit: 3, windowMs: 60_000 }, ip: { limit: 1, windowMs: 60_000 } };
  const { stytch } = guarded({ ...budgets, allowedRegions: false });
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550201" });
  assert.equal((await refused(stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550202" }))).rule, "region");
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+33612345678" }, { guard: { ip: "2001:db8:1:2::1" } });
  const byIp = await refused(stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+447700900127" }, { guard: { ip: "2001:0db8:0001:0002:ffff::9" } }));
  assert.equal(byIp.rule, "ip");
  assert.ok(!byIp.message.includes("2001"), byIp.message);
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+16135550203" }, { guard: { ip: "2001:db8::1" } }); // another /64
  assert.equal((await refused(stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+447700900128" }))).rule, "organization");
  const badIp = await stytch.otps.sms.send({ ...newMember() }, { guard: { ip: "not an ip" } }).catch((e: unknown) => e);
  assert.ok(badIp instanceof StytchValidationError && badIp.field === "guard.ip", String(badIp));
});

test("daily caps the project's sends per UTC day; refused with no retryAfterMs (not today), open again at midnight", async () => {
  const { stytch, clock } = guarded({ daily: { limit: 2 } });
  clock.now = Date.UTC(2026, 11, 6, 23, 0);
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550301" });
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550302" });
  const error = await refused(stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550303" }));
  assert.equal(error.rule, "daily");
  assert.equal(error.retryAfterMs, undefined);
  clock.now = Date.UTC(2026, 11, 7, 0, 0);
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550303" });
});

test("what counts: a 200, a 5xx, a timeout; not a 4xx, a refused connection, a refused input or a refusal", async () => {
  const rules: SmsGuardOptions = { store: memoryGuardStore(), phone: false, member: { immediate: 2 } };
  const { stytch, clock } = guarded(rules);
  const unreachable = createStytchB2BClient({ ...mock.clientOptions, baseUrl: await closedPort(), guard: createSmsGuard({ ...rules, now: () => clock.now }) });
  const member = newMember("+14155550401");
  mock.failNext({ status: 400, error_type: "invalid_phone_number" });
  await assert.rejects(stytch.otps.sms.send(member), StytchApiError);
  await assert.rejects(stytch.otps.sms.send({ ...member, mfa_phone_number: "555" }), StytchValidationError);
  await assert.rejects(unreachable.otps.sms.send(member, { maxRetries: 0 }), (e: unknown) => e instanceof StytchError && e.name === "StytchConnectionError");
  mock.failNext({ status: 500 });
  await assert.rejects(stytch.otps.sms.send(member), StytchApiError); // may have cost an SMS: counts
  await stytch.otps.sms.send(member); // the second that counts
  assert.equal((await refused(stytch.otps.sms.send(member))).rule, "member");

  const timing = guarded({ phone: false, member: { immediate: 1 } });
  const other = newMember("+14155550402");
  mock.failNext({ hang: true });
  await assert.rejects(timing.stytch.otps.sms.send(other, { timeoutMs: 100 }));
  assert.equal((await refused(timing.stytch.otps.sms.send(other))).rule, "member", "a timeout may have sent the SMS: it counts");
});

test("five wrong codes lock authenticate for the Member without calling Stytch; a new code or a right one unlocks", async () => {
  const { stytch } = guarded();
  const { member, intermediate_session_token, guess } = await codeSent(stytch, "+14155550501");
  for (let i = 0; i < 5; i++) await assert.rejects(guess(), (e: unknown) => e instanceof StytchApiError && e.error_type === "otp_code_not_found");
  const received = mock.exchanges.length;
  const locked = await refused(guess());
  assert.equal(locked.rule, "wrongCodes");
  assert.equal(locked.retryAfterMs, undefined);
  assert.equal(mock.exchanges.length, received, "the sixth guess reached Stytch");
  await stytch.otps.sms.send(member); // a new code: the count starts again
  await assert.rejects(guess(), StytchApiError);
  await stytch.otps.sms.authenticate({ ...member, code: mock.lastSms()!.code, intermediate_session_token });
  // Other failures (here a 500) are not wrong codes, and a correct code clears the count.
  mock.failNext({ status: 500 }, 5);
  for (let i = 0; i < 5; i++) await assert.rejects(guess(), (e: unknown) => e instanceof StytchApiError && e.status === 500);
  await assert.rejects(guess(), (e: unknown) => e instanceof StytchApiError && e.status === 404);
});

test("a send that may or may not have gone out (a 500) leaves the wrong-code count standing", async () => {
  const { stytch } = guarded({ member: { immediate: 10 }, phone: false });
  const { member, guess } = await codeSent(stytch, "+14155550503");
  for (let i = 0; i < 5; i++) await assert.rejects(guess(), StytchApiError);
  mock.failNext({ status: 500 });
  await assert.rejects(stytch.otps.sms.send(member), StytchApiError);
  assert.equal((await refused(guess())).rule, "wrongCodes");
  await stytch.otps.sms.send(member);
  await assert.rejects(guess(), (e: unknown) => e instanceof StytchApiError && e.error_type === "otp_code_not_found");
});

test("ten concurrent guesses with four wrong codes counted: exactly one reaches Stytch", async () => {
  const { stytch } = guarded();
  const { guess } = await codeSent(stytch, "+14155550502");
  for (let i = 0; i < 4; i++) await assert.rejects(guess(), StytchApiError);
  const received = mock.exchanges.length;
  const results = await Promise.allSettled(Array.from({ length: 10 }, guess));
  assert.equal(results.filter((r) => r.status === "rejected" && r.reason instanceof StytchGuardError).length, 9);
  assert.equal(mock.exchanges.length, received + 1);
});

test("withResponse is guarded too; the error names the rule and is a StytchError from the main entry", async () => {
  const { stytch } = guarded();
  const error = await refused(stytch.otps.sms.send.withResponse({ ...newMember(), mfa_phone_number: "+447700900125" }));
  assert.equal(error.name, "StytchGuardError");
  assert.deepEqual(error.attempts, []);
  for (const shown of [error.message, JSON.stringify(error), inspect(error, { depth: Infinity }), String(error.stack)]) {
    assert.ok(!shown.includes("447700900125"), shown);
  }
});

test("a store that fails or does not answer refuses the call (fail closed), never showing the store's secrets", async () => {
  const failing = broken(() => Promise.reject(Object.assign(new Error("connect ECONNREFUSED redis://:hunter2@10.0.0.5:6379"), { code: "ECONNREFUSED" })));
  const { stytch } = guarded({ store: failing });
  const error = await refused(stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550601" }));
  assert.equal(error.rule, "store");
  assert.match(error.message, /failed \(ECONNREFUSED\)/);
  for (const shown of [error.message, JSON.stringify(error), inspect(error, { depth: Infinity })]) assert.ok(!/hunter2|10\.0\.0\.5|redis:/.test(shown), shown);
  const slow = guarded({ store: broken(() => new Promise(() => {})), storeTimeoutMs: 50 });
  const started = performance.now();
  const late = await refused(slow.stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550602" }));
  assert.match(late.message, /did not answer within 50 ms/);
  assert.ok(performance.now() - started < 1000);
  assert.equal(mock.sentSms.length, 0);
});

test("a store of the app's own that answers take with something other than a list fails closed like a failing store", async () => {
  const store = { ...memoryGuardStore(), take: async () => undefined as never };
  const error = await refused(guarded({ store }).stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550604" }));
  assert.equal(error.rule, "store");
  assert.match(error.message, /failed \(TypeError\)/);
});

test("onStoreError: allow lets calls through when the store fails (the region rule still applies); a function sees the error", async () => {
  const seen: unknown[] = [];
  const { stytch } = guarded({ store: broken(() => Promise.reject(new Error("down"))), onStoreError: (e) => (seen.push(e), "allow") });
  await stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+14155550603" });
  assert.equal((await refused(stytch.otps.sms.send({ ...newMember(), mfa_phone_number: "+447700900126" }))).rule, "allowedRegions");
  assert.ok(seen.length >= 1 && seen.every((e) => e instanceof Error && e.message === "down"));
  assert.equal(mock.sentSms.length, 1);
});

test("the client refuses a guard or telemetry option that is no plug-in, naming the call to make", async () => {
  const { openTelemetry } = await import("../src/opentelemetry/index.ts");
  for (const [options, field, hint] of [
    [{ guard: createSmsGuard }, "guard", /createSmsGuard\(\) from "stytch-b2b-sms\/guard"/],
    [{ telemetry: openTelemetry }, "telemetry", /openTelemetry\(\) from "stytch-b2b-sms\/opentelemetry"/],
  ] as const) {
    assert.throws(() => createStytchB2BClient({ ...mock.clientOptions, ...(options as object) }), (e: unknown) => e instanceof StytchValidationError && e.field === field && hint.test(e.message));
  }
});

test("options are checked: an unknown key, a region that is no region, a value that is no whole number", () => {
  const cases: [SmsGuardOptions, string, RegExp][] = [
    [{ allowedRegions: ["UK"] }, "guard.allowedRegions", /"GB"/],
    [{ allowedRegions: ["UK"], regions: worldRegions }, "guard.allowedRegions", /"GB"/],
    [{ regions: {} as never }, "guard.regions", /region table/],
    [{ member: { immediate: -1 } }, "guard.member.immediate", /whole number ≥ 0/],
    [{ member: { firstWaitMs: Number.NaN } }, "guard.member.firstWaitMs", /whole number/],
    [{ prefix: { limits: 3 } as never }, "guard.prefix.limits", /not a setting/],
    [{ region: { limit: 3 } }, "guard.region.windowMs", /whole number ≥ 1/],
    [{ member: { firstWaitMs: 10, maxWaitMs: 5 } }, "guard.member", /firstWaitMs ≤ maxWaitMs/],
    [{ dailly: { limit: 1 } } as never, "guard.dailly", /not an option/],
    [{ onStoreError: "open" as never }, "guard.onStoreError", /"refuse", "allow"/],
    [{ storeTimeoutMs: 0 }, "guard.storeTimeoutMs", /whole number ≥ 1/],
  ];
  for (const [options, field, message] of cases) {
    assert.throws(() => createSmsGuard(options), (e: unknown) => e instanceof StytchValidationError && e.field === field && e.rule === "option" && message.test(e.message), field);
  }
});

test("the memory store stays within maxKeys however many distinct numbers and Members arrive", async () => {
  const store = memoryGuardStore({ maxKeys: 1000 }) as GuardStore & { size: number };
  for (let i = 0; i < 20_000; i++) await store.take([{ kind: "window", key: `x:${i}`, limit: 1, windowMs: 60_000 }], NOON, 0);
  assert.equal(store.size, 1000);
  // The most recent keys are the ones kept.
  assert.equal((await store.take([{ kind: "window", key: "x:19999", limit: 1, windowMs: 60_000 }], NOON, 0)).length, 1);
  assert.equal((await store.take([{ kind: "window", key: "x:0", limit: 1, windowMs: 60_000 }], NOON, 0)).length, 0);
});

/** A store whose every call does `answer()`. */
function broken(answer: () => Promise<never>): GuardStore {
  return { take: answer, giveBack: answer, forget: answer, get: answer, set: answer };
}
