/**
 * Generated from spec/openapi.yaml (paths) by scripts/generate.ts. Do not make direct changes to the file.
 * One entry per operation: method, path, request checks, the 200 body's top-level shape, retry safety
 * (`x-idempotent`), the fields holding credentials (`x-credential`) and the schemas' names.
 */

/**
 * A request field's rules, as the spec states them. An `object` with `properties` is closed (its own
 * fields checked the same way); one without is a plain object of any JSON values. An `array` checks `items`.
 */
export interface FieldRule {
  readonly type: "string" | "integer" | "number" | "boolean" | "object" | "array";
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  /** An example of a value the pattern accepts, for error messages. */
  readonly example?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  /** A closed set of values (an open enumeration is a plain string). */
  readonly enum?: readonly string[];
  readonly required?: readonly string[];
  readonly properties?: Readonly<Record<string, FieldRule>>;
  readonly items?: FieldRule;
  readonly minItems?: number;
  readonly maxItems?: number;
}

export interface Operation {
  readonly id: string;
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH";
  readonly path: string;
  /** Whether repeating an attempt is harmless (`x-idempotent`). */
  readonly idempotent: boolean;
  /** Whether the request has a JSON body (POST, PUT, PATCH); GET and DELETE have none. */
  readonly body: boolean;
  /**
   * The request, one object: required fields, every known field (others are refused), session-field
   * groups, and which fields are path or query parameters (the others travel in the body).
   */
  readonly request: {
    readonly required: readonly string[];
    readonly properties: Readonly<Record<string, FieldRule>>;
    readonly atMostOne?: readonly string[];
    readonly exactlyOne?: readonly string[];
    readonly path?: readonly string[];
    readonly query?: readonly string[];
  };
  /** The 200 body's required top-level fields and their JSON types. */
  readonly response: Readonly<Record<string, "string" | "number" | "boolean" | "object" | "array">>;
  /** Request and response fields that hold credentials (`x-credential`): never shown in errors or output. */
  readonly credentials: readonly string[];
}

export const b2bOtpsSmsSend = {
  "id": "b2bOtpsSmsSend",
  "method": "POST",
  "path": "/v1/b2b/otps/sms/send",
  "idempotent": false,
  "body": true,
  "request": {
    "required": [
      "organization_id",
      "member_id"
    ],
    "properties": {
      "organization_id": {
        "type": "string",
        "minLength": 1
      },
      "member_id": {
        "type": "string",
        "minLength": 1
      },
      "mfa_phone_number": {
        "type": "string",
        "pattern": "^\\+[1-9]\\d{1,14}$",
        "example": "+15005550006"
      },
      "locale": {
        "type": "string"
      },
      "intermediate_session_token": {
        "type": "string",
        "minLength": 1
      },
      "session_token": {
        "type": "string",
        "minLength": 1
      },
      "session_jwt": {
        "type": "string",
        "minLength": 1
      }
    },
    "atMostOne": [
      "intermediate_session_token",
      "session_jwt",
      "session_token"
    ]
  },
  "response": {
    "request_id": "string",
    "member_id": "string",
    "member": "object",
    "organization": "object",
    "status_code": "number"
  },
  "credentials": [
    "intermediate_session_token",
    "session_jwt",
    "session_token"
  ]
} as const satisfies Operation;

