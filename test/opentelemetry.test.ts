import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { context, metrics, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader, type DataPoint, type Histogram } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from "@opentelemetry/sdk-trace-base";
import { createSmsGuard } from "../src/guard/index.ts";
import { createStytchB2BClient, StytchApiError, StytchGuardError, StytchTimeoutError, StytchValidationError, type StytchB2BClientOptions } from "../src/index.ts";
import { DURATION_BUCKETS, openTelemetry, type OpenTelemetryOptions } from "../src/opentelemetry/index.ts";
import { sharedMock } from "./support/shared-mock.ts";

const mock = sharedMock();
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());

// The real SDK, with its in-memory exporter and reader: what an app's exporter would receive.
const spans = new InMemorySpanExporter();
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] });
const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
const reader = new PeriodicExportingMetricReader({ exporter: metricExporter, exportIntervalMillis: 3_600_000 });
const meterProvider = new MeterProvider({ readers: [reader] });
const appTracer = tracerProvider.getTracer("the-app");

beforeEach(() => spans.reset());
after(async () => {
  await meterProvider.shutdown();
  await tracerProvider.shutdown();
  context.disable();
});

function client(options: OpenTelemetryOptions = {}, more: Partial<StytchB2BClientOptions> = {}) {
  return createStytchB2BClient({ ...mock.clientOptions, telemetry: openTelemetry({ tracerProvider, meterProvider, ...options }), ...more });
}
const ids = () => ({ organization_id: mock.organization.organization_id, member_id: mock.member.member_id });
const byName = (name: string) => spans.getFinishedSpans().filter((span) => span.name === name);

/** The points of a metric, as the SDK's reader collects them. */
async function points(name: string): Promise<DataPoint<unknown>[]> {
  const { resourceMetrics } = await reader.collect();
  return resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics).filter((metric) => metric.descriptor.name === name).flatMap((metric) => metric.dataPoints as DataPoint<unknown>[]);
}
const sum = (all: DataPoint<unknown>[], attributes: Record<string, unknown>) =>
  all.filter((point) => Object.entries(attributes).every(([key, value]) => point.attributes[key] === value)).reduce((total, point) => total + (point.value as number), 0);

test("a send: one INTERNAL span named after the method, a child of the app's active span, with the request_id", async () => {
  const sent = await appTracer.startActiveSpan("POST /login/mfa", async (parent) => {
    try {
      return await client().otps.sms.send({ ...ids(), mfa_phone_number: "+15005550006" });
    } finally {
      parent.end();
    }
  });
  const [span] = byName("stytch.otps.sms.send");
  const [parent] = byName("POST /login/mfa");
  assert.ok(span && parent);
  assert.equal(span.kind, SpanKind.INTERNAL);
  assert.equal(span.parentSpanContext?.spanId, parent.spanContext().spanId);
  assert.equal(span.spanContext().traceId, parent.spanContext().traceId);
  assert.deepEqual(span.attributes, { "server.address": "127.0.0.1", "stytch.operation": "b2bOtpsSmsSend", "stytch.attempts": 1, "stytch.request_id": sent.request_id });
  assert.equal(span.status.code, SpanStatusCode.UNSET);
  assert.equal(byName("POST").length, 0, "attempt spans are opt-in");
  const sends = await points("stytch.otp.sms.sends");
  assert.ok(sum(sends, { "stytch.outcome": "sent", "stytch.phone.country_code": "1" }) >= 1);
});

