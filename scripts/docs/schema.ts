import { escape, inlineMarkdown, markdown, schemaAnchor } from "./html.ts";

/** The subset of JSON Schema (OpenAPI 3.1) the renderer reads. */
export interface Schema {
  $ref?: string;
  title?: string;
  description?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  not?: Schema;
  items?: Schema;
  properties?: Record<string, Schema | boolean>;
  required?: string[];
  additionalProperties?: Schema | boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  default?: unknown;
  examples?: unknown[];
  deprecated?: boolean;
}

export const refName = (ref: string) => ref.slice(ref.lastIndexOf("/") + 1);

/** A one-line type, with named schemas linked: `string`, `array of <Member>`, `"a" | "b" | string`. */
export function typeHtml(schema: Schema | boolean | undefined): string {
  if (schema === undefined || schema === true) return "any";
  if (schema === false) return "never";
  if (schema.$ref) return `<a href="#${schemaAnchor(refName(schema.$ref))}">${escape(refName(schema.$ref))}</a>`;
  if (schema.const !== undefined) return `<code>${escape(JSON.stringify(schema.const))}</code>`;
  if (schema.enum) return schema.enum.map((value) => `<code>${escape(JSON.stringify(value))}</code>`).join(" | ");
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map(typeHtml).join(" | ");
  if (schema.allOf) return schema.allOf.map(typeHtml).join(" &amp; ");
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return (types.length ? types : ["any"])
    .map((type) => {
      if (type === "array") return `array of ${typeHtml(schema.items)}`;
      if (type === "object" && !schema.properties && schema.additionalProperties) return "object (any keys)";
      return schema.format && type !== "null" ? `${escape(type)} (${escape(schema.format)})` : escape(type);
    })
    .join(" | ");
}

/** Rules a value must follow, e.g. `required`, `min length 1`, `pattern ^\+…`, `example +1500…`. */
function constraints(schema: Schema, required: boolean): string[] {
  const out: string[] = [];
  if (required) out.push(`<span class="required">required</span>`);
  if (schema.minLength !== undefined) out.push(`min length ${schema.minLength}`);
  if (schema.maxLength !== undefined) out.push(`max length ${schema.maxLength}`);
  if (schema.minimum !== undefined) out.push(`≥ ${schema.minimum}`);
  if (schema.maximum !== undefined) out.push(`≤ ${schema.maximum}`);
  if (schema.pattern !== undefined) out.push(`pattern <code>${escape(schema.pattern)}</code>`);
  if (schema.default !== undefined) out.push(`default <code>${escape(JSON.stringify(schema.default))}</code>`);
  for (const example of schema.examples ?? []) out.push(`example <code>${escape(typeof example === "string" ? example : JSON.stringify(example))}</code>`);
  if (schema.deprecated) out.push("deprecated");
  return out;
}

/** The properties of an object schema as a table: field, type, rules, description. */
export function propertiesTable(schema: Schema): string {
  const rows = Object.entries(schema.properties ?? {}).map(([name, property]) => {
    const field = typeof property === "boolean" ? {} : property;
    const rules = constraints(field, schema.required?.includes(name) ?? false);
    return (
      `<tr id="${escape(`${schema.title ?? "field"}.${name}`)}"><td><code class="field">${escape(name)}</code></td>` +
      `<td class="type">${typeHtml(property)}</td><td>${rules.join("<br>")}</td><td>${inlineMarkdown(field.description)}</td></tr>`
    );
  });
  const extra =
    schema.additionalProperties === false
      ? `<p class="note">No other fields are allowed.</p>`
      : `<p class="note">Other fields may appear and should be ignored.</p>`;
  return (
    `<table class="fields"><thead><tr><th>Field</th><th>Type</th><th>Rules</th><th>Description</th></tr></thead>` +
    `<tbody>${rows.join("")}</tbody></table>${extra}`
  );
}

/** A named schema's section: description, then its fields, known values or type. */
export function schemaSection(name: string, schema: Schema): string {
  const parts = [`<section class="schema" id="${schemaAnchor(name)}"><h3>${escape(name)}</h3>`, markdown(schema.description)];
  if (schema.properties) parts.push(propertiesTable(schema));
  else parts.push(`<p class="type-line">Type: ${typeHtml(schema)}</p>`);
  if (schema.not?.description) parts.push(`<p class="note">Rule: ${inlineMarkdown(schema.not.description)}</p>`);
  parts.push("</section>");
  return parts.join("\n");
}