export const b2bOtpsSmsAuthenticate = {
  "id": "b2bOtpsSmsAuthenticate",
  "method": "POST",
  "path": "/v1/b2b/otps/sms/authenticate",
  "idempotent": false,
  "body": true,
  "request": {
    "required": [
      "organization_id",
      "member_id",
      "code"
    ],
    "properties": {
      "organization_id": {
        "type": "string",
        "minLength": 1
      },
      "member_id": {
        "type": "string",
        "minLength": 1
      },
      "code": {
        "type": "string",
        "minLength": 1
      },
      "intermediate_session_token": {
        "type": "string",
        "minLength": 1
      },
      "session_token": {
        "type": "string",
        "minLength": 1
      },
      "session_jwt": {
        "type": "string",
        "minLength": 1
      },
      "session_duration_minutes": {
        "type": "integer",
        "minimum": 5,
        "maximum": 527040
      },
      "session_custom_claims": {
        "type": "object"
      },
      "set_mfa_enrollment": {
        "type": "string",
        "enum": [
          "enroll",
          "unenroll"
        ]
      },
      "set_default_mfa": {
        "type": "boolean"
      },
      "telemetry_id": {
        "type": "string"
      }
    },
    "exactlyOne": [
      "intermediate_session_token",
      "session_jwt",
      "session_token"
    ]
  },
  "response": {
    "request_id": "string",
    "member_id": "string",
    "member": "object",
    "organization": "object",
    "session_token": "string",
    "session_jwt": "string",
    "status_code": "number"
  },
  "credentials": [
    "code",
    "intermediate_session_token",
    "session_jwt",
    "session_token"
  ]
} as const satisfies Operation;

/** Every operation of the spec, for the mock's router, the CLI and the tests. */
export const operations = [b2bOtpsSmsSend, b2bOtpsSmsAuthenticate] as const;

/** The spec's operationIds. */
export type OperationId = (typeof operations)[number]["id"];

/** The component schemas of each operation's request body (if any), 200 body and error body (each has a generated validator). */
export const operationSchemas = {
  "b2bOtpsSmsSend": {
    "request": "SmsSendRequest",
    "response": "SmsSendResponse",
    "error": "ErrorResponse"
  },
  "b2bOtpsSmsAuthenticate": {
    "request": "SmsAuthenticateRequest",
    "response": "SmsAuthenticateResponse",
    "error": "ErrorResponse"
  }
} as const satisfies Record<OperationId, { readonly request?: string; readonly response: string; readonly error: string }>;

