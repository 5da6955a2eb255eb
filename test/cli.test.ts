import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { after, afterEach, before, test } from "node:test";
import { EXIT } from "../src/cli/exit-codes.ts";
import { createStytchB2BClient } from "../src/index.ts";
import { startMockStytch, type MockStytch } from "../src/mock/index.ts";
import { SUCCESS_BODY } from "./support/bodies.ts";
import { closedPort, startRawServer } from "./support/servers.ts";
import { runCli, type CliRun } from "./support/run-cli.ts";

// The `stytch-b2b-sms` command, run from source as a child process (test/package/bin.test.ts runs the packed
// bin), against a mock with its own secret. Every output is kept, and the last test checks the secret is in
// none of them.
const SECRET = `cli-test-secret-${crypto.randomUUID()}`;
const outputs: CliRun[] = [];
/** Codes and session tokens that went through the CLI, checked against every output at the end. */
const credentialsSeen: string[] = [];
let mock: MockStytch;
let env: Record<string, string>;

before(async () => {
  mock = await startMockStytch({ secret: SECRET });
  env = { STYTCH_PROJECT_ID: mock.projectId, STYTCH_SECRET: SECRET, STYTCH_BASE_URL: mock.url };
});
afterEach(() => mock.reset());
after(() => mock.close());

async function cli(args: string[], extraEnv: Record<string, string> = env): Promise<CliRun> {
  const run = await runCli(args, extraEnv);
  outputs.push(run);
  return run;
}
const ids = () => ["--organization-id", mock.organization.organization_id, "--member-id", mock.member.member_id];

test("--help documents the command, the exit codes and examples", async () => {
  const run = await cli(["--help"]);
  assert.equal(run.code, 0);
  assert.equal(run.stderr, "");
  for (const text of ["send --organization-id", "--session-jwt", "STYTCH_SECRET", "3  API error", "5  timeout", "send --mock --phone"]) {
    assert.ok(run.stdout.includes(text), `--help lacks ${text}`);
  }
  assert.ok(run.stdout.includes(`--member-id ${mock.member.member_id}`), "the --mock example uses the seeded Member's id");
  assert.equal((await cli(["-h"])).stdout, run.stdout);
});

test("the README and --help list every exit code", async () => {
  const readme = readFileSync("README.md", "utf8");
  const section = readme.slice(readme.indexOf("## Command line"), readme.indexOf("\n## ", readme.indexOf("## Command line") + 1));
  const help = (await cli(["--help"])).stdout;
  for (const code of Object.values(EXIT)) {
    assert.match(section, new RegExp(`^\\| ${code} \\|`, "m"), `README lacks exit code ${code}`);
    assert.match(help, new RegExp(`^  ${code}  \\w`, "m"), `--help lacks exit code ${code}`);
  }
});

test("sends with the credentials from the environment and prints what happened", async () => {
  const run = await cli(["send", ...ids(), "--phone", "+15005550006", "--locale", "pt-br"]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(mock.sentSms.length, 1);
  assert.deepEqual([mock.lastSms()?.to, mock.lastSms()?.locale], ["+15005550006", "pt-br"]);
  const requestId = (mock.exchanges[0]?.responseBody as { request_id: string }).request_id;
  assert.match(run.stdout, /^Sent an SMS code to \+15005550006\./);
  assert.ok(run.stdout.includes(`request_id    ${requestId}`));
  assert.ok(!run.stdout.includes("[mock]"), "no recorded code outside --mock");
});

test("--json prints the typed response as one JSON document", async () => {
  const run = await cli(["send", ...ids(), "--phone", "+15005550006", "--json"]);
  assert.equal(run.code, 0, run.stderr);
  const printed = JSON.parse(run.stdout) as { ok: boolean; response: { member: { mfa_phone_number: string }; status_code: number } };
  assert.equal(printed.ok, true);
  assert.equal(printed.response.status_code, 200);
  assert.equal(printed.response.member.mfa_phone_number, "+15005550006");
  assert.ok(!("sms" in printed));
});

test("--mock needs no credentials, defaults to the seeded Member and prints the recorded code", async () => {
  const run = await cli(["send", "--mock", "--phone", "+15005550006"], {});
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /\[mock\] SMS to \+15005550006: code \d{6} \(locale en\)/);
  assert.ok(run.stdout.includes("(acme)"));
  assert.equal(mock.sentSms.length, 0, "the CLI's own mock, not the test's");
});

