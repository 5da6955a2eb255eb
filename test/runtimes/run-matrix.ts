/**
 * `npm run test:runtimes`: the runtime matrix. Starts the packed package's embedded mock on 127.0.0.1, runs
 * the conformance scenario (app/conformance.js) in every runtime against it, one line per runtime, and ends
 * with `N passed, N failed`. Run `npm run pack:consumer` first (npm test does).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { MockStytch } from "../../src/mock/index.ts";
import { CONSUMER_DIR, INSTALLED_DIR, requirePacked } from "../support/packed.ts";
import { startControlServer } from "./harness/control-server.ts";
import { EXPECTED_EXCHANGES, EXPECTED_SMS, SCENARIO_CHECKS, type ConformanceResult } from "./harness/result.ts";
import { RUNTIMES, type Runtime, type RunContext } from "./harness/runtimes.ts";

if (!existsSync(INSTALLED_DIR)) {
  console.error("The packed package is not installed in .build/consumer: run `npm run pack:consumer` first.");
  process.exit(1);
}
// The harness loads the mock from the tarball too (its CommonJS build, through require); types from src/.
const { startMockStytch } = requirePacked("stytch-b2b-sms/mock") as typeof import("../../src/mock/index.ts");

const mock = await startMockStytch();
let pageScript = "";
const control = await startControlServer(mock, { html: readFileSync(join(CONSUMER_DIR, "index.html"), "utf8"), script: () => pageScript });
const context: RunContext = {
  consumerDir: CONSUMER_DIR,
  clientOptions: mock.clientOptions,
  setup: control.setup,
  env: {
    STYTCH_PROJECT_ID: mock.projectId,
    STYTCH_SECRET: mock.secret,
    STYTCH_BASE_URL: mock.url,
    CONFORMANCE_SETUP: JSON.stringify(control.setup),
  },
  servePageScript: (script) => (pageScript = script),
};

let passed = 0;
let failed = 0;
const started = performance.now();
try {
  for (const runtime of RUNTIMES) {
    mock.reset();
    const runStarted = performance.now();
    const { problem, checks } = await runOne(runtime);
    const seconds = ((performance.now() - runStarted) / 1000).toFixed(2);
    const name = `${runtime.name} ${safeVersion(runtime)}`.padEnd(50);
    if (problem) failed++;
    else passed++;
    console.log(problem ? `FAIL  ${name} ${problem}` : `ok    ${name} ${checks} checks  ${seconds} s`);
  }
} finally {
  await control.close();
  await mock.close();
}
console.log(`matrix took ${((performance.now() - started) / 1000).toFixed(1)} s`);
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;

/** Runs one runtime; `problem` says what went wrong, or is "" when every check passed. */
async function runOne(runtime: Runtime): Promise<{ problem: string; checks: number }> {
  const missing = runtime.missing();
  if (missing) return { problem: missing, checks: 0 };
  try {
    const result = await runtime.run(context);
    return { problem: judge(result, mock), checks: result.checks.length };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error), checks: 0 };
  }
}

function judge(result: ConformanceResult, mock: MockStytch): string {
  const problems = result.checks.filter((check) => !check.ok).map((check) => `${check.name}: ${check.detail}`);
  const reported = result.checks.map((check) => check.name);
  const absent = SCENARIO_CHECKS.filter((name) => !reported.includes(name));
  if (absent.length > 0) problems.push(`checks not run: ${absent.join(", ")}`);
  if (mock.exchanges.length !== EXPECTED_EXCHANGES) {
    problems.push(`the mock received ${mock.exchanges.length} requests, expected ${EXPECTED_EXCHANGES} (validation must send none)`);
  }
  if (mock.sentSms.length !== EXPECTED_SMS) problems.push(`the mock sent ${mock.sentSms.length} SMS, expected ${EXPECTED_SMS}`);
  return problems.join("; ");
}

function safeVersion(runtime: Runtime): string {
  try {
    return runtime.version();
  } catch {
    return "";
  }
}
