/**
 * `npm run bench`: the client beside raw fetch (and plain openapi-fetch), against a loopback server in its own
 * process answering a realistic 3.5 KB 200 body. Variants run interleaved over several rounds, one at a time
 * and 16 in flight; the figures are medians over rounds, each with its ratio to raw fetch. Also: heap growth
 * over 100,000 sends, time from process start to first response, and bundle sizes. Writes
 * bench/results.json and bench/results.svg.
 */
import { execFileSync, fork } from "node:child_process";
import { createClient } from "redis";
import { startRedis } from "../test/support/redis.ts";
import { mkdirSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { realisticBody } from "./body.ts";
import { ratioChart } from "./chart.ts";
import { sdkProviders } from "./sdk-providers.ts";
import { sizeReport } from "./size.ts";
import { guardedCall, tracedCall, variants } from "./variants.mjs";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const SEQUENTIAL_CALLS = 1_500;
const CONCURRENT_CALLS = 3_000;
const IN_FLIGHT = 16;
const MEMORY_SENDS = Number(process.env.BENCH_MEMORY_SENDS ?? 100_000);
const FIRST_RESPONSE_RUNS = 11;

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("run with node --expose-gc (npm run bench does)");

mkdirSync(".build", { recursive: true });
writeFileSync(".build/bench-body.json", realisticBody());
const server = fork("bench/server.mjs", [".build/bench-body.json"], { stdio: ["ignore", "pipe", "inherit", "ipc"] });
const baseUrl = await new Promise<string>((resolve) => server.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim())));
const calls = variants(baseUrl);
type Variant = keyof typeof calls;
const names = Object.keys(calls) as Variant[];

interface Sample {
  throughput: number;
  p50: number;
  p99: number;
  cpuUs: number;
}

