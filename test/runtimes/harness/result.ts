/** What the conformance scenario (test/runtimes/app/conformance.js) returns in every runtime. */
export interface ConformanceResult {
  checks: { name: string; ok: boolean; detail?: string }[];
}

/** The checks the scenario must report, in order (Chromium adds "browser guard" first). */
export const SCENARIO_CHECKS = [
  "send",
  "api error",
  "timeout",
  "abort",
  "validation",
  "fetch init",
  "response validation",
  "send guard",
  "telemetry",
  "authenticate",
  "authenticate withResponse",
  "authenticate api error",
  "authenticate validation",
];

/**
 * Requests the mock must have received for one run: send, api error, timeout, abort, fetch init and two for
 * response validation; the one send the guard lets through; the telemetry check's send; then a send and an
 * authenticate for each of authenticate and authenticate withResponse, and the wrong code of authenticate
 * api error. The validation checks, the telemetry check's refused input and the guard's two refusals send
 * nothing, so one more request means one of them did.
 */
export const EXPECTED_EXCHANGES = 14;
/**
 * SMS the mock must have sent: send, fetch init, response validation (its fault sends none), the guard's one,
 * the telemetry check's one and the two authenticate checks.
 */
export const EXPECTED_SMS = 7;