test("--mock accepts the seeded Organization's slug and Member id, with --json", async () => {
  const args = ["send", "--mock", "--organization-id", "acme", "--member-id", mock.member.member_id, "--phone", "+15005550006", "--json"];
  const run = await cli(args, {});
  assert.equal(run.code, 0, run.stderr);
  const printed = JSON.parse(run.stdout) as { response: { organization: { organization_slug: string } }; sms: { code: string; to: string } };
  assert.equal(printed.response.organization.organization_slug, "acme");
  assert.match(printed.sms.code, /^\d{6}$/);
  assert.equal(printed.sms.to, "+15005550006");
});

test("exit 2: input the spec forbids is refused and nothing is sent", async () => {
  const phone = await cli(["send", ...ids(), "--phone", "555-0100"]);
  assert.equal(phone.code, 2);
  assert.match(phone.stderr, /StytchValidationError/);
  assert.match(phone.stderr, /field\s+mfa_phone_number/);
  assert.match(phone.stderr, /flag\s+--phone/);
  assert.match(phone.stderr, /Nothing was sent/);

  const sessions = await cli(["send", ...ids(), "--session-token", "a", "--session-jwt", "b", "--json"]);
  assert.equal(sessions.code, 2);
  const printed = JSON.parse(sessions.stdout) as { ok: boolean; exit_code: number; error: { rule: string } };
  assert.deepEqual([printed.ok, printed.exit_code, printed.error.rule], [false, 2, "atMostOne"]);
  assert.equal(mock.exchanges.length, 0);
});

test("exit 2: a bad command line says what to change", async () => {
  const cases: [string[], RegExp][] = [
    [["send", "--organization-id", "acme"], /--member-id is required/],
    [["send", ...ids(), "--bogus"], /Unknown option '--bogus'/],
    [["frobnicate"], /Unknown command 'frobnicate'/],
    [[], /No command given/],
    [["send", ...ids(), "--timeout", "soon"], /--timeout must be a whole number/],
    [["send", "--mock", "--base-url", "http://127.0.0.1:1"], /cannot be combined/],
  ];
  for (const [args, message] of cases) {
    const run = await cli(args);
    assert.equal(run.code, 2, args.join(" "));
    assert.match(run.stderr, message);
    assert.equal(run.stdout, "");
  }
  const noSecret = await cli(["send", ...ids()], { STYTCH_PROJECT_ID: mock.projectId, STYTCH_BASE_URL: mock.url });
  assert.equal(noSecret.code, 2);
  assert.match(noSecret.stderr, /STYTCH_SECRET is not set/);
  assert.equal(mock.exchanges.length, 0);
});

test("exit 3: an API error prints error_type, message, request_id and the docs URL", async () => {
  const run = await cli(["send", "--organization-id", mock.organization.organization_id, "--member-id", "member-test-nobody"]);
  assert.equal(run.code, 3);
  const requestId = (mock.exchanges[0]?.responseBody as { request_id: string }).request_id;
  assert.match(run.stderr, /^Error \(StytchApiError\): Member could not be found\./);
  assert.match(run.stderr, /error_type\s+member_not_found/);
  assert.ok(run.stderr.includes(`request_id  ${requestId}`));
  assert.ok(run.stderr.includes("docs        https://stytch.com/docs/api/errors/404#member_not_found"));

  mock.failNext({ status: 400, error_type: "invalid_locale", error_message: "Bad locale." });
  const json = await cli(["send", ...ids(), "--locale", "xx", "--json"]);
  assert.equal(json.code, 3);
  const printed = JSON.parse(json.stdout) as { error: Record<string, unknown> };
  assert.equal(printed.error.error_type, "invalid_locale");
  assert.equal(printed.error.error_url, "https://stytch.com/docs/api/errors/400#invalid_locale");
  assert.match(String(printed.error.request_id), /^request-id-mock-/);
});

