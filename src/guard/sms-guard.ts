import {
  StytchAbortError,
  StytchApiError,
  StytchConnectionError,
  StytchDecodeError,
  StytchTimeoutError,
  type CallWatcher,
  type GuardRule,
  type Plugin,
  type PluginCall,
  type StytchError,
} from "../index.ts";
import { hashed } from "./hash.ts";
import { ipKey } from "./ip.ts";
import { memoryGuardStore } from "./memory-store.ts";
import { guardSettings, type GuardSettings, type SmsGuardOptions } from "./options.ts";
import { maskPhone } from "./phone.ts";
import { refusal } from "./refusal.ts";
import type { BackoffLimit, GuardStore, Limit, WindowLimit } from "./store.ts";

/** The guard, passed to the client as its `guard` option. */
export interface SmsGuard extends Plugin {
  readonly store: GuardStore;
}

type Ids = { readonly organization_id: string; readonly member_id: string };

/** What the guard knows of the phone a send goes to: hashes only, so that no store holds the number. */
interface Phone {
  readonly region: string | undefined;
  readonly number: string;
  readonly range: string;
  /** `+1415•••0123` when the number came with the call; a learned one is not kept, not even masked. */
  readonly shown?: string;
}

const DAY = 86_400_000;
/** How long the guard remembers a Member's phone learned from an answer. */
const LEARNED_MS = 7 * DAY;
/** Stytch's answers to a code that is wrong, expired or already used. */
const WRONG_CODE = ["otp_code_not_found", "unable_to_auth_otp_code"];
const STORE_LATE = new Error("late");

/**
 * A send guard against SMS pumping and code guessing, checked in the client before anything is sent:
 * `createStytchB2BClient({ …, guard: createSmsGuard() })`. Every option has a default that protects
 * (docs/guard.md); a refusal is a `StytchGuardError`.
 */
export function createSmsGuard(options: SmsGuardOptions = {}): SmsGuard {
  const settings = guardSettings(options);
  const store = options.store ?? memoryGuardStore();

  /**
   * A store call bounded by `storeTimeoutMs`. When the store fails or is late, a call that needs its answer
   * (`needed`) is refused, unless `onStoreError` allows it; then, as for a call that does not, it resolves to
   * `undefined` and the call goes on.
   */
  async function ask<T>(work: () => Promise<T>, needed: boolean): Promise<T | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const answer = work();
      answer.catch(() => {}); // an answer after the timeout must not become an unhandled rejection
      return await Promise.race([answer, new Promise<never>((_, reject) => (timer = setTimeout(reject, settings.storeTimeoutMs, STORE_LATE)))]);
    } catch (error) {
      let allowed = false;
      try {
        allowed = settings.onStoreError(error) === "allow";
      } catch {}
      if (!needed || allowed) return undefined;
      // Only the error's code or class name: a client's message can hold the store's URL or password.
      const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
      const label = [code, name].find((value) => typeof value === "string" && /^[A-Za-z][\w.]{0,40}$/.test(value)) ?? "an error";
      const what = error === STORE_LATE ? `did not answer within ${settings.storeTimeoutMs} ms` : `failed (${label})`;
      throw refusal("store", `its store ${what}, and an outage must not open the gate to pumping`, undefined, settings.now());
    } finally {
      clearTimeout(timer);
    }
  }

  /** Checks and counts `rules` in one step; throws the refusal that binds longest. */
  async function take(rules: Rule[]): Promise<Limit[] | undefined> {
    const limits = rules.map((rule) => rule.limit);
    const now = settings.now();
    const refusals = await ask(() => store.take(limits, now, settings.random()), true);
    if (!refusals) return undefined; // the store failed and onStoreError allows the call: nothing was counted
    if (refusals.length === 0) return limits;
    const binding = refusals.reduce((a, b) => (b.retryAfterMs > a.retryAfterMs ? b : a));
    const { name, subject } = rules[binding.index]!;
    throw refusal(name, name === "wrongCodes" ? subject : `too many codes ${subject}`, name === "wrongCodes" ? undefined : binding.retryAfterMs, now);
  }

  /** Keeps the Member's phone from a 200 answer, unless `known` is that phone already. */
  async function learn(ids: Ids, data: object | undefined, known: Phone | undefined): Promise<Phone | undefined> {
    const e164 = (data as { member?: { mfa_phone_number?: unknown } } | undefined)?.member?.mfa_phone_number;
    if (typeof e164 !== "string" || !/^\+[1-9]\d{1,14}$/.test(e164)) return undefined;
    const { region, number, range } = phoneOf(e164, settings);
    if (known?.number !== number) await ask(() => store.set(`learned:${keyOf(ids)}`, JSON.stringify({ region, number, range }), LEARNED_MS, settings.now()), false);
    return { region, number, range };
  }

  function watchSend(call: PluginCall): CallWatcher {
    const ids = call.body as Ids & { mfa_phone_number?: string };
    const given = ids.mfa_phone_number;
    let taken: Limit[] | undefined;
    let phone: Phone | undefined;
    let mayHaveCost = false;
    return async (step) => {
      if (step.step === "admit") {
        phone = given ? phoneOf(given, settings) : await ask(() => store.get(`learned:${keyOf(ids)}`, settings.now()).then(recall), true);
        const allowed = settings.allowedRegions;
        if (phone && allowed && !allowed.has(phone.region!)) {
          const where = phone.region ? `in ${phone.region}, ` : "";
          throw refusal("allowedRegions", `${phone.shown ?? "the Member's phone"} is ${where}not in ${[...allowed].join(", ")}`, undefined, settings.now());
        }
        taken = await take(sendRules(settings, ids, phone, call.options.guard?.ip));
      } else if (step.step === "attempted") {
        mayHaveCost ||= !step.error || costs(step.error);
      } else if (taken && !mayHaveCost) {
        await ask(() => store.giveBack(taken!, settings.now()), false);
      } else if (taken) {
        // A new code went out: the Member's wrong codes start again, and the answer tells the Member's phone.
        const forgotten = ask(() => store.forget([`wrongCodes:${keyOf(ids)}`]), false);
        const learned = await learn(ids, step.data, phone);
        // A send to a number the guard did not know yet counts on the number's rules now, as far as they have room.
        const late = !phone && learned ? sendRules(settings, ids, learned, undefined).filter((rule) => "phone prefix region".includes(rule.name)) : [];
        if (late.length) await ask(() => store.take(late.map((rule) => rule.limit), settings.now(), settings.random()), false);
        await forgotten;
      }
    };
  }

  function watchAuthenticate(call: PluginCall, limit: number): CallWatcher {
    const ids = call.body as Ids;
    let taken: Limit[] | undefined;
    return async (step) => {
      if (step.step === "admit") {
        const subject = `${limit} wrong codes for Member ${ids.member_id} since the last code sent; send a new code first`;
        taken = await take([{ name: "wrongCodes", limit: { kind: "window", key: `wrongCodes:${keyOf(ids)}`, limit, windowMs: DAY }, subject }]);
      } else if (step.step === "end" && taken) {
        const { error } = step;
        if (!error) await Promise.all([ask(() => store.forget([`wrongCodes:${keyOf(ids)}`]), false), learn(ids, step.data, undefined)]);
        else if (!(error instanceof StytchApiError && WRONG_CODE.includes(error.error_type))) await ask(() => store.giveBack(taken!, settings.now()), false);
      }
    };
  }

  return {
    store,
    watch(call) {
      const { id } = call.operation;
      if (id === "b2bOtpsSmsSend") return watchSend(call);
      if (id === "b2bOtpsSmsAuthenticate" && settings.wrongCodes) return watchAuthenticate(call, settings.wrongCodes.limit);
      return undefined;
    },
  };
}

