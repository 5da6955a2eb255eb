import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { after, afterEach, before, beforeEach, test } from "node:test";
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
});
beforeEach(() => {
  // The intermediate session token is single use and reset() forgets sessions: a fresh one for each test.
  env = {
    STYTCH_PROJECT_ID: mock.projectId,
    STYTCH_SECRET: mock.secret,
    STYTCH_BASE_URL: mock.url,
    ORGANIZATION_ID: mock.organization.organization_id,
    MEMBER_ID: mock.member.member_id,
    PHONE_NUMBER: "+15005550006",
    INTERMEDIATE_SESSION_TOKEN: mock.createSession(mock.member.member_id, "intermediate_session_token"),
  };
});
afterEach(() => mock.reset());
after(() => mock.close());

const bin = (name: string) => {
  const path = resolve("node_modules/.bin", name);
  assert.ok(existsSync(path), `${name} is missing: run \`npm ci\` (it is a devDependency)`);
  return path;
};
const lastResponse = () => mock.exchanges.at(-1)?.responseBody as { request_id: string; session_token?: string; member_session?: { member_session_id: string; expires_at: string } };
const lastRequestId = () => lastResponse().request_id;
const body = (input: Record<string, string>) => ({ method: "POST", body: JSON.stringify(input) });
const wrongCode = () => (mock.lastSms()!.code === "000000" ? "111111" : "000000");

/** What a browser would post to the routes; the session fields stand in for the app's own session. */
const routeInput = () => ({ organization_id: env.ORGANIZATION_ID!, member_id: env.MEMBER_ID!, intermediate_session_token: env.INTERMEDIATE_SESSION_TOKEN! });

/** The session cookie a successful authenticate route sets: the mock's session token, out of scripts' reach. */
function assertSessionCookie(response: Response) {
  const cookie = response.headers.get("set-cookie") ?? "";
  assert.ok(cookie.startsWith(`stytch_session=${lastResponse().session_token};`), cookie);
  assert.match(cookie, /; HttpOnly; Secure; SameSite=Lax; Path=\/; Max-Age=3600$/);
}

test("node-server.js: POST /otp/sms sends, POST /otp/sms/authenticate checks the code and sets the session cookie; bad input is refused before sending; Stytch errors mapped", async () => {
  const server = await start(process.execPath, [join(EXAMPLES, "node-server.js")], { ...env, PORT: "0" }, /listening on (\S+)/);
  try {
    const url = server.match[1]!;
    const sent = await fetch(`${url}/otp/sms`, body({ ...routeInput(), phone_number: "+15005550006" }));
    assert.equal(sent.status, 200);
    assert.deepEqual(await sent.json(), { sent: true, request_id: lastRequestId(), phone_number: "+15005550006" });
    assert.equal(mock.lastSms()?.to, "+15005550006");

    const invalid = await fetch(`${url}/otp/sms`, body({ ...routeInput(), phone_number: "555" }));
    assert.equal(invalid.status, 400);
    assert.deepEqual(await invalid.json(), { error: "invalid_input", field: "mfa_phone_number" });
    const noCode = await fetch(`${url}/otp/sms/authenticate`, body(routeInput()));
    assert.equal(noCode.status, 400);
    assert.deepEqual(await noCode.json(), { error: "invalid_input", field: "code" });
    assert.equal(mock.exchanges.length, 1, "nothing sent for invalid input");

    const wrong = await fetch(`${url}/otp/sms/authenticate`, body({ ...routeInput(), code: wrongCode() }));
    assert.equal(wrong.status, 404);
    assert.deepEqual(await wrong.json(), { error: "otp_code_not_found", request_id: lastRequestId() });
    assert.equal(wrong.headers.get("set-cookie"), null);

    const authenticated = await fetch(`${url}/otp/sms/authenticate`, body({ ...routeInput(), code: mock.lastSms()!.code }));
    assert.equal(authenticated.status, 200);
    const { member_session } = lastResponse();
    assert.deepEqual(await authenticated.json(), { authenticated: true, request_id: lastRequestId(), member_id: env.MEMBER_ID, expires_at: member_session!.expires_at });
    assertSessionCookie(authenticated);
    assert.equal(mock.getMember(env.MEMBER_ID!)?.mfa_phone_number_verified, true);

    const unknown = await fetch(`${url}/otp/sms`, body({ organization_id: env.ORGANIZATION_ID!, member_id: "member-test-nobody" }));
    assert.equal(unknown.status, 404);
    assert.deepEqual(await unknown.json(), { error: "member_not_found", request_id: lastRequestId() });
  } finally {
    await server.stop();
  }
});

