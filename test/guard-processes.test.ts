import assert from "node:assert/strict";
import { fork, type ChildProcess } from "node:child_process";
import { after, before, test } from "node:test";
import { startMockStytch, type MockStytch } from "../src/mock/index.ts";
import { startRedis } from "./support/redis.ts";

// Several instances of one backend, each its own process with its own guard, sharing their counts through one
// real Redis: what a deployment behind a load balancer looks like.
const PROCESSES = 4;
const SENDS = 25;

let redis: Awaited<ReturnType<typeof startRedis>>;
let mock: MockStytch;
const workers: ChildProcess[] = [];

before(async () => {
  redis = await startRedis();
  mock = await startMockStytch();
  const env = { ...process.env, REDIS_URL: redis.url, ...mockEnv(mock) };
  for (let i = 0; i < PROCESSES; i++) {
    const worker = fork("test/support/guard-worker.ts", { execArgv: ["--import", "tsx"], env, stdio: ["ignore", "inherit", "inherit", "ipc"] });
    workers.push(worker);
  }
  await Promise.all(workers.map((worker) => reply(worker, undefined)));
});

after(async () => {
  await Promise.all(workers.map((worker) => new Promise((done) => (worker.once("exit", done), worker.send({ exit: true })))));
  await mock.close();
  await redis.close();
});

/** Every worker's outcomes of `SENDS` concurrent sends for one new Member, all at once. */
async function burst(): Promise<{ outcomes: string[]; member_id: string }> {
  const ids = { organization_id: mock.organization.organization_id, member_id: mock.addMember(mock.organization.organization_id, { mfa_phone_number: "+14155550100" }).member_id };
  const replies = await Promise.all(workers.map((worker) => reply(worker, { burst: ids, sends: SENDS })));
  return { outcomes: replies.flatMap((answer) => (answer as { outcomes: string[] }).outcomes), member_id: ids.member_id };
}

const tally = (outcomes: string[]) => Object.fromEntries([...new Set(outcomes)].sort().map((outcome) => [outcome, outcomes.filter((o) => o === outcome).length]));
const smsTo = (member_id: string) => mock.sentSms.filter((sms) => sms.memberId === member_id).length;

test(`${PROCESSES} processes × ${SENDS} concurrent sends for one Member with immediate 5: exactly 5 SMS reach Stytch`, async () => {
  const { outcomes, member_id } = await burst();
  assert.deepEqual(tally(outcomes), { member: PROCESSES * SENDS - 5, sent: 5 });
  assert.equal(smsTo(member_id), 5);
});

test("Redis stopped mid-run: every send is refused (rule store) and nothing is sent; Redis back: sends pass again", async () => {
  await redis.stop();
  const sentBefore = mock.sentSms.length;
  const down = await burst();
  assert.deepEqual(tally(down.outcomes), { store: PROCESSES * SENDS });
  assert.equal(mock.sentSms.length, sentBefore, "a send reached the mock while Redis was down");

  await redis.start();
  await Promise.all(workers.map((worker) => reply(worker, { ping: true })));
  const { outcomes, member_id } = await burst();
  assert.deepEqual(tally(outcomes), { member: PROCESSES * SENDS - 5, sent: 5 });
  assert.equal(smsTo(member_id), 5);
});

function mockEnv(running: MockStytch): Record<string, string> {
  return { STYTCH_PROJECT_ID: running.projectId, STYTCH_SECRET: running.secret, STYTCH_BASE_URL: running.url };
}

/** Sends `message` (if any) and waits for the worker's next message. */
function reply(worker: ChildProcess, message: object | undefined): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null) => reject(new Error(`a worker exited with ${code}`));
    worker.once("exit", onExit);
    worker.once("message", (answer) => {
      worker.off("exit", onExit);
      resolve(answer);
    });
    if (message) worker.send(message);
  });
}
