/**
 * One instance of an app's backend, for test/guard-processes.test.ts: a client with a guard whose counts live
 * in the shared Redis (node-redis), answering its parent's IPC messages. `{ burst: ids, sends }` fires that
 * many sends at once and replies with each outcome (`sent`, or the guard's rule); `{ ping: true }` replies once
 * its Redis connection answers again.
 */
import { createClient } from "redis";
import { createSmsGuard } from "../../src/guard/index.ts";
import { redisGuardStore } from "../../src/guard/redis.ts";
import { createStytchB2BClient, StytchGuardError } from "../../src/index.ts";

const { REDIS_URL, STYTCH_PROJECT_ID, STYTCH_SECRET, STYTCH_BASE_URL } = process.env;
const redis = createClient({ url: REDIS_URL!, socket: { reconnectStrategy: () => 50 } });
redis.on("error", () => {}); // it reconnects on its own; the guard reports what it could not do
await redis.connect();
const guard = createSmsGuard({ store: redisGuardStore(redis), member: { immediate: 5 }, phone: false, storeTimeoutMs: 300 });
const stytch = createStytchB2BClient({ projectId: STYTCH_PROJECT_ID!, secret: STYTCH_SECRET!, baseUrl: STYTCH_BASE_URL!, guard });

process.on("message", async (message: { burst?: { organization_id: string; member_id: string }; sends?: number; ping?: boolean; exit?: boolean }) => {
  if (message.exit) {
    redis.destroy();
    process.disconnect();
    return;
  }
  if (message.ping) {
    for (;;) {
      if (await redis.ping().then(() => true, () => false)) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    process.send!({ pong: true });
    return;
  }
  const outcomes = await Promise.all(
    Array.from({ length: message.sends! }, () =>
      stytch.otps.sms.send(message.burst!).then(
        () => "sent",
        (error: unknown) => (error instanceof StytchGuardError ? error.rule : `${(error as Error).name}: ${(error as Error).message}`),
      ),
    ),
  );
  process.send!({ outcomes });
});
process.send!({ ready: true });