test("cloudflare-worker.js: the same two routes under workerd (miniflare), with wrangler.toml's compatibility date", async () => {
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
    const input = { ...routeInput(), organization_id: "acme" };
    const sent = await mf.dispatchFetch("http://localhost/otp/sms", body({ ...input, phone_number: "+15005550006" }));
    assert.equal(sent.status, 200);
    assert.deepEqual(await sent.json(), { sent: true, request_id: lastRequestId(), phone_number: "+15005550006" });
    assert.equal(mock.sentSms.length, 1);

    mock.failNext({ status: 401 });
    const misconfigured = await mf.dispatchFetch("http://localhost/otp/sms/authenticate", body({ ...input, code: mock.lastSms()!.code }));
    assert.equal(misconfigured.status, 502, "a credentials problem is the server's, not the browser's");
    assert.deepEqual(await misconfigured.json(), { error: "unauthorized_credentials", request_id: lastRequestId() });

    // An expired code is Stytch's 401 too, but the Member's to know (send another), not a 502.
    mock.advanceTime(2 * 60_000 + 1);
    const expired = await mf.dispatchFetch("http://localhost/otp/sms/authenticate", body({ ...input, code: mock.lastSms()!.code }));
    assert.equal(expired.status, 401);
    assert.deepEqual(await expired.json(), { error: "unable_to_auth_otp_code", request_id: lastRequestId() });

    assert.equal((await mf.dispatchFetch("http://localhost/otp/sms", body(input))).status, 200);
    const authenticated = await mf.dispatchFetch("http://localhost/otp/sms/authenticate", body({ ...input, code: mock.lastSms()!.code }));
    assert.equal(authenticated.status, 200);
    assert.deepEqual(await authenticated.json(), { authenticated: true, request_id: lastRequestId(), member_id: env.MEMBER_ID, expires_at: lastResponse().member_session!.expires_at });
    assertSessionCookie(authenticated as unknown as Response);
    assert.equal((await mf.dispatchFetch("http://localhost/")).status, 404);
  } finally {
    await mf.dispose();
  }
});

/**
 * Runs a script that sends a code and then asks for it on stdin, as a user at a terminal would answer: once
 * it asks, types `answer()` (read from the mock's phone by then), then waits for it to exit.
 */
async function typeCode(command: string, args: string[], scriptEnv: Record<string, string>, answer: () => string) {
  const script = await start(command, args, { HOME: process.env.HOME ?? "/tmp", ...scriptEnv }, /^enter the code:$/m);
  const exited = new Promise<number | null>((done) => script.child.on("close", done));
  script.child.stdin.end(`${answer()}\n`);
  const killer = setTimeout(() => script.child.kill("SIGKILL"), 15_000);
  const code = await exited;
  clearTimeout(killer);
  return { code, stdout: script.output.stdout, stderr: script.output.stderr };
}

/** What a script prints for the whole step, from the mock's own answers to its last two requests. */
function expectedTranscript() {
  const [send, authenticate] = mock.exchanges.slice(-2).map((exchange) => exchange.responseBody as ReturnType<typeof lastResponse>);
  const session = authenticate!.member_session!;
  return [
    `sent to +15005550006, request_id ${send!.request_id}`,
    "enter the code:",
    `authenticated: session ${session.member_session_id} until ${session.expires_at}, request_id ${authenticate!.request_id}`,
  ].join("\n");
}

