export { createStytchB2BClient } from "./client.ts";
export type { FetchLike, StytchB2BClient, StytchB2BClientOptions } from "./client.ts";
export {
  StytchAbortError,
  StytchApiError,
  StytchConnectionError,
  StytchDecodeError,
  StytchError,
  StytchTimeoutError,
  StytchValidationError,
} from "./errors.ts";
export type { StytchErrorBody, StytchErrorType } from "./errors.ts";
export type { SendOptions, SmsSendRequest, SmsSendResponse } from "./otps/sms/send.ts";
export type { Locale, Member, Organization } from "./models.ts";
