import type { Member, Organization } from "../models.ts";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type MockMember = Mutable<Member>;
export type MockOrganization = Mutable<Organization>;

/** A complete Organization with Stytch's defaults; `overrides` win. */
export function organizationFixture(overrides: Partial<MockOrganization> = {}): MockOrganization {
  const now = new Date().toISOString();
  const id = overrides.organization_id ?? `organization-test-${crypto.randomUUID()}`;
  return {
    organization_id: id,
    organization_name: "Acme Co",
    organization_logo_url: "",
    organization_slug: `acme-${id.slice(-8)}`,
    sso_jit_provisioning: "NOT_ALLOWED",
    sso_jit_provisioning_allowed_connections: [],
    sso_active_connections: [],
    email_allowed_domains: [],
    email_jit_provisioning: "NOT_ALLOWED",
    email_invites: "ALL_ALLOWED",
    auth_methods: "ALL_ALLOWED",
    allowed_auth_methods: [],
    mfa_policy: "OPTIONAL",
    rbac_email_implicit_role_assignments: [],
    mfa_methods: "ALL_ALLOWED",
    allowed_mfa_methods: [],
    oauth_tenant_jit_provisioning: "NOT_ALLOWED",
    claimed_email_domains: [],
    first_party_connected_apps_allowed_type: "ALL_ALLOWED",
    allowed_first_party_connected_apps: [],
    third_party_connected_apps_allowed_type: "ALL_ALLOWED",
    allowed_third_party_connected_apps: [],
    custom_roles: [],
    trusted_metadata: {},
    created_at: now,
    updated_at: now,
    ...overrides,
  };
}

/** A complete, active Member of `organizationId` with no phone number; `overrides` win. */
export function memberFixture(organizationId: string, overrides: Partial<MockMember> = {}): MockMember {
  const now = new Date().toISOString();
  const id = overrides.member_id ?? `member-test-${crypto.randomUUID()}`;
  return {
    member_id: id,
    email_address: `${id.slice(-8)}@example.com`,
    status: "active",
    name: "",
    sso_registrations: [],
    is_breakglass: false,
    member_password_id: "",
    oauth_registrations: [],
    email_address_verified: true,
    mfa_phone_number_verified: false,
    is_admin: false,
    totp_registration_id: "",
    retired_email_addresses: [],
    is_locked: false,
    mfa_enrolled: false,
    mfa_phone_number: "",
    default_mfa_method: "",
    roles: [{ role_id: "stytch_member", sources: [{ type: "direct_assignment" }] }],
    trusted_metadata: {},
    untrusted_metadata: {},
    created_at: now,
    updated_at: now,
    ...overrides,
    // The Member always belongs to the Organization it is created in.
    ...{ organization_id: organizationId },
  };
}
