import type { CallOptions } from "../../src/call-options.ts";
import type { StytchB2BClient } from "../../src/client.ts";
import { operationMethod } from "../../src/internal/pipeline.ts";
import { schemaValidators } from "../../src/internal/schema-validators.ts";
import type { Operation } from "../../generated/operations.ts";
import * as shapes from "../fixtures/shapes/generated/operations.ts";
import * as validators from "../fixtures/shapes/generated/validators.js";
import type { ContractTable } from "./contract.ts";

/**
 * The test-only spec of operation shapes (test/fixtures/shapes/openapi.yaml, generated into
 * test/fixtures/shapes/generated/ by scripts/generate.ts): its operation table module (the mock's and
 * the CLI's `api`), its contract table and response validator, and a way to call its operations.
 */
export const SHAPES = shapes;
export const SHAPES_SPEC = "test/fixtures/shapes/openapi.yaml";
export const SHAPES_OUT = "test/fixtures/shapes/generated";

const validation = schemaValidators(shapes.operationSchemas, validators);
export const SHAPES_CONTRACT: ContractTable = { operations: shapes.operations, schemaValidator: validation.schemaValidator };
export const shapesResponseValidator = validation.responseValidator;

/** A test-only operation called through a client's own pipeline (the client has no method for it). */
export function callShape(client: StytchB2BClient, operation: Operation, request: object, options?: CallOptions): Promise<object> {
  return operationMethod(client, operation)(request as never, options);
}

/** A valid request of each test-only operation, for the organization and member the tests name. */
export function shapeRequest(operation: Operation, ids = { organization_id: "organization-test-1", member_id: "member-test-1" }): Record<string, unknown> {
  const requests: Record<string, Record<string, unknown>> = {
    getMember: { organization_id: ids.organization_id, member_id: ids.member_id },
    deleteMemberMfaPhoneNumber: { organization_id: ids.organization_id, member_id: ids.member_id },
    searchMembers: { organization_ids: [ids.organization_id], query: { operator: "AND", operands: [{ filter_name: "member_ids", filter_value: [ids.member_id] }] }, limit: 10 },
  };
  return requests[operation.id]!;
}
