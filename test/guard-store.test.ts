import assert from "node:assert/strict";
import { after, describe, test } from "node:test";
import { Redis } from "ioredis";
import { createClient } from "redis";
import { memoryGuardStore } from "../src/guard/memory-store.ts";
import { redisGuardStore } from "../src/guard/redis.ts";
import type { Limit } from "../src/guard/store.ts";
import { storeContract } from "./support/guard-store-contract.ts";
import { startServer } from "./support/servers.ts";
import { startRedis } from "./support/redis.ts";

const server = await startRedis();
const nodeRedis = createClient({ url: server.url });
nodeRedis.on("error", () => {}); // reconnects on its own across the restart below
await nodeRedis.connect();
const ioredis = new Redis(server.url, { lazyConnect: true });
ioredis.on("error", () => {});
await ioredis.connect();
after(async () => {
  nodeRedis.destroy();
  ioredis.disconnect();
  await server.close();
});

/** The same raw command through either client. */
type Raw = (...args: string[]) => Promise<unknown>;
const clients: [string, Parameters<typeof redisGuardStore>[0], Raw][] = [
  ["node-redis", nodeRedis, (...args) => nodeRedis.sendCommand(args)],
  ["ioredis", ioredis, (command, ...args) => ioredis.call(command!, ...args)],
];

const PREFIX = "{stytch-sms-guard}:";
const MINUTE = 60_000;
// A typical send: spacing per phone number and per Member, caps per number, per IP and per day.
const typicalSend: Limit[] = [
  { kind: "backoff", key: "phone:3f9a", immediate: 1, firstWaitMs: 30_000, maxWaitMs: 30 * MINUTE, forgetAfterMs: 24 * 60 * MINUTE },
  { kind: "backoff", key: "member:m-1", immediate: 3, firstWaitMs: MINUTE, maxWaitMs: 32 * MINUTE, forgetAfterMs: 60 * MINUTE },
  { kind: "window", key: "phone-hour:3f9a", limit: 5, windowMs: 60 * MINUTE },
  { kind: "window", key: "ip:77c1", limit: 20, windowMs: 60 * MINUTE },
  { kind: "window", key: "day:2026-12-06", limit: 1_000, windowMs: 10 * 60 * MINUTE },
];

storeContract("memoryGuardStore", () => memoryGuardStore());

test("memoryGuardStore keeps at most maxKeys keys and forgets the oldest not used since the last sweep first", async () => {
  const store = memoryGuardStore({ maxKeys: 3 }) as ReturnType<typeof memoryGuardStore> & { size: number };
  const counted: Limit = { kind: "window", key: "a", limit: 1, windowMs: MINUTE };
  await store.take([counted], 0, 0);
  await store.set("b", "b", MINUTE, 0);
  await store.set("c", "c", MINUTE, 0);
  await store.take([counted], 1, 0); // a use, though refused
  await store.set("d", "d", MINUTE, 1);
  assert.equal(store.size, 3);
  assert.equal(await store.get("b", 1), undefined);
  assert.deepEqual(await store.take([counted], 1, 0), [{ index: 0, retryAfterMs: MINUTE - 1 }], "a is still counted");
  await store.set("e", "e", MINUTE, 1);
  assert.deepEqual([await store.get("c", 1), await store.get("d", 1), await store.get("e", 1)], [undefined, "d", "e"]);
  assert.throws(() => memoryGuardStore({ maxKeys: 0 }), TypeError);
});