test("exit 3 from --help's own example: the seeded Member has no phone yet, and the hint names --phone", async () => {
  const run = await cli(["send", "--mock", "--locale", "pt-br"], {});
  assert.equal(run.code, 3);
  assert.match(run.stderr, /error_type\s+member_phone_number_not_found/);
  assert.match(run.stderr, /pass --phone <\+E\.164> to link one/);
});

test("exit 3 with a wrong secret, which is not printed either", async () => {
  const wrong = `wrong-secret-${crypto.randomUUID()}`;
  const run = await cli(["send", ...ids()], { ...env, STYTCH_SECRET: wrong });
  assert.equal(run.code, 3);
  assert.match(run.stderr, /unauthorized_credentials/);
  assert.ok(!run.stderr.includes(wrong) && !run.stdout.includes(wrong));
});

test("exit 4: no connection, or an answer that is not Stytch's JSON", async () => {
  const refused = await cli(["send", ...ids()], { ...env, STYTCH_BASE_URL: await closedPort() });
  assert.equal(refused.code, 4);
  assert.match(refused.stderr, /StytchConnectionError/);

  mock.failNext({ status: 502, body: "<html>Bad gateway</html>", contentType: "text/html" }, 3);
  const html = await cli(["send", ...ids(), "--json"]);
  assert.equal(html.code, 4);
  const printed = JSON.parse(html.stdout) as { error: { name: string; status: number } };
  assert.deepEqual([printed.error.name, printed.error.status], ["StytchDecodeError", 502]);
});

test("exit 5: the call passed --timeout", async () => {
  mock.failNext({ hang: true });
  const run = await cli(["send", ...ids(), "--timeout", "300"]);
  assert.equal(run.code, 5);
  assert.match(run.stderr, /StytchTimeoutError/);
  assert.match(run.stderr, /may have been sent/);
  assert.ok(run.ms < 10_000, `took ${run.ms} ms`);
});

test("a secret a server echoes back is redacted", async () => {
  mock.failNext({ status: 400, error_type: "invalid_request_body", error_message: `secret was ${SECRET}` });
  const run = await cli(["send", ...ids()]);
  assert.equal(run.code, 3);
  assert.match(run.stderr, /secret was \[redacted\]/);
});

test("authenticate: the code a test sent, with the Member's intermediate session; no code or token printed", async () => {
  await createStytchB2BClient(mock.clientOptions).otps.sms.send({ organization_id: mock.organization.organization_id, member_id: mock.member.member_id, mfa_phone_number: "+15005550006" });
  const code = mock.lastSms()!.code;
  const intermediate = mock.createSession(mock.member.member_id, "intermediate_session_token");
  const run = await cli(["authenticate", ...ids(), "--code", code, "--intermediate-session-token", intermediate, "--session-duration-minutes", "30"]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Authenticated the SMS code: \+15005550006 is verified\./);
  assert.match(run.stdout, /session {7}member-session-test-/);
  const answer = mock.exchanges.at(-1)!.responseBody as { session_token: string; session_jwt: string };
  for (const credential of [code, intermediate, answer.session_token, answer.session_jwt]) {
    assert.ok(!run.stdout.includes(credential) && !run.stderr.includes(credential), "a credential was printed");
  }
  credentialsSeen.push(code, intermediate, answer.session_token, answer.session_jwt);
});

