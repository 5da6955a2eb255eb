import { AggregationTemporality, InMemoryMetricExporter, MeterProvider, PeriodicExportingMetricReader } from "@opentelemetry/sdk-metrics";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";

/**
 * The real OpenTelemetry SDK, set up as an app does, whose exporters keep nothing: each span is handed over
 * (and counted by `onSpans`), then dropped; metrics are recorded and exported only at shutdown.
 */
export function sdkProviders(onSpans: (count: number) => void = () => {}) {
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ export: (spans, done) => (onSpans(spans.length), done({ code: 0 })), shutdown: async () => {} })],
  });
  const meterProvider = new MeterProvider({
    readers: [new PeriodicExportingMetricReader({ exporter: new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE), exportIntervalMillis: 3_600_000 })],
  });
  return { tracerProvider, meterProvider, shutdown: () => Promise.all([tracerProvider.shutdown(), meterProvider.shutdown()]) };
}