for (const [name, client, raw] of clients) {
  storeContract(`redisGuardStore with ${name}`, async () => {
    await raw("FLUSHALL");
    return redisGuardStore(client);
  });

  describe(`redisGuardStore with ${name}: in Redis`, () => {
    test("every key carries the prefix and expires with its entry (PTTL)", async () => {
      await raw("FLUSHALL");
      const now = Date.now();
      await redisGuardStore(client).take(typicalSend, now, 0.3);
      await redisGuardStore(client).set("member-phone:m-1", "+1 555", 5 * MINUTE, now);
      await redisGuardStore(client, { prefix: "{app}:guard:" }).set("v", "x", MINUTE, now);
      const ttls: Record<string, number> = Object.fromEntries([...typicalSend.map((limit) => [limit.key, limit.kind === "window" ? limit.windowMs : limit.forgetAfterMs]), ["member-phone:m-1", 5 * MINUTE]]);
      const keys = ((await raw("KEYS", "*")) as string[]).sort();
      assert.deepEqual(keys, [...Object.keys(ttls).map((key) => PREFIX + key), "{app}:guard:v"].sort());
      for (const [key, ttl] of Object.entries(ttls)) {
        const pttl = Number(await raw("PTTL", PREFIX + key));
        assert.ok(pttl > ttl - 5_000 && pttl <= ttl, `${key}: PTTL ${pttl} for ${ttl}`);
      }
    });

    test("a dump of Redis holds only what the guard passed: its keys, counts, times and values", async () => {
      await raw("FLUSHALL");
      const now = 1_790_000_000_000;
      const store = redisGuardStore(client);
      await store.take(typicalSend, now, 0.5);
      await store.take(typicalSend.slice(2), now + 1_000, 0.5);
      await store.set("member-phone:m-1", "known", MINUTE, now);
      const dump: Record<string, unknown> = {};
      for (const key of (await raw("KEYS", "*")) as string[]) {
        dump[key] = (await raw("TYPE", key)) === "hash" ? flat((await raw("HGETALL", key)) as string[] | Record<string, string>) : await raw("GET", key);
      }
      const hour = String(now + 60 * MINUTE);
      assert.deepEqual(dump, {
        [`${PREFIX}phone:3f9a`]: { kind: "backoff", count: "1", next: String(now + 27_000), previousNext: "0", expiresAt: String(now + 24 * 60 * MINUTE) },
        [`${PREFIX}member:m-1`]: { kind: "backoff", count: "1", next: String(now), previousNext: "0", expiresAt: hour },
        [`${PREFIX}phone-hour:3f9a`]: { kind: "window", count: "2", expiresAt: hour },
        [`${PREFIX}ip:77c1`]: { kind: "window", count: "2", expiresAt: hour },
        [`${PREFIX}day:2026-12-06`]: { kind: "window", count: "2", expiresAt: String(now + 10 * 60 * MINUTE) },
        [`${PREFIX}member-phone:m-1`]: "known",
      });
    });

    test("NOSCRIPT after SCRIPT FLUSH: the next call loads its script again, and the ones after run it by SHA", async () => {
      await raw("FLUSHALL");
      const store = redisGuardStore(client);
      const limit: Limit = { kind: "window", key: "w", limit: 1, windowMs: MINUTE };
      await store.take([limit], 0, 0);
      await store.giveBack([limit], 0);
      await raw("SCRIPT", "FLUSH");
      await raw("CONFIG", "RESETSTAT");
      assert.deepEqual(await store.take([limit], 1, 0), []);
      await store.giveBack([limit], 2);
      assert.deepEqual(await store.take([limit], 3, 0), []);
      assert.deepEqual(await store.take([limit], 4, 0), [{ index: 0, retryAfterMs: MINUTE - 1 }]);
      const stats = String(await raw("INFO", "commandstats"));
      assert.match(stats, /cmdstat_eval:calls=2,/, "one EVAL for each of the two scripts");
      assert.match(stats, /cmdstat_evalsha:calls=4,.*failed_calls=2/, "two NOSCRIPT misses, then two runs by SHA");
    });

    test("a restarted, empty Redis: counts start afresh and the scripts load again", async () => {
      const store = redisGuardStore(client);
      const limit: Limit = { kind: "backoff", key: "b", immediate: 1, firstWaitMs: 1_000, maxWaitMs: 8_000, forgetAfterMs: MINUTE };
      await raw("FLUSHALL");
      assert.deepEqual(await store.take([limit], 0, 0), []);
      await server.stop();
      await server.start();
      assert.deepEqual(await store.take([limit], 1, 0), []);
      assert.deepEqual(await store.take([limit], 2, 0), [{ index: 0, retryAfterMs: 999 }]);
    });
  });
}

// Redis over HTTP, as Upstash's REST API serves it to Workers (POST a command as a JSON array; answer
// { result } or { error }): a loopback server that runs each command on the real Redis.
const rest = await startServer((req, res) => {
  let body = "";
  req.on("data", (chunk: Buffer) => (body += chunk));
  req.on("end", async () => {
    const answer = await nodeRedis.sendCommand(JSON.parse(body) as string[]).then((result) => ({ result }), (error: Error) => ({ error: error.message }));
    res.writeHead(answer && "error" in answer ? 400 : 200, { "content-type": "application/json" }).end(JSON.stringify(answer));
  });
});
after(() => rest.close());

/** The client docs/guard.md shows for Upstash from a Worker: a few lines of fetch. */
const overHttp = {
  async sendCommand(args: string[]) {
    const response = await fetch(rest.url, { method: "POST", headers: { authorization: "Bearer token" }, body: JSON.stringify(args) });
    const { result, error } = (await response.json()) as { result?: unknown; error?: string };
    if (error) throw new Error(error);
    return result;
  },
};
storeContract("redisGuardStore over Redis's REST API (Upstash's shape)", async () => {
  await nodeRedis.sendCommand(["FLUSHALL"]);
  return redisGuardStore(overHttp);
});

describe("redisGuardStore: the client", () => {
  test("anything but a node-redis or ioredis client is refused with a TypeError that repeats nothing of it", () => {
    for (const client of [undefined, null, "redis://:hunter2@127.0.0.1", { options: { password: "hunter2" } }, { sendCommand: "hunter2" }]) {
      assert.throws(
        () => redisGuardStore(client as never),
        (error: Error) => error instanceof TypeError && /node-redis .* ioredis/.test(error.message) && !error.message.includes("hunter2"),
      );
    }
  });

  test("the client's errors reach the caller as they are", async () => {
    const failure = new Error("READONLY You can't write against a read only replica.");
    const fail = async () => Promise.reject(failure);
    for (const client of [{ sendCommand: fail }, { call: fail }]) {
      const store = redisGuardStore(client);
      const limit: Limit = { kind: "window", key: "w", limit: 1, windowMs: 1 };
      for (const call of [() => store.take([limit], 0, 0), () => store.giveBack([limit], 0), () => store.forget(["w"]), () => store.get("w", 0), () => store.set("w", "v", 1, 0)]) {
        await assert.rejects(call(), (error) => error === failure);
      }
    }
  });
});

/** HGETALL's answer as an object: RESP2 gives a flat list (ioredis), node-redis an object already. */
function flat(reply: string[] | Record<string, string>): Record<string, string> {
  if (!Array.isArray(reply)) return { ...reply };
  const result: Record<string, string> = {};
  for (let i = 0; i < reply.length; i += 2) result[reply[i]!] = reply[i + 1]!;
  return result;
}
