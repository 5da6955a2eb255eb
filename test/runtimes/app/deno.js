// Deno, as in the README's "Runtimes" section (run with --allow-net and --allow-env).
import * as sdk from "stytch-b2b-sms";
import { createSmsGuard } from "stytch-b2b-sms/guard";
import { openTelemetry } from "stytch-b2b-sms/opentelemetry";
import { responseValidator } from "stytch-b2b-sms/response-validation";
import { runConformance } from "./conformance.js";

const clientOptions = {
  projectId: Deno.env.get("STYTCH_PROJECT_ID"),
  secret: Deno.env.get("STYTCH_SECRET"),
  baseUrl: Deno.env.get("STYTCH_BASE_URL"), // the embedded mock; unset in production
};
const stytch = sdk.createStytchB2BClient(clientOptions);

const result = await runConformance(sdk, { stytch, clientOptions, responseValidator, createSmsGuard, openTelemetry, ...JSON.parse(Deno.env.get("CONFORMANCE_SETUP")) });
console.log(`CONFORMANCE ${JSON.stringify(result)}`);
