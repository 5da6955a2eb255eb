/**
 * Generated from spec/openapi.yaml (components.schemas.SmsSendRequest) by scripts/generate.ts.
 * Do not make direct changes to the file.
 */

export const smsSendRequestRules = {
  "required": [
    "organization_id",
    "member_id"
  ],
  "fields": {
    "organization_id": {
      "minLength": 1
    },
    "member_id": {
      "minLength": 1
    },
    "mfa_phone_number": {
      "pattern": "^\\+[1-9]\\d{1,14}$",
      "example": "+15005550006"
    },
    "locale": {},
    "intermediate_session_token": {
      "minLength": 1
    },
    "session_token": {
      "minLength": 1
    },
    "session_jwt": {
      "minLength": 1
    }
  },
  "atMostOne": [
    "intermediate_session_token",
    "session_jwt",
    "session_token"
  ]
} as const;
