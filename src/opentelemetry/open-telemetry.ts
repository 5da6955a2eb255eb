import { context, createNoopMeter, metrics, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type MeterProvider, type Span, type Tracer, type TracerProvider } from "@opentelemetry/api";
import { callingCodeOf } from "../guard/calling-codes.ts";
import { operationWords } from "../internal/operation-words.ts";
import { StytchApiError, StytchGuardError, StytchValidationError, type CallStep, type CallWatcher, type OuterPlugin, type Plugin, type PluginCall } from "../index.ts";
import { errorType } from "./error-type.ts";
import { instrumentsOf, type Instruments } from "./instruments.ts";

export interface OpenTelemetryOptions {
  /** Where spans go. Default: the global provider (`trace.setGlobalTracerProvider`, or the SDK's `register()`). */
  tracerProvider?: TracerProvider;
  /** Where metrics go. Default: the global provider (`metrics.setGlobalMeterProvider`). */
  meterProvider?: MeterProvider;
  /**
   * One CLIENT span per HTTP attempt under the call's span, named by its method (`POST`), with the stable HTTP
   * client attributes and `http.request.resend_count` on retries. Default false: fetch instrumentation
   * (undici's, for one) may already emit them.
   */
  attemptSpans?: boolean;
}

export const INSTRUMENTATION_NAME = "stytch-b2b-sms";
export const INSTRUMENTATION_VERSION = "0.1.0";

const NOOP_METER = createNoopMeter().constructor;
const now = () => performance.timeOrigin + performance.now();

/**
 * OpenTelemetry traces and metrics of every call, passed to the client as its `telemetry` option. One
 * INTERNAL span per call (`stytch.otps.sms.send`), a child of the context active when the call was made; the
 * stable `http.client.request.duration` per attempt; send and authentication counters by outcome; the whole
 * call's duration. Nothing secret or personal: no credential, code, token or phone number, in any name,
 * attribute, event, status message or metric attribute; a phone appears only as its calling code.
 * With the API but no SDK registered, a call costs one no-op span.
 */
export function openTelemetry(options: OpenTelemetryOptions = {}): OuterPlugin {
  if (options.tracerProvider !== undefined && typeof options.tracerProvider?.getTracer !== "function") invalid("tracerProvider", "a TracerProvider");
  if (options.meterProvider !== undefined && typeof options.meterProvider?.getMeter !== "function") invalid("meterProvider", "a MeterProvider");
  if (options.attemptSpans !== undefined && typeof options.attemptSpans !== "boolean") invalid("attemptSpans", "true or false");
  const attemptSpans = options.attemptSpans ?? false;
  const tracer = (options.tracerProvider ?? trace.getTracerProvider()).getTracer(INSTRUMENTATION_NAME, INSTRUMENTATION_VERSION);
  // Instruments are made again when the global meter provider changes (an SDK registered after the client).
  let meterProvider: MeterProvider | undefined;
  let instruments: Instruments | undefined;
  const currentInstruments = () => {
    const provider = options.meterProvider ?? metrics.getMeterProvider();
    if (provider !== meterProvider) {
      meterProvider = provider;
      const meter = provider.getMeter(INSTRUMENTATION_NAME, INSTRUMENTATION_VERSION);
      instruments = meter instanceof NOOP_METER ? undefined : instrumentsOf(meter);
    }
    return instruments;
  };

  // Per operation and URL, worked out once: a call's only cost without an SDK is one no-op span.
  const names = new Map<string, string>();
  const servers = new Map<string, Server>();
  const watch = (call: PluginCall): CallWatcher | undefined => {
    const parent = context.active();
    let name = names.get(call.operation.id);
    if (!name) names.set(call.operation.id, (name = spanName(call)));
    const span = tracer.startSpan(name, { kind: SpanKind.INTERNAL }, parent);
    const meters = currentInstruments();
    if (!span.isRecording() && !meters) {
      span.end();
      return undefined; // no SDK: the call runs unwatched
    }
    let server = servers.get(call.url);
    if (!server) servers.set(call.url, (server = serverOf(call.url)));
    return callWatcher(call, tracer, span, trace.setSpan(parent, span), server, meters, attemptSpans);
  };

  return {
    around(inner: Plugin | undefined): Plugin {
      return {
        watch(call) {
          const outer = watch(call);
          const watched = inner?.watch(call);
          if (!outer || !watched) return outer ?? watched;
          // The inner plug-in first: a refusal in its admit ends the call, which the span then records.
          return (step) => {
            const pending = watched(step);
            return pending ? pending.then(() => outer(step)) : outer(step);
          };
        },
      };
    },
  };
}

/** The stable attributes of Stytch's end of a URL. */
type Server = { readonly "server.address": string; readonly "server.port": number };

function serverOf(url: string): Server {
  const target = new URL(url);
  return { "server.address": target.hostname, "server.port": Number(target.port || (target.protocol === "https:" ? 443 : 80)) };
}