async function measure(call: () => Promise<unknown>, total: number, inFlight: number): Promise<Sample> {
  const latencies: number[] = [];
  let next = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next++ < total) {
        const t = performance.now();
        await call();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  latencies.sort((a, b) => a - b);
  return {
    throughput: total / seconds,
    p50: latencies[Math.floor(total * 0.5)]!,
    p99: latencies[Math.floor(total * 0.99)]!,
    cpuUs: (used.user + used.system) / total,
  };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const signed = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)}`;
const samples: Record<string, Record<Variant, Sample[]>> = { sequential: {} as never, [`${IN_FLIGHT} in flight`]: {} as never };
for (const mode of Object.keys(samples)) for (const name of names) samples[mode]![name] = [];

for (let round = 0; round <= ROUNDS; round++) {
  const order = round % 2 ? [...names].reverse() : names; // alternate the order, so no variant always runs first
  for (const name of order) {
    gc();
    const sequential = await measure(calls[name], SEQUENTIAL_CALLS, 1);
    gc();
    const concurrent = await measure(calls[name], CONCURRENT_CALLS, IN_FLIGHT);
    if (round === 0) continue; // warm-up
    samples.sequential![name].push(sequential);
    samples[`${IN_FLIGHT} in flight`]![name].push(concurrent);
  }
}

const table: Record<string, Record<Variant, Sample>> = {};
for (const [mode, byVariant] of Object.entries(samples)) {
  table[mode] = {} as never;
  for (const name of names) {
    const s = byVariant[name];
    table[mode]![name] = {
      throughput: median(s.map((x) => x.throughput)),
      p50: median(s.map((x) => x.p50)),
      p99: median(s.map((x) => x.p99)),
      cpuUs: median(s.map((x) => x.cpuUs)),
    };
  }
}

// Heap after GC, before and after many sends through the client.
const send = calls["stytch-b2b-sms"];
await measure(send, 5_000, IN_FLIGHT);
gc();
gc();
const heapBefore = process.memoryUsage().heapUsed;
await measure(send, MEMORY_SENDS, IN_FLIGHT);
gc();
gc();
const heapGrowthKiB = (process.memoryUsage().heapUsed - heapBefore) / 1024;

// The send guard's cost: the client with a guard against the same client without, in rounds of their own
// (order alternating), each difference taken within its round. The Redis pair runs last, against a throwaway
// redis-server (npm test installs one): a Redis client in the process slows whatever runs beside it.
async function pairedCost(other: () => Promise<unknown>): Promise<Record<string, { cpuUs: number; p50: number; throughput: number }>> {
  // One at a time: with calls in flight, a slower variant's latency is mostly its own queueing.
  const differences = { cpuUs: [] as number[], p50: [] as number[], throughput: [] as number[] };
  for (let round = 0; round <= ROUNDS; round++) {
    const order = round % 2 ? [other, calls["stytch-b2b-sms"]] : [calls["stytch-b2b-sms"], other];
    const measured: Sample[] = [];
    for (const call of order) {
      gc();
      measured.push(await measure(call, SEQUENTIAL_CALLS, 1));
    }
    if (round === 0) continue; // warm-up
    const [without, withIt] = round % 2 ? [measured[1]!, measured[0]!] : [measured[0]!, measured[1]!];
    differences.cpuUs.push(withIt.cpuUs - without.cpuUs);
    differences.p50.push(withIt.p50 - without.p50);
    differences.throughput.push(withIt.throughput / without.throughput);
  }
  return { sequential: { cpuUs: median(differences.cpuUs), p50: median(differences.p50), throughput: median(differences.throughput) } };
}

// Telemetry's cost the same way: with @opentelemetry/api and no SDK registered (its spans are no-ops), and with
// the SDK (spans and metrics recorded, spans handed to an exporter that drops them).
const telemetryCosts: Record<string, Record<string, { cpuUs: number; p50: number; throughput: number }>> = {};
// The same client against another instance of itself first: this machine's noise floor for the pairs below.
telemetryCosts["(control: the client beside itself)"] = await pairedCost(variants(baseUrl)["stytch-b2b-sms"]);
telemetryCosts["+ telemetry (API, no SDK)"] = await pairedCost(tracedCall(baseUrl));
const { tracerProvider, meterProvider, shutdown } = sdkProviders();
telemetryCosts["+ telemetry (SDK, no-op exporter)"] = await pairedCost(tracedCall(baseUrl, { tracerProvider, meterProvider }));
await shutdown();

const guardCosts: Record<string, Record<string, { cpuUs: number; p50: number; throughput: number }>> = {};
guardCosts["+ guard (memory)"] = await pairedCost(guardedCall(baseUrl));
const redisServer = await startRedis().catch((error: Error) => console.log(`(no Redis guard figures: ${error.message})`));
if (redisServer) {
  const redis = await createClient({ url: redisServer.url }).connect();
  guardCosts["+ guard (Redis)"] = await pairedCost(guardedCall(baseUrl, redis));
  redis.destroy();
  await redisServer.close();
}

// Time from process start to first response: fresh processes, interleaved.
const firstResponse: Record<string, number[]> = { "raw fetch": [], "stytch-b2b-sms": [] };
for (let i = 0; i < FIRST_RESPONSE_RUNS; i++) {
  for (const name of Object.keys(firstResponse)) {
    const out = execFileSync(process.execPath, ["bench/first-response.mjs", name, baseUrl], { encoding: "utf8" });
    firstResponse[name]!.push(Number(out.trim()));
  }
}
const ttfr = Object.fromEntries(Object.entries(firstResponse).map(([name, runs]) => [name, median(runs)]));
server.send("stop");

const sizes = (await sizeReport()).map(({ code: _code, ...size }) => size);

// Report.
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, Node ${process.version}`;
const lines = [`stytch-b2b-sms benchmark — ${machine}; ${ROUNDS} rounds, medians; ratio = ÷ raw fetch`, ""];
for (const [mode, byVariant] of Object.entries(table)) {
  const raw = byVariant["raw fetch"];
  lines.push(`${mode}:`, "  variant              calls/s   ×raw   p50 ms  p99 ms  CPU µs/call  ×raw");
  for (const name of names) {
    const s = byVariant[name];
    lines.push(
      `  ${name.padEnd(19)} ${s.throughput.toFixed(0).padStart(8)}  ${(s.throughput / raw.throughput).toFixed(2)}   ${s.p50.toFixed(3).padStart(6)}  ${s.p99.toFixed(3).padStart(6)}  ${s.cpuUs.toFixed(1).padStart(11)}  ${(s.cpuUs / raw.cpuUs).toFixed(2)}`,
    );
  }
  lines.push("");
}
const ttfrRatio = ttfr["stytch-b2b-sms"]! / ttfr["raw fetch"]!;
for (const [title, costs] of [["send guard", guardCosts], ["telemetry", telemetryCosts]] as const) {
  lines.push(`${title}'s cost a send, one at a time, beside the client without it (median of per-round differences):`);
  for (const [name, { sequential }] of Object.entries(costs)) {
    lines.push(`  ${name.padEnd(34)} ${signed(sequential!.cpuUs)} µs CPU, ${signed(sequential!.p50 * 1000)} µs p50, throughput ×${sequential!.throughput.toFixed(3)}`);
  }
  lines.push("");
}
lines.push(`time to first response: raw fetch ${ttfr["raw fetch"]!.toFixed(1)} ms, stytch-b2b-sms ${ttfr["stytch-b2b-sms"]!.toFixed(1)} ms (${ttfrRatio.toFixed(2)}×)`);
lines.push(`heap growth over ${MEMORY_SENDS.toLocaleString("en")} sends (after GC): ${heapGrowthKiB.toFixed(0)} KiB`);
lines.push("", "bundle of an app that creates the client and sends (esbuild, minified):");
for (const s of sizes) lines.push(`  ${s.app.padEnd(22)} ${s.platform.padEnd(8)} ${(s.minified / 1024).toFixed(1).padStart(5)} KB min  ${(s.gzip / 1024).toFixed(2)} KB gzip`);
console.log(lines.join("\n"));

const ours = (mode: string) => table[mode]!["stytch-b2b-sms"];
const raw = (mode: string) => table[mode]!["raw fetch"];
const inFlight = `${IN_FLIGHT} in flight`;
const bars = [
  { label: "throughput, sequential", ratio: ours("sequential").throughput / raw("sequential").throughput, target: 0.97, better: "higher" as const },
  { label: `throughput, ${inFlight}`, ratio: ours(inFlight).throughput / raw(inFlight).throughput, target: 0.97, better: "higher" as const },
  { label: "CPU per call, sequential", ratio: ours("sequential").cpuUs / raw("sequential").cpuUs, target: 1.05, better: "lower" as const },
  { label: `CPU per call, ${inFlight}`, ratio: ours(inFlight).cpuUs / raw(inFlight).cpuUs, target: 1.05, better: "lower" as const },
  { label: "time to first response", ratio: ttfrRatio, target: 1.1, better: "lower" as const },
];
writeFileSync("bench/results.svg", ratioChart("stytch-b2b-sms ÷ raw fetch", `${machine}; npm run bench`, bars));
writeFileSync("bench/results.json", `${JSON.stringify({ machine, rounds: ROUNDS, table, guardCosts, telemetryCosts, firstResponseMs: ttfr, heapGrowthKiB, sizes, ratios: bars }, null, 2)}\n`);
console.log("\nwrote bench/results.json and bench/results.svg");
