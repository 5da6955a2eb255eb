import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { parse } from "yaml";
import { validateErrorResponse, validateSmsSendRequest, validateSmsSendResponse } from "../generated/validators.js";
import { expectValid } from "./support/contract.ts";

const spec = parse(readFileSync(new URL("../spec/openapi.yaml", import.meta.url), "utf8"));
const schemas = spec.components.schemas;
const operation = spec.paths["/v1/b2b/otps/sms/send"].post;

// Stytch's field lists (shared/reference/endpoint-facts.md); `?` marks a field that may be absent.
const MEMBER = "organization_id member_id email_address status name sso_registrations is_breakglass member_password_id oauth_registrations email_address_verified mfa_phone_number_verified is_admin totp_registration_id retired_email_addresses is_locked mfa_enrolled mfa_phone_number default_mfa_method roles trusted_metadata? untrusted_metadata? created_at? updated_at? scim_registration? external_id? lock_created_at? lock_expires_at?";
const ORGANIZATION = "organization_id organization_name organization_logo_url organization_slug sso_jit_provisioning sso_jit_provisioning_allowed_connections sso_active_connections email_allowed_domains email_jit_provisioning email_invites auth_methods allowed_auth_methods mfa_policy rbac_email_implicit_role_assignments mfa_methods allowed_mfa_methods oauth_tenant_jit_provisioning claimed_email_domains first_party_connected_apps_allowed_type allowed_first_party_connected_apps third_party_connected_apps_allowed_type allowed_third_party_connected_apps custom_roles trusted_metadata? created_at? updated_at? organization_external_id? sso_default_connection_id? scim_active_connection? allowed_oauth_tenants?";

for (const [name, list, count] of [["Member", MEMBER, 27], ["Organization", ORGANIZATION, 30]] as const) {
  test(`${name} carries every field of the reference (${count}), required as documented`, () => {
    const fields = list.split(" ");
    assert.equal(fields.length, count);
    assert.deepEqual(Object.keys(schemas[name].properties).sort(), fields.map((f) => f.replace("?", "")).sort());
    assert.deepEqual([...schemas[name].required].sort(), fields.filter((f) => !f.endsWith("?")).sort());
  });
}

test("every error status and default answer with the Stytch error body", () => {
  for (const status of ["400", "401", "403", "404", "429", "500", "503", "default"]) {
    const ref = operation.responses[status].$ref as string;
    const response = spec.components.responses[ref.split("/").pop()!];
    assert.equal(response.content["application/json"].schema.$ref, "#/components/schemas/ErrorResponse", status);
  }
});

test("the examples validate against their schemas", () => {
  for (const example of Object.values(operation.requestBody.content["application/json"].examples) as { value: unknown }[]) {
    expectValid(validateSmsSendRequest, example.value, "request example");
  }
  for (const example of Object.values(operation.responses["200"].content["application/json"].examples ?? {}) as { value: unknown }[]) {
    expectValid(validateSmsSendResponse, example.value, "200 example");
  }
  let errorExamples = 0;
  for (const response of Object.values(spec.components.responses) as { content: Record<string, { examples?: Record<string, { value: unknown }> }> }[]) {
    for (const example of Object.values(response.content["application/json"]?.examples ?? {})) {
      expectValid(validateErrorResponse, example.value, "error example");
      errorExamples++;
    }
  }
  assert.ok(errorExamples >= 4, `only ${errorExamples} error examples`);
});

test("open enums accept values Stytch adds later; the request stays closed", () => {
  const member = structuredClone(
    (Object.values(operation.responses["200"].content["application/json"].examples)[0] as { value: { member: Record<string, unknown> } }).value,
  );
  member.member.status = "suspended_in_2027";
  expectValid(validateSmsSendResponse, member, "200 with a new status value");
  expectValid(validateErrorResponse, { status_code: 400, request_id: "r", error_type: "brand_new_error", error_message: "m", error_url: "u" }, "new error_type");
  assert.equal(validateSmsSendRequest({ organization_id: "o", member_id: "m", locale: "sv" }), true);
  assert.equal(validateSmsSendRequest({ organization_id: "o", member_id: "m", typo_field: "x" }), false);
});
