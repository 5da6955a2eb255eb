import { resolve, type Schema, type Spec } from "./spec.ts";

export interface FieldRule {
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  example?: string;
}

/**
 * The few facts the client needs to refuse a bad request before sending it, read from
 * `SmsSendRequest` so that the spec stays the only place they are written.
 */
export function generateRequestRules(spec: Spec): string {
  const request = spec.components.schemas.SmsSendRequest;
  if (!request?.properties) throw new Error("spec: components.schemas.SmsSendRequest has no properties");
  if (request.additionalProperties !== false) {
    throw new Error("spec: SmsSendRequest must set additionalProperties: false (the client refuses unknown fields)");
  }
  const fields: Record<string, FieldRule> = {};
  for (const [name, declared] of Object.entries(request.properties)) {
    const schema = resolve(spec, declared);
    const isString = schema.type === "string" || schema.anyOf?.every((s) => resolve(spec, s).type === "string");
    if (!isString) throw new Error(`spec: SmsSendRequest.${name} is not a string; teach scripts/codegen/request-rules.ts its type`);
    const rule: FieldRule = {};
    for (const key of ["minLength", "maxLength", "pattern"] as const) {
      if (schema[key] !== undefined) (rule as Record<string, unknown>)[key] = schema[key];
    }
    const example = (schema.examples as string[] | undefined)?.[0] ?? schema.example;
    if (rule.pattern && typeof example === "string") rule.example = example;
    fields[name] = rule;
  }
  const rules = {
    required: request.required ?? [],
    fields,
    atMostOne: mutuallyExclusiveFields(request),
  };
  return [
    "/**",
    " * Generated from spec/openapi.yaml (components.schemas.SmsSendRequest) by scripts/generate.ts.",
    " * Do not make direct changes to the file.",
    " */",
    "",
    `export const smsSendRequestRules = ${JSON.stringify(rules, null, 2)} as const;`,
    "",
  ].join("\n");
}

/** `not: { anyOf: [{ required: [a, b] }, …] }` says at most one of the named fields may be set. */
function mutuallyExclusiveFields(request: Schema): string[] {
  const pairs = ((request.not as Schema | undefined)?.anyOf ?? []).map((s) => s.required ?? []);
  return [...new Set(pairs.flat())].sort();
}
