/**
 * Generated from spec/openapi.yaml (paths) by scripts/generate.ts. Do not make direct changes to the file.
 * One entry per operation: method, path, request checks, the 200 body's top-level shape, retry safety
 * (`x-idempotent`), the fields holding credentials (`x-credential`) and the schemas' names.
 */

/** A request field's rules, as the spec states them. `object` is a plain object of any JSON values. */
export interface FieldRule {
  readonly type: "string" | "integer" | "number" | "boolean" | "object";
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly pattern?: string;
  /** An example of a value the pattern accepts, for error messages. */
  readonly example?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  /** A closed set of values (an open enumeration is a plain string). */
  readonly enum?: readonly string[];
}

export interface Operation {
  readonly id: string;
  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH";
  readonly path: string;
  /** Whether repeating an attempt is harmless (`x-idempotent`). */
  readonly idempotent: boolean;
  /** The JSON body: required fields, every known field (others are refused), and session-field groups. */
  readonly request: {
    readonly required: readonly string[];
    readonly properties: Readonly<Record<string, FieldRule>>;
    readonly atMostOne?: readonly string[];
    readonly exactlyOne?: readonly string[];
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

/** The component schemas of each operation's request body, 200 body and error body (each has a generated validator). */
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
} as const satisfies Record<OperationId, { readonly request: string; readonly response: string; readonly error: string }>;
