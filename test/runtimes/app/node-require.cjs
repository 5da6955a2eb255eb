// Node (CommonJS): the same scenario through require(), i.e. the package's CommonJS build.
const sdk = require("stytch-b2b-sms");
const { startMockStytch } = require("stytch-b2b-sms/mock");
const { createSmsGuard } = require("stytch-b2b-sms/guard");
const { openTelemetry } = require("stytch-b2b-sms/opentelemetry");
const { responseValidator } = require("stytch-b2b-sms/response-validation");

const clientOptions = {
  projectId: process.env.STYTCH_PROJECT_ID,
  secret: process.env.STYTCH_SECRET,
  baseUrl: process.env.STYTCH_BASE_URL,
};
const stytch = sdk.createStytchB2BClient(clientOptions);

import("./conformance.js").then(async ({ runConformance }) => {
  const result = await runConformance(sdk, { stytch, clientOptions, responseValidator, createSmsGuard, openTelemetry, ...JSON.parse(process.env.CONFORMANCE_SETUP) });
  if (typeof startMockStytch !== "function") result.checks.push({ name: "require mock", ok: false, detail: typeof startMockStytch });
  console.log(`CONFORMANCE ${JSON.stringify(result)}`);
});
