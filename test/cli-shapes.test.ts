/**
 * The command line on other operation tables: the test-only spec's (every shape: path and query
 * parameters, GET, DELETE, lists and nested objects), run in-process with its table, and the naming rule
 * on a table where two operations end in the same segment.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { operations, type Operation } from "../generated/operations.ts";
import { commandName, commandsOf } from "../src/cli/parse-args.ts";
import { helpText } from "../src/cli/help.ts";
import { runCli } from "../src/cli/run.ts";
import { sharedMock } from "./support/shared-mock.ts";
import { SHAPES, SHAPES_CONTRACT } from "./support/shapes.ts";

const mock = sharedMock({ mock: { api: SHAPES }, contract: SHAPES_CONTRACT });

/** The CLI in this process on the test-only table, with the shared mock's credentials (or none, for --mock). */
async function cli(args: string[], withMock = true) {
  let stdout = "";
  let stderr = "";
  const env = withMock ? { STYTCH_PROJECT_ID: mock.projectId, STYTCH_SECRET: mock.secret, STYTCH_BASE_URL: mock.url } : {};
  const code = await runCli(args, { env, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) }, SHAPES);
  return { code, stdout, stderr };
}

test("two operations never share a command: Session Authenticate beside the SMS authenticate", () => {
  const sessions = { ...operations[1], id: "b2bSessionsAuthenticate", path: "/v1/b2b/sessions/authenticate" } as Operation;
  const commands = commandsOf([...operations, sessions]);
  assert.equal(commands.get("authenticate"), operations[1]);
  assert.equal(commands.get("otps sms authenticate"), operations[1]);
  assert.equal(commands.get("sessions authenticate"), sessions);
  assert.deepEqual(SHAPES.operations.map(commandName), ["organizations member get", "organizations members mfa-phone-numbers delete", "organizations members search"]);
  // The same path under two methods: the method tells them apart.
  const update = { ...SHAPES.deleteMemberMfaPhoneNumber, id: "update", method: "PUT" } as Operation;
  assert.equal(commandsOf([SHAPES.deleteMemberMfaPhoneNumber, update]).size, 2);
  assert.throws(() => commandsOf([operations[0], { ...operations[0], id: "again" } as Operation]), /two operations would be the command 'otps sms send'/);
});

test("--help is written from the table: every command, its method and path, and a flag per field, parameters included", async () => {
  const help = (await cli(["--help"])).stdout;
  assert.equal(help, helpText(SHAPES.operations));
  for (const operation of SHAPES.operations) {
    assert.ok(help.includes(`  ${commandName(operation)} (${operation.method} ${operation.path})`), operation.id);
  }
  assert.match(help, /--organization-id <text> {2}\(required\)/);
  assert.match(help, /--email-address <text>/);
  assert.match(help, /--organization-ids <json list> {2}\(required\)/);
  assert.match(help, /--limit <1\.\.1000>/);
  assert.doesNotMatch(help, /--phone|send/);
});

test("GET with path and query parameters from flags; the answer is printed (generic summary, or --json)", async () => {
  const run = await cli(["organizations", "member", "get", "--organization-id", "acme", "--member-id", "member-test-1"]);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Done: GET \/v1\/b2b\/organizations\/\{organization_id\}\/member\.\n {2}request_id {4}request-id-mock-/);
  assert.equal(mock.exchanges[0]!.path, "/v1/b2b/organizations/acme/member?member_id=member-test-1");
  const json = await cli(["organizations", "members", "mfa-phone-numbers", "delete", "--organization-id", "acme", "--member-id", "m", "--json"]);
  assert.equal(json.code, 0, json.stderr);
  assert.equal((JSON.parse(json.stdout) as { response: { member: { mfa_phone_number: string } } }).response.member.mfa_phone_number, "");
  assert.equal(mock.exchanges[1]!.method, "DELETE");
});

test("lists and nested objects as JSON flags; an error inside one names the field's path and the flag that set it", async () => {
  const query = '{"operator":"AND","operands":[{"filter_name":"member_ids","filter_value":["m"]}]}';
  const ok = await cli(["organizations", "members", "search", "--organization-ids", '["acme"]', "--query", query, "--limit", "5"]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.deepEqual(mock.exchanges[0]!.body, { organization_ids: ["acme"], query: JSON.parse(query), limit: 5 });
  const bad = await cli(["organizations", "members", "search", "--organization-ids", '["acme"]', "--query", '{"operator":"XOR","operands":[]}', "--json"]);
  assert.equal(bad.code, 2);
  const { error } = JSON.parse(bad.stdout) as { error: Record<string, string> };
  assert.deepEqual([error.field, error.rule, error.flag], ["query.operator", "enum", "--query"]);
  const notJson = await cli(["organizations", "members", "search", "--organization-ids", "acme"]);
  assert.equal(notJson.code, 2);
  assert.match(notJson.stderr, /--organization-ids takes a JSON list/);
  assert.equal(mock.exchanges.length, 1);
});

test("--mock fills only the fields the operation has: the seeded ids where it names them, nothing where it does not", async () => {
  const get = await cli(["organizations", "member", "get", "--mock", "--json"], false);
  assert.equal(get.code, 0, get.stdout);
  const search = await cli(["organizations", "members", "search", "--mock", "--organization-ids", '["acme"]'], false);
  assert.equal(search.code, 0, search.stderr);
  const missing = await cli(["organizations", "members", "search", "--mock"], false);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /field +organization_ids/);
});
