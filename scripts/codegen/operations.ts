import { openEnumValues, resolve, resolveComponent, specOperations, type Schema, type Spec } from "./spec.ts";

/**
 * The operation table: for every operation in the spec, what the client, the mock, response validation,
 * the tests' contract check and the CLI need, read from the spec so that no code names an operation's
 * path, rules or schemas. The spec edit is the only place an operation's facts are written.
 */

type JsonType = "string" | "number" | "boolean" | "object" | "array";

interface FieldRule {
  type: "string" | "integer" | "number" | "boolean" | "object" | "array";
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  example?: string;
  minimum?: number;
  maximum?: number;
  enum?: string[];
  required?: string[];
  properties?: Record<string, FieldRule>;
  items?: FieldRule;
  minItems?: number;
  maxItems?: number;
}

interface Operation {
  id: string;
  method: string;
  path: string;
  idempotent: boolean;
  body: boolean;
  request: { required: string[]; properties: Record<string, FieldRule>; atMostOne?: string[]; exactlyOne?: string[]; path?: string[]; query?: string[] };
  response: Record<string, JsonType>;
  credentials: string[];
}

/** The component schemas an operation's request body (if it has one), 200 body and error body use (for validators, not the client). */
export interface OperationSchemas {
  request?: string;
  response: string;
  error: string;
}

/** An operation as the codegen reads it: the table entry, its schemas' names and its 200 example. */
type ReadOperation = Operation & { schemas: OperationSchemas; example: unknown };

// GET and DELETE carry no body (nor a JSON content type); the others carry a JSON body.
const BODYLESS = new Set(["get", "delete"]);
// Keywords that document a schema without constraining it.
const ANNOTATIONS = new Set(["title", "description", "examples", "example", "x-credential", "externalDocs", "deprecated"]);

export function operationsOf(spec: Spec): ReadOperation[] {
  return specOperations(spec).map(({ path, method, operation, parameters }) => operationOf(spec, path, method, operation, parameters));
}

export function generateOperations(spec: Spec, source = "spec/openapi.yaml"): string {
  const operations = operationsOf(spec);
  return [
    "/**",
    ` * Generated from ${source} (paths) by scripts/generate.ts. Do not make direct changes to the file.`,
    " * One entry per operation: method, path, request checks, the 200 body's top-level shape, retry safety",
    " * (`x-idempotent`), the fields holding credentials (`x-credential`) and the schemas' names.",
    " */",
    "",
    "/**",
    " * A request field's rules, as the spec states them. An `object` with `properties` is closed (its own",
    " * fields checked the same way); one without is a plain object of any JSON values. An `array` checks `items`.",
    " */",
    "export interface FieldRule {",
    '  readonly type: "string" | "integer" | "number" | "boolean" | "object" | "array";',
    "  readonly minLength?: number;",
    "  readonly maxLength?: number;",
    "  readonly pattern?: string;",
    "  /** An example of a value the pattern accepts, for error messages. */",
    "  readonly example?: string;",
    "  readonly minimum?: number;",
    "  readonly maximum?: number;",
    "  /** A closed set of values (an open enumeration is a plain string). */",
    "  readonly enum?: readonly string[];",
    "  readonly required?: readonly string[];",
    "  readonly properties?: Readonly<Record<string, FieldRule>>;",
    "  readonly items?: FieldRule;",
    "  readonly minItems?: number;",
    "  readonly maxItems?: number;",
    "}",
    "",
    "export interface Operation {",
    "  readonly id: string;",
    '  readonly method: "GET" | "PUT" | "POST" | "DELETE" | "PATCH";',
    "  readonly path: string;",
    "  /** Whether repeating an attempt is harmless (`x-idempotent`). */",
    "  readonly idempotent: boolean;",
    "  /** Whether the request has a JSON body (POST, PUT, PATCH); GET and DELETE have none. */",
    "  readonly body: boolean;",
    "  /**",
    "   * The request, one object: required fields, every known field (others are refused), session-field",
    "   * groups, and which fields are path or query parameters (the others travel in the body).",
    "   */",
    "  readonly request: {",
    "    readonly required: readonly string[];",
    "    readonly properties: Readonly<Record<string, FieldRule>>;",
    "    readonly atMostOne?: readonly string[];",
    "    readonly exactlyOne?: readonly string[];",
    "    readonly path?: readonly string[];",
    "    readonly query?: readonly string[];",
    "  };",
    "  /** The 200 body's required top-level fields and their JSON types. */",
    '  readonly response: Readonly<Record<string, "string" | "number" | "boolean" | "object" | "array">>;',
    "  /** Request and response fields that hold credentials (`x-credential`): never shown in errors or output. */",
    "  readonly credentials: readonly string[];",
    "}",
    "",
    ...operations.map(({ schemas, example, ...operation }) => `export const ${operation.id} = ${JSON.stringify(operation, null, 2)} as const satisfies Operation;\n`),
    `/** Every operation of the spec, for the mock's router, the CLI and the tests. */`,
    `export const operations = [${operations.map((operation) => operation.id).join(", ")}] as const;`,
    "",
    "/** The spec's operationIds. */",
    'export type OperationId = (typeof operations)[number]["id"];',
    "",
    "/** The component schemas of each operation's request body (if any), 200 body and error body (each has a generated validator). */",
    `export const operationSchemas = ${JSON.stringify(Object.fromEntries(operations.map((operation) => [operation.id, operation.schemas])), null, 2)} as const satisfies Record<OperationId, { readonly request?: string; readonly response: string; readonly error: string }>;`,
    "",
    "/** Each operation's first 200 example in the spec: the mock's answer to an operation it has no business rules for. */",
    `export const successExamples = ${JSON.stringify(Object.fromEntries(operations.map((operation) => [operation.id, operation.example])), null, 2)} as const satisfies Record<OperationId, object>;`,
    "",
  ].join("\n");
}

