export { createStytchB2BClient } from "./client.ts";
export type { FetchLike, StytchB2BClient, StytchB2BClientOptions } from "./client.ts";
export {
  StytchAbortError,
  StytchApiError,
  StytchConnectionError,
  StytchDecodeError,
  StytchError,
  StytchResponseValidationError,
  StytchTimeoutError,
  StytchValidationError,
} from "./errors.ts";
export type { AttemptFailure, StytchErrorBody, StytchErrorType } from "./errors.ts";
export type { ErrorEvent, Hooks, RequestEvent, ResponseEvent, RetryEvent } from "./internal/hooks.ts";
export type { RetryReason } from "./internal/retry-policy.ts";
export type { FetchOptions, RetryOptions, SendOptions, SmsSendRequest, SmsSendResponse } from "./otps/sms/send.ts";
export type { ResponseValidator } from "./response-validation.ts";
export type { Locale, Member, Organization } from "./models.ts";
