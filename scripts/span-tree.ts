import type { ReadableSpan } from "@opentelemetry/sdk-trace-base";

const KINDS = ["INTERNAL", "SERVER", "CLIENT", "PRODUCER", "CONSUMER"];

/**
 * Exported spans as a text tree, parents before children, each with its kind, duration, status and
 * attributes: what an app's exporter receives, for `npm start` and the README.
 */
export function spanTree(spans: readonly ReadableSpan[]): string {
  const children = new Map<string | undefined, ReadableSpan[]>();
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  for (const span of [...spans].sort((a, b) => toMs(a.startTime) - toMs(b.startTime))) {
    const parent = span.parentSpanContext?.spanId;
    const key = parent && ids.has(parent) ? parent : undefined;
    children.set(key, [...(children.get(key) ?? []), span]);
  }
  const lines: string[] = [];
  const walk = (parent: string | undefined, indent: string) => {
    const list = children.get(parent) ?? [];
    list.forEach((span, i) => {
      const last = i === list.length - 1;
      const branch = parent === undefined ? "" : last ? "└─ " : "├─ ";
      const status = span.status.code === 2 ? ` ERROR (${span.status.message})` : "";
      const attributes = Object.entries(span.attributes).map(([key, value]) => `${key}=${value}`).join(" ");
      const events = span.events.map((event) => `  event ${event.name} ${Object.entries(event.attributes ?? {}).map(([key, value]) => `${key}=${value}`).join(" ")}`);
      lines.push(`${indent}${branch}${span.name}  [${KINDS[span.kind]}, ${toMs(span.duration).toFixed(1)} ms${status}]  ${attributes}`.trimEnd());
      const deeper = parent === undefined ? indent : indent + (last ? "   " : "│  ");
      for (const event of events) lines.push(`${deeper}${event.trim() && `   ${event.trim()}`}`);
      walk(span.spanContext().spanId, deeper);
    });
  };
  walk(undefined, "");
  return lines.join("\n");
}

function toMs([seconds, nanos]: readonly [number, number]): number {
  return seconds * 1000 + nanos / 1e6;
}
