/**
 * Where the guard keeps its counts: the whole contract a store fulfils. The memory store and the Redis store
 * implement it; so can an Upstash, Durable Object or database store, in a few lines (docs/guard.md).
 *
 * The guard computes every key (phone numbers and IP addresses only as hashes) and passes the clock (`now`,
 * in ms since the epoch) and the jitter; a store only keeps state and applies the two kinds of limit below,
 * the same way everywhere, so that stores can be swapped and tested against one suite.
 */

/**
 * At most `limit` counts in a window of `windowMs` that opens at the window's first count; the count then
 * expires with the window. (The guard makes a per-UTC-day window by putting the date in the key and passing
 * the time left until midnight.)
 */
export interface WindowLimit {
  readonly kind: "window";
  readonly key: string;
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * Sends that must space out: the first `immediate` counts pass at once; after that, each count must wait
 * after the previous one, the wait doubling from `firstWaitMs` up to `maxWaitMs` and shortened by up to 20 %
 * of jitter. `forgetAfterMs` after the last count, the key is forgotten and the ladder starts again.
 *
 * After its n-th count (n ≥ `immediate`), a key's next count may pass
 * `min(firstWaitMs · 2^(n − max(immediate, 1)), maxWaitMs) · (1 − 0.2 · jitter)` ms later (rounded down).
 */
export interface BackoffLimit {
  readonly kind: "backoff";
  readonly key: string;
  readonly immediate: number;
  readonly firstWaitMs: number;
  readonly maxWaitMs: number;
  readonly forgetAfterMs: number;
}

export type Limit = WindowLimit | BackoffLimit;

/** A limit that had no room: its index in the list given to `take`, and how long until it has room. */
export interface Refusal {
  readonly index: number;
  readonly retryAfterMs: number;
}

export interface GuardStore {
  /**
   * One atomic step, whatever else runs at the same time (other calls, other instances): when every limit
   * has room, count one on each and resolve to `[]`; otherwise count nothing and resolve to every limit
   * without room. `jitter` (0 ≤ jitter < 1) is the same for every backoff limit of the step.
   */
  take(limits: readonly Limit[], now: number, jitter: number): Promise<readonly Refusal[]>;
  /**
   * Takes back one count from each limit, as far as it still holds one (the send certainly cost nothing): a
   * window's count goes down by one; a backoff key goes back one step, to the wait it had before.
   */
  giveBack(limits: readonly Limit[], now: number): Promise<void>;
  /** Forgets these keys entirely (a Member's wrong codes, after a correct code or a new one). */
  forget(keys: readonly string[]): Promise<void>;
  /** A small value under `key`, if it has not expired (what the guard learned of a Member's phone). */
  get(key: string, now: number): Promise<string | undefined>;
  /** Keeps `value` under `key` for `ttlMs`. */
  set(key: string, value: string, ttlMs: number, now: number): Promise<void>;
}

/** The wait after a backoff key's `count`-th count (see `BackoffLimit`). */
export function backoffWaitMs(limit: BackoffLimit, count: number, jitter: number): number {
  if (count < limit.immediate) return 0;
  // The first wait is firstWaitMs, also with immediate 0 (then even the first count waits for the second).
  const step = Math.min(limit.firstWaitMs * 2 ** (count - Math.max(limit.immediate, 1)), limit.maxWaitMs);
  return Math.floor(step * (1 - 0.2 * jitter));
}
