import assert from "node:assert/strict";
import { operations } from "../../generated/operations.ts";
import type { SchemaValidator } from "../../generated/validators.js";
import type { MockStytch } from "../../src/mock/index.ts";
import { schemaValidator } from "../../src/response-validation.ts";

/**
 * Every exchange is checked against its own operation's schemas, found in the generated operation table by
 * method and path: the request the client sent, the 200 body, and every JSON error body. Scripted raw
 * bodies (faults) and requests deliberately sent around the client (`viaClient` false) are left out.
 */
export function assertExchangesMatchSpec(mock: MockStytch, viaClient = (_body: unknown) => true): void {
  for (const exchange of mock.exchanges) {
    const operation = operations.find((candidate) => candidate.method === exchange.method && candidate.path === exchange.path);
    if (!operation) continue;
    if (viaClient(exchange.body)) expectValid(schemaValidator(operation.id, "request"), exchange.body, `${operation.id} request body`);
    if (typeof exchange.responseBody !== "object" || exchange.responseBody === null) continue;
    const which = exchange.status === 200 ? "response" : "error";
    expectValid(schemaValidator(operation.id, which), exchange.responseBody, `${operation.id} ${exchange.status} response`);
  }
}

export function expectValid(validate: SchemaValidator, data: unknown, what: string): void {
  const valid = validate(data);
  const [issue] = validate.errors ?? [];
  assert.ok(valid, `${what} does not match the spec at ${issue?.instancePath || "/"}: ${issue?.message}`);
}
