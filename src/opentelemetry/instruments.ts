import type { Counter, Histogram, Meter } from "@opentelemetry/api";

/** The HTTP semantic conventions' advisory buckets for `http.client.request.duration`, in seconds. */
export const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

export interface Instruments {
  /** Stable HTTP client metric, per attempt. */
  readonly attemptDuration: Histogram;
  /** The whole call, retries and waits included. */
  readonly callDuration: Histogram;
  readonly sends: Counter;
  readonly authentications: Counter;
}

export function instrumentsOf(meter: Meter): Instruments {
  const advice = { explicitBucketBoundaries: DURATION_BUCKETS };
  return {
    attemptDuration: meter.createHistogram("http.client.request.duration", { unit: "s", description: "Duration of HTTP client requests.", advice }),
    callDuration: meter.createHistogram("stytch.client.operation.duration", { unit: "s", description: "Duration of a call to Stytch, retries and waits included.", advice }),
    sends: meter.createCounter("stytch.otp.sms.sends", { unit: "{send}", description: "SMS one-time passcode sends, by outcome." }),
    authentications: meter.createCounter("stytch.otp.sms.authentications", { unit: "{authentication}", description: "SMS one-time passcode checks, by outcome." }),
  };
}
