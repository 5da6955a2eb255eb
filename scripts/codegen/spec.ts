import { readFileSync } from "node:fs";
import { parse } from "yaml";

export const SPEC_PATH = new URL("../../spec/openapi.yaml", import.meta.url);

export type Schema = Record<string, unknown> & {
  $ref?: string;
  type?: string | string[];
  anyOf?: Schema[];
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
};

export interface Spec {
  components: { schemas: Record<string, Schema> };
  [key: string]: unknown;
}

export function loadSpec(path: URL | string = SPEC_PATH): Spec {
  return parse(readFileSync(path, "utf8")) as Spec;
}

/** Follows a local `#/components/schemas/Name` reference; other schemas come back unchanged. */
export function resolve(spec: Spec, schema: Schema): Schema {
  if (!schema.$ref) return schema;
  const name = schema.$ref.replace("#/components/schemas/", "");
  const target = spec.components.schemas[name];
  if (!target) throw new Error(`Unresolvable $ref ${schema.$ref}`);
  return resolve(spec, target);
}

/** Follows a local `#/components/parameters/…` or `#/components/responses/…` reference; other objects come back unchanged. */
export function resolveComponent(spec: Spec, kind: "parameters" | "responses", object: Schema): Schema {
  if (!object.$ref) return object;
  const target = (spec.components as Record<string, Record<string, Schema> | undefined>)[kind]?.[object.$ref.replace(`#/components/${kind}/`, "")];
  if (!target) throw new Error(`Unresolvable $ref ${object.$ref}`);
  return target;
}

const METHODS = ["get", "put", "post", "delete", "patch"];

/** A spec's operations in order, each with its parameters: its path item's, then its own, references followed. */
export function specOperations(spec: Spec): { path: string; method: string; operation: Schema; parameters: Schema[] }[] {
  return Object.entries((spec.paths ?? {}) as Record<string, Record<string, Schema>>).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const operation = item[method]!;
      const declared = [...((item.parameters ?? []) as unknown as Schema[]), ...((operation.parameters ?? []) as Schema[])];
      return { path, method, operation, parameters: declared.map((parameter) => resolveComponent(spec, "parameters", parameter)) };
    }),
  );
}

/**
 * An open enum is `anyOf: [{ type: string, enum: [...] }, { type: string }]`: the known values are
 * documented and offered to editors, yet any string validates, so a new server value never breaks a caller.
 */
export function openEnumValues(schema: Schema): string[] | undefined {
  const [known, anyString, ...rest] = schema.anyOf ?? [];
  if (rest.length || !known?.enum || known.type !== "string") return undefined;
  if (anyString?.type !== "string" || anyString.enum) return undefined;
  return known.enum as string[];
}