function operationOf(spec: Spec, path: string, method: string, operation: Schema, parameters: Schema[]): ReadOperation {
  const id = operation.operationId as string;
  const where = `${method.toUpperCase()} ${path}`;
  if (typeof operation["x-idempotent"] !== "boolean") throw new Error(`spec: ${where} needs x-idempotent: true or false (may an attempt be repeated?)`);
  const body = !BODYLESS.has(method);
  if (body !== Boolean(operation.requestBody)) throw new Error(`spec: ${where} ${body ? "needs a requestBody" : "cannot have a requestBody"} (GET and DELETE send none; PUT, POST and PATCH send JSON)`);
  const request = body ? schemaName((operation.requestBody as Schema).content, `${where} requestBody`) : undefined;
  const responses = operation.responses as Record<string, Schema>;
  const response = schemaName(responses["200"]?.content, `${where} 200 response`);
  const errorResponse = responses.default && resolveComponent(spec, "responses", responses.default);
  const error = schemaName(errorResponse?.content, `${where} default response`);
  const requestSchema = request ? spec.components.schemas[request]! : { type: "object", additionalProperties: false };
  const responseSchema = spec.components.schemas[response]!;
  return {
    id,
    method: method.toUpperCase(),
    path,
    idempotent: operation["x-idempotent"],
    body,
    request: withParameters(spec, where, requestRules(spec, request ?? where, requestSchema), parameters, path),
    response: responseShape(spec, responseSchema),
    credentials: [...credentialFields(spec, requestSchema), ...credentialFields(spec, responseSchema)].filter((f, i, all) => all.indexOf(f) === i).sort(),
    schemas: { ...(request && { request }), response, error },
    example: successExample(responses["200"]!.content, where),
  };
}

const PARAMETER_KEYWORDS = new Set(["name", "in", "required", "schema", "description", "example", "examples", "deprecated"]);

/**
 * Path and query parameters join the request's fields, checked by the same rules: a caller passes one object
 * and the table says which fields travel in the URL. A parameter's name must not be a body field's too.
 */
function withParameters(spec: Spec, where: string, rules: Operation["request"], parameters: Schema[], path: string): Operation["request"] {
  const placed: { path: string[]; query: string[] } = { path: [], query: [] };
  for (const parameter of parameters) {
    const name = parameter.name as string;
    const location = parameter.in as string;
    const at = `${where} parameter ${name}`;
    if (location !== "path" && location !== "query") throw new Error(`spec: ${at} is in ${location}; only path and query parameters are supported: teach scripts/codegen/operations.ts and src/internal/request-parts.ts`);
    unknownKeywords(parameter, PARAMETER_KEYWORDS, at);
    if (Object.hasOwn(rules.properties, name)) throw new Error(`spec: ${at} has the name of a field of the request: a caller passes one object, so each name can mean one thing`);
    if (location === "path" && ((parameter.required as unknown) !== true || !path.includes(`{${name}}`))) throw new Error(`spec: ${at} must be required and appear in the path as {${name}}`);
    const schema = resolve(spec, (parameter.schema ?? {}) as Schema);
    if (schema["x-credential"]) throw new Error(`spec: ${at} is a credential; a credential never travels in a URL (servers and proxies log URLs)`);
    const rule = fieldRule(spec, at, schema);
    if (rule.type === "object" || rule.type === "array") throw new Error(`spec: ${at} has type ${rule.type}; only plain values are supported as parameters: teach scripts/codegen/operations.ts`);
    rules.properties[name] = rule;
    if ((parameter.required as unknown) === true) rules.required.push(name);
    placed[location].push(name);
  }
  const unplaced = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!).filter((name) => !placed.path.includes(name));
  if (unplaced.length) throw new Error(`spec: ${where} has {${unplaced.join("}, {")}} in its path but no path parameter of that name`);
  return { ...rules, ...(placed.path.length && { path: placed.path }), ...(placed.query.length && { query: placed.query }) };
}