/** Each operation's first 200 example in the spec: the mock's answer to an operation it has no business rules for. */
export const successExamples = {
  "b2bOtpsSmsSend": {
    "request_id": "request-id-test-b05c992f-ebdc-489d-a754-c7e70ba13141",
    "member_id": "member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f",
    "status_code": 200,
    "member": {
      "organization_id": "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
      "member_id": "member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f",
      "email_address": "ada@example.com",
      "status": "active",
      "name": "Ada Lovelace",
      "sso_registrations": [
        {
          "connection_id": "saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9",
          "external_id": "ada@example.com",
          "registration_id": "saml-registration-test-d1a6b8e5-1c3f-4c1a-9b4f-4d2b8e3f6a10",
          "sso_attributes": {
            "department": "Engineering"
          }
        }
      ],
      "is_breakglass": false,
      "member_password_id": "",
      "oauth_registrations": [
        {
          "provider_type": "Google",
          "provider_subject": "10769150350006150715113082367",
          "member_oauth_registration_id": "member-oauth-registration-test-5fa5b3b1-2f8a-4c52-9c3e-1f3a7b2e9d40",
          "profile_picture_url": "https://lh3.googleusercontent.com/a/example",
          "locale": "en"
        }
      ],
      "email_address_verified": true,
      "mfa_phone_number_verified": false,
      "is_admin": false,
      "totp_registration_id": "",
      "retired_email_addresses": [
        {
          "email_id": "email-test-81bf03a7-2d68-4a8c-a0a5-3b6f1c2d9e77",
          "email_address": "ada.old@example.com"
        }
      ],
      "is_locked": false,
      "mfa_enrolled": false,
      "mfa_phone_number": "+15005550006",
      "default_mfa_method": "",
      "roles": [
        {
          "role_id": "stytch_member",
          "sources": [
            {
              "type": "direct_assignment",
              "details": {}
            }
          ]
        },
        {
          "role_id": "engineering-reader",
          "sources": [
            {
              "type": "email_assignment",
              "details": {
                "email_domain": "example.com"
              }
            }
          ]
        }
      ],
      "trusted_metadata": {
        "billing_tier": "enterprise"
      },
      "untrusted_metadata": {
        "theme": "dark"
      },
      "created_at": "2024-03-01T12:00:00Z",
      "updated_at": "2024-06-15T08:30:00Z",
      "scim_registration": {
        "connection_id": "scim-connection-test-3f2b6c3e-5b0a-4b8e-9d1a-6c7f2e4a8b90",
        "registration_id": "scim-registration-test-7d9c1e2f-0a3b-4c5d-8e6f-9a0b1c2d3e4f",
        "external_id": "00u1a2b3c4d5e6f7g8h9",
        "scim_attributes": {
          "user_name": "ada@example.com",
          "id": "00u1a2b3c4d5e6f7g8h9",
          "external_id": "00u1a2b3c4d5e6f7g8h9",
          "active": true,
          "groups": [
            {
              "value": "00g1a2b3c4d5e6f7g8h9",
              "display": "Engineering"
            }
          ],
          "display_name": "Ada Lovelace",
          "nick_name": "Ada",
          "profile_url": "https://example.com/people/ada",
          "user_type": "Employee",
          "title": "Principal Engineer",
          "preferred_language": "en-GB",
          "locale": "en-GB",
          "timezone": "Europe/London",
          "emails": [
            {
              "value": "ada@example.com",
              "type": "work",
              "primary": true
            }
          ],
          "phone_numbers": [
            {
              "value": "+15005550006",
              "type": "mobile",
              "primary": true
            }
          ],
          "ims": [],
          "photos": [],
          "entitlements": [],
          "roles": [],
          "x509certificates": [],
          "addresses": [
            {
              "formatted": "12 St James's Square, London SW1Y 4JH, GB",
              "street_address": "12 St James's Square",
              "locality": "London",
              "region": "",
              "postal_code": "SW1Y 4JH",
              "country": "GB",
              "type": "work",
              "primary": true
            }
          ],
          "name": {
            "formatted": "Ada Lovelace",
            "family_name": "Lovelace",
            "given_name": "Ada",
            "middle_name": "",
            "honorific_prefix": "",
            "honorific_suffix": ""
          },
          "enterprise_extension": {
            "employee_number": "1815",
            "cost_center": "R&D",
            "division": "Platform",
            "department": "Engineering",
            "organization": "Example Corp",
            "manager": {
              "value": "00u9z8y7x6w5v4u3t2s1",
              "ref": "https://example.okta.com/scim/v2/Users/00u9z8y7x6w5v4u3t2s1",
              "display_name": "Charles Babbage"
            }
          }
        }
      },
      "external_id": "employee-1815",
      "lock_created_at": null,
      "lock_expires_at": null
    },
    "organization": {
      "organization_id": "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
      "organization_name": "Example Corp",
      "organization_logo_url": "https://example.com/logo.png",
      "organization_slug": "example-corp",
      "sso_jit_provisioning": "RESTRICTED",
      "sso_jit_provisioning_allowed_connections": [
        "saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9"
      ],
      "sso_active_connections": [
        {
          "connection_id": "saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9",
          "display_name": "Okta",
          "identity_provider": "okta"
        }
      ],
      "email_allowed_domains": [
        "example.com"
      ],
      "email_jit_provisioning": "RESTRICTED",
      "email_invites": "ALL_ALLOWED",
      "auth_methods": "RESTRICTED",
      "allowed_auth_methods": [
        "sso",
        "magic_link",
        "google_oauth"
      ],
      "mfa_policy": "REQUIRED_FOR_ALL",
      "rbac_email_implicit_role_assignments": [
        {
          "domain": "example.com",
          "role_id": "engineering-reader"
        }
      ],
      "mfa_methods": "ALL_ALLOWED",
      "allowed_mfa_methods": [],
      "oauth_tenant_jit_provisioning": "NOT_ALLOWED",
      "claimed_email_domains": [
        "example.com"
      ],
      "first_party_connected_apps_allowed_type": "ALL_ALLOWED",
      "allowed_first_party_connected_apps": [],
      "third_party_connected_apps_allowed_type": "NOT_ALLOWED",
      "allowed_third_party_connected_apps": [],
      "custom_roles": [
        {
          "role_id": "engineering-reader",
          "description": "Read access to engineering documents.",
          "permissions": [
            {
              "resource_id": "documents",
              "actions": [
                "read"
              ]
            }
          ]
        }
      ],
      "trusted_metadata": {
        "crm_account_id": "0015g00000XyZ12"
      },
      "created_at": "2024-01-10T09:00:00Z",
      "updated_at": "2024-06-01T10:15:00Z",
      "organization_external_id": "example-corp",
      "sso_default_connection_id": "saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9",
      "scim_active_connection": {
        "connection_id": "scim-connection-test-3f2b6c3e-5b0a-4b8e-9d1a-6c7f2e4a8b90",
        "display_name": "Okta SCIM",
        "bearer_token_last_four": "7f3a",
        "bearer_token_expires_at": "2025-01-10T09:00:00Z"
      },
      "allowed_oauth_tenants": {
        "slack": [
          "T0123456789"
        ]
      }
    }
  },
  "b2bOtpsSmsAuthenticate": {
    "request_id": "request-id-test-4a6f0c2e-9d1b-4e7a-8c3f-5b2d1e0f9a87",
    "member_id": "member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f",
    "member": {
      "organization_id": "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
      "member_id": "member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f",
      "email_address": "ada@example.com",
      "status": "active",
      "name": "Ada Lovelace",
      "sso_registrations": [
        {
          "connection_id": "saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9",
          "external_id": "ada@example.com",
          "registration_id": "saml-registration-test-d1a6b8e5-1c3f-4c1a-9b4f-4d2b8e3f6a10",
          "sso_attributes": {
            "department": "Engineering"
          }
        }
      ],
      "is_breakglass": false,
      "member_password_id": "",
      "oauth_registrations": [
        {
          "provider_type": "Google",
          "provider_subject": "10769150350006150715113082367",
          "member_oauth_registration_id": "member-oauth-registration-test-5fa5b3b1-2f8a-4c52-9c3e-1f3a7b2e9d40",
          "profile_picture_url": "https://lh3.googleusercontent.com/a/example",
          "locale": "en"
        }
      ],
      "email_address_verified": true,
      "mfa_phone_number_verified": true,
      "is_admin": false,
      "totp_registration_id": "",
      "retired_email_addresses": [
        {
          "email_id": "email-test-81bf03a7-2d68-4a8c-a0a5-3b6f1c2d9e77",
          "email_address": "ada.old@example.com"
        }
      ],
      "is_locked": false,
      "mfa_enrolled": true,
      "mfa_phone_number": "+15005550006",
      "default_mfa_method": "sms_otp",
      "roles": [
        {
          "role_id": "stytch_member",
          "sources": [
            {
              "type": "direct_assignment",
              "details": {}
            }
          ]
        },
        {
          "role_id": "engineering-reader",
          "sources": [
            {
              "type": "email_assignment",
              "details": {
                "email_domain": "example.com"
              }
            }
          ]
        }
      ],
      "trusted_metadata": {
        "billing_tier": "enterprise"
      },
      "untrusted_metadata": {
        "theme": "dark"
      },
      "created_at": "2024-03-01T12:00:00Z",
      "updated_at": "2024-06-20T09:01:30Z",
      "scim_registration": {
        "connection_id": "scim-connection-test-3f2b6c3e-5b0a-4b8e-9d1a-6c7f2e4a8b90",
        "registration_id": "scim-registration-test-7d9c1e2f-0a3b-4c5d-8e6f-9a0b1c2d3e4f",
        "external_id": "00u1a2b3c4d5e6f7g8h9",
        "scim_attributes": {
          "user_name": "ada@example.com",
          "id": "00u1a2b3c4d5e6f7g8h9",
          "external_id": "00u1a2b3c4d5e6f7g8h9",
          "active": true,
          "groups": [
            {
              "value": "00g1a2b3c4d5e6f7g8h9",
              "display": "Engineering"
            }
          ],
          "display_name": "Ada Lovelace",
          "nick_name": "Ada",
          "profile_url": "https://example.com/people/ada",
          "user_type": "Employee",
          "title": "Principal Engineer",
          "preferred_language": "en-GB",
          "locale": "en-GB",
          "timezone": "Europe/London",
          "emails": [
            {
              "value": "ada@example.com",
              "type": "work",
              "primary": true
            }
          ],
          "phone_numbers": [
            {
              "value": "+15005550006",
              "type": "mobile",
              "primary": true
            }
          ],
          "ims": [],
          "photos": [],
          "entitlements": [],
          "roles": [],
          "x509certificates": [],
          "addresses": [
            {
              "formatted": "12 St James's Square, London SW1Y 4JH, GB",
              "street_address": "12 St James's Square",
              "locality": "London",
              "region": "",
              "postal_code": "SW1Y 4JH",
              "country": "GB",
              "type": "work",
              "primary": true
            }
          ],
          "name": {
            "formatted": "Ada Lovelace",
            "family_name": "Lovelace",
            "given_name": "Ada",
            "middle_name": "",
            "honorific_prefix": "",
            "honorific_suffix": ""
          },
          "enterprise_extension": {
            "employee_number": "1815",
            "cost_center": "R&D",
            "division": "Platform",
            "department": "Engineering",
            "organization": "Example Corp",
            "manager": {
              "value": "00u9z8y7x6w5v4u3t2s1",
              "ref": "https://example.okta.com/scim/v2/Users/00u9z8y7x6w5v4u3t2s1",
              "display_name": "Charles Babbage"
            }
          }
        }
      },
      "external_id": "employee-1815",
      "lock_created_at": null,
      "lock_expires_at": null
    },
    "organization": {
      "organization_id": "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
      "organization_name": "Example Corp",
      "organization_logo_url": "https://example.com/logo.png",
      "organization_slug": "example-corp",
      "sso_jit_provisioning": "RESTRICTED",
      "sso_jit_provisioning_allowed_connections": [
        "saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9"
      ],
      "sso_active_connections": [
        {
          "connection_id": "saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9",
          "display_name": "Okta",
          "identity_provider": "okta"
        }
      ],
      "email_allowed_domains": [
        "example.com"
      ],
      "email_jit_provisioning": "RESTRICTED",
      "email_invites": "ALL_ALLOWED",
      "auth_methods": "RESTRICTED",
      "allowed_auth_methods": [
        "sso",
        "magic_link",
        "google_oauth"
      ],
      "mfa_policy": "REQUIRED_FOR_ALL",
      "rbac_email_implicit_role_assignments": [
        {
          "domain": "example.com",
          "role_id": "engineering-reader"
        }
      ],
      "mfa_methods": "ALL_ALLOWED",
      "allowed_mfa_methods": [],
      "oauth_tenant_jit_provisioning": "NOT_ALLOWED",
      "claimed_email_domains": [
        "example.com"
      ],
      "first_party_connected_apps_allowed_type": "ALL_ALLOWED",
      "allowed_first_party_connected_apps": [],
      "third_party_connected_apps_allowed_type": "NOT_ALLOWED",
      "allowed_third_party_connected_apps": [],
      "custom_roles": [
        {
          "role_id": "engineering-reader",
          "description": "Read access to engineering documents.",
          "permissions": [
            {
              "resource_id": "documents",
              "actions": [
                "read"
              ]
            }
          ]
        }
      ],
      "trusted_metadata": {
        "crm_account_id": "0015g00000XyZ12"
      },
      "created_at": "2024-01-10T09:00:00Z",
      "updated_at": "2024-06-01T10:15:00Z",
      "organization_external_id": "example-corp",
      "sso_default_connection_id": "saml-connection-test-51861cbc-d3b9-428b-9761-227f5fb12be9",
      "scim_active_connection": {
        "connection_id": "scim-connection-test-3f2b6c3e-5b0a-4b8e-9d1a-6c7f2e4a8b90",
        "display_name": "Okta SCIM",
        "bearer_token_last_four": "7f3a",
        "bearer_token_expires_at": "2025-01-10T09:00:00Z"
      },
      "allowed_oauth_tenants": {
        "slack": [
          "T0123456789"
        ]
      }
    },
    "session_token": "mZAYn5aLEqKUlZ_Ad9U_fWr38GaAQ1oFAhT8ds245v7Q",
    "session_jwt": "eyJhbGciOiJSUzI1NiIsImtpZCI6Imp3ay10ZXN0LTNiOGQyYTFlLTZmNGMtNGU1YS05ZDdiLTJjMWYwZTlhOGI3YyIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJtZW1iZXItdGVzdC0zMmZjNTAyNC05YzA5LTRkYTMtYmQyZS1jOWNlNGRhOTM3NWYiLCJpc3MiOiJzdHl0Y2guY29tL3Byb2plY3QtdGVzdC0xYTJiM2M0ZC01ZTZmLTRhN2ItOGM5ZC0wZTFmMmEzYjRjNWQiLCJleHAiOjE3MTg4Nzc5OTAsImlhdCI6MTcxODg3NzY5MH0.ZXhhbXBsZS1zaWduYXR1cmUtbm90LXZhbGlk",
    "status_code": 200,
    "member_session": {
      "member_session_id": "member-session-test-e2a4c6d8-1b3f-4a5c-9e7d-0f2b4d6a8c1e",
      "member_id": "member-test-32fc5024-9c09-4da3-bd2e-c9ce4da9375f",
      "started_at": "2024-06-20T09:00:00Z",
      "last_accessed_at": "2024-06-20T09:01:30Z",
      "expires_at": "2024-06-21T09:01:30Z",
      "authentication_factors": [
        {
          "type": "magic_link",
          "delivery_method": "email",
          "last_authenticated_at": "2024-06-20T09:00:00Z",
          "created_at": "2024-06-20T09:00:00Z",
          "updated_at": "2024-06-20T09:00:00Z",
          "email_factor": {
            "email_id": "member-email-test-0b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e",
            "email_address": "ada@example.com"
          }
        },
        {
          "type": "otp",
          "delivery_method": "sms",
          "last_authenticated_at": "2024-06-20T09:01:30Z",
          "created_at": "2024-06-20T09:01:30Z",
          "updated_at": "2024-06-20T09:01:30Z",
          "phone_number_factor": {
            "phone_id": "member-phone-number-test-5c6d7e8f-9a0b-4c1d-8e2f-3a4b5c6d7e8f",
            "phone_number": "+15005550006"
          }
        }
      ],
      "organization_id": "organization-test-07971b06-ac8b-4cdb-9c15-63b17e653931",
      "roles": [
        "stytch_member",
        "engineering-reader"
      ],
      "organization_slug": "example-corp",
      "custom_claims": {
        "department": "Engineering"
      }
    },
    "member_device": {
      "visitor_id": "V-3f8a2c1e9b7d",
      "visitor_id_details": {
        "is_new": false,
        "first_seen_at": "2024-03-01T12:00:00Z",
        "last_seen_at": "2024-06-20T09:01:30Z"
      },
      "ip_address": "203.0.113.7",
      "ip_address_details": {
        "is_new": true,
        "first_seen_at": "2024-06-20T09:01:30Z",
        "last_seen_at": "2024-06-20T09:01:30Z"
      },
      "ip_geo_city": "London",
      "ip_geo_region": "England",
      "ip_geo_country": "GB",
      "ip_geo_country_details": {
        "is_new": false,
        "first_seen_at": "2024-03-01T12:00:00Z",
        "last_seen_at": "2024-06-20T09:01:30Z"
      }
    }
  }
} as const satisfies Record<OperationId, object>;
