import { openEnumValues, resolve, type Schema, type Spec } from "./spec.ts";

/**
 * The operation table: for every operation in the spec, what the client, the mock, response validation,
 * the tests' contract check and the CLI need, read from the spec so that no code names an operation's
 * path, rules or schemas. The spec edit is the only place an operation's facts are written.
 */

type JsonType = "string" | "number" | "boolean" | "object" | "array";

interface FieldRule {
  type: "string" | "integer" | "number" | "boolean" | "object";
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  example?: string;
  minimum?: number;
  maximum?: number;
  enum?: string[];
}

interface Operation {
  id: string;
  method: string;
  path: string;
  idempotent: boolean;
  request: { required: string[]; properties: Record<string, FieldRule>; atMostOne?: string[]; exactlyOne?: string[] };
  response: Record<string, JsonType>;
  credentials: string[];
}

/** The component schemas an operation's request, 200 body and error body use (for validators, not the client). */
export interface OperationSchemas {
  request: string;
  response: string;
  error: string;
}

const METHODS = ["get", "put", "post", "delete", "patch"];
// Keywords that document a schema without constraining it.
const ANNOTATIONS = new Set(["title", "description", "examples", "example", "x-credential", "externalDocs", "deprecated"]);

export function operationsOf(spec: Spec): (Operation & { schemas: OperationSchemas })[] {
  const operations: (Operation & { schemas: OperationSchemas })[] = [];
  for (const [path, item] of Object.entries((spec.paths ?? {}) as Record<string, Record<string, Schema>>)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation) operations.push(operationOf(spec, path, method, operation));
    }
  }
  return operations;
}

export function generateOperations(spec: Spec): string {
  const operations = operationsOf(spec);
  return [
    "/**",
    " * Generated from spec/openapi.yaml (paths) by scripts/generate.ts. Do not make direct changes to the file.",
    " * One entry per operation: method, path, request checks, the 200 body's top-level shape, retry safety",
    " * (`x-idempotent`), the fields holding credentials (`x-credential`) and the schemas' names.",
    " */",
    "",
    "/** A request field's rules, as the spec states them. `object` is a plain object of any JSON values. */",
    "export interface FieldRule {",
    '  readonly type: "string" | "integer" | "number" | "boolean" | "object";',
    "  readonly minLength?: number;",
    "  readonly maxLength?: number;",
    "  readonly pattern?: string;",
    "  /** An example of a value the pattern accepts, for error messages. */",
    "  readonly example?: string;",
    "  readonly minimum?: number;",
    "  readonly maximum?: number;",
    "  /** A closed set of values (an open enumeration is a plain string). */",
    "  readonly enum?: readonly string[];",
    "}",
    "",
    "export interface Operation {",
    "  readonly id: string;",
    '  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH";',
    "  readonly path: string;",
    "  /** Whether repeating an attempt is harmless (`x-idempotent`). */",
    "  readonly idempotent: boolean;",
    "  /** The JSON body: required fields, every known field (others are refused), and session-field groups. */",
    "  readonly request: {",
    "    readonly required: readonly string[];",
    "    readonly properties: Readonly<Record<string, FieldRule>>;",
    "    readonly atMostOne?: readonly string[];",
    "    readonly exactlyOne?: readonly string[];",
    "  };",
    "  /** The 200 body's required top-level fields and their JSON types. */",
    '  readonly response: Readonly<Record<string, "string" | "number" | "boolean" | "object" | "array">>;',
    "  /** Request and response fields that hold credentials (`x-credential`): never shown in errors or output. */",
    "  readonly credentials: readonly string[];",
    "}",
    "",
    ...operations.map(({ schemas, ...operation }) => `export const ${operation.id} = ${JSON.stringify(operation, null, 2)} as const satisfies Operation;\n`),
    `/** Every operation of the spec, for the mock's router, the CLI and the tests. */`,
    `export const operations = [${operations.map((operation) => operation.id).join(", ")}] as const;`,
    "",
    "/** The spec's operationIds. */",
    'export type OperationId = (typeof operations)[number]["id"];',
    "",
    "/** The component schemas of each operation's request body, 200 body and error body (each has a generated validator). */",
    `export const operationSchemas = ${JSON.stringify(Object.fromEntries(operations.map((operation) => [operation.id, operation.schemas])), null, 2)} as const satisfies Record<OperationId, { readonly request: string; readonly response: string; readonly error: string }>;`,
    "",
  ].join("\n");
}

function operationOf(spec: Spec, path: string, method: string, operation: Schema): Operation & { schemas: OperationSchemas } {
  const id = operation.operationId as string;
  const where = `${method.toUpperCase()} ${path}`;
  if (typeof operation["x-idempotent"] !== "boolean") throw new Error(`spec: ${where} needs x-idempotent: true or false (may an attempt be repeated?)`);
  if (operation.parameters) throw new Error(`spec: ${where} declares parameters; the pipeline sends a JSON body only: teach src/internal/pipeline.ts to pass them`);
  const request = schemaName((operation.requestBody as Schema | undefined)?.content, `${where} requestBody`);
  const responses = operation.responses as Record<string, Schema>;
  const response = schemaName(responses["200"]?.content, `${where} 200 response`);
  const errorResponse = responses.default?.$ref ? resolveResponse(spec, responses.default.$ref) : responses.default;
  const error = schemaName(errorResponse?.content, `${where} default response`);
  const requestSchema = spec.components.schemas[request]!;
  const responseSchema = spec.components.schemas[response]!;
  return {
    id,
    method: method.toUpperCase(),
    path,
    idempotent: operation["x-idempotent"],
    request: requestRules(spec, request, requestSchema),
    response: responseShape(spec, responseSchema),
    credentials: [...credentialFields(spec, requestSchema), ...credentialFields(spec, responseSchema)].filter((f, i, all) => all.indexOf(f) === i).sort(),
    schemas: { request, response, error },
  };
}

