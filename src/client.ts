import { createStytchB2BCore, type StytchB2BClientOptions, type StytchB2BCore } from "./core.ts";
import { method, type OperationMethod } from "./internal/pipeline.ts";
import { otpsSmsAuthenticate, type SmsAuthenticateRequest, type SmsAuthenticateResponse } from "./otps/sms/authenticate.ts";
import { otpsSmsSend, type SmsSendRequest, type SmsSendResponse } from "./otps/sms/send.ts";

export interface StytchB2BClient extends StytchB2BCore {
  readonly otps: {
    readonly sms: {
      /** `POST /v1/b2b/otps/sms/send`: texts a one-time passcode; `.withResponse()` adds the HTTP response. */
      readonly send: OperationMethod<SmsSendRequest, SmsSendResponse>;
      /** `POST /v1/b2b/otps/sms/authenticate`: checks the code and returns the session; `.withResponse()` too. */
      readonly authenticate: OperationMethod<SmsAuthenticateRequest, SmsAuthenticateResponse>;
    };
  };
}

/**
 * The client with every operation as a method, where its URL says (`/v1/b2b/otps/sms/send` →
 * `client.otps.sms.send`). An app that calls one operation can carry only that one: `createStytchB2BCore`
 * and the operation's function (`otpsSmsSend(core, body)`).
 */
export function createStytchB2BClient(options: StytchB2BClientOptions): StytchB2BClient {
  const core = createStytchB2BCore(options);
  return Object.assign(core, { otps: { sms: { send: method(otpsSmsSend, core), authenticate: method(otpsSmsAuthenticate, core) } } });
}
