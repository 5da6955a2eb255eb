import { backoffWaitMs, type GuardStore, type Limit, type Refusal } from "./store.ts";

export interface MemoryGuardStoreOptions {
  /**
   * Most keys kept; past it, keys not used lately are forgotten, so a flood of distinct numbers or Members
   * cannot grow memory without bound (about 300 bytes a key: 30 MB at the default). Default 100 000.
   */
  maxKeys?: number;
}

type Entry = (
  | { kind: "window"; count: number }
  | { kind: "backoff"; count: number; next: number; previousNext: number }
  | { kind: "value"; value: string }
) & { expiresAt: number; used?: boolean };

/**
 * The default store: counts kept in this process (one instance; use the Redis store for several). No timers:
 * entries expire when next read. Past `maxKeys`, the oldest keys not used since the last sweep go first (a
 * second chance, so a key in constant use such as the daily total is never dropped by a flood), a hundredth
 * of `maxKeys` at a time; a use only marks its entry, since moving a key within a Map on every use slows
 * every lookup as the Map fills.
 */
export function memoryGuardStore(options: MemoryGuardStoreOptions = {}): GuardStore {
  const maxKeys = options.maxKeys ?? 100_000;
  if (!Number.isInteger(maxKeys) || maxKeys < 1) throw new TypeError("memoryGuardStore: maxKeys must be a whole number ≥ 1");
  const entries = new Map<string, Entry>();

  const read = (key: string, now: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.expiresAt > now) return (entry.used = true), entry;
    entries.delete(key);
    return undefined;
  };
  const write = (key: string, entry: Entry): void => {
    // Room is made before a new key goes in, so that the sweep cannot drop the key being written.
    if (!entries.has(key) && entries.size >= maxKeys) {
      let evictions = Math.ceil(maxKeys / 100);
      for (const [oldKey, old] of entries) {
        entries.delete(oldKey);
        if (old.used) entries.set(oldKey, { ...old, used: false });
        else if (--evictions === 0) break;
      }
    }
    entries.set(key, entry);
  };

  return {
    async take(limits, now, jitter) {
      const refusals: Refusal[] = [];
      limits.forEach((limit, index) => {
        const retryAfterMs = wait(limit, read(limit.key, now), now);
        if (retryAfterMs > 0) refusals.push({ index, retryAfterMs });
      });
      if (refusals.length === 0) for (const limit of limits) write(limit.key, counted(limit, read(limit.key, now), now, jitter));
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
      entries.delete(key);
      if (ttlMs > 0) write(key, { kind: "value", value, expiresAt: now + ttlMs });
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
