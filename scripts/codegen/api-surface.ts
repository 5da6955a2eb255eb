import { openEnumValues, resolve, resolveComponent, specOperations, type Schema, type Spec } from "./spec.ts";

/**
 * The public API as a caller sees it, flattened: one entry per operation (`POST /v1/…`), per path or query
 * parameter (`GET /v1/… query member_id`), per schema field and per enumeration, marked with the side it
 * travels on. Stored as generated/api-surface.json so the next generation can say what changed.
 */
export interface ApiSurface {
  servers: string[];
  operations: Record<string, { id: string; idempotent: boolean }>;
  parameters: Record<string, { type: string; required: boolean }>;
  fields: Record<string, { type: string; required: boolean; side: Side }>;
  enums: Record<string, { values: string[]; open: boolean; side: Side }>;
}
type Side = "request" | "response" | "both";

export function surfaceOf(spec: Spec): ApiSurface {
  const sides = schemaSides(spec);
  const surface: ApiSurface = { servers: ((spec.servers ?? []) as { url: string }[]).map((s) => s.url), operations: {}, parameters: {}, fields: {}, enums: {} };
  for (const { path, method, operation, parameters } of specOperations(spec)) {
    const key = `${method.toUpperCase()} ${path}`;
    surface.operations[key] = { id: operation.operationId as string, idempotent: operation["x-idempotent"] === true };
    for (const parameter of parameters) {
      const required = (parameter.required as unknown) === true;
      surface.parameters[`${key} ${parameter.in as string} ${parameter.name as string}`] = { type: typeName(spec, (parameter.schema ?? {}) as Schema), required };
    }
  }
  for (const [name, schema] of Object.entries(spec.components.schemas).sort(([a], [b]) => a.localeCompare(b))) {
    const side = sides.get(name);
    if (!side) continue;
    const open = openEnumValues(schema);
    if (open || schema.enum) surface.enums[name] = { values: (open ?? (schema.enum as string[])).map(String), open: Boolean(open), side };
    for (const [field, property] of Object.entries(schema.properties ?? {})) {
      surface.fields[`${name}.${field}`] = { type: typeName(spec, property), required: (schema.required ?? []).includes(field), side };
    }
  }
  return surface;
}

/** Which side each component schema travels on: reachable from the request body, a response, or both. */
function schemaSides(spec: Spec): Map<string, Side> {
  const sides = new Map<string, Side>();
  const visit = (node: unknown, side: "request" | "response") => {
    if (typeof node !== "object" || node === null) return;
    const ref = (node as Schema).$ref;
    if (typeof ref === "string" && ref.startsWith("#/components/schemas/")) {
      const name = ref.slice("#/components/schemas/".length);
      const seen = sides.get(name);
      if (seen === side || seen === "both") return;
      sides.set(name, seen ? "both" : side);
      visit(spec.components.schemas[name], side);
      return;
    }
    for (const value of Object.values(node)) visit(value, side);
  };
  for (const pathItem of Object.values((spec.paths ?? {}) as Record<string, Record<string, Schema>>)) {
    for (const operation of Object.values(pathItem)) {
      visit(operation.requestBody, "request");
      for (const response of Object.values((operation.responses ?? {}) as Record<string, Schema>)) {
        visit(resolveComponent(spec, "responses", response), "response");
      }
    }
  }
  return sides;
}

/** A field's type as a caller sees it: a reference to a plain string, number … component reads as that type. */
function typeName(spec: Spec, schema: Schema): string {
  if (schema.$ref) {
    const target = resolve(spec, schema);
    const plain = !target.properties && !target.enum && !target.anyOf && !target.oneOf && target.type !== "object" && target.type !== "array";
    return plain ? typeName(spec, target) : schema.$ref.split("/").pop()!;
  }
  if (schema.anyOf) return schema.anyOf.map((s) => typeName(spec, s)).join(" | ");
  const types = Array.isArray(schema.type) ? schema.type : [schema.type ?? "any"];
  return types
    .map((t) => (t === "array" ? `${typeName(spec, (schema.items as Schema) ?? {})}[]` : t === "object" && schema.properties ? "object{…}" : t))
    .join(" | ");
}

export interface Change {
  breaking: boolean;
  text: string;
}

/**
 * What moving from `before` to `after` does to a caller. A removed operation or a changed operationId breaks
 * a caller; a new operation, or a change of `x-idempotent` (the default retries), does not. Parameters and
 * request fields break a caller when they appear as required (on an operation that existed), disappear,
 * change type or stop being optional; response fields break a caller when they disappear, change type or
 * stop being guaranteed. New values of an open enum never break anyone.
 */
