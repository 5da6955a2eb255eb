import {
  StytchAbortError,
  StytchApiError,
  StytchConnectionError,
  StytchDecodeError,
  StytchTimeoutError,
  type CallWatcher,
  type GuardRule,
  type Plugin,
  type StytchError,
} from "../index.ts";
import { hashed } from "./hash.ts";
import { ipKey } from "./ip.ts";
import { memoryGuardStore } from "./memory-store.ts";
import { guardSettings, type SmsGuardOptions } from "./options.ts";
import { isE164, maskPhone } from "./phone.ts";
import { refusal } from "./refusal.ts";
import type { GuardStore, Limit, WindowLimit } from "./store.ts";

/** The guard, passed to the client as its `guard` option. */
export interface SmsGuard extends Plugin {
  readonly store: GuardStore;
}

type Ids = { readonly organization_id: string; readonly member_id: string; readonly mfa_phone_number?: string };

/** What the guard knows of the phone a send goes to: its region and hashes, so that no store holds the number. */
interface Phone {
  readonly region: string;
  readonly number: string;
  readonly range: string;
  /** `+1415•••0123` when the number came with the call; a learned one is not kept, not even masked. */
  readonly shown?: string;
}

/** A rule that applies to a call: its name and its limit. */
type Rule = [name: GuardRule, limit: Limit];

const DAY = 86_400_000;
/** How long the guard remembers a Member's phone learned from an answer. */
const LEARNED_MS = 7 * DAY;
/** Stytch's answers to a code that is wrong, expired or already used. */
const WRONG_CODE = ["otp_code_not_found", "unable_to_auth_otp_code"];
const LATE = new Error("late");
/** The rules about the number a code goes to. */
const NUMBER_RULES: readonly GuardRule[] = ["phone", "prefix", "region"];

/**
 * A send guard against SMS pumping and code guessing, checked in the client before anything is sent:
 * `createStytchB2BClient({ …, guard: createSmsGuard() })`. Every option has a default that protects
 * (docs/guard.md); a refusal is a `StytchGuardError`.
 */