function schemaName(content: unknown, where: string): string {
  const ref = (content as Record<string, { schema?: Schema }> | undefined)?.["application/json"]?.schema?.$ref;
  if (!ref?.startsWith("#/components/schemas/")) throw new Error(`spec: ${where} must be application/json with a $ref to a component schema`);
  return ref.slice("#/components/schemas/".length);
}

function resolveResponse(spec: Spec, ref: string): Schema {
  return ((spec.components as Record<string, Record<string, Schema>>).responses ?? {})[ref.split("/").pop()!]!;
}

const REQUEST_KEYWORDS = new Set(["type", "additionalProperties", "required", "properties", "not", "oneOf", ...ANNOTATIONS]);

function requestRules(spec: Spec, name: string, schema: Schema): Operation["request"] {
  if (schema.type !== "object" || schema.additionalProperties !== false) {
    throw new Error(`spec: ${name} must be an object with additionalProperties: false (the client refuses unknown fields)`);
  }
  unknownKeywords(schema, REQUEST_KEYWORDS, name);
  const properties: Record<string, FieldRule> = {};
  for (const [field, declared] of Object.entries(schema.properties ?? {})) properties[field] = fieldRule(spec, `${name}.${field}`, declared);
  const rules: Operation["request"] = { required: schema.required ?? [], properties };
  if (schema.not) rules.atMostOne = atMostOne(schema.not as Schema, name);
  if (schema.oneOf) rules.exactlyOne = exactlyOne(schema.oneOf as Schema[], name);
  return rules;
}

const FIELD_KEYWORDS: Record<FieldRule["type"], string[]> = {
  string: ["minLength", "maxLength", "pattern", "enum"],
  integer: ["minimum", "maximum"],
  number: ["minimum", "maximum"],
  boolean: [],
  object: ["additionalProperties"],
};

function fieldRule(spec: Spec, where: string, declared: Schema): FieldRule {
  const schema = resolve(spec, declared);
  // An open enumeration documents known values yet accepts any string.
  if (openEnumValues(schema)) return { type: "string" };
  const type = schema.type as FieldRule["type"];
  if (!(type in FIELD_KEYWORDS)) throw new Error(`spec: ${where} has type ${JSON.stringify(type)}; teach scripts/codegen/operations.ts and src/internal/validate-request.ts`);
  unknownKeywords(schema, new Set(["type", ...FIELD_KEYWORDS[type], ...ANNOTATIONS]), where);
  if (type === "object" && schema.additionalProperties !== true) throw new Error(`spec: ${where}: only free-form objects (additionalProperties: true) are supported`);
  const rule: FieldRule = { type };
  for (const key of ["minLength", "maxLength", "pattern", "minimum", "maximum", "enum"] as const) {
    if (schema[key] !== undefined) (rule as unknown as Record<string, unknown>)[key] = schema[key];
  }
  const example = (schema.examples as unknown[] | undefined)?.[0] ?? schema.example;
  if (rule.pattern && typeof example === "string") rule.example = example;
  return rule;
}

function unknownKeywords(schema: Schema, known: Set<string>, where: string): void {
  const unknown = Object.keys(schema).filter((key) => !known.has(key));
  if (unknown.length) throw new Error(`spec: ${where} uses ${unknown.join(", ")}; teach scripts/codegen/operations.ts and src/internal/validate-request.ts`);
}

/** `not: { anyOf: [{ required: [a, b] }, …] }`: no two of the named fields together. */
function atMostOne(not: Schema, where: string): string[] {
  const pairs = (not.anyOf ?? []).map((branch) => branch.required ?? []);
  if (!pairs.length || pairs.some((pair) => pair.length !== 2)) throw new Error(`spec: ${where}.not must be anyOf pairs of required fields (at most one of a group)`);
  return [...new Set(pairs.flat())].sort();
}

/** `oneOf: [{ required: [a] }, { required: [b] }, …]`: exactly one of the named fields. */
function exactlyOne(branches: Schema[], where: string): string[] {
  const fields = branches.map((branch) => branch.required ?? []);
  if (fields.some((required) => required.length !== 1)) throw new Error(`spec: ${where}.oneOf must be branches that each require one field (exactly one of a group)`);
  return fields.flat().sort();
}

function responseShape(spec: Spec, schema: Schema): Record<string, JsonType> {
  const shape: Record<string, JsonType> = {};
  for (const field of schema.required ?? []) {
    const property = resolve(spec, schema.properties?.[field] ?? {});
    const type = openEnumValues(property) ? "string" : property.type;
    if (typeof type === "string") shape[field] = type === "integer" ? "number" : (type as JsonType);
  }
  return shape;
}

function credentialFields(spec: Spec, schema: Schema): string[] {
  return Object.entries(schema.properties ?? {})
    .filter(([, property]) => property["x-credential"] === true || resolve(spec, property)["x-credential"] === true)
    .map(([field]) => field);
}
