import { b2bOtpsSmsSend } from "../../../generated/operations.ts";
import type { components } from "../../../generated/stytch.ts";
import { operation } from "../../internal/pipeline.ts";

export type SmsSendRequest = components["schemas"]["SmsSendRequest"];
export type SmsSendResponse = components["schemas"]["SmsSendResponse"];

/**
 * `POST /v1/b2b/otps/sms/send`: texts a one-time passcode to a Member (and links `mfa_phone_number` when the
 * Member has no phone yet). Not idempotent: each SMS costs money and a new code invalidates the last one.
 * `otpsSmsSend(client, body)`, or `client.otps.sms.send(body)` on a client made by `createStytchB2BClient`.
 *
 * Marked pure so that an app that does not call it leaves it out of its bundle, even from the built package.
 */
export const otpsSmsSend = /* @__PURE__ */ operation<SmsSendRequest, SmsSendResponse>(b2bOtpsSmsSend);