test("authenticate --json blanks the new session's token and JWT; a wrong code is exit 3", async () => {
  const client = createStytchB2BClient(mock.clientOptions);
  await client.otps.sms.send({ organization_id: mock.organization.organization_id, member_id: mock.member.member_id, mfa_phone_number: "+15005550006" });
  const session = mock.createSession(mock.member.member_id, "intermediate_session_token");
  const wrong = await cli(["authenticate", ...ids(), "--code", "000000", "--intermediate-session-token", session, "--json"]);
  if (mock.lastSms()!.code !== "000000") {
    assert.equal(wrong.code, 3);
    assert.equal((JSON.parse(wrong.stdout) as { error: { error_type: string } }).error.error_type, "otp_code_not_found");
  }
  const run = await cli(["authenticate", ...ids(), "--code", mock.lastSms()!.code, "--intermediate-session-token", session, "--json"]);
  assert.equal(run.code, 0, run.stdout);
  const printed = JSON.parse(run.stdout) as { ok: boolean; response: { session_token: string; session_jwt: string; member: { mfa_phone_number_verified: boolean } } };
  assert.deepEqual([printed.ok, printed.response.session_token, printed.response.session_jwt, printed.response.member.mfa_phone_number_verified], [true, "[redacted]", "[redacted]", true]);
  credentialsSeen.push(session);
});

test("authenticate --mock runs the whole step: a code is sent through the mock, then checked", async () => {
  const run = await cli(["authenticate", "--mock"], {});
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /Authenticated the SMS code/);
  assert.match(run.stdout, /\[mock\] sent a code to \+15005550006; authenticated with that code/);
  const wrong = await cli(["authenticate", "--mock", "--code", "000000", "--json"], {});
  assert.ok(wrong.code === 3 || wrong.code === 0, wrong.stdout); // 0 only if the mock's code happened to be 000000
});

test("authenticate: the spec's rules and the command line's are checked before anything is sent (exit 2)", async () => {
  const cases: [string[], RegExp][] = [
    [["authenticate", ...ids(), "--code", "1", "--session-token", "a", "--session-jwt", "b"], /rule\s+exactlyOne/],
    [["authenticate", ...ids(), "--code", "1"], /rule\s+exactlyOne/],
    [["authenticate", ...ids(), "--code", "1", "--session-token", "a", "--session-duration-minutes", "4"], /flag\s+--session-duration-minutes/],
    [["authenticate", ...ids(), "--session-token", "a"], /--code is required/],
    [["authenticate", ...ids(), "--code", "1", "--session-token", "a", "--set-default-mfa", "yes"], /takes true or false/],
    [["send", ...ids(), "--code", "1"], /--code is not an option of `send`/],
  ];
  for (const [args, message] of cases) {
    const run = await cli(args);
    assert.equal(run.code, 2, args.join(" "));
    assert.match(run.stderr, message);
  }
  assert.equal(mock.exchanges.length, 0);
});

test("--json: no error output holds the secret, whatever the server echoes", async () => {
  const echo = (request: string) => request.replaceAll("\r\n", " | ").replaceAll('"', "'");
  const answers: [number, (request: string) => string][] = [
    [3, (r) => withBody(400, "application/json", JSON.stringify({ status_code: 400, request_id: r, error_type: "echo", error_message: r, error_url: r, error_details: { r } }))],
    [4, (r) => withBody(502, "text/html", `<html>${echo(r)}</html>`)],
    [4, (r) => withBody(200, "application/json", `{"echo":"${echo(r)}"}`)],
    [4, (r) => `HTTP/1.1 200 OK\r\nContent-Length: 1x ${echo(r)}\r\n\r\n{}`],
    [4, (r) => `HTTP/1.1 2x0 ${echo(r)}\r\n\r\n`],
  ];
  for (const [code, answer] of answers) {
    const server = await startRawServer(answer);
    try {
      const run = await cli(["send", ...ids(), "--json"], { ...env, STYTCH_BASE_URL: server.url });
      assert.equal(run.code, code, run.stdout);
      assert.equal((JSON.parse(run.stdout) as { ok: boolean }).ok, false);
    } finally {
      await server.close();
    }
  }
});

