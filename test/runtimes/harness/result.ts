/** What the conformance scenario (test/runtimes/app/conformance.js) returns in every runtime. */
export interface ConformanceResult {
  checks: { name: string; ok: boolean; detail?: string }[];
}

/** The checks the scenario must report, in order (Chromium adds "browser guard" first). */
export const SCENARIO_CHECKS = ["send", "api error", "timeout", "abort", "validation", "fetch init"];

/**
 * Requests the mock must have received for one run: send, api error, timeout, abort and fetch init.
 * The validation check sends nothing, so a sixth request means it did.
 */
export const EXPECTED_EXCHANGES = 5;
/** SMS the mock must have sent: the send and fetch init checks. */
export const EXPECTED_SMS = 2;
