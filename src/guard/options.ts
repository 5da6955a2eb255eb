import { StytchValidationError } from "../index.ts";
import { nanpRegions } from "./nanp-regions.ts";
import type { RegionTable } from "./region-table.ts";
import type { GuardStore } from "./store.ts";

/** Auth0's model: the first `immediate` sends pass, then each must wait, the wait doubling up to `maxWaitMs`. */
export interface BackoffRule {
  /** Sends that pass at once. */
  immediate?: number;
  /** The wait before the first send past `immediate`, in ms. */
  firstWaitMs?: number;
  /** The longest wait, in ms. */
  maxWaitMs?: number;
  /** After this long without a send, the key is forgotten and the ladder starts again, in ms. */
  forgetAfterMs?: number;
}

/** At most `limit` sends in a window of `windowMs` that opens at its first send. */
export interface BudgetRule {
  limit?: number;
  windowMs?: number;
}

export interface SmsGuardOptions {
  /** ISO 3166-1 alpha-2 regions a code may be texted to, decided exactly (`+1 876` is JM); `false`: any. Default `["US", "CA"]`. */
  allowedRegions?: readonly string[] | false;
  /**
   * How regions are told: the 25 regions of +1 by default; `worldRegions` from `stytch-b2b-sms/guard/regions`
   * for every region (needed to allow one outside +1, or to count the `region` rule there).
   */
  regions?: RegionTable;
  /** Per Member (`organization_id` + `member_id`). Default `{ immediate: 3, firstWaitMs: 60 000, maxWaitMs: 1 920 000, forgetAfterMs: 86 400 000 }`. */
  member?: BackoffRule | false;
  /** Per phone number (the one sent, or the Member's, learned from an earlier answer). Default: as `member`. */
  phone?: BackoffRule | false;
  /** Per number range (the number without its last 4 digits), since pumping rotates numbers within one. Default `{ limit: 20, windowMs: 3 600 000 }`. */
  prefix?: BudgetRule | false;
  /** Per region of the number. Default: off. */
  region?: BudgetRule | false;
  /** Per Organization. Default: off. */
  organization?: BudgetRule | false;
  /** The whole project, per UTC day: a hard cap on spend. Default: off. */
  daily?: { limit: number } | false;
  /** Per end-user IP address, when a call gives one (`send(body, { guard: { ip } })`); IPv6 by its /64. Default `{ limit: 20, windowMs: 3 600 000 }`. */
  ip?: BudgetRule | false;
  /** Refused codes per Member before authenticate is refused without calling Stytch, until a new code is sent. Default `{ limit: 5 }`. */
  wrongCodes?: { limit: number } | false;
  /** Where the counts live. Default: `memoryGuardStore()` (this process only). */
  store?: GuardStore;
  /** How long a store may take to answer before it counts as failed, in ms. Default 1000. */
  storeTimeoutMs?: number;
  /**
   * When the store fails or does not answer in time: `"refuse"` the call (fail closed: an outage must not
   * open the gate to pumping; `StytchGuardError` with rule `store`) or `"allow"` it (only the region rule
   * applies). A function decides per error (it sees the store's own error, e.g. to log it). Default `"refuse"`.
   */
  onStoreError?: "refuse" | "allow" | ((error: unknown) => "refuse" | "allow");
  /** The clock, in ms since the epoch (for tests). Default `Date.now`. */
  now?: () => number;
  /** The jitter source, 0 ≤ x < 1 (for tests). Default `Math.random`. */
  random?: () => number;
}

const MINUTE = 60_000;
const BACKOFF = { immediate: 3, firstWaitMs: MINUTE, maxWaitMs: 32 * MINUTE, forgetAfterMs: 1440 * MINUTE };
const BUDGET = { limit: 20, windowMs: 60 * MINUTE };

/** Every rule's default (`false`: off until configured), as the README states them. */
export const GUARD_DEFAULTS = {
  allowedRegions: ["US", "CA"],
  member: BACKOFF,
  phone: BACKOFF,
  prefix: BUDGET,
  region: false,
  organization: false,
  daily: false,
  ip: BUDGET,
  wrongCodes: { limit: 5 },
  storeTimeoutMs: 1000,
  onStoreError: "refuse",
} as const;

