/**
 * The codegen's operation table (scripts/codegen/operations.ts): what it reads from an operation's
 * parameters, body and 200 example, and what it refuses rather than drop or guess.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { operationsOf } from "../scripts/codegen/operations.ts";
import type { Schema, Spec } from "../scripts/codegen/spec.ts";

const ERROR = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
const ANSWER = { content: { "application/json": { schema: { $ref: "#/components/schemas/Answer" }, examples: { ok: { value: { request_id: "r", status_code: 200 } } } } } };

/** A one-operation spec: `operation` merged over a minimal GET or POST. */
function specWith(path: string, method: string, operation: Record<string, unknown>, schemas: Record<string, Schema> = {}): Spec {
  return {
    paths: { [path]: { [method]: { operationId: "op", "x-idempotent": true, responses: { "200": ANSWER, default: ERROR }, ...operation } } },
    components: {
      schemas: {
        Error: { type: "object" },
        Answer: { type: "object", required: ["request_id", "status_code"], properties: { request_id: { type: "string" }, status_code: { type: "integer" } } },
        ...schemas,
      },
    },
  } as unknown as Spec;
}
const query = (name: string, schema: Schema, more: object = {}) => ({ name, in: "query", schema, ...more });
const pathParameter = (name: string) => ({ name, in: "path", required: true, schema: { type: "string", minLength: 1 } });
const body = (properties: Record<string, Schema>, required: string[] = []) => ({
  requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Body" } } } },
  schemas: { Body: { type: "object", additionalProperties: false, required, properties } as Schema },
});

test("path and query parameters join the request's fields, with where each travels; GET has no body", () => {
  const spec = specWith("/v1/things/{thing_id}/member", "get", { parameters: [pathParameter("thing_id"), query("member_id", { type: "string" }), query("limit", { type: "integer", maximum: 10 }, { required: true })] });
  const [operation] = operationsOf(spec);
  assert.deepEqual(operation!.request, {
    required: ["thing_id", "limit"],
    properties: { thing_id: { type: "string", minLength: 1 }, member_id: { type: "string" }, limit: { type: "integer", maximum: 10 } },
    path: ["thing_id"],
    query: ["member_id", "limit"],
  });
  assert.equal(operation!.body, false);
  assert.deepEqual(operation!.schemas, { response: "Answer", error: "Error" });
  assert.deepEqual(operation!.example, { request_id: "r", status_code: 200 });
});

test("a closed object and a list in the body become nested rules, checked like the body's own fields", () => {
  const { requestBody, schemas } = body({
    check: { type: "object", additionalProperties: false, required: ["action"], properties: { action: { type: "string", enum: ["read", "write"] } } },
    ids: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
    claims: { type: "object", additionalProperties: true },
  });
  const [operation] = operationsOf(specWith("/v1/things", "post", { requestBody }, schemas));
  assert.deepEqual(operation!.request.properties, {
    check: { type: "object", required: ["action"], properties: { action: { type: "string", enum: ["read", "write"] } } },
    ids: { type: "array", minItems: 1, items: { type: "string", minLength: 1 } },
    claims: { type: "object" },
  });
  assert.equal(operation!.body, true);
});

test("refused rather than dropped or guessed: header parameters, a name meaning two things, a credential in the URL, a path without its parameter, a body on GET", () => {
  const { requestBody, schemas } = body({ member_id: { type: "string" } });
  const cases: [Spec, RegExp][] = [
    [specWith("/v1/x", "get", { parameters: [{ name: "X-Id", in: "header", schema: { type: "string" } }] }), /parameter X-Id is in header; only path and query/],
    [specWith("/v1/x", "post", { requestBody, parameters: [query("member_id", { type: "string" })] }, schemas), /parameter member_id has the name of a field of the request/],
    [specWith("/v1/x", "get", { parameters: [query("token", { type: "string", "x-credential": true })] }), /token is a credential; a credential never travels in a URL/],
    [specWith("/v1/x/{id}", "get", {}), /has \{id\} in its path but no path parameter/],
    [specWith("/v1/x", "get", { parameters: [query("ids", { type: "array", items: { type: "string" } })] }), /ids has type array; only plain values/],
    [specWith("/v1/x", "get", { requestBody }, schemas), /GET \/v1\/x cannot have a requestBody/],
    [specWith("/v1/x", "put", {}), /PUT \/v1\/x needs a requestBody/],
    [specWith("/v1/x", "post", { requestBody }, body({ o: { type: "object", properties: { a: { type: "string" } } } }).schemas), /o must be free-form .* or closed/],
  ];
  for (const [spec, message] of cases) assert.throws(() => operationsOf(spec), message);
});
