import assert from "node:assert/strict";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, test } from "node:test";
import { backoffWaitMs, type BackoffLimit, type GuardStore, type WindowLimit } from "../../src/guard/store.ts";

// The guard's clock, as it would pass it: every `now` below is T plus whole milliseconds, never a sleep.
const T = 1_790_000_000_000;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

const window = (key: string, limit: number, windowMs = MINUTE): WindowLimit => ({ kind: "window", key, limit, windowMs });
const backoff = (key: string, immediate: number, overrides: Partial<BackoffLimit> = {}): BackoffLimit => ({
  kind: "backoff",
  key,
  immediate,
  firstWaitMs: 1_000,
  maxWaitMs: 8_000,
  forgetAfterMs: HOUR,
  ...overrides,
});

/**
 * The behaviour every GuardStore shares, to the millisecond. `makeStore` gives an empty store for each test.
 * Only a value's expiry is waited for in real time: a Redis store leaves that to Redis's own clock (SET PX).
 */
export function storeContract(name: string, makeStore: () => GuardStore | Promise<GuardStore>): void {
  describe(`${name}: the GuardStore contract`, () => {
    test("a window counts up to its limit, then refuses until the window that opened at its first count ends", async () => {
      const store = await makeStore();
      const limit = window("w", 3);
      for (const at of [0, 1_000, 2_000]) assert.deepEqual(await store.take([limit], T + at, 0), []);
      assert.deepEqual(await store.take([limit], T + 5_000, 0), [{ index: 0, retryAfterMs: 55_000 }]);
      assert.deepEqual(await store.take([limit], T + MINUTE - 1, 0), [{ index: 0, retryAfterMs: 1 }]);
    });

    test("a window expires windowMs after its first count; the next count opens a new one", async () => {
      const store = await makeStore();
      const limit = window("w", 2);
      await store.take([limit], T, 0);
      await store.take([limit], T + 30_000, 0);
      assert.deepEqual(await store.take([limit], T + MINUTE, 0), []);
      assert.deepEqual(await store.take([limit], T + MINUTE + 1, 0), []);
      assert.deepEqual(await store.take([limit], T + MINUTE + 2, 0), [{ index: 0, retryAfterMs: MINUTE - 2 }]);
    });

    test("backoff: `immediate` counts pass at once, then the waits double up to maxWaitMs", async () => {
      const store = await makeStore();
      const limit = backoff("b", 3);
      for (let i = 0; i < 3; i++) assert.deepEqual(await store.take([limit], T, 0), []);
      assert.deepEqual(await store.take([limit], T, 0), [{ index: 0, retryAfterMs: 1_000 }]);
      let at = T;
      for (const wait of [1_000, 2_000, 4_000, 8_000, 8_000, 8_000]) {
        assert.deepEqual(await store.take([limit], at + wait - 1, 0), [{ index: 0, retryAfterMs: 1 }], `one ms before the ${wait} ms wait ends`);
        at += wait;
        assert.deepEqual(await store.take([limit], at, 0), [], `after the ${wait} ms wait`);
      }
    });

    test("backoff with immediate 0: the first count passes, and the wait before the second is firstWaitMs", async () => {
      const store = await makeStore();
      const limit = backoff("b", 0);
      assert.deepEqual(await store.take([limit], T, 0), []);
      assert.deepEqual(await store.take([limit], T, 0), [{ index: 0, retryAfterMs: 1_000 }]);
      assert.deepEqual(await store.take([limit], T + 1_000, 0), []);
      assert.deepEqual(await store.take([limit], T + 1_000, 0), [{ index: 0, retryAfterMs: 2_000 }]);
    });

    test("backoff jitter shortens a wait by up to 20 %, rounded down, exactly as backoffWaitMs says", async () => {
      for (const jitter of [0, 0.25, 0.5, 0.9999999]) {
        const store = await makeStore();
        const limit = backoff("b", 1, { firstWaitMs: 1_001, maxWaitMs: 100_000 });
        let at = T;
        for (let count = 1; count <= 5; count++) {
          assert.deepEqual(await store.take([limit], at, jitter), []);
          const wait = backoffWaitMs(limit, count, jitter);
          const step = Math.min(1_001 * 2 ** (count - 1), 100_000);
          assert.ok(wait > step * 0.8 - 1 && wait <= step, `${wait} ms is within 80–100 % of ${step}`);
          assert.deepEqual(await store.take([limit], at + 1, jitter), [{ index: 0, retryAfterMs: wait - 1 }], `jitter ${jitter}, count ${count}`);
          at += wait;
        }
      }
    });

    test("backoff forgets a key forgetAfterMs after its last count, and the ladder starts again", async () => {
      const store = await makeStore();
      const limit = backoff("b", 2, { forgetAfterMs: 10 * MINUTE });
      await store.take([limit], T, 0);
      await store.take([limit], T, 0);
      await store.take([limit], T + 1_000, 0);
      assert.deepEqual(await store.take([limit], T + 1_000 + 10 * MINUTE - 1, 0), [], "the wait is over but the ladder is still remembered");
      assert.deepEqual(await store.take([limit], T + 1_000 + 10 * MINUTE, 0), [{ index: 0, retryAfterMs: 4_000 - 1 }]);
      const later = T + 1_000 + 20 * MINUTE;
      for (let i = 0; i < 2; i++) assert.deepEqual(await store.take([limit], later, 0), [], "immediate again");
      assert.deepEqual(await store.take([limit], later, 0), [{ index: 0, retryAfterMs: 1_000 }]);
      const forgetful = backoff("f", 1, { firstWaitMs: 10 * MINUTE, maxWaitMs: HOUR, forgetAfterMs: 5 * MINUTE });
      await store.take([forgetful], T, 0);
      assert.deepEqual(await store.take([forgetful], T + 1, 0), [{ index: 0, retryAfterMs: 5 * MINUTE - 1 }], "room once forgotten, before the wait ends");
      assert.deepEqual(await store.take([forgetful], T + 5 * MINUTE, 0), []);
    });

    test("take is all or nothing: a refusal counts on no limit, and every refusing limit is reported", async () => {
      const store = await makeStore();
      const full = window("full", 1);
      const later = window("later", 1, HOUR);
      const spaced = backoff("spaced", 1);
      const open = window("open", 5);
      assert.deepEqual(await store.take([full], T, 0), []);
      assert.deepEqual(await store.take([later], T, 0), []);
      assert.deepEqual(await store.take([spaced], T, 0), []);
      const limits = [full, open, later, spaced];
      for (let i = 0; i < 3; i++) {
        assert.deepEqual(await store.take(limits, T + 10_000, 0.5), [
          { index: 0, retryAfterMs: 50_000 },
          { index: 2, retryAfterMs: HOUR - 10_000 },
        ]);
      }
      // Nothing was counted on `open` (5 still pass) nor on `spaced` (its first wait, 1 s, is long over).
      for (let i = 0; i < 5; i++) assert.deepEqual(await store.take([open], T + 10_000, 0), []);
      assert.deepEqual(await store.take([open], T + 10_000, 0), [{ index: 0, retryAfterMs: MINUTE }]);
      assert.deepEqual(await store.take([spaced], T + 10_000, 0), []);
      assert.deepEqual(await store.take([spaced], T + 10_000, 0), [{ index: 0, retryAfterMs: 2_000 }]);
      assert.deepEqual(await store.take([], T, 0), [], "no limits: nothing to refuse");
    });

    test("take counts on every limit when all have room, one jitter for all its backoff limits", async () => {
      const store = await makeStore();
      const limits = [window("a", 1), backoff("b", 1), backoff("c", 1, { firstWaitMs: 3_000 }), window("d", 2)];
      assert.deepEqual(await store.take(limits, T, 0.5), []);
      assert.deepEqual(await store.take(limits, T + 1, 0), [
        { index: 0, retryAfterMs: MINUTE - 1 },
        { index: 1, retryAfterMs: 900 - 1 },
        { index: 2, retryAfterMs: 2_700 - 1 },
      ]);
    });

    test("a key given twice in one take is counted twice, the second count after the first", async () => {
      const store = await makeStore();
      assert.deepEqual(await store.take([window("w", 2), backoff("b", 1), window("w", 2), backoff("b", 1)], T, 0), []);
      assert.deepEqual(await store.take([window("w", 2), backoff("b", 1)], T, 0), [
        { index: 0, retryAfterMs: MINUTE },
        { index: 1, retryAfterMs: 2_000 },
      ]);
    });

    test("giveBack takes one count back from a window; at zero the window is gone", async () => {
      const store = await makeStore();
      const limit = window("w", 2);
      await store.take([limit], T, 0);
      await store.take([limit], T + 1_000, 0);
      await store.giveBack([limit], T + 2_000);
      assert.deepEqual(await store.take([limit], T + 3_000, 0), [], "room for one again");
      assert.deepEqual(await store.take([limit], T + 4_000, 0), [{ index: 0, retryAfterMs: MINUTE - 4_000 }], "in the same window");
      await store.giveBack([limit], T + 5_000);
      await store.giveBack([limit], T + 5_000);
      await store.giveBack([limit], T + 5_000);
      await store.take([limit], T + 6_000, 0);
      await store.take([limit], T + 6_000, 0);
      assert.deepEqual(await store.take([limit], T + 6_000, 0), [{ index: 0, retryAfterMs: MINUTE }], "a new window, from its first count");
    });

    test("giveBack takes a backoff key back one step, to the wait it had before", async () => {
      const store = await makeStore();
      const limit = backoff("b", 1);
      await store.take([limit], T, 0);
      await store.take([limit], T + 1_000, 0);
      assert.deepEqual(await store.take([limit], T + 1_000, 0), [{ index: 0, retryAfterMs: 2_000 }]);
      await store.giveBack([limit], T + 1_500);
      assert.deepEqual(await store.take([limit], T + 1_500, 0), [], "the 1 s wait, over since T + 1 s, is back");
      assert.deepEqual(await store.take([limit], T + 1_500, 0), [{ index: 0, retryAfterMs: 2_000 }], "and the ladder is where it was");
      await store.giveBack([limit], T + 2_000);
      await store.giveBack([limit], T + 2_000);
      await store.giveBack([limit], T + 2_000);
      assert.deepEqual(await store.take([limit], T + 2_000, 0), [], "a key given back to zero starts afresh");
      assert.deepEqual(await store.take([limit], T + 2_000, 0), [{ index: 0, retryAfterMs: 1_000 }]);
    });

    test("giveBack leaves alone what it does not hold: an unknown key, an expired one, the other kind", async () => {
      const store = await makeStore();
      await store.giveBack([window("none", 1), backoff("none either", 1)], T);
      const limit = window("w", 1);
      await store.take([limit], T, 0);
      await store.giveBack([limit], T + MINUTE);
      assert.deepEqual(await store.take([limit], T + MINUTE, 0), []);
      assert.deepEqual(await store.take([limit], T + MINUTE, 0), [{ index: 0, retryAfterMs: MINUTE }], "the new window was not given back");
      await store.giveBack([backoff("w", 1)], T + MINUTE);
      assert.deepEqual(await store.take([limit], T + MINUTE, 0), [{ index: 0, retryAfterMs: MINUTE }], "a backoff limit gives back nothing of a window");
    });

    test("a key counted by one kind of limit is new to the other kind", async () => {
      const store = await makeStore();
      await store.take([window("k", 1)], T, 0);
      assert.deepEqual(await store.take([backoff("k", 1)], T, 0), []);
      assert.deepEqual(await store.take([backoff("k", 1)], T, 0), [{ index: 0, retryAfterMs: 1_000 }]);
      assert.deepEqual(await store.take([window("k", 1)], T, 0), []);
    });

    test("forget drops keys entirely", async () => {
      const store = await makeStore();
      const full = window("w", 1);
      const spaced = backoff("b", 1);
      await store.take([full, spaced], T, 0);
      await store.set("v", "value", MINUTE, T);
      await store.forget(["w", "b", "v", "never seen"]);
      await store.forget([]);
      assert.deepEqual(await store.take([full, spaced], T + 1, 0), []);
      assert.deepEqual(await store.take([spaced], T + 1, 0), [{ index: 0, retryAfterMs: 1_000 }], "the ladder started again");
      assert.equal(await store.get("v", T + 1), undefined);
    });

    test("get and set keep a small value", async () => {
      const store = await makeStore();
      assert.equal(await store.get("v", T), undefined);
      await store.set("v", "first", MINUTE, T);
      await store.set("v", "second ✓", MINUTE, T);
      await store.set("other", "", MINUTE, T);
      assert.equal(await store.get("v", T + 1), "second ✓");
      assert.equal(await store.get("other", T + 1), "");
      await store.set("v", "gone at once", 0, T);
      assert.equal(await store.get("v", T), undefined);
    });

    test("a value expires ttlMs after it was set (real time: Redis keeps this clock)", async () => {
      const store = await makeStore();
      const set = Date.now();
      await store.set("v", "brief", 250, set);
      await store.set("kept", "long", MINUTE, set);
      assert.equal(await store.get("v", Date.now()), "brief");
      await sleep(Math.max(0, set + 300 - Date.now()));
      assert.equal(await store.get("v", Date.now()), undefined);
      assert.equal(await store.get("kept", Date.now()), "long");
    });

    test("take is atomic: of 100 concurrent takes on a backoff limit with immediate 3, exactly 3 pass", async () => {
      const store = await makeStore();
      const limit = backoff("b", 3);
      const results = await Promise.all(Array.from({ length: 100 }, () => store.take([limit, window("w", 1_000)], T, 0)));
      assert.equal(results.filter((refusals) => refusals.length === 0).length, 3);
      assert.deepEqual(new Set(results.filter((refusals) => refusals.length > 0).map((refusals) => JSON.stringify(refusals))), new Set([JSON.stringify([{ index: 0, retryAfterMs: 1_000 }])]));
      assert.deepEqual(await store.take([window("w", 3)], T, 0), [{ index: 0, retryAfterMs: MINUTE }], "the window counted the 3 that passed");
    });
  });
}
