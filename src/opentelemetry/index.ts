/**
 * `stytch-b2b-sms/opentelemetry`: traces and metrics of every call through `@opentelemetry/api` (an optional
 * peer dependency your app brings), to the global providers or the ones given.
 *
 *   import { openTelemetry } from "stytch-b2b-sms/opentelemetry";
 *   const stytch = createStytchB2BClient({ projectId, secret, telemetry: openTelemetry() });
 *
 * See docs/telemetry.md for every span, attribute and metric.
 */
export { INSTRUMENTATION_NAME, INSTRUMENTATION_VERSION, openTelemetry, type OpenTelemetryOptions } from "./open-telemetry.ts";
export { DURATION_BUCKETS } from "./instruments.ts";