function callWatcher(call: PluginCall, tracer: Tracer, span: Span, spanContext: Context, server: Server, meters: Instruments | undefined, attemptSpans: boolean): CallWatcher {
  const { operation, url } = call;
  const started = now();
  span.setAttributes({ "server.address": server["server.address"], "stytch.operation": operation.id });
  let attemptStarted: number | undefined;
  let attempts = 0;

  /** One HTTP attempt: its duration histogram and, if asked for, its CLIENT span. */
  const attempted = (attempt: number, status: number | undefined, error: Parameters<typeof errorType>[0] | undefined) => {
    const ended = now();
    const begun = attemptStarted ?? ended;
    attempts = attempt;
    const failure = error && (status !== undefined && status >= 400 ? String(status) : errorType(error));
    const attributes: Attributes = { "http.request.method": operation.method, ...server, ...(status !== undefined && { "http.response.status_code": status }), ...(failure && { "error.type": failure }) };
    meters?.attemptDuration.record((ended - begun) / 1000, attributes);
    if (!attemptSpans || !span.isRecording()) return;
    const resend = attempt > 1 ? { "http.request.resend_count": attempt - 1 } : {};
    const child = tracer.startSpan(operation.method, { kind: SpanKind.CLIENT, startTime: begun, attributes: { ...attributes, "url.full": url, ...resend } }, spanContext);
    if (failure) child.setStatus({ code: SpanStatusCode.ERROR, message: failure });
    child.end(ended);
  };

  return (step: CallStep) => {
    try {
      if (step.step === "admit") {
        attemptStarted = now();
      } else if (step.step === "attempted") {
        attempted(step.attempt, step.status, step.error);
        attemptStarted = undefined;
        if (step.retry) {
          span.addEvent("stytch.retry", { "stytch.attempt": step.attempt, "stytch.retry.reason": step.retry.reason, "stytch.retry.delay_ms": step.retry.delayMs });
          attemptStarted = now() + step.retry.delayMs;
        }
      } else {
        if (step.data) attempted(attempts + 1, step.status, undefined);
        ended(call, span, meters, started, attempts, step);
      }
    } catch {
      // Telemetry never changes a call's outcome (a misbehaving exporter or SDK is the app's to see).
    }
  };
}

function ended(call: PluginCall, span: Span, meters: Instruments | undefined, started: number, attempts: number, step: Extract<CallStep, { step: "end" }>): void {
  const { error, data } = step;
  const type = error && errorType(error);
  const requestId = error instanceof StytchApiError ? error.request_id : (data as { request_id?: unknown } | undefined)?.request_id;
  span.setAttributes({ "stytch.attempts": attempts, ...(typeof requestId === "string" && requestId && { "stytch.request_id": requestId }), ...(type && { "error.type": type }) });
  if (error instanceof StytchGuardError) {
    span.addEvent("stytch.guard.refused", { "stytch.guard.rule": error.rule, ...(error.retryAfterMs !== undefined && { "stytch.guard.retry_after_ms": error.retryAfterMs }) });
  }
  // The class and the type only: a message can quote a masked number or a Member's id.
  if (error) span.setStatus({ code: SpanStatusCode.ERROR, message: `${error.name}: ${type}` });
  span.end();
  if (!meters) return;
  meters.callDuration.record((now() - started) / 1000, { "stytch.operation": call.operation.id, ...(type && { "error.type": type }) });
  // Counted by outcome: what refused (the guard's rule) or failed (error.type); a phone by its calling code only.
  const reason: Attributes = error instanceof StytchGuardError ? { "stytch.guard.rule": error.rule } : type ? { "error.type": type } : {};
  const failed = error instanceof StytchGuardError ? "refused" : "failed";
  if (call.operation.id === "b2bOtpsSmsSend") {
    const phone = (call.body as { mfa_phone_number?: unknown }).mfa_phone_number ?? (data as { member?: { mfa_phone_number?: unknown } } | undefined)?.member?.mfa_phone_number;
    const code = typeof phone === "string" ? callingCodeOf(phone) : undefined;
    meters.sends.add(1, { "stytch.outcome": error ? failed : "sent", ...reason, ...(code && { "stytch.phone.country_code": code }) });
  } else if (call.operation.id === "b2bOtpsSmsAuthenticate") {
    meters.authentications.add(1, { "stytch.outcome": error ? failed : "authenticated", ...reason });
  }
}

/** `stytch.otps.sms.send`: the client method's name, from the operation's words. */
export function spanName({ operation }: Pick<PluginCall, "operation">): string {
  return ["stytch", ...operationWords(operation)].join(".");
}

function invalid(option: string, what: string): never {
  throw new StytchValidationError(`telemetry.${option}`, "type", `openTelemetry: ${option} must be ${what}`);
}
