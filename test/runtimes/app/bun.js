// Bun, as in the README's "Runtimes" section.
import * as sdk from "stytch-b2b-sms";
import { createSmsGuard } from "stytch-b2b-sms/guard";
import { openTelemetry } from "stytch-b2b-sms/opentelemetry";
import { responseValidator } from "stytch-b2b-sms/response-validation";
import { runConformance } from "./conformance.js";

const clientOptions = {
  projectId: Bun.env.STYTCH_PROJECT_ID,
  secret: Bun.env.STYTCH_SECRET,
  baseUrl: Bun.env.STYTCH_BASE_URL, // the embedded mock; unset in production
};
const stytch = sdk.createStytchB2BClient(clientOptions);

const result = await runConformance(sdk, { stytch, clientOptions, responseValidator, createSmsGuard, openTelemetry, ...JSON.parse(Bun.env.CONFORMANCE_SETUP) });
console.log(`CONFORMANCE ${JSON.stringify(result)}`);
