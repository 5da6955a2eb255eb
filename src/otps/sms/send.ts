import type { Client } from "openapi-fetch";
import type { components, paths } from "../../../generated/stytch.ts";
import {
  StytchAbortError,
  StytchConnectionError,
  StytchError,
  StytchTimeoutError,
} from "../../errors.ts";
import { decodeFailure, decodeSuccess } from "../../internal/decode-response.ts";
import { startDeadline, type Deadline } from "../../internal/deadline.ts";
import { validateSendRequest } from "../../internal/validate-request.ts";

export type SmsSendRequest = components["schemas"]["SmsSendRequest"];
export type SmsSendResponse = components["schemas"]["SmsSendResponse"];

/** Options for one call; each overrides the client's setting of the same name. */
export interface SendOptions {
  /** Cancels the call; it then rejects with `StytchAbortError`. */
  signal?: AbortSignal;
  /** Deadline for the whole call, in milliseconds. Default: the client's `timeoutMs` (30 000). */
  timeoutMs?: number;
  /** Extra headers for this call only. */
  headers?: Record<string, string>;
}

/** What `send` needs from the client that owns it. */
export interface SendContext {
  readonly engine: Client<paths>;
  readonly origin: string;
  readonly timeoutMs: number;
  readonly headers: (extra: Record<string, string> | undefined) => Record<string, string>;
  readonly redact: (text: string) => string;
}

const PATH = "/v1/b2b/otps/sms/send";

/** `POST /v1/b2b/otps/sms/send`: validates, sends once, and returns the 200 body or throws a `StytchError`. */
export function createSend(context: SendContext) {
  return async function send(body: SmsSendRequest, options: SendOptions = {}): Promise<SmsSendResponse> {
    validateSendRequest(body);
    const timeoutMs = options.timeoutMs ?? context.timeoutMs;
    const deadline = startDeadline(timeoutMs, options.signal);
    try {
      const { data, error, response } = await context.engine.POST(PATH, {
        body,
        parseAs: "text",
        signal: deadline.signal,
        headers: context.headers(options.headers),
      });
      if (response.ok) return decodeSuccess(response, data ?? "", context.redact);
      throw decodeFailure(response, error, context.redact);
    } catch (error) {
      throw toStytchError(error, deadline, timeoutMs, context);
    } finally {
      deadline.done();
    }
  };
}

function toStytchError(error: unknown, deadline: Deadline, timeoutMs: number, context: SendContext): StytchError {
  if (error instanceof StytchError) return error;
  if (deadline.timedOut) return new StytchTimeoutError(timeoutMs, { cause: error });
  if (deadline.abortedByCaller) {
    return new StytchAbortError("The call was aborted by the caller's signal", { cause: deadline.signal.reason });
  }
  return new StytchConnectionError(`Could not complete the request to ${context.origin}: ${describe(error, context.redact)}`, {
    cause: error,
  });
}

/** `fetch failed (ECONNREFUSED)`: the runtime's message plus the system error code when there is one. */
function describe(error: unknown, redact: (text: string) => string): string {
  if (!(error instanceof Error)) return redact(String(error));
  const cause = error.cause as { code?: unknown; message?: unknown } | undefined;
  const code = typeof cause?.code === "string" ? ` (${cause.code})` : "";
  return redact(`${error.message}${code}`);
}
