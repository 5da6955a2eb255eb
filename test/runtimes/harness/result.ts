/** What the conformance scenario (test/runtimes/app/conformance.js) returns in every runtime. */
export interface ConformanceResult {
  checks: { name: string; ok: boolean; detail?: string }[];
}

/** The checks the scenario must report, in order (Chromium adds "browser guard" first). */
export const SCENARIO_CHECKS = ["send", "api error", "timeout", "abort", "validation", "fetch init", "response validation"];

/**
 * Requests the mock must have received for one run: send, api error, timeout, abort, fetch init and two for
 * response validation. The validation check sends nothing, so an eighth request means it did.
 */
export const EXPECTED_EXCHANGES = 7;
/** SMS the mock must have sent: the send, fetch init and response validation checks (its fault sends none). */
export const EXPECTED_SMS = 3;
