import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parse } from "yaml";
import { operations } from "../generated/operations.ts";
import { validateErrorResponse, validateSmsAuthenticateRequest, validateSmsSendRequest, validateSmsSendResponse } from "../generated/validators.js";
import { schemaValidator } from "../src/response-validation.ts";
import { expectValid } from "./support/contract.ts";

type Examples = Record<string, { value: unknown }>;
type SchemaObject = { properties: Record<string, { $ref?: string }>; required?: string[]; anyOf?: { enum?: string[] }[] };
const spec = parse(readFileSync(new URL("../spec/openapi.yaml", import.meta.url), "utf8"));
const schemas: Record<string, SchemaObject> = spec.components.schemas;
const operationOf = (path: string) => spec.paths[path].post;
const sdk = JSON.parse(readFileSync(new URL("./fixtures/stytch-sdk-14.2.0-fields.json", import.meta.url), "utf8")) as {
  types: Record<string, string[]>;
  authenticationFactorSubFactors: Record<string, string>;
  subFactorTypes: Record<string, string[]>;
  enums: Record<string, { values: string[]; open: boolean }>;
};

/** A schema's fields as the SDK lists them: declaration order aside, `?` for a field that may be absent. */
function fieldsOf(name: string): string[] {
  const schema = schemas[name]!;
  return Object.keys(schema.properties).map((field) => (schema.required?.includes(field) ? field : `${field}?`)).sort();
}

// Stytch's field lists (shared/reference/endpoint-facts.md); `?` marks a field that may be absent.
const MEMBER = "organization_id member_id email_address status name sso_registrations is_breakglass member_password_id oauth_registrations email_address_verified mfa_phone_number_verified is_admin totp_registration_id retired_email_addresses is_locked mfa_enrolled mfa_phone_number default_mfa_method roles trusted_metadata? untrusted_metadata? created_at? updated_at? scim_registration? external_id? lock_created_at? lock_expires_at?";
const ORGANIZATION = "organization_id organization_name organization_logo_url organization_slug sso_jit_provisioning sso_jit_provisioning_allowed_connections sso_active_connections email_allowed_domains email_jit_provisioning email_invites auth_methods allowed_auth_methods mfa_policy rbac_email_implicit_role_assignments mfa_methods allowed_mfa_methods oauth_tenant_jit_provisioning claimed_email_domains first_party_connected_apps_allowed_type allowed_first_party_connected_apps third_party_connected_apps_allowed_type allowed_third_party_connected_apps custom_roles trusted_metadata? created_at? updated_at? organization_external_id? sso_default_connection_id? scim_active_connection? allowed_oauth_tenants?";

for (const [name, list, count] of [["Member", MEMBER, 27], ["Organization", ORGANIZATION, 30]] as const) {
  test(`${name} carries every field of the reference (${count}), required as documented`, () => {
    const fields = list.split(" ");
    assert.equal(fields.length, count);
    assert.deepEqual(fieldsOf(name), [...fields].sort());
  });
}

// The official Node SDK's types (stytch@14.2.0) for authenticate, field for field.
for (const [sdkType, schema] of [
  ["B2BOTPSmsAuthenticateRequest", "SmsAuthenticateRequest"],
  ["B2BOTPSmsAuthenticateResponse", "SmsAuthenticateResponse"],
  ["MemberSession", "MemberSession"],
  ["AuthenticationFactor", "AuthenticationFactor"],
  ["DeviceInfo", "DeviceInfo"],
  ["DeviceAttributeDetails", "DeviceAttributeDetails"],
] as const) {
  test(`${schema} has the fields of the SDK's ${sdkType}, required as it says`, () => {
    assert.deepEqual(fieldsOf(schema), [...sdk.types[sdkType]!].sort());
  });
}

test("every sub-factor of AuthenticationFactor has the shape of the SDK's type for it (41 kinds, shared schemas)", () => {
  const kinds = Object.entries(sdk.authenticationFactorSubFactors);
  assert.equal(kinds.length, 41);
  for (const [property, sdkType] of kinds) {
    const ref = schemas.AuthenticationFactor!.properties[property]?.$ref;
    assert.ok(ref, `${property} is not a $ref`);
    assert.deepEqual(fieldsOf(ref.split("/").pop()!), [...sdk.subFactorTypes[sdkType]!].sort(), property);
  }
  const shared = new Set(kinds.map(([property]) => schemas.AuthenticationFactor!.properties[property]!.$ref));
  assert.ok(shared.size < kinds.length, "kinds of the same shape share a schema");
});

