// Node (ESM), as in the README's "Runtimes" section; the harness sets the env and reads the last line.
import * as sdk from "stytch-b2b-sms";
import { createSmsGuard } from "stytch-b2b-sms/guard";
import { openTelemetry } from "stytch-b2b-sms/opentelemetry";
import { responseValidator } from "stytch-b2b-sms/response-validation";
import { runConformance } from "./conformance.js";

const clientOptions = {
  projectId: process.env.STYTCH_PROJECT_ID,
  secret: process.env.STYTCH_SECRET,
  baseUrl: process.env.STYTCH_BASE_URL, // the embedded mock; unset in production
};
const stytch = sdk.createStytchB2BClient(clientOptions);

const result = await runConformance(sdk, { stytch, clientOptions, responseValidator, createSmsGuard, openTelemetry, ...JSON.parse(process.env.CONFORMANCE_SETUP) });
console.log(`CONFORMANCE ${JSON.stringify(result)}`);
