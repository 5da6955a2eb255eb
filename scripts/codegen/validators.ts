import ajv2020 from "ajv/dist/2020.js";
import ajvStandalone from "ajv/dist/standalone/index.js";
import type { Schema, Spec } from "./spec.ts";

/** The schemas that get a standalone validator, by exported function name. */
const VALIDATED = {
  validateSmsSendRequest: "SmsSendRequest",
  validateSmsSendResponse: "SmsSendResponse",
  validateErrorResponse: "ErrorResponse",
} as const;

// RFC 3339 date-time, as JSON Schema's `format: date-time` means it.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:[Zz]|[+-]\d{2}:\d{2})$/;

/**
 * Standalone validators compiled from the spec's own schemas by ajv: plain code with no imports, so the mock
 * server and response validation need no runtime dependency and nothing is re-typed by hand.
 */
export function generateValidators(spec: Spec): string {
  const ajv = new ajv2020.default({
    allErrors: false,
    strict: true,
    // Count string length in UTF-16 units: this avoids a runtime import of ajv's ucs2length.
    unicode: false,
    code: { source: true, esm: true, optimize: true },
    logger: { log: console.log, error: console.error, warn: (m: unknown) => String(m).includes("unicode") || console.warn(m) },
  });
  ajv.addVocabulary(["example", "externalDocs", "xml", "discriminator"]);
  ajv.addFormat("date-time", DATE_TIME);
  ajv.addSchema({ $id: "stytch", $defs: toJsonSchemaRefs(spec.components.schemas) });
  const refs = Object.fromEntries(Object.entries(VALIDATED).map(([fn, name]) => [fn, `stytch#/$defs/${name}`]));
  const code = ajvStandalone.default(ajv, refs);
  if (/\brequire\(|^import /m.test(code)) throw new Error("ajv standalone output imports a runtime module");
  return [
    "// @ts-nocheck",
    "/**",
    " * Generated from spec/openapi.yaml by scripts/generate.ts (ajv standalone). Do not make direct changes to the file.",
    " */",
    code,
    "",
  ].join("\n");
}

/** OpenAPI points at `#/components/schemas/X`; as a standalone JSON Schema document that is `#/$defs/X`. */
function toJsonSchemaRefs(schemas: Record<string, Schema>): Record<string, Schema> {
  return JSON.parse(JSON.stringify(schemas).replaceAll('"#/components/schemas/', '"#/$defs/'));
}
