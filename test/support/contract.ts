import assert from "node:assert/strict";
import { operations, operationSchemas, type Operation } from "../../generated/operations.ts";
import * as validators from "../../generated/validators.js";
import type { SchemaValidator } from "../../generated/validators.js";
import { schemaValidators } from "../../src/internal/schema-validators.ts";
import type { MockStytch } from "../../src/mock/index.ts";
import { createRouter } from "../../src/mock/router.ts";

/** An operation table and its generated validators: this package's by default, or the test-only spec's. */
export interface ContractTable {
  readonly operations: readonly Operation[];
  schemaValidator(operationId: string, which: "request" | "response" | "error"): SchemaValidator | undefined;
}
export const PACKAGE_TABLE: ContractTable = { operations, schemaValidator: schemaValidators(operationSchemas, validators).schemaValidator };

/**
 * Every exchange is checked against its own operation's schemas, found by the mock's router over the
 * operation table (a templated path takes any value of each parameter, one segment each): the request the
 * client sent (the body, or none for GET and DELETE, and only the spec's query parameters), the 200 body, and
 * every JSON error body. An exchange no operation matches must have been refused as such (404 or 405): none is
 * skipped without a word. Scripted raw bodies (faults) and requests deliberately sent around the client
 * (`viaClient` false) are left out of the request check.
 */
export function assertExchangesMatchSpec(mock: MockStytch, viaClient = (_body: unknown) => true, table: ContractTable = PACKAGE_TABLE): void {
  const route = createRouter(table.operations);
  for (const exchange of mock.exchanges) {
    const url = new URL(exchange.path, "http://mock");
    const routed = route(exchange.method, url.pathname);
    const operation = "operation" in routed ? routed.operation : undefined;
    if (!operation) {
      assert.ok(exchange.status === 404 || exchange.status === 405, `${exchange.method} ${exchange.path} is no operation of the spec, yet was answered ${exchange.status}`);
      continue;
    }
    if (viaClient(exchange.body)) {
      if (operation.body) expectValid(table.schemaValidator(operation.id, "request")!, exchange.body, `${operation.id} request body`);
      else assert.equal(exchange.body, undefined, `${operation.id} takes no body`);
      for (const name of url.searchParams.keys()) assert.ok(operation.request.query?.includes(name), `${operation.id}: ${name} is not a query parameter of the spec`);
      for (const name of operation.request.query ?? []) {
        if (operation.request.required.includes(name)) assert.ok(url.searchParams.has(name), `${operation.id}: required query parameter ${name} missing`);
      }
    }
    if (typeof exchange.responseBody !== "object" || exchange.responseBody === null) continue;
    const which = exchange.status === 200 ? "response" : "error";
    expectValid(table.schemaValidator(operation.id, which)!, exchange.responseBody, `${operation.id} ${exchange.status} response`);
  }
}

export function expectValid(validate: SchemaValidator, data: unknown, what: string): void {
  const valid = validate(data);
  const [issue] = validate.errors ?? [];
  assert.ok(valid, `${what} does not match the spec at ${issue?.instancePath || "/"}: ${issue?.message}`);
}
