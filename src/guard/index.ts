/**
 * `stytch-b2b-sms/guard`: a send guard against SMS pumping and code guessing, checked inside the client's
 * pipeline before anything is sent. Refusals are `StytchGuardError`s (exported from the main entry).
 *
 *   import { createSmsGuard } from "stytch-b2b-sms/guard";
 *   const stytch = createStytchB2BClient({ projectId, secret, guard: createSmsGuard() });
 *
 * Counts live in memory by default; `redisGuardStore` from `stytch-b2b-sms/guard/redis` shares them across
 * instances. Regions outside +1 need `worldRegions` from `stytch-b2b-sms/guard/regions`. See docs/guard.md.
 */
export { createSmsGuard, type SmsGuard } from "./sms-guard.ts";
export { GUARD_DEFAULTS, type BackoffRule, type BudgetRule, type SmsGuardOptions } from "./options.ts";
export { memoryGuardStore, type MemoryGuardStoreOptions } from "./memory-store.ts";
export type { BackoffLimit, GuardStore, Limit, Refusal, WindowLimit } from "./store.ts";
export { nanpRegions } from "./nanp-regions.ts";
export type { RegionTable } from "./region-table.ts";
