import { lruMap } from "./lru.ts";
import { backoffWaitMs, type GuardStore, type Limit, type Refusal } from "./store.ts";

export interface MemoryGuardStoreOptions {
  /**
   * Most keys kept; past it, the least recently used are forgotten, so a flood of distinct numbers or Members
   * cannot grow memory without bound (about 350 bytes a key of 40 characters: 35 MB at the default). Default
   * 100 000.
   */
  maxKeys?: number;
}

type Entry =
  | { kind: "window"; count: number; expiresAt: number }
  | { kind: "backoff"; count: number; next: number; previousNext: number; expiresAt: number }
  | { kind: "value"; value: string; expiresAt: number };

/**
 * The default store: counts kept in this process (one instance; use the Redis store for several). No timers:
 * entries expire when next read, and the least recently used go first when `maxKeys` is reached.
 */
export function memoryGuardStore(options: MemoryGuardStoreOptions = {}): GuardStore {
  const maxKeys = options.maxKeys ?? 100_000;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new TypeError("memoryGuardStore: maxKeys must be a whole number ≥ 1");
  const entries = lruMap<Entry>(maxKeys);

  const read = (key: string, now: number): Entry | undefined => {
    const entry = entries.get(key);
    if (!entry || entry.expiresAt > now) return entry;
    entries.delete(key);
    return undefined;
  };

  return {
    async take(limits, now, jitter) {
      const refusals: Refusal[] = [];
      limits.forEach((limit, index) => {
        const retryAfterMs = wait(limit, read(limit.key, now), now);
        if (retryAfterMs > 0) refusals.push({ index, retryAfterMs });
      });
      if (refusals.length === 0) for (const limit of limits) entries.set(limit.key, counted(limit, read(limit.key, now), now, jitter));
      return refusals;
    },
    async giveBack(limits, now) {
      for (const limit of limits) {
        const entry = read(limit.key, now);
        if (!entry || entry.kind !== limit.kind || entry.count <= 0) continue;
        entry.count--;
        if (entry.kind === "backoff") entry.next = entry.previousNext;
        if (entry.count === 0) entries.delete(limit.key);
      }
    },
    async forget(keys) {
      for (const key of keys) entries.delete(key);
    },
    async get(key, now) {
      const entry = read(key, now);
      return entry?.kind === "value" ? entry.value : undefined;
    },
    async set(key, value, ttlMs, now) {
      entries.set(key, { kind: "value", value, expiresAt: now + ttlMs });
    },
    // For the docs' measurements and tests: how many keys are held.
    get size() {
      return entries.size;
    },
  } as GuardStore & { readonly size: number };
}

/** How long until `limit` has room (0: it has room now). */
function wait(limit: Limit, entry: Entry | undefined, now: number): number {
  if (!entry || entry.kind !== limit.kind) return 0;
  if (entry.kind === "window") return entry.count >= (limit as { limit: number }).limit ? entry.expiresAt - now : 0;
  // A key forgotten before its wait ends has room from then on.
  return Math.max(0, Math.min(entry.next, entry.expiresAt) - now);
}

function counted(limit: Limit, entry: Entry | undefined, now: number, jitter: number): Entry {
  if (limit.kind === "window") {
    return entry?.kind === "window" ? { ...entry, count: entry.count + 1 } : { kind: "window", count: 1, expiresAt: now + limit.windowMs };
  }
  const previous = entry?.kind === "backoff" ? entry : undefined;
  const count = (previous?.count ?? 0) + 1;
  const next = now + backoffWaitMs(limit, count, jitter);
  return { kind: "backoff", count, next, previousNext: previous?.next ?? 0, expiresAt: now + limit.forgetAfterMs };
}
