import { b2bOtpsSmsAuthenticate } from "../../../generated/operations.ts";
import type { components } from "../../../generated/stytch.ts";
import { operation } from "../../internal/pipeline.ts";

export type SmsAuthenticateRequest = components["schemas"]["SmsAuthenticateRequest"];
export type SmsAuthenticateResponse = components["schemas"]["SmsAuthenticateResponse"];

/**
 * `POST /v1/b2b/otps/sms/authenticate`: checks the code a Member typed against the one most recently sent,
 * with exactly one of an intermediate session token, a session token or a session JWT, and returns the
 * session. Not idempotent: the code is used up by the first success. `otpsSmsAuthenticate(client, body)`, or
 * `client.otps.sms.authenticate(body)`.
 *
 * Marked pure so that an app that does not call it leaves it out of its bundle, even from the built package.
 */
export const otpsSmsAuthenticate = /* @__PURE__ */ operation<SmsAuthenticateRequest, SmsAuthenticateResponse>(b2bOtpsSmsAuthenticate);
