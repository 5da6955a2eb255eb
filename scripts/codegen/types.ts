import openapiTS, { astToString, COMMENT_HEADER, STRING, tsIntersection, tsLiteral, tsUnion } from "openapi-typescript";
import ts from "typescript";
import { openEnumValues, type Schema, type Spec } from "./spec.ts";

/** TypeScript types for the whole spec, via openapi-typescript. */
export async function generateTypes(spec: Spec): Promise<string> {
  const ast = await openapiTS(structuredClone(spec) as never, {
    alphabetize: true,
    immutable: true,
    defaultNonNullable: false,
    silent: true,
    // `"a" | "b" | (string & {})` keeps the known values in autocompletion while accepting any string.
    transform(schema) {
      const values = openEnumValues(schema as Schema);
      if (!values) return undefined;
      const anyString = tsIntersection([STRING, ts.factory.createTypeLiteralNode([])]);
      return tsUnion([...values.map((v) => tsLiteral(v)), anyString]);
    },
  });
  return COMMENT_HEADER + astToString(ast);
}
