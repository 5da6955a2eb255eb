/**
 * Every operation shape the Stytch API uses, through the client and the mock, on the test-only spec
 * (test/fixtures/shapes/openapi.yaml): GET with path and query parameters, DELETE, POST with lists and
 * nested closed objects. Parameters are fields of the one request object, checked like the body's and
 * named as the spec names them; a nested field is named by its path.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { describe, test } from "node:test";
import { createStytchB2BClient, StytchApiError, StytchResponseValidationError, StytchValidationError } from "../src/index.ts";
import { startMockStytch, type MockStytch } from "../src/mock/index.ts";
import { sharedMock } from "./support/shared-mock.ts";
import { callShape, SHAPES, SHAPES_CONTRACT, SHAPES_OUT, SHAPES_SPEC, shapeRequest, shapesResponseValidator } from "./support/shapes.ts";

const { getMember, deleteMemberMfaPhoneNumber, searchMembers } = SHAPES;
const mock = sharedMock({ mock: { api: SHAPES }, contract: SHAPES_CONTRACT });
const client = () => createStytchB2BClient({ ...mock.clientOptions, validateResponses: shapesResponseValidator });
const auth = (m: MockStytch) => `Basic ${btoa(`${m.projectId}:${m.secret}`)}`;

/** A mock of its own for requests sent around the client on purpose (the shared one checks every request against the spec). */
async function withRawMock(use: (raw: MockStytch) => Promise<void>): Promise<void> {
  const raw = await startMockStytch({ api: SHAPES });
  try {
    await use(raw);
  } finally {
    await raw.close();
  }
}

test("the test-only spec is lint-clean and its generated code is up to date", () => {
  const lint = spawnSync(process.execPath, ["node_modules/@redocly/cli/bin/cli.js", "lint", SHAPES_SPEC], { encoding: "utf8" });
  assert.equal(lint.status, 0, lint.stdout + lint.stderr);
  const check = spawnSync(process.execPath, ["--import", "tsx", "scripts/generate.ts", "--check", "--spec", SHAPES_SPEC, "--out", SHAPES_OUT], { encoding: "utf8" });
  assert.equal(check.status, 0, check.stderr);
});