function successExample(content: unknown, where: string): unknown {
  const media = (content as Record<string, { examples?: Record<string, { value?: unknown }>; example?: unknown }>)["application/json"]!;
  const example = Object.values(media.examples ?? {})[0]?.value ?? media.example;
  if (typeof example !== "object" || example === null) throw new Error(`spec: ${where} 200 response needs an example (the mock answers it when it has no business rules)`);
  return example;
}

function schemaName(content: unknown, where: string): string {
  const ref = (content as Record<string, { schema?: Schema }> | undefined)?.["application/json"]?.schema?.$ref;
  if (!ref?.startsWith("#/components/schemas/")) throw new Error(`spec: ${where} must be application/json with a $ref to a component schema`);
  return ref.slice("#/components/schemas/".length);
}

const REQUEST_KEYWORDS = new Set(["type", "additionalProperties", "required", "properties", "not", "oneOf", ...ANNOTATIONS]);

function requestRules(spec: Spec, name: string, schema: Schema): Operation["request"] {
  if (schema.type !== "object" || schema.additionalProperties !== false) {
    throw new Error(`spec: ${name} must be an object with additionalProperties: false (the client refuses unknown fields)`);
  }
  unknownKeywords(schema, REQUEST_KEYWORDS, name);
  const rules: Operation["request"] = { required: [...(schema.required ?? [])], properties: propertyRules(spec, name, schema) };
  if (schema.not) rules.atMostOne = atMostOne(schema.not as Schema, name);
  if (schema.oneOf) rules.exactlyOne = exactlyOne(schema.oneOf as Schema[], name);
  return rules;
}

function propertyRules(spec: Spec, where: string, schema: Schema): Record<string, FieldRule> {
  const properties: Record<string, FieldRule> = {};
  for (const [field, declared] of Object.entries(schema.properties ?? {})) properties[field] = fieldRule(spec, `${where}.${field}`, declared);
  return properties;
}

const FIELD_KEYWORDS: Record<FieldRule["type"], string[]> = {
  string: ["minLength", "maxLength", "pattern", "enum"],
  integer: ["minimum", "maximum"],
  number: ["minimum", "maximum"],
  boolean: [],
  object: ["additionalProperties", "properties", "required"],
  array: ["items", "minItems", "maxItems"],
};
const COPIED = ["minLength", "maxLength", "pattern", "minimum", "maximum", "enum", "minItems", "maxItems"] as const;

function fieldRule(spec: Spec, where: string, declared: Schema): FieldRule {
  const schema = resolve(spec, declared);
  // An open enumeration documents known values yet accepts any string.
  if (openEnumValues(schema)) return { type: "string" };
  const type = schema.type as FieldRule["type"];
  if (!(type in FIELD_KEYWORDS)) throw new Error(`spec: ${where} has type ${JSON.stringify(type)}; teach scripts/codegen/operations.ts and src/internal/validate-request.ts`);
  unknownKeywords(schema, new Set(["type", ...FIELD_KEYWORDS[type], ...ANNOTATIONS]), where);
  const rule: FieldRule = { type };
  for (const key of COPIED) if (schema[key] !== undefined) (rule as unknown as Record<string, unknown>)[key] = schema[key];
  const example = (schema.examples as unknown[] | undefined)?.[0] ?? schema.example;
  if (rule.pattern && typeof example === "string") rule.example = example;
  if (type === "object") return objectRule(spec, where, schema, rule);
  if (type === "array") {
    if (!schema.items) throw new Error(`spec: ${where} is an array without items: say what it holds`);
    rule.items = fieldRule(spec, `${where}[]`, schema.items as Schema);
  }
  return rule;
}

/** A free-form object (`additionalProperties: true`, any JSON values) or a closed one whose fields are checked like the body's. */
function objectRule(spec: Spec, where: string, schema: Schema, rule: FieldRule): FieldRule {
  if (schema.additionalProperties === true && !schema.properties && !schema.required) return rule;
  if (schema.additionalProperties !== false || !schema.properties) {
    throw new Error(`spec: ${where} must be free-form (additionalProperties: true and no properties) or closed (properties and additionalProperties: false)`);
  }
  return { ...rule, required: [...(schema.required ?? [])], properties: propertyRules(spec, where, schema) };
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
