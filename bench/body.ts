import { memberFixture, organizationFixture } from "../src/mock/fixtures.ts";

/** A realistic 200 body (~3.7 KB): an SSO-enabled Organization and a Member with a few registrations. */
export function realisticBody(): string {
  const connection = { connection_id: "saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9", display_name: "Okta", identity_provider: "okta" };
  const organization = organizationFixture({
    organization_id: "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
    organization_name: "Acme Corporation",
    organization_slug: "acme",
    organization_logo_url: "https://acme.example.com/logo.png",
    sso_active_connections: [connection],
    sso_jit_provisioning: "RESTRICTED",
    sso_jit_provisioning_allowed_connections: [connection.connection_id],
    sso_default_connection_id: connection.connection_id,
    email_allowed_domains: ["acme.com", "acme.co.uk"],
    allowed_auth_methods: ["sso", "magic_link", "password", "google_oauth"],
    auth_methods: "RESTRICTED",
    mfa_policy: "REQUIRED_FOR_ALL",
    allowed_mfa_methods: ["sms_otp", "totp"],
    rbac_email_implicit_role_assignments: [{ domain: "acme.com", role_id: "acme-employee" }],
    custom_roles: [{ role_id: "acme-employee", description: "Every employee", permissions: [{ resource_id: "documents", actions: ["read", "write"] }] }],
    trusted_metadata: { plan: "enterprise", region: "us-east-1" },
    created_at: "2024-03-02T10:11:12Z",
    updated_at: "2026-11-01T08:00:00Z",
  });
  const member = memberFixture(organization.organization_id, {
    member_id: "member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f",
    email_address: "ada.lovelace@acme.com",
    name: "Ada Lovelace",
    mfa_phone_number: "+15005550006",
    mfa_phone_number_verified: true,
    mfa_enrolled: true,
    default_mfa_method: "sms_otp",
    sso_registrations: [{ connection_id: connection.connection_id, external_id: "ada.lovelace@acme.com", registration_id: "saml-registration-test-c9d5f9e4-8c1d-4c1e-a8f2-7b0d4b0c2f3a", sso_attributes: { department: "Engineering" } }],
    oauth_registrations: [{ provider_type: "Google", provider_subject: "103458921113452346789", member_oauth_registration_id: "member-oauth-registration-test-0ad59ba8-4a5e-4c1a-9c6f-1f0b8f8a5d3e", profile_picture_url: "https://lh3.googleusercontent.com/a/ada", locale: "en" }],
    roles: [
      { role_id: "stytch_member", sources: [{ type: "direct_assignment" }] },
      { role_id: "acme-employee", sources: [{ type: "email_assignment", details: { email_domain: "acme.com" } }, { type: "sso_connection", details: { connection_id: connection.connection_id } }] },
    ],
    retired_email_addresses: [{ email_id: "email-test-4f1c2b3a-9d8e-4c7b-a6f5-e4d3c2b1a098", email_address: "ada@acme-old.com" }],
    untrusted_metadata: { theme: "dark", onboarding_completed: true, preferred_language: "en-GB" },
    trusted_metadata: { employee_id: "E-1815", cost_center: "R&D-42", manager: "charles.babbage@acme.com" },
    external_id: "acme-employee-1815",
    created_at: "2024-03-02T10:15:00Z",
    updated_at: "2026-11-20T16:42:00Z",
  });
  return JSON.stringify({ request_id: "request-id-test-b8d4c1a2-5e6f-4a7b-9c0d-1e2f3a4b5c6d", member_id: member.member_id, member, organization, status_code: 200 });
}