test("503 then 200 with attemptSpans: two CLIENT spans named POST under the call, the second with resend_count 1; the wait is an event", async () => {
  mock.failNext({ status: 503, headers: { "retry-after": "0" } });
  await client({ attemptSpans: true }).otps.sms.send({ ...ids(), mfa_phone_number: "+15005550006" });
  const [call] = byName("stytch.otps.sms.send");
  const attempts = byName("POST").sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
  assert.equal(attempts.length, 2);
  for (const attempt of attempts) {
    assert.equal(attempt.kind, SpanKind.CLIENT);
    assert.equal(attempt.parentSpanContext?.spanId, call!.spanContext().spanId);
    assert.equal(attempt.attributes["http.request.method"], "POST");
    assert.equal(attempt.attributes["url.full"], `${mock.url}/v1/b2b/otps/sms/send`);
    assert.equal(attempt.attributes["server.address"], "127.0.0.1");
    assert.equal(attempt.attributes["server.port"], Number(new URL(mock.url).port));
  }
  assert.equal(attempts[0]!.attributes["http.response.status_code"], 503);
  assert.equal(attempts[0]!.attributes["error.type"], "503");
  assert.equal(attempts[0]!.status.code, SpanStatusCode.ERROR);
  assert.equal(attempts[0]!.attributes["http.request.resend_count"], undefined);
  assert.equal(attempts[1]!.attributes["http.response.status_code"], 200);
  assert.equal(attempts[1]!.attributes["http.request.resend_count"], 1);
  assert.equal(attempts[1]!.attributes["error.type"], undefined);
  assert.equal(call!.attributes["stytch.attempts"], 2);
  assert.deepEqual(call!.events.map((event) => [event.name, event.attributes]), [["stytch.retry", { "stytch.attempt": 1, "stytch.retry.reason": "unavailable", "stytch.retry.delay_ms": 0 }]]);
  const durations = (await points("http.client.request.duration")) as DataPoint<Histogram>[];
  const failed = durations.find((point) => point.attributes["http.response.status_code"] === 503)!;
  assert.deepEqual(Object.keys(failed.attributes).sort(), ["error.type", "http.request.method", "http.response.status_code", "server.address", "server.port"]);
  assert.deepEqual(failed.value.buckets.boundaries, DURATION_BUCKETS);
});

test("a timeout: the span's error.type is timeout, its status an error", async () => {
  mock.failNext({ hang: true });
  await assert.rejects(client().otps.sms.send({ ...ids(), mfa_phone_number: "+15005550006" }, { timeoutMs: 150 }), StytchTimeoutError);
  const [span] = byName("stytch.otps.sms.send");
  assert.equal(span!.attributes["error.type"], "timeout");
  assert.equal(span!.status.code, SpanStatusCode.ERROR);
  assert.equal(span!.status.message, "StytchTimeoutError: timeout");
  assert.ok(sum(await points("stytch.otp.sms.sends"), { "stytch.outcome": "failed", "error.type": "timeout" }) >= 1);
});

test("a refused input: nothing sent, still one span (error.type validation, 0 attempts)", async () => {
  const received = mock.exchanges.length;
  await assert.rejects(client().otps.sms.send({ ...ids(), mfa_phone_number: "555-0100" }), StytchValidationError);
  assert.equal(mock.exchanges.length, received);
  const [span] = byName("stytch.otps.sms.send");
  assert.equal(span!.attributes["error.type"], "validation");
  assert.equal(span!.attributes["stytch.attempts"], 0);
});

test("a guard refusal: error.type is the rule, an event says so, the send is counted as refused", async () => {
  const stytch = client({}, { guard: createSmsGuard() });
  await assert.rejects(stytch.otps.sms.send({ ...ids(), mfa_phone_number: "+18765550123" }), StytchGuardError);
  const [span] = byName("stytch.otps.sms.send");
  assert.equal(span!.attributes["error.type"], "allowedRegions");
  assert.deepEqual(span!.events.map((event) => [event.name, event.attributes]), [["stytch.guard.refused", { "stytch.guard.rule": "allowedRegions" }]]);
  assert.ok(sum(await points("stytch.otp.sms.sends"), { "stytch.outcome": "refused", "stytch.guard.rule": "allowedRegions", "stytch.phone.country_code": "1" }) >= 1);
});