test("the factor's type and delivery_method are open enums with the SDK's known values", () => {
  for (const [field, schema] of [["type", "AuthenticationFactorType"], ["delivery_method", "AuthenticationFactorDeliveryMethod"]] as const) {
    const known = schemas[schema]!.anyOf!;
    assert.deepEqual(known[0]!.enum, sdk.enums[`AuthenticationFactor.${field}`]!.values);
    assert.equal(known.length, 2, "a second branch accepts any string");
  }
});

for (const { id, path } of operations) {
  test(`${id}: every error status and default answer with the Stytch error body`, () => {
    const responses = operationOf(path).responses as Record<string, { $ref: string }>;
    for (const status of ["400", "401", "403", "404", "429", "500", "503", "default"]) {
      const response = spec.components.responses[responses[status]!.$ref.split("/").pop()!];
      assert.equal(response.content["application/json"].schema.$ref, "#/components/schemas/ErrorResponse", status);
    }
  });

  test(`${id}: the request and 200 examples validate against their schemas`, () => {
    const operation = operationOf(path);
    const requests = Object.values(operation.requestBody.content["application/json"].examples as Examples);
    const answers = Object.values((operation.responses["200"].content["application/json"].examples ?? {}) as Examples);
    assert.ok(requests.length >= 2 && answers.length >= 1);
    for (const example of requests) expectValid(schemaValidator(id, "request"), example.value, "request example");
    for (const example of answers) expectValid(schemaValidator(id, "response"), example.value, "200 example");
  });
}

test("every error example validates against the error body", () => {
  let errorExamples = 0;
  for (const response of Object.values(spec.components.responses) as { content: Record<string, { examples?: Examples }> }[]) {
    for (const example of Object.values(response.content["application/json"]?.examples ?? {})) {
      expectValid(validateErrorResponse, example.value, "error example");
      errorExamples++;
    }
  }
  assert.ok(errorExamples >= 6, `only ${errorExamples} error examples`);
});

test("open enums accept values Stytch adds later; the requests stay closed", () => {
  const example = Object.values(operationOf("/v1/b2b/otps/sms/send").responses["200"].content["application/json"].examples as Examples)[0]!;
  const answer = structuredClone(example.value) as { member: Record<string, unknown> };
  answer.member.status = "suspended_in_2027";
  expectValid(validateSmsSendResponse, answer, "200 with a new status value");
  expectValid(validateErrorResponse, { status_code: 400, request_id: "r", error_type: "brand_new_error", error_message: "m", error_url: "u" }, "new error_type");
  assert.equal(validateSmsSendRequest({ organization_id: "o", member_id: "m", locale: "sv" }), true);
  assert.equal(validateSmsSendRequest({ organization_id: "o", member_id: "m", typo_field: "x" }), false);
  assert.equal(validateSmsAuthenticateRequest({ organization_id: "o", member_id: "m", code: "1", session_token: "s", typo_field: "x" }), false);
});

test("authenticate's request: exactly one session field, 5 to 527040 minutes, claims of any JSON values", () => {
  const base = { organization_id: "o", member_id: "m", code: "123456" };
  const valid = (body: object) => validateSmsAuthenticateRequest(body);
  assert.equal(valid(base), false, "no session field");
  for (const field of ["intermediate_session_token", "session_token", "session_jwt"]) assert.equal(valid({ ...base, [field]: "t" }), true, field);
  assert.equal(valid({ ...base, session_token: "t", session_jwt: "j" }), false, "two session fields");
  for (const [minutes, ok] of [[4, false], [5, true], [527_040, true], [527_041, false], [60.5, false]] as const) {
    assert.equal(valid({ ...base, session_token: "t", session_duration_minutes: minutes }), ok, String(minutes));
  }
  assert.equal(valid({ ...base, session_token: "t", session_custom_claims: { team: "red", dropped: null, nested: [1, { a: true }] } }), true);
  assert.equal(valid({ ...base, session_token: "t", set_mfa_enrollment: "maybe" }), false);
});