export function createSmsGuard(options: SmsGuardOptions = {}): SmsGuard {
  const settings = guardSettings(options);
  const { now, random } = settings;
  const store = options.store ?? memoryGuardStore();

  /**
   * A store call bounded by `storeTimeoutMs`. When the store fails or is late, a call that needs its answer
   * is refused unless `onStoreError` allows it; otherwise this resolves to `undefined` and the call goes on.
   */
  async function ask<T>(work: () => Promise<T>, needed?: boolean): Promise<T | undefined> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const answer = work();
      answer.catch(() => {}); // an answer after the timeout must not become an unhandled rejection
      return await Promise.race([answer, new Promise<never>((_, reject) => (timer = setTimeout(reject, settings.storeTimeoutMs, LATE)))]);
    } catch (error) {
      let allowed;
      try {
        allowed = settings.onStoreError(error) === "allow";
      } catch {}
      if (!needed || allowed) return undefined;
      // Only the error's code or class name: a client's message can hold the store's URL or password.
      const { code, name } = Object(error) as { code?: unknown; name?: unknown };
      const label = [code, name].find((value) => typeof value === "string" && /^\w{1,40}$/.test(value)) ?? "error";
      const what = error === LATE ? `did not answer within ${settings.storeTimeoutMs} ms` : `failed (${label})`;
      throw refusal("store", `its store ${what}; the guard fails closed`, undefined, now());
    } finally {
      clearTimeout(timer);
    }
  }

  /**
   * Checks and counts `rules` in one step; throws the refusal that binds longest, saying whom or what it is
   * about (never the whole phone number).
   */
  async function take(rules: Rule[], ids: Ids, phone?: Phone): Promise<Limit[] | undefined> {
    const limits = rules.map((rule) => rule[1]);
    const at = now();
    // A store of the app's own that answers with something else fails like any failing store.
    const refusals = await ask(async () => {
      const answer = await store.take(limits, at, random());
      if (!Array.isArray(answer)) throw new TypeError("GuardStore.take must resolve to a list of refusals");
      return answer;
    }, true);
    if (!refusals) return undefined; // the store failed and onStoreError allows the call: nothing was counted
    if (refusals.length === 0) return limits;
    const { index, retryAfterMs } = refusals.reduce((a, b) => (b.retryAfterMs > a.retryAfterMs ? b : a));
    const [name, limit] = rules[index]!;
    const shown = phone?.shown ?? "the Member's phone";
    const subject = {
      member: `for Member ${ids.member_id}`,
      phone: `to ${shown}`,
      prefix: `to numbers in the range of ${shown}`,
      region: `to ${phone?.region}`,
      organization: `for Organization ${ids.organization_id}`,
      daily: `today: the project's budget is ${(limit as WindowLimit).limit} a day (UTC)`,
      ip: "from this IP address",
    }[name as string];
    if (subject) throw refusal(name, `too many codes ${subject}`, retryAfterMs, at);
    throw refusal(name, `${(limit as WindowLimit).limit} wrong codes for Member ${ids.member_id} since the last code sent; send a new code first`, undefined, at);
  }

  /** Every rule that applies to this send. */
  function sendRules(ids: Ids, phone: Phone | undefined, ip?: string): Rule[] {
    const rules: Rule[] = [];
    const add = (name: GuardRule, value: string | undefined, kind: Limit["kind"], rule: object | undefined) => {
      if (rule && value) rules.push([name, { kind, key: `${name}:${value}`, ...rule } as Limit]);
    };
    add("member", keyOf(ids), "backoff", settings.member);
    add("phone", phone?.number, "backoff", settings.phone);
    add("prefix", phone?.range, "window", settings.prefix);
    add("region", phone?.region, "window", settings.region);
    add("organization", ids.organization_id, "window", settings.organization);
    if (settings.daily) {
      // A window that ends at midnight UTC, under a key of the day.
      const at = now();
      add("daily", new Date(at).toISOString().slice(0, 10), "window", { limit: settings.daily.limit, windowMs: DAY - (at % DAY) });
    }
    if (ip !== undefined) add("ip", hashed(ipKey(ip)), "window", settings.ip);
    return rules;
  }

  function phoneOf(e164: string): Phone {
    return { region: settings.regions.regionOf(e164) ?? "", number: hashed(e164), range: hashed(e164.slice(0, -4)), shown: maskPhone(e164) };
  }

  /**
   * Keeps the Member's phone from a 200 answer (as `region|number|range`), unless `known` is that phone. A
   * send that went to a number the guard did not know (`uncounted`) counts on the number's rules now, as far
   * as they have room.
   */
  async function learn(ids: Ids, data: object | undefined, known: Phone | undefined, uncounted?: boolean): Promise<void> {
    const e164 = (data as { member?: { mfa_phone_number?: unknown } } | undefined)?.member?.mfa_phone_number;
    if (!isE164(e164)) return;
    const { region, number, range } = phoneOf(e164);
    if (known?.number === number) return;
    const late = uncounted ? sendRules(ids, { region, number, range }).filter(([name]) => NUMBER_RULES.includes(name)) : [];
    await Promise.all([
      ask(() => store.set(`learned:${keyOf(ids)}`, `${region}|${number}|${range}`, LEARNED_MS, now())),
      late.length && ask(() => store.take(late.map((rule) => rule[1]), now(), random())),
    ]);
  }

  return {
    store,
    watch({ operation, body, options: call }) {
      const ids = body as Ids;
      const codes = settings.wrongCodes;
      let taken: Limit[] | undefined;
      let phone: Phone | undefined;
      let mayHaveCost = false;
      let watcher: CallWatcher | undefined;
      if (operation.id === "b2bOtpsSmsSend") {
        watcher = async (step) => {
          if (step.step === "admit") {
            const learned = ids.mfa_phone_number ? undefined : await ask(() => store.get(`learned:${keyOf(ids)}`, now()), true);
            const [region = "", number, range] = learned?.split("|") ?? [];
            phone = ids.mfa_phone_number ? phoneOf(ids.mfa_phone_number) : number && range ? { region, number, range } : undefined;
            const allowed = settings.allowedRegions;
            if (phone && allowed && !allowed.has(phone.region)) {
              const where = phone.region ? `in ${phone.region}, ` : "";
              throw refusal("allowedRegions", `${phone.shown ?? "the Member's phone"} is ${where}not in ${[...allowed].join(", ")}`, undefined, now());
            }
            taken = await take(sendRules(ids, phone, call.guard?.ip), ids, phone);
          } else if (step.step === "attempted") {
            mayHaveCost ||= costs(step.error);
          } else if (taken && !step.data && !mayHaveCost) {
            await ask(() => store.giveBack(taken!, now()));
          } else if (taken && step.data) {
            // A new code went out: the Member's wrong codes start again, and the answer tells the Member's phone.
            // (After a 5xx or a timeout the old code may still be good: its count stands.)
            await Promise.all([ask(() => store.forget([`wrongCodes:${keyOf(ids)}`])), learn(ids, step.data, ids.mfa_phone_number ? undefined : phone, !phone)]);
          }
        };
      } else if (operation.id === "b2bOtpsSmsAuthenticate" && codes) {
        watcher = async (step) => {
          const key = `wrongCodes:${keyOf(ids)}`;
          if (step.step === "admit") {
            taken = await take([["wrongCodes", { kind: "window", key, limit: codes.limit, windowMs: DAY }]], ids);
          } else if (step.step === "end" && taken) {
            const { error } = step;
            if (!error) await Promise.all([ask(() => store.forget([key])), learn(ids, step.data, undefined)]);
            else if (!(error instanceof StytchApiError && WRONG_CODE.includes(error.error_type))) await ask(() => store.giveBack(taken!, now()));
          }
        };
      }
      return watcher;
    },
  };
}

/** Whether a failed attempt may have had Stytch send an SMS: a 5xx, a timeout, a connection lost after sending … */
function costs(error: StytchError): boolean {
  if (error instanceof StytchConnectionError) return error.maybeSent;
  if (error instanceof StytchApiError || error instanceof StytchDecodeError) return error.status >= 500 || (error.status >= 200 && error.status < 300);
  return error instanceof StytchTimeoutError || error instanceof StytchAbortError;
}

/** A Member's key: ids as given (support can find them), its Organization's length first so that "a:b"+"c" ≠ "a"+"b:c". */
const keyOf = (ids: Ids) => `${ids.organization_id.length}:${ids.organization_id}:${ids.member_id}`;