interface Rule {
  readonly name: GuardRule;
  readonly limit: Limit;
  /** Whom or what the refusal is about; never the whole phone number. */
  readonly subject: string;
}

/** Every rule that applies to this send. */
function sendRules(settings: GuardSettings, ids: Ids, phone: Phone | undefined, ip: string | undefined): Rule[] {
  const rules: Rule[] = [];
  const add = (name: GuardRule, value: string | undefined, limit: Omit<WindowLimit, "key"> | Omit<BackoffLimit, "key">, subject: string) => {
    if (value !== undefined) rules.push({ name, limit: { ...limit, key: `${name}:${value}` } as Limit, subject });
  };
  const { member, prefix, region, organization, daily } = settings;
  const shown = phone?.shown ?? "the Member's phone";
  if (member) add("member", keyOf(ids), { kind: "backoff", ...member }, `for Member ${ids.member_id}`);
  if (settings.phone) add("phone", phone?.number, { kind: "backoff", ...settings.phone }, `to ${shown}`);
  if (prefix) add("prefix", phone?.range, { kind: "window", ...prefix }, `to numbers in the range of ${shown}`);
  if (region) add("region", phone?.region, { kind: "window", ...region }, `to ${phone?.region}`);
  if (organization) add("organization", ids.organization_id, { kind: "window", ...organization }, `for Organization ${ids.organization_id}`);
  if (daily) {
    const now = settings.now();
    const windowMs = Math.floor(now / DAY + 1) * DAY - now; // until midnight UTC
    add("daily", new Date(now).toISOString().slice(0, 10), { kind: "window", limit: daily.limit, windowMs }, `today: the project's budget is ${daily.limit} a day (UTC)`);
  }
  if (settings.ip && ip !== undefined) add("ip", hashed(ipKey(ip)), { kind: "window", ...settings.ip }, "from this IP address");
  return rules;
}

function phoneOf(e164: string, settings: GuardSettings): Phone {
  return { region: settings.regions.regionOf(e164), number: hashed(e164), range: hashed(e164.slice(0, -4)), shown: maskPhone(e164) };
}

/** A learned phone as a store keeps it (JSON of the region and the hashes), if it reads as one. */
function recall(value: string | undefined): Phone | undefined {
  try {
    const { region, number, range } = JSON.parse(value!);
    return typeof number === "string" && typeof range === "string" ? { region: typeof region === "string" ? region : undefined, number, range } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a failed attempt may have had Stytch send an SMS: a 5xx, a timeout, a connection lost after sending … */
function costs(error: StytchError): boolean {
  if (error instanceof StytchConnectionError) return error.maybeSent;
  if (error instanceof StytchApiError || error instanceof StytchDecodeError) return error.status >= 500 || (error.status >= 200 && error.status < 300);
  return error instanceof StytchTimeoutError || error instanceof StytchAbortError;
}

/** A Member's key: ids as given (support can find them), its Organization's length first so that "a:b"+"c" ≠ "a"+"b:c". */
const keyOf = (ids: Ids) => `${ids.organization_id.length}:${ids.organization_id}:${ids.member_id}`;
