import { b2bOtpsSmsAuthenticate } from "../../../generated/operations.ts";
import type { components } from "../../../generated/stytch.ts";
import { defineOperation } from "../../internal/pipeline.ts";

export type SmsAuthenticateRequest = components["schemas"]["SmsAuthenticateRequest"];
export type SmsAuthenticateResponse = components["schemas"]["SmsAuthenticateResponse"];

/**
 * `POST /v1/b2b/otps/sms/authenticate`: checks the code a Member typed against the one most recently sent,
 * with exactly one of an intermediate session token, a session token or a session JWT, and returns the
 * session. Not idempotent: the code is used up by the first success.
 */
export const authenticate = defineOperation<SmsAuthenticateRequest, SmsAuthenticateResponse>(b2bOtpsSmsAuthenticate);
