import assert from "node:assert/strict";
import { validateErrorResponse, validateSmsSendRequest, validateSmsSendResponse, type SchemaValidator } from "../../generated/validators.js";
import type { MockStytch } from "../../src/mock/index.ts";

/**
 * Every request the client sent must validate against the spec, and so must every response the mock gave:
 * the 200 body against SmsSendResponse, every JSON error against ErrorResponse. Scripted raw bodies (faults)
 * and requests deliberately sent around the client (`viaClient` false) are left out.
 */
export function assertExchangesMatchSpec(mock: MockStytch, viaClient = (_body: unknown) => true): void {
  for (const exchange of mock.exchanges) {
    if (exchange.path === "/v1/b2b/otps/sms/send" && viaClient(exchange.body)) {
      expectValid(validateSmsSendRequest, exchange.body, "request body");
    }
    if (typeof exchange.responseBody !== "object" || exchange.responseBody === null) continue;
    const validator = exchange.status === 200 ? validateSmsSendResponse : validateErrorResponse;
    expectValid(validator, exchange.responseBody, `${exchange.status} response`);
  }
}

export function expectValid(validate: SchemaValidator, data: unknown, what: string): void {
  const valid = validate(data);
  const [issue] = validate.errors ?? [];
  assert.ok(valid, `${what} does not match the spec at ${issue?.instancePath || "/"}: ${issue?.message}`);
}
