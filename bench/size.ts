/**
 * Bundle size of an app that only creates the client and sends, built the way users build it (esbuild,
 * minified, tree-shaken) for the browser and for node, with raw fetch and plain openapi-fetch beside it; the
 * same app importing send alone (and then authenticate too) beside a client without methods; and the client
 * with the send guard (memory store).
 * Used by `npm run bench` (the report) and by `npm test` (the budget).
 */
import { build } from "esbuild";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export const APPS = {
  "raw fetch": `
    const r = await fetch("https://test.stytch.com/v1/b2b/otps/sms/send", { method: "POST",
      headers: { "content-type": "application/json", authorization: "Basic " + btoa("project-test-1:s") },
      body: JSON.stringify({ organization_id: "o", member_id: "m" }) });
    console.log(await r.json());`,
  "openapi-fetch POST": `
    import createClient from "openapi-fetch";
    const c = createClient({ baseUrl: "https://test.stytch.com", headers: { authorization: "Basic " + btoa("project-test-1:s") } });
    console.log(await c.POST("/v1/b2b/otps/sms/send", { body: { organization_id: "o", member_id: "m" } }));`,
  "stytch-b2b-sms send": `
    import { createStytchB2BClient } from "stytch-b2b-sms";
    const c = createStytchB2BClient({ projectId: "project-test-1", secret: "s" });
    console.log(await c.otps.sms.send({ organization_id: "o", member_id: "m" }));`,
  "send alone (core + otpsSmsSend)": `
    import { createStytchB2BCore, otpsSmsSend } from "stytch-b2b-sms";
    const c = createStytchB2BCore({ projectId: "project-test-1", secret: "s" });
    console.log(await otpsSmsSend(c, { organization_id: "o", member_id: "m" }));`,
  "… + otpsSmsAuthenticate": `
    import { createStytchB2BCore, otpsSmsAuthenticate, otpsSmsSend } from "stytch-b2b-sms";
    const c = createStytchB2BCore({ projectId: "project-test-1", secret: "s" });
    console.log(await otpsSmsSend(c, { organization_id: "o", member_id: "m" }));
    console.log(await otpsSmsAuthenticate(c, { organization_id: "o", member_id: "m", code: "1", session_token: "t" }));`,
  "… + memory guard": `
    import { createStytchB2BClient } from "stytch-b2b-sms";
    import { createSmsGuard } from "stytch-b2b-sms/guard";
    const c = createStytchB2BClient({ projectId: "project-test-1", secret: "s", guard: createSmsGuard() });
    console.log(await c.otps.sms.send({ organization_id: "o", member_id: "m" }));`,
} as const;

export interface BundleSize {
  app: keyof typeof APPS;
  platform: "browser" | "node";
  minified: number;
  gzip: number;
  code: string;
}

/**
 * "stytch-b2b-sms" resolves from `resolveDir`: by default this repository, where it is dist/ through the
 * package's exports map (run `npm run build` first); the size test passes the folder with the packed package.
 */
export async function bundleSize(app: keyof typeof APPS, platform: "browser" | "node", resolveDir = ROOT): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: APPS[app], resolveDir, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.text;
  return { app, platform, minified: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length, code };
}

export async function sizeReport(): Promise<BundleSize[]> {
  const sizes: BundleSize[] = [];
  for (const app of Object.keys(APPS) as (keyof typeof APPS)[]) {
    for (const platform of ["browser", "node"] as const) sizes.push(await bundleSize(app, platform));
  }
  return sizes;
}
