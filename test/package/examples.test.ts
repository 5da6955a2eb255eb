import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, afterEach, before, test } from "node:test";
import { build } from "esbuild";
import { createStytchB2BClient } from "../../src/index.ts";
import { startMockStytch, type MockStytch } from "../../src/mock/index.ts";
import { run, start } from "../support/child.ts";
import { CONSUMER_DIR, packListing } from "../support/packed.ts";

// Each file in examples/ runs as a user would run it, against the embedded mock, importing the package by its
// name: `npm run pack:consumer` copies examples/ into the app folder that has the packed tarball installed.
// (The mock and the client on this side are the test's own, from src/.)
packListing();
const EXAMPLES = join(CONSUMER_DIR, "examples");
let mock: MockStytch;
let env: Record<string, string>;
before(async () => {
  mock = await startMockStytch();
  env = {
    STYTCH_PROJECT_ID: mock.projectId,
    STYTCH_SECRET: mock.secret,
    STYTCH_BASE_URL: mock.url,
    ORGANIZATION_ID: mock.organization.organization_id,
    MEMBER_ID: mock.member.member_id,
    PHONE_NUMBER: "+15005550006",
  };
});
afterEach(() => mock.reset());
after(() => mock.close());

const bin = (name: string) => {
  const path = resolve("node_modules/.bin", name);
  assert.ok(existsSync(path), `${name} is missing: run \`npm ci\` (it is a devDependency)`);
  return path;
};
const lastRequestId = () => (mock.exchanges.at(-1)?.responseBody as { request_id: string }).request_id;
const body = (input: Record<string, string>) => ({ method: "POST", body: JSON.stringify(input) });

test("node-server.js: POST /otp/sms sends, refuses bad input before sending, maps Stytch errors", async () => {
  const server = await start(process.execPath, [join(EXAMPLES, "node-server.js")], { ...env, PORT: "0" }, /listening on (\S+)/);
  try {
    const url = `${server.match[1]}/otp/sms`;
    const sent = await fetch(url, body({ organization_id: env.ORGANIZATION_ID!, member_id: env.MEMBER_ID!, phone_number: "+15005550006" }));
    assert.equal(sent.status, 200);
    assert.deepEqual(await sent.json(), { sent: true, request_id: lastRequestId(), phone_number: "+15005550006" });
    assert.equal(mock.lastSms()?.to, "+15005550006");

    const invalid = await fetch(url, body({ organization_id: env.ORGANIZATION_ID!, member_id: env.MEMBER_ID!, phone_number: "555" }));
    assert.equal(invalid.status, 400);
    assert.deepEqual(await invalid.json(), { error: "invalid_input", field: "mfa_phone_number" });
    assert.equal(mock.exchanges.length, 1, "nothing sent for invalid input");

    const unknown = await fetch(url, body({ organization_id: env.ORGANIZATION_ID!, member_id: "member-test-nobody" }));
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { error: "member_not_found", request_id: lastRequestId() });
  } finally {
    await server.stop();
  }
});

test("cloudflare-worker.js: the same route under workerd (miniflare), with wrangler.toml's compatibility date", async () => {
  const [, compatibilityDate] = /compatibility_date = "([\d-]+)"/.exec(readFileSync(join(EXAMPLES, "wrangler.toml"), "utf8")) ?? [];
  assert.ok(compatibilityDate);
  // As wrangler does: one ES module bundled by esbuild with the Workers conditions.
  const bundled = await build({
    entryPoints: [join(EXAMPLES, "cloudflare-worker.js")],
    bundle: true,
    write: false,
    format: "esm",
    platform: "neutral",
    conditions: ["workerd", "worker", "browser"],
    logLevel: "error",
  });
  const { Miniflare } = await import("miniflare");
  const mf = new Miniflare({
    modules: true,
    script: bundled.outputFiles[0]!.text,
    compatibilityDate,
    cf: false,
    bindings: { STYTCH_PROJECT_ID: env.STYTCH_PROJECT_ID!, STYTCH_SECRET: env.STYTCH_SECRET!, STYTCH_BASE_URL: env.STYTCH_BASE_URL! },
  });
  try {
    const input = { organization_id: "acme", member_id: env.MEMBER_ID!, phone_number: "+15005550006" };
    const sent = await mf.dispatchFetch("http://localhost/otp/sms", body(input));
    assert.equal(sent.status, 200);
    assert.deepEqual(await sent.json(), { sent: true, request_id: lastRequestId(), phone_number: "+15005550006" });
    assert.equal(mock.sentSms.length, 1);

    mock.failNext({ status: 401 });
    const misconfigured = await mf.dispatchFetch("http://localhost/otp/sms", body(input));
    assert.equal(misconfigured.status, 502, "a credentials problem is the server's, not the browser's");
    assert.deepEqual(await misconfigured.json(), { error: "unauthorized_credentials", request_id: lastRequestId() });
    assert.equal((await mf.dispatchFetch("http://localhost/")).status, 404);
  } finally {
    await mf.dispose();
  }
});

test("deno.ts: sends and prints the request_id", async () => {
  const allowEnv = Object.keys(env).join(",");
  const args = ["run", "--no-lock", "--allow-net=127.0.0.1", `--allow-env=${allowEnv}`, join(EXAMPLES, "deno.ts")];
  const result = await run(bin("deno"), args, { ...env, DENO_DIR: resolve(".build/deno-dir") });
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout.trim(), `sent to +15005550006, request_id ${lastRequestId()}`);
  assert.equal(mock.lastSms()?.memberId, env.MEMBER_ID);
});

test("bun.ts: sends and prints the request_id; a Stytch error exits 1 with its error_type", async () => {
  const result = await run(bin("bun"), ["run", "--no-install", join(EXAMPLES, "bun.ts")], env);
  assert.equal(result.code, 0, result.stderr);
  assert.equal(result.stdout.trim(), `sent to +15005550006, request_id ${lastRequestId()}`);
  assert.equal(mock.sentSms.length, 1);

  const failed = await run(bin("bun"), ["run", "--no-install", join(EXAMPLES, "bun.ts")], { ...env, MEMBER_ID: "member-test-nobody" });
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /StytchApiError member_not_found \(request_id request-id-mock-/);
});

test("mock-server.js: prints the environment the examples read, and the codes it sends", async () => {
  const server = await start(process.execPath, [join(EXAMPLES, "mock-server.js")], {}, /export PHONE_NUMBER=.*\n/);
  try {
    const printed = Object.fromEntries([...server.output.stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    assert.deepEqual(Object.keys(printed), Object.keys(env));
    const stytch = createStytchB2BClient({ projectId: printed.STYTCH_PROJECT_ID!, secret: printed.STYTCH_SECRET!, baseUrl: printed.STYTCH_BASE_URL! });
    await stytch.otps.sms.send({ organization_id: printed.ORGANIZATION_ID!, member_id: printed.MEMBER_ID!, mfa_phone_number: printed.PHONE_NUMBER! });
    await new Promise((done) => setTimeout(done, 400));
    assert.match(server.output.stdout, /# SMS to \+15005550006: code \d{6}/);
  } finally {
    assert.equal(await server.stop(), 0, "closes cleanly on SIGTERM");
  }
});