test("deno.ts: sends, reads the code from stdin, authenticates it and prints the session (never its tokens)", async () => {
  const allowEnv = Object.keys(env).join(",");
  const args = ["run", "--no-lock", "--allow-net=127.0.0.1", `--allow-env=${allowEnv}`, join(EXAMPLES, "deno.ts")];
  const result = await typeCode(bin("deno"), args, { ...env, DENO_DIR: resolve(".build/deno-dir") }, () => mock.lastSms()!.code);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(mock.exchanges.map((exchange) => [exchange.path, exchange.status]), [["/v1/b2b/otps/sms/send", 200], ["/v1/b2b/otps/sms/authenticate", 200]]);
  assert.equal(result.stdout.trim(), expectedTranscript());
  assert.ok(!result.stdout.includes(lastResponse().session_token!), "the session token was printed");
  assert.equal(mock.getMember(env.MEMBER_ID!)?.mfa_phone_number_verified, true);
});

test("bun.ts: a wrong code exits 1 with its error_type; the right one authenticates; a Stytch error on send exits 1", async () => {
  const args = ["run", "--no-install", join(EXAMPLES, "bun.ts")];
  const wrong = await typeCode(bin("bun"), args, env, wrongCode);
  assert.equal(wrong.code, 1);
  assert.match(wrong.stderr, /^StytchApiError otp_code_not_found \(request_id request-id-mock-/);

  // A wrong code leaves the intermediate session token usable: the second run sends a new code and uses it.
  const result = await typeCode(bin("bun"), args, env, () => mock.lastSms()!.code);
  assert.equal(result.code, 0, result.stderr);
  assert.deepEqual(mock.exchanges.map((exchange) => exchange.status), [200, 404, 200, 200]);
  assert.equal(result.stdout.trim(), expectedTranscript());
  assert.ok(!result.stdout.includes(lastResponse().session_token!), "the session token was printed");

  const failed = await run(bin("bun"), args, { ...env, MEMBER_ID: "member-test-nobody" });
  assert.equal(failed.code, 1);
  assert.match(failed.stderr, /StytchApiError member_not_found \(request_id request-id-mock-/);
  assert.doesNotMatch(failed.stdout, /enter the code/);
});

test("mock-server.js: prints the environment the examples read and the codes it sends, enough for the whole step", async () => {
  const server = await start(process.execPath, [join(EXAMPLES, "mock-server.js")], {}, /export INTERMEDIATE_SESSION_TOKEN=.*\n/);
  try {
    const printed = Object.fromEntries([...server.output.stdout.matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1], m[2]]));
    assert.deepEqual(Object.keys(printed), Object.keys(env));
    const stytch = createStytchB2BClient({ projectId: printed.STYTCH_PROJECT_ID!, secret: printed.STYTCH_SECRET!, baseUrl: printed.STYTCH_BASE_URL! });
    const ids = { organization_id: printed.ORGANIZATION_ID!, member_id: printed.MEMBER_ID!, intermediate_session_token: printed.INTERMEDIATE_SESSION_TOKEN! };
    await stytch.otps.sms.send({ ...ids, mfa_phone_number: printed.PHONE_NUMBER! });
    // The runner prints each SMS from a 200 ms poll: wait for the line rather than a fixed time.
    let code: string | undefined;
    for (const started = Date.now(); !code && Date.now() - started < 5_000; await new Promise((done) => setTimeout(done, 50))) {
      code = /# SMS to \+15005550006: code (\d{6})/.exec(server.output.stdout)?.[1];
    }
    assert.ok(code, `no code printed: ${server.output.stdout}`);
    const session = await stytch.otps.sms.authenticate({ ...ids, code });
    assert.equal(session.member.mfa_phone_number_verified, true);
  } finally {
    assert.equal(await server.stop(), 0, "closes cleanly on SIGTERM");
  }
});
