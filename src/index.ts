export { createStytchB2BClient } from "./client.ts";
export type { StytchB2BClient } from "./client.ts";
export { createStytchB2BCore } from "./core.ts";
export type { FetchLike, StytchB2BClientOptions, StytchB2BCore } from "./core.ts";
export { otpsSmsAuthenticate } from "./otps/sms/authenticate.ts";
export { otpsSmsSend } from "./otps/sms/send.ts";
export {
  StytchAbortError,
  StytchApiError,
  StytchConnectionError,
  StytchDecodeError,
  StytchError,
  StytchGuardError,
  StytchResponseValidationError,
  StytchTimeoutError,
  StytchValidationError,
} from "./errors.ts";
export type { AttemptFailure, GuardRule, StytchErrorBody, StytchErrorType } from "./errors.ts";
export type { ErrorEvent, Hooks, RequestEvent, ResponseEvent, RetryEvent } from "./internal/hooks.ts";
export type { RetryReason } from "./internal/retry-policy.ts";
export type { CallStep, CallWatcher, OuterPlugin, Plugin, PluginCall } from "./internal/plugin.ts";
export type { CallOptions, FetchOptions, GuardCallOptions, RetryOptions, SendOptions } from "./call-options.ts";
export type { OperationFunction, OperationMethod, WithResponse } from "./internal/pipeline.ts";
export type { SmsAuthenticateRequest, SmsAuthenticateResponse } from "./otps/sms/authenticate.ts";
export type { SmsSendRequest, SmsSendResponse } from "./otps/sms/send.ts";
export type { ResponseValidator } from "./response-validation.ts";
export type { AuthenticationFactor, Locale, Member, MemberSession, Organization } from "./models.ts";
