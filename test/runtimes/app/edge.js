// A Vercel / Next.js edge route handler, as in the README's "Runtimes" section. Like Next.js, the harness's
// bundler inlines process.env.STYTCH_*; the edge VM itself has no `process`.
import * as sdk from "stytch-b2b-sms";
import { createSmsGuard } from "stytch-b2b-sms/guard";
import { openTelemetry } from "stytch-b2b-sms/opentelemetry";
import { responseValidator } from "stytch-b2b-sms/response-validation";
import { runConformance } from "./conformance.js";

export const runtime = "edge";

export async function POST(request) {
  const clientOptions = {
    projectId: process.env.STYTCH_PROJECT_ID,
    secret: process.env.STYTCH_SECRET,
    baseUrl: process.env.STYTCH_BASE_URL, // the embedded mock; unset in production
  };
  const stytch = sdk.createStytchB2BClient(clientOptions);
  return Response.json(await runConformance(sdk, { stytch, clientOptions, responseValidator, createSmsGuard, openTelemetry, ...(await request.json()) }));
}
