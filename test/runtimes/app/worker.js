// A Cloudflare Worker (module syntax), as in the README's "Runtimes" section; bindings come from miniflare.
import * as sdk from "stytch-b2b-sms";
import { createSmsGuard } from "stytch-b2b-sms/guard";
import { openTelemetry } from "stytch-b2b-sms/opentelemetry";
import { responseValidator } from "stytch-b2b-sms/response-validation";
import { runConformance } from "./conformance.js";

export default {
  async fetch(request, env) {
    const clientOptions = {
      projectId: env.STYTCH_PROJECT_ID,
      secret: env.STYTCH_SECRET,
      baseUrl: env.STYTCH_BASE_URL, // the embedded mock; unset in production
    };
    const stytch = sdk.createStytchB2BClient(clientOptions);
    return Response.json(await runConformance(sdk, { stytch, clientOptions, responseValidator, createSmsGuard, openTelemetry, ...JSON.parse(env.CONFORMANCE_SETUP) }));
  },
};
