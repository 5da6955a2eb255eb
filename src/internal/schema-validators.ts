import type { SchemaValidator } from "../../generated/validators.js";

/** Each operation's schema names (request body if any, 200 body, error body), as the codegen writes them. */
export type OperationSchemaNames = { readonly [operationId: string]: { readonly request?: string; readonly response: string; readonly error: string } };

/** The first mismatch of a response body with its operation's schema in the spec, or undefined when it matches. */
export type ResponseValidator = (operationId: string, status: number, body: unknown) => { path: string; problem: string } | undefined;

/**
 * The generated validators of an operation table (this package's, or another spec's in the tests), looked up
 * by operation: `validate<Schema>` for each schema an operation names.
 */
export function schemaValidators(names: OperationSchemaNames, validators: object) {
  const schemaValidator = (operationId: string, which: "request" | "response" | "error"): SchemaValidator | undefined => {
    const name = Object.hasOwn(names, operationId) ? names[operationId]![which] : undefined;
    return name === undefined ? undefined : (validators as Record<string, SchemaValidator>)[`validate${name}`];
  };
  const responseValidator: ResponseValidator = (operationId, status, body) => {
    const validate = schemaValidator(operationId, status >= 200 && status < 300 ? "response" : "error");
    if (!validate) return { path: "", problem: `${operationId} is not an operation of the spec` };
    if (validate(body)) return undefined;
    const [issue] = validate.errors ?? [];
    return { path: issue?.instancePath ?? "", problem: issue?.message ?? "does not match" };
  };
  return { schemaValidator, responseValidator };
}
