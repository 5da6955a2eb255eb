import ajv2020 from "ajv/dist/2020.js";
import ajvStandalone from "ajv/dist/standalone/index.js";
import { operationsOf } from "./operations.ts";
import { openEnumValues, type Schema, type Spec } from "./spec.ts";


// RFC 3339 date-time, as JSON Schema's `format: date-time` means it.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Standalone validators compiled from the spec's own schemas by ajv: plain code with no imports, so the mock
 * server and response validation need no runtime dependency and nothing is re-typed by hand.
 */
export function generateValidators(spec: Spec, source = "spec/openapi.yaml"): { code: string; types: string } {
  const ajv = new ajv2020.default({
    allErrors: false,
    // Each shared schema compiled once (24 OAuth factors share one shape), not inlined at every use.
    inlineRefs: false,
    strict: true,
    // Count string length in UTF-16 units: this avoids a runtime import of ajv's ucs2length.
    unicode: false,
    code: { source: true, esm: true, optimize: true },
    logger: { log: console.log, error: console.error, warn: (m: unknown) => String(m).includes("unicode") || console.warn(m) },
  });
  ajv.addFormat("date-time", DATE_TIME);
  const defs = Object.fromEntries(Object.entries(spec.components.schemas).map(([name, s]) => [name, forValidation(s)]));
  ajv.addSchema({ $id: "stytch", $defs: defs });
  // Every schema an operation names (request, 200 and error bodies) gets a validator called validate<Schema>.
  const names = [...new Set(operationsOf(spec).flatMap((operation) => Object.values(operation.schemas)))].sort();
  const refs = Object.fromEntries(names.map((name) => [`validate${name}`, `stytch#/$defs/${name}`]));
  const code = ajvStandalone.default(ajv, refs);
  if (/\brequire\(|^import /m.test(code)) throw new Error("ajv standalone output imports a runtime module");
  const header = `/**\n * Generated from ${source} by scripts/generate.ts (ajv standalone). Do not make direct changes to the file.\n */\n`;
  const types = [
    header,
    "/** The first mismatch, as ajv reports it: `instancePath` is a JSON pointer into the data. */",
    "export interface SchemaIssue { readonly instancePath: string; readonly keyword: string; readonly message?: string; readonly params: Record<string, unknown> }",
    "export interface SchemaValidator { (data: unknown): boolean; errors?: SchemaIssue[] | null }",
    ...Object.keys(refs).map((fn) => `export declare const ${fn}: SchemaValidator;`),
    "",
  ].join("\n");
  return { code: `${header}${code}\n`, types };
}

const ANNOTATIONS = new Set(["title", "description", "example", "examples", "externalDocs", "xml", "discriminator"]);
const SUBSCHEMA_LISTS = ["anyOf", "allOf", "oneOf", "prefixItems"];
const SUBSCHEMA_MAPS = ["properties", "patternProperties", "$defs"];

/**
 * A copy of an OpenAPI schema ready for ajv: annotations dropped (they only bloat the generated code),
 * `#/components/schemas/X` references pointed at `#/$defs/X` of the standalone document, and what cannot
 * fail left out: an open enumeration accepts any string, and `unevaluatedProperties: true` allows what is
 * allowed anyway (it is there for an older linter).
 */
function forValidation(schema: Schema): Schema {
  if (typeof schema !== "object" || schema === null) return schema;
  if (openEnumValues(schema)) return { type: "string" };
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) || key.startsWith("x-") || (key === "unevaluatedProperties" && value === true)) continue;
    if (key === "$ref") out.$ref = (value as string).replace("#/components/schemas/", "#/$defs/");
    else if (SUBSCHEMA_LISTS.includes(key)) out[key] = (value as Schema[]).map(forValidation);
    else if (SUBSCHEMA_MAPS.includes(key)) {
      out[key] = Object.fromEntries(Object.entries(value as Record<string, Schema>).map(([k, v]) => [k, forValidation(v)]));
    } else if (["items", "not", "additionalProperties", "contains", "if", "then", "else"].includes(key)) {
      out[key] = forValidation(value as Schema);
    } else out[key] = value;
  }
  return out;
}
