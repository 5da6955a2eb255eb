import type { GuardStore, Limit, Refusal } from "./store.ts";

/**
 * A connected node-redis client (`redis` v4 or later, from `createClient()`), or anything that runs one Redis
 * command and resolves to its reply, such as a few lines of `fetch` to Upstash's REST API (docs/guard.md).
 */
export interface NodeRedisClient {
  sendCommand(args: string[]): Promise<unknown>;
}

/** A connected ioredis client (`new Redis(…)`). */
export interface IoRedisClient {
  call(command: string, ...args: string[]): Promise<unknown>;
}

export interface RedisGuardStoreOptions {
  /**
   * Put before every key. The default, `"{stytch-sms-guard}:"`, is a Redis Cluster hash tag: every key of the
   * guard lands in one slot, so a script that checks several limits may touch all their keys (the cost: the
   * guard's keys live on one shard). A prefix of your own should keep a `{…}` tag for Cluster.
   */
  prefix?: string;
}

type Send = (args: string[]) => Promise<unknown>;

// Each key holds a hash with the memory store's fields; an entry counts only while `expiresAt` is after the
// guard's `now`, and PEXPIRE has Redis drop it then (by Redis's clock). `now` comes from the guard, never from
// TIME: that is what keeps this store and the memory store equal to the millisecond.
const READ = `
local now = tonumber(ARGV[1])
-- The entry under key if it is of this kind and counts at now; else nil and whether the key holds anything.
local function read(key, kind)
  local f = redis.call('HMGET', key, 'kind', 'count', 'expiresAt', 'next', 'previousNext')
  if f[1] ~= kind or tonumber(f[3]) <= now then return nil, f[1] end
  return { count = tonumber(f[2]), expiresAt = tonumber(f[3]), next = tonumber(f[4]), previousNext = f[5] }
end
`;

// ARGV: now, jitter, then five per limit: its kind and numbers (window: limit, windowMs; backoff: immediate,
// firstWaitMs, maxWaitMs, forgetAfterMs). Returns index, retryAfterMs of each limit without room.
const TAKE = `${READ}
local jitter = tonumber(ARGV[2])
local limits, refusals = {}, {}
for i, key in ipairs(KEYS) do
  local at = 3 + (i - 1) * 5
  local l = { kind = ARGV[at] }
  if l.kind == 'window' then
    l.limit, l.windowMs = tonumber(ARGV[at + 1]), tonumber(ARGV[at + 2])
  else
    l.immediate, l.firstWaitMs, l.maxWaitMs, l.forgetAfterMs = tonumber(ARGV[at + 1]), tonumber(ARGV[at + 2]), tonumber(ARGV[at + 3]), tonumber(ARGV[at + 4])
  end
  l.entry, l.held = read(key, l.kind)
  limits[i] = l
  local e, wait = l.entry, 0
  if e and l.kind == 'window' then
    if e.count >= l.limit then wait = e.expiresAt - now end
  elseif e then
    wait = math.min(e.next, e.expiresAt) - now
  end
  if wait > 0 then
    refusals[#refusals + 1] = i - 1
    refusals[#refusals + 1] = wait
  end
end
if #refusals > 0 then return refusals end
local counted = {}
for i, key in ipairs(KEYS) do
  local l = limits[i]
  -- A key given twice sees its first count, as in the memory store.
  if counted[key] then l.entry, l.held = read(key, l.kind) end
  counted[key] = true
  local e = l.entry
  if l.kind == 'window' and e then
    redis.call('HINCRBY', key, 'count', 1)
  elseif l.kind == 'window' then
    if l.held then redis.call('DEL', key) end
    redis.call('HSET', key, 'kind', 'window', 'count', 1, 'expiresAt', now + l.windowMs)
    redis.call('PEXPIRE', key, math.ceil(l.windowMs))
  else
    local count = (e and e.count or 0) + 1
    local wait = 0
    -- backoffWaitMs in store.ts, operation for operation, so both stores round alike
    if count >= l.immediate then wait = math.floor(math.min(l.firstWaitMs * 2 ^ (count - math.max(l.immediate, 1)), l.maxWaitMs) * (1 - 0.2 * jitter)) end
    redis.call('HSET', key, 'kind', 'backoff', 'count', count, 'next', now + wait, 'previousNext', e and e.next or 0, 'expiresAt', now + l.forgetAfterMs)
    redis.call('PEXPIRE', key, math.ceil(l.forgetAfterMs))
  end
end
return {}
`;