test("authenticate: success and a wrong code, counted by outcome", async () => {
  const stytch = client();
  await stytch.otps.sms.send({ ...ids(), mfa_phone_number: "+15005550006" });
  const intermediate_session_token = mock.createSession(mock.member.member_id, "intermediate_session_token");
  await assert.rejects(stytch.otps.sms.authenticate({ ...ids(), code: "000000", intermediate_session_token }), StytchApiError);
  await stytch.otps.sms.authenticate({ ...ids(), code: mock.lastSms()!.code, intermediate_session_token });
  const names = byName("stytch.otps.sms.authenticate");
  assert.equal(names.length, 2);
  assert.deepEqual(names.map((span) => span.attributes["error.type"]), ["otp_code_not_found", undefined]);
  const counted = await points("stytch.otp.sms.authentications");
  assert.ok(sum(counted, { "stytch.outcome": "authenticated" }) >= 1);
  assert.ok(sum(counted, { "stytch.outcome": "failed", "error.type": "otp_code_not_found" }) >= 1);
  const calls = (await points("stytch.client.operation.duration")) as DataPoint<Histogram>[];
  assert.ok(calls.some((point) => point.attributes["stytch.operation"] === "b2bOtpsSmsAuthenticate" && point.value.count >= 1));
});

test("nothing the exporter receives holds a credential or a phone number: the secret, the Basic token, codes, tokens, JWTs", async () => {
  const stytch = client({ attemptSpans: true }, { guard: createSmsGuard({ allowedRegions: ["US", "CA"] }) });
  const phone = "+15005550007";
  const member = mock.addMember(mock.organization.organization_id, {});
  const who = { organization_id: mock.organization.organization_id, member_id: member.member_id };
  await stytch.otps.sms.send({ ...who, mfa_phone_number: phone });
  const code = mock.lastSms()!.code;
  const intermediate_session_token = mock.createSession(member.member_id, "intermediate_session_token");
  await stytch.otps.sms.authenticate({ ...who, code: "000001", intermediate_session_token }).catch(() => {});
  const session = await stytch.otps.sms.authenticate({ ...who, code, intermediate_session_token });
  await stytch.otps.sms.send({ ...who, session_token: session.session_token }).catch(() => {});
  await stytch.otps.sms.send({ ...who, mfa_phone_number: "+447700900123" }).catch(() => {});
  const exported = spans.getFinishedSpans().map((span: ReadableSpan) => ({ name: span.name, attributes: span.attributes, events: span.events, status: span.status }));
  const { resourceMetrics } = await reader.collect();
  const everything = JSON.stringify({ exported, metrics: resourceMetrics.scopeMetrics.flatMap((scope) => scope.metrics.map((metric) => ({ name: metric.descriptor.name, attributes: metric.dataPoints.map((point) => point.attributes) }))) });
  const basic = btoa(`${mock.projectId}:${mock.secret}`);
  for (const secret of [mock.secret, basic, code, "000001", intermediate_session_token, session.session_token, session.session_jwt, phone, phone.slice(1), "447700900123", "5000007"]) {
    assert.ok(!everything.includes(secret), `the exporter received ${secret.slice(0, 8)}…`);
  }
  assert.ok(everything.includes('"stytch.phone.country_code":"44"') && everything.includes('"stytch.phone.country_code":"1"'));
});

test("with the API but no SDK registered, a call is not watched at all; the global providers are used once registered", async () => {
  const plugin = openTelemetry().around(undefined);
  const call = { operation: { id: "b2bOtpsSmsSend", method: "POST", path: "/v1/b2b/otps/sms/send" } as never, body: {}, options: {}, url: `${mock.url}/v1/b2b/otps/sms/send` };
  assert.equal(plugin.watch(call), undefined);
  trace.setGlobalTracerProvider(tracerProvider);
  metrics.setGlobalMeterProvider(meterProvider);
  try {
    const stytch = createStytchB2BClient({ ...mock.clientOptions, telemetry: openTelemetry() });
    await stytch.otps.sms.send({ ...ids(), mfa_phone_number: "+15005550006" });
    assert.equal(byName("stytch.otps.sms.send").length, 1);
    assert.notEqual(plugin.watch(call), undefined);
  } finally {
    trace.disable();
    metrics.disable();
  }
});

test("options are checked", () => {
  for (const [options, field] of [
    [{ tracerProvider: {} }, "telemetry.tracerProvider"],
    [{ meterProvider: 1 }, "telemetry.meterProvider"],
    [{ attemptSpans: "yes" }, "telemetry.attemptSpans"],
  ] as const) {
    assert.throws(() => openTelemetry(options as never), (e: unknown) => e instanceof StytchValidationError && e.field === field);
  }
});