describe("GET with a path parameter and query parameters", () => {
  test("path parameters fill the template (one encoded segment), query parameters the query string; no body, no JSON content type", async () => {
    const answer = await callShape(client(), getMember, { organization_id: "org/1 x", member_id: "member-test-1", email_address: undefined });
    assert.deepEqual(answer, { ...SHAPES.successExamples.getMember, request_id: (answer as { request_id: string }).request_id });
    const [exchange] = mock.exchanges;
    assert.equal(exchange!.method, "GET");
    assert.equal(exchange!.path, "/v1/b2b/organizations/org%2F1%20x/member?member_id=member-test-1");
    assert.equal(exchange!.body, undefined);
    assert.equal(exchange!.headers["content-type"], undefined);
    assert.equal(exchange!.headers["content-length"], undefined);
  });

  test("parameters are checked like body fields, before anything is sent: named as the spec names them", async () => {
    const cases: [object, string, string][] = [
      [{ member_id: "m" }, "organization_id", "required"],
      [{ organization_id: "", member_id: "m" }, "organization_id", "minLength"],
      [{ organization_id: "o", member_id: 7 }, "member_id", "type"],
      [{ organization_id: "o", email_address: "a" }, "email_address", "minLength"],
      [{ organization_id: "o", member: "m" }, "member", "additionalProperties"],
      [{ organization_id: "..", member_id: "m" }, "organization_id", "pathSegment"],
      [{ organization_id: "o", member_id: "m\r\nx" }, "member_id", "controlCharacters"],
    ];
    for (const [request, field, rule] of cases) {
      await assert.rejects(callShape(client(), getMember, request), (e) => e instanceof StytchValidationError && e.field === field && e.rule === rule, JSON.stringify(request));
    }
    assert.equal(mock.exchanges.length, 0);
  });

  test("the mock refuses what the client would, from the URL: unknown or repeated query parameters, a malformed path, a body", () => withRawMock(async (raw) => {
    const base = `${raw.url}/v1/b2b/organizations/o/member`;
    const cases: [string, RequestInit, number, RegExp][] = [
      [`${base}?member=m`, {}, 400, /member is not a field of this request/],
      [`${base}?member_id=a&member_id=b`, {}, 400, /member_id must be a string/],
      [`${base}?email_address=a`, {}, 400, /email_address must be at least 3 characters/],
      [`${raw.url}/v1/b2b/organizations/%E0%A4%A/member`, {}, 404, /No route/],
      [base, { method: "POST", body: "{}" }, 405, /takes GET/],
      [base, { method: "DELETE" }, 405, /takes GET/],
    ];
    for (const [url, init, status, message] of cases) {
      const response = await fetch(url, { ...init, headers: { authorization: auth(raw) } });
      const body = (await response.json()) as { error_message: string };
      assert.equal(response.status, status, url);
      assert.match(body.error_message, message, url);
    }
    // fetch refuses a GET with a body, so a raw request says it.
    const { request } = await import("node:http");
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${base}?member_id=m`, { method: "GET", headers: { authorization: auth(raw), "content-type": "application/json" } }, (res) => (res.resume(), resolve(res.statusCode!)));
      req.on("error", reject);
      req.end('{"member_id":"m"}');
    });
    assert.equal(status, 400);
  }));
});

describe("DELETE with path parameters", () => {
  test("no body and no JSON content type; both parameters in the path", async () => {
    const answer = (await callShape(client(), deleteMemberMfaPhoneNumber, { organization_id: "organization-test-1", member_id: "member-test-2" })) as { member: { mfa_phone_number: string } };
    assert.equal(answer.member.mfa_phone_number, "");
    const [exchange] = mock.exchanges;
    assert.deepEqual([exchange!.method, exchange!.path, exchange!.body, exchange!.headers["content-type"]], ["DELETE", "/v1/b2b/organizations/organization-test-1/members/mfa_phone_numbers/member-test-2", undefined, undefined]);
  });

  test("a path parameter cannot be left out, and the mock routes only full paths", async () => {
    await assert.rejects(callShape(client(), deleteMemberMfaPhoneNumber, { organization_id: "o" }), (e) => e instanceof StytchValidationError && e.field === "member_id" && e.rule === "required");
    const response = await fetch(`${mock.url}/v1/b2b/organizations/o/members/mfa_phone_numbers/`, { method: "DELETE", headers: { authorization: auth(mock) } });
    assert.equal(response.status, 404);
    await response.body?.cancel();
  });
});

describe("POST with lists and nested closed objects", () => {
  test("a valid search is sent as JSON and answered from the spec's example", async () => {
    const request = shapeRequest(searchMembers);
    const answer = (await callShape(client(), searchMembers, request)) as { members: unknown[] };
    assert.equal(answer.members.length, 1);
    const [exchange] = mock.exchanges;
    assert.deepEqual(exchange!.body, request);
    assert.equal(exchange!.headers["content-type"], "application/json");
  });

  test("errors name the path of the field inside objects and lists; the mock refuses the same", async () => {
    const valid = shapeRequest(searchMembers) as { query: { operands: object[] } };
    const operand = valid.query.operands[0]!;
    const cases: [object, string, string][] = [
      [{ ...valid, organization_ids: [] }, "organization_ids", "minItems"],
      [{ ...valid, organization_ids: ["o", 2] }, "organization_ids[1]", "type"],
      [{ ...valid, organization_ids: "o" }, "organization_ids", "type"],
      [{ ...valid, organization_ids: ["o", , "p"] }, "organization_ids[1]", "type"],
      [{ ...valid, query: { operands: [] } }, "query.operator", "required"],
      [{ ...valid, query: { ...valid.query, operator: "XOR" } }, "query.operator", "enum"],
      [{ ...valid, query: { ...valid.query, typo: 1 } }, "query.typo", "additionalProperties"],
      [{ ...valid, query: { ...valid.query, operands: [operand, { ...operand, filter_name: "nope" }] } }, "query.operands[1].filter_name", "enum"],
      [{ ...valid, query: { ...valid.query, operands: [{ ...operand, filter_value: [""] }] } }, "query.operands[0].filter_value[0]", "minLength"],
      [{ ...valid, query: { ...valid.query, operands: Array(11).fill(operand) } }, "query.operands", "maxItems"],
      [{ ...valid, query: [] }, "query", "type"],
    ];
    for (const [request, field, rule] of cases) {
      await assert.rejects(callShape(client(), searchMembers, request), (e) => e instanceof StytchValidationError && e.field === field && e.rule === rule, `${field} ${rule}`);
    }
    assert.equal(mock.exchanges.length, 0);
    await withRawMock(async (raw) => {
      for (const [request, field] of cases) {
        const response = await fetch(`${raw.url}${searchMembers.path}`, { method: "POST", body: JSON.stringify(request), headers: { authorization: auth(raw), "content-type": "application/json" } });
        assert.equal(response.status, 400);
        assert.match(((await response.json()) as { error_message: string }).error_message, new RegExp(`^${field.replace(/[[\]]/g, "\\$&")} `));
      }
    });
  });
});

test("response validation with the test-only spec's validators: the example passes, a deep mismatch is reported by path", async () => {
  mock.failNext({ status: 200, body: JSON.stringify({ ...SHAPES.successExamples.getMember, member: { ...SHAPES.successExamples.getMember.member, is_admin: "no" } }), contentType: "application/json" });
  const error = await callShape(client(), getMember, { organization_id: "o" }).catch((e: unknown) => e);
  assert.ok(error instanceof StytchResponseValidationError, String(error));
  assert.match(error.message, /\/member\/is_admin/);
});

test("hook events name a templated path with its placeholders, never the parameters' values", async () => {
  const urls: string[] = [];
  const hooks = { onRequest: (e: { url: string; path: string }) => void urls.push(e.url, e.path) };
  await callShape(createStytchB2BClient({ ...mock.clientOptions, hooks }), getMember, { organization_id: "acme", member_id: "member-test-9" });
  assert.deepEqual(urls, [`${mock.url}${getMember.path}`, getMember.path]);
});

test("an operation without business rules still gets the mock's auth check and Stytch's error body", async () => {
  const error = await callShape(createStytchB2BClient({ ...mock.clientOptions, secret: "wrong-secret" }), getMember, { organization_id: "o" }).catch((e: unknown) => e);
  assert.ok(error instanceof StytchApiError);
  assert.equal(error.error_type, "unauthorized_credentials");
});