// The settings each rule takes.
const SHAPES: Record<string, object> = { member: BACKOFF, phone: BACKOFF, prefix: BUDGET, region: BUDGET, organization: BUDGET, ip: BUDGET, daily: { limit: 1 }, wrongCodes: { limit: 1 } };

export type Backoff = Required<BackoffRule>;
export type Budget = Required<BudgetRule>;

/** The options with every default filled in and every value checked. */
export interface GuardSettings {
  readonly allowedRegions: ReadonlySet<string> | undefined;
  readonly regions: RegionTable;
  readonly member: Backoff | undefined;
  readonly phone: Backoff | undefined;
  readonly prefix: Budget | undefined;
  readonly region: Budget | undefined;
  readonly organization: Budget | undefined;
  readonly daily: { readonly limit: number } | undefined;
  readonly ip: Budget | undefined;
  readonly wrongCodes: { readonly limit: number } | undefined;
  readonly storeTimeoutMs: number;
  readonly onStoreError: (error: unknown) => "refuse" | "allow";
  readonly now: () => number;
  readonly random: () => number;
}

/** Fills in the defaults and refuses what would misbehave silently (a typo, a NaN, a region that is no region). */
export function guardSettings(options: SmsGuardOptions): GuardSettings {
  const given = { ...GUARD_DEFAULTS, regions: nanpRegions, now: Date.now, random: Math.random, ...options } as Record<string, unknown>;
  const table = given.regions as RegionTable;
  if (typeof table?.regionOf !== "function" || !(table.regions instanceof Set)) fail("regions", "must be a region table such as worldRegions");
  const settings: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(given)) {
    if (name in SHAPES) settings[name] = value === false ? undefined : rule(name, value as object);
    else if (name === "allowedRegions") settings[name] = value === false ? undefined : regions(value, table);
    else if (name === "regions") settings[name] = table;
    else if (name === "onStoreError") settings[name] = typeof value === "function" ? value : value === "refuse" || value === "allow" ? () => value : fail(name, 'must be "refuse", "allow" or a function');
    else if (name === "storeTimeoutMs") settings[name] = whole(name, value, 1);
    else if (name === "now" || name === "random") settings[name] = typeof value === "function" ? value : fail(name, "must be a function");
    else if (name !== "store") fail(name, `is not an option (known: ${Object.keys(GUARD_DEFAULTS)}, regions, store, now, random)`);
  }
  return settings as unknown as GuardSettings;
}

/** A rule's settings: the default's, overridden key by key (a rule off by default needs every key). */
function rule(name: string, value: object): object {
  const shape = SHAPES[name]!;
  const merged: Record<string, number> = { ...((GUARD_DEFAULTS[name as keyof typeof GUARD_DEFAULTS] as object | false) || {}), ...value };
  for (const key of Object.keys({ ...shape, ...merged })) {
    if (!(key in shape)) fail(`${name}.${key}`, `is not a setting (known: ${Object.keys(shape)})`);
    whole(`${name}.${key}`, merged[key], key === "immediate" ? 0 : 1);
  }
  // A wait longer than the time a key is kept would be forgotten before it ends.
  if (merged.maxWaitMs! < merged.firstWaitMs! || merged.forgetAfterMs! < merged.maxWaitMs!) fail(name, "needs firstWaitMs ≤ maxWaitMs ≤ forgetAfterMs");
  return merged;
}

function regions(value: unknown, table: RegionTable): ReadonlySet<string> {
  const codes = Array.isArray(value) ? value : fail("allowedRegions", 'must be a list of ISO 3166-1 alpha-2 codes, e.g. ["US", "CA"], or false');
  for (const code of codes) {
    if (!table.regions.has(code)) {
      const hint = code === "UK" ? ' (the United Kingdom is "GB")' : table === nanpRegions ? ' of +1 (for others, pass regions: worldRegions from "stytch-b2b-sms/guard/regions")' : "";
      fail("allowedRegions", `has ${JSON.stringify(code)}, not an ISO 3166-1 alpha-2 region${hint}`);
    }
  }
  return new Set(codes);
}

function whole(name: string, value: unknown, minimum: number): number {
  return Number.isSafeInteger(value) && (value as number) >= minimum ? (value as number) : fail(name, `must be a whole number ≥ ${minimum}`);
}

function fail(field: string, problem: string): never {
  throw new StytchValidationError(`guard.${field}`, "option", `createSmsGuard: ${field} ${problem}`);
}