export function diffSurfaces(before: ApiSurface, after: ApiSurface): Change[] {
  const changes: Change[] = [];
  const add = (breaking: boolean, text: string) => changes.push({ breaking, text });
  for (const url of before.servers.filter((u) => !after.servers.includes(u))) add(true, `server ${url} removed`);
  for (const url of after.servers.filter((u) => !before.servers.includes(u))) add(false, `server ${url} added`);

  // An operation is the method and path a caller's code calls; its operationId names it in hooks and events.
  for (const key of union(before.operations, after.operations)) {
    const was = before.operations[key];
    const now = after.operations[key];
    if (!was && now) add(false, `${key}: new operation (${now.id})`);
    else if (was && !now) add(true, `${key}: operation removed (was ${was.id})`);
    else if (was && now) {
      if (was.id !== now.id) add(true, `${key}: operationId changed from ${was.id} to ${now.id}`);
      if (was.idempotent !== now.idempotent) {
        add(false, `${key}: ${now.idempotent ? "now idempotent: 5xx, timeouts and lost connections are retried by default" : "no longer idempotent: 5xx, timeouts and lost connections are no longer retried by default"}`);
      }
    }
  }

  // Parameters are request fields: sent by the caller, refused when unknown.
  for (const key of union(before.parameters, after.parameters)) {
    const was = before.parameters[key];
    const now = after.parameters[key];
    const operationExisted = Object.hasOwn(before.operations, key.split(" ").slice(0, 2).join(" "));
    if (!was && now) add(now.required && operationExisted, `${key}: new ${now.required ? "required" : "optional"} parameter (${now.type})`);
    else if (was && !now) add(true, `${key}: parameter removed (was ${was.required ? "required" : "optional"} ${was.type})`);
    else if (was && now) {
      if (was.type !== now.type) add(true, `${key}: type changed from ${was.type} to ${now.type}`);
      if (!was.required && now.required) add(true, `${key}: now required (was optional)`);
      if (was.required && !now.required) add(false, `${key}: now optional (was required)`);
    }
  }

  for (const key of union(before.fields, after.fields)) {
    const was = before.fields[key];
    const now = after.fields[key];
    const sends = (now ?? was)!.side !== "response";
    const receives = (now ?? was)!.side !== "request";
    if (!was && now) {
      // A required field breaks callers of a schema they already send, not of one that is new.
      const schemaExisted = Object.keys(before.fields).some((field) => field.startsWith(`${key.split(".")[0]}.`));
      add(sends && now.required && schemaExisted, `${key}: new ${now.required ? "required" : "optional"} field (${now.type})`);
    } else if (was && !now) {
      add(true, `${key}: field removed (was ${was.required ? "required" : "optional"} ${was.type})`);
    } else if (was && now) {
      if (was.type !== now.type) add(true, `${key}: type changed from ${was.type} to ${now.type}`);
      if (was.required && !now.required) add(receives, `${key}: now optional (was required)`);
      if (!was.required && now.required) add(sends, `${key}: now required (was optional)`);
    }
  }

  for (const name of union(before.enums, after.enums)) {
    const was = before.enums[name];
    const now = after.enums[name];
    if (!was || !now) {
      add(!now, `${name}: enumeration ${now ? "added" : "removed"}`);
      continue;
    }
    for (const value of now.values.filter((v) => !was.values.includes(v))) {
      // A closed enum's new value can break an exhaustive switch on the response side.
      add(!now.open && now.side !== "request", `${name}: new ${now.open ? "known " : ""}value "${value}"`);
    }
    for (const value of was.values.filter((v) => !now.values.includes(v))) add(true, `${name}: value "${value}" removed`);
    if (was.open && !now.open) add(true, `${name}: no longer accepts unknown values`);
    if (!was.open && now.open) add(false, `${name}: now accepts values beyond the known ones`);
  }
  return changes;
}

export function formatChanges(changes: Change[]): string {
  if (changes.length === 0) return "Public API: no changes.";
  const breaking = changes.filter((c) => c.breaking).length;
  const lines = changes.map((c) => `  ${c.breaking ? "BREAKING" : "ok      "}  ${c.text}`);
  const verdict = breaking ? "a major version" : "a minor version";
  return ["Public API changes (compared with the committed generated/):", ...lines, `${breaking} breaking, ${changes.length - breaking} non-breaking → ${verdict}.`].join("\n");
}

function union(a: object, b: object): string[] {
  return [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
}
