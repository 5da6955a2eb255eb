/**
 * `npm run load`: 20,000 sends, 64 in flight, against the embedded mock on 127.0.0.1, through the send guard
 * (memory store; every rule checked and counted, with room for every send) and with telemetry on (the real
 * OpenTelemetry SDK, its spans counted and dropped). Bounded in count and time (it stops itself after
 * 120 s), it prints the figures and exits non-zero on any unexpected error, unhandled rejection, handle left
 * open, heap growth over 2 MiB, or a send without its span.
 */
import { createSmsGuard } from "../src/guard/index.ts";
import { createStytchB2BClient } from "../src/index.ts";
import { startMockStytch } from "../src/mock/index.ts";
import { openTelemetry } from "../src/opentelemetry/index.ts";
import { sdkProviders } from "./sdk-providers.ts";

const TOTAL = Number(process.env.LOAD_TOTAL ?? 20_000);
const IN_FLIGHT = 64;
const WARM_UP = 5_000;
const HARD_STOP_MS = 120_000;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc (npm run load does)");
const unhandled: unknown[] = [];
process.on("unhandledRejection", (reason) => unhandled.push(reason));
const handlesAtStart = process.getActiveResourcesInfo().length;

const mock = await startMockStytch();
let spans = 0;
const { tracerProvider, meterProvider, shutdown } = sdkProviders((count) => (spans += count));
const guard = createSmsGuard({ member: { immediate: 1e9 }, phone: { immediate: 1e9 }, prefix: { limit: 1e9 } });
const client = createStytchB2BClient({ ...mock.clientOptions, guard, telemetry: openTelemetry({ tracerProvider, meterProvider }) });
const body = { organization_id: mock.organization.organization_id, member_id: mock.member.member_id, mfa_phone_number: "+15005550006" };
const stopAt = Date.now() + HARD_STOP_MS;

async function run(count: number): Promise<{ ok: number; errors: Map<string, number> }> {
  let next = 0;
  let ok = 0;
  const errors = new Map<string, number>();
  async function worker() {
    while (next < count && Date.now() < stopAt) {
      next++;
      try {
        await client.otps.sms.send(body);
        ok++;
      } catch (error) {
        const key = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        errors.set(key, (errors.get(key) ?? 0) + 1);
      }
      // The mock records every exchange; forget them so its memory does not count as the client's.
      if (mock.exchanges.length >= 1_000) mock.reset();
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  return { ok, errors };
}

const heap = () => {
  mock.reset();
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

await run(WARM_UP); // warm-up: JIT, sockets, caches, the metrics' series
const heapBefore = heap();
const started = performance.now();
const { ok, errors } = await run(TOTAL);
const seconds = (performance.now() - started) / 1000;
const growth = heap() - heapBefore;
await mock.close();
await shutdown();
await new Promise((resolve) => setTimeout(resolve, 100));
const handlesLeft = process.getActiveResourcesInfo().length - handlesAtStart;

const figures = {
  sends: TOTAL,
  inFlight: IN_FLIGHT,
  succeeded: ok,
  unexpectedErrors: [...errors.values()].reduce((a, b) => a + b, 0),
  unhandledRejections: unhandled.length,
  handlesLeftOpen: handlesLeft,
  seconds: Number(seconds.toFixed(2)),
  sendsPerSecond: Math.round(ok / seconds),
  heapGrowthKiB: Math.round(growth / 1024),
  spansExported: spans,
};
console.log(JSON.stringify(figures, null, 2));
for (const [message, count] of errors) console.log(`  ${count} × ${message}`);
const failed = ok !== TOTAL || figures.unexpectedErrors || unhandled.length || handlesLeft > 0 || growth > 2 * 1024 * 1024 || spans < TOTAL + WARM_UP;
console.log(failed ? "load: FAILED" : "load: OK (zero unexpected errors, zero unhandled rejections, no open handles, flat heap, a span per send)");
process.exitCode = failed ? 1 : 0;
