// A browser page (bundled by esbuild, served by the harness on 127.0.0.1), as in the README's "Runtimes"
// section. Calling Stytch from a browser exposes the secret, so the client refuses unless told otherwise.
import * as sdk from "stytch-b2b-sms";
import { createSmsGuard } from "stytch-b2b-sms/guard";
import { openTelemetry } from "stytch-b2b-sms/opentelemetry";
import { responseValidator } from "stytch-b2b-sms/response-validation";
import { runConformance } from "./conformance.js";

const { projectId, secret, baseUrl, ...setup } = await (await fetch("/setup")).json();

let guard = "createStytchB2BClient did not throw without dangerouslyAllowBrowser";
try {
  sdk.createStytchB2BClient({ projectId, secret, baseUrl });
} catch (error) {
  guard = /dangerouslyAllowBrowser/.test(error.message) && /secret/i.test(error.message) ? "" : `unclear error: ${error.message}`;
}

const clientOptions = { projectId, secret, baseUrl, dangerouslyAllowBrowser: true };
const stytch = sdk.createStytchB2BClient(clientOptions);

const result = await runConformance(sdk, { stytch, clientOptions, responseValidator, createSmsGuard, openTelemetry, ...setup });
result.checks.unshift(guard ? { name: "browser guard", ok: false, detail: guard } : { name: "browser guard", ok: true });
window.conformance = result;