// ARGV: now, then each limit's kind.
const GIVE_BACK = `${READ}
for i, key in ipairs(KEYS) do
  local e = read(key, ARGV[i + 1])
  if e and e.count <= 1 then
    redis.call('DEL', key)
  elseif e then
    redis.call('HINCRBY', key, 'count', -1)
    if e.previousNext then redis.call('HSET', key, 'next', e.previousNext) end
  end
end
`;

/**
 * A store in Redis, shared by every instance of the app: one Lua script per `take` and per `giveBack`, so each
 * is atomic. Pass your app's connected node-redis or ioredis client (or a `sendCommand` of your own); its
 * errors reach the guard as they are.
 * Counts expire on the guard's clock (`now`); values (`set`) by Redis's clock, through SET PX.
 * A value and a limit must not share a key (the guard names keys by purpose); Redis would answer WRONGTYPE.
 */
export function redisGuardStore(client: NodeRedisClient | IoRedisClient, options: RedisGuardStoreOptions = {}): GuardStore {
  const send = sender(client);
  const prefix = options.prefix ?? "{stytch-sms-guard}:";
  const take = script(send, TAKE);
  const giveBack = script(send, GIVE_BACK);
  const keysOf = (limits: readonly Limit[]) => limits.map((limit) => prefix + limit.key);

  return {
    async take(limits, now, jitter) {
      if (limits.length === 0) return [];
      const args = limits.flatMap((limit) =>
        limit.kind === "window" ? [limit.kind, limit.limit, limit.windowMs, 0, 0] : [limit.kind, limit.immediate, limit.firstWaitMs, limit.maxWaitMs, limit.forgetAfterMs],
      );
      const reply = (await take(keysOf(limits), [now, jitter, ...args])) as unknown[];
      const refusals: Refusal[] = [];
      for (let i = 0; i < reply.length; i += 2) refusals.push({ index: Number(reply[i]), retryAfterMs: Number(reply[i + 1]) });
      return refusals;
    },
    async giveBack(limits, now) {
      if (limits.length > 0) await giveBack(keysOf(limits), [now, ...limits.map((limit) => limit.kind)]);
    },
    async forget(keys) {
      if (keys.length > 0) await send(["DEL", ...keys.map((key) => prefix + key)]);
    },
    async get(key) {
      const value = await send(["GET", prefix + key]);
      return value === null || value === undefined ? undefined : String(value);
    },
    async set(key, value, ttlMs) {
      // A value that expires at once is gone, as in the memory store (SET PX refuses a time ≤ 0).
      await send(ttlMs > 0 ? ["SET", prefix + key, value, "PX", String(Math.ceil(ttlMs))] : ["DEL", prefix + key]);
    },
  };
}

function sender(client: unknown): Send {
  // ioredis also has a sendCommand (of its own Command objects), so `call` is checked first.
  const redis = typeof client === "object" && client !== null ? (client as Partial<NodeRedisClient & IoRedisClient>) : {};
  if (typeof redis.call === "function") return (args) => redis.call!(args[0]!, ...args.slice(1));
  if (typeof redis.sendCommand === "function") return (args) => redis.sendCommand!(args);
  throw new TypeError("redisGuardStore: pass a connected node-redis client (createClient() from `redis`) or an ioredis client");
}

/**
 * Runs a script by EVALSHA, its SHA from one SCRIPT LOAD. On NOSCRIPT (a flushed or restarted server, a failover,
 * a Cluster node the load did not reach) it runs the source with EVAL, which loads it again on the very server
 * that lacked it.
 */
function script(send: Send, source: string) {
  let sha: Promise<unknown> | undefined;
  const load = () => (sha ??= send(["SCRIPT", "LOAD", source]).catch((error: unknown) => ((sha = undefined), Promise.reject(error))));
  return async (keys: string[], args: unknown[]) => {
    const rest = [String(keys.length), ...keys, ...args.map(String)];
    try {
      return await send(["EVALSHA", String(await load()), ...rest]);
    } catch (error) {
      if (!(error instanceof Error && error.message.startsWith("NOSCRIPT"))) throw error;
      return send(["EVAL", source, ...rest]);
    }
  };
}