function withBody(status: number, contentType: string, body: string): string {
  return `HTTP/1.1 ${status} X\r\nContent-Type: ${contentType}\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

test("--base-url is used, ahead of STYTCH_BASE_URL", async () => {
  const run = await cli(["send", ...ids(), "--phone", "+15005550006", "--base-url", mock.url], { ...env, STYTCH_BASE_URL: await closedPort() });
  assert.equal(run.code, 0, run.stderr);
  assert.equal(mock.sentSms.length, 1);
});

test("a success answer that echoes the secret is printed redacted, as text or --json", async () => {
  const server = await startRawServer(() => {
    const body = JSON.parse(SUCCESS_BODY);
    body.member.name = `echo ${SECRET}`;
    const text = JSON.stringify(body);
    return `HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`;
  });
  try {
    for (const extra of [[], ["--json"]]) {
      const run = await cli(["send", ...ids(), ...extra], { ...env, STYTCH_BASE_URL: server.url });
      assert.equal(run.code, 0, run.stderr);
      assert.ok(run.stdout.includes("echo [redacted]"), run.stdout);
      assert.ok(!run.stdout.includes(SECRET));
    }
  } finally {
    await server.close();
  }
});

test("a secret typed by mistake as an argument is redacted from the usage error, as text or --json", async () => {
  for (const args of [["send", SECRET], [SECRET], ["otps", "sms", "send", SECRET]]) {
    const text = await cli([...args, ...ids()]);
    assert.equal(text.code, 2, args.join(" "));
    assert.match(text.stderr, /(Unexpected argument|Unknown command) '[^']*\[redacted\]'/);
    const json = await cli([...args, ...ids(), "--json"]);
    assert.equal(json.code, 2);
    const printed = JSON.parse(json.stdout) as { ok: boolean; exit_code: number; error: { name: string; message: string } };
    assert.deepEqual([printed.ok, printed.exit_code, printed.error.name], [false, 2, "UsageError"]);
    assert.match(printed.error.message, /\[redacted\]/);
    for (const output of [text.stdout, text.stderr, json.stdout, json.stderr]) assert.ok(!output.includes(SECRET), output);
  }
  assert.equal(mock.exchanges.length, 0);
});

test("commands are named by the path (otps sms send), and send and authenticate stay as short names of theirs", async () => {
  const run = await cli(["otps", "sms", "send", ...ids(), "--phone", "+15005550006"]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Sent an SMS code to \+15005550006\./);
  const help = (await cli(["--help"])).stdout;
  assert.match(help, /^ {2}send \(or otps sms send\): text a code to a Member \(POST \/v1\/b2b\/otps\/sms\/send\)$/m);
  assert.match(help, /^ {2}authenticate \(or otps sms authenticate\): /m);
  const unknown = await cli(["otps", "sms"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /Unknown command 'otps sms': the commands are `otps sms send`, `send`, `otps sms authenticate`, `authenticate`\./);
});

test("`npm run cli` runs the command line from source in a clone (no build)", async () => {
  const { spawnSync } = await import("node:child_process");
  const run = spawnSync("npm", ["run", "-s", "cli", "--", "--help"], { encoding: "utf8", env: { PATH: process.env.PATH ?? "" } });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, (await cli(["--help"])).stdout);
});

test("the secret, and every code and token given or received, never appeared in any output", () => {
  const basic = Buffer.from(`${mock.projectId}:${SECRET}`).toString("base64");
  assert.ok(outputs.length >= 15, `only ${outputs.length} runs`);
  assert.ok(credentialsSeen.length >= 5);
  for (const run of outputs) {
    for (const text of [run.stdout, run.stderr]) {
      assert.ok(!text.includes(SECRET) && !text.includes(basic), `secret leaked in: ${text.slice(0, 200)}`);
      for (const credential of credentialsSeen) assert.ok(!text.includes(credential), `a code or token leaked in: ${text.slice(0, 200)}`);
    }
  }
});
