/**
 * Generated from spec/openapi.yaml by scripts/generate.ts (ajv standalone). Do not make direct changes to the file.
 */

/** The first mismatch, as ajv reports it: `instancePath` is a JSON pointer into the data. */
export interface SchemaIssue { readonly instancePath: string; readonly keyword: string; readonly message?: string; readonly params: Record<string, unknown> }
export interface SchemaValidator { (data: unknown): boolean; errors?: SchemaIssue[] | null }
export declare const validateErrorResponse: SchemaValidator;
export declare const validateSmsAuthenticateRequest: SchemaValidator;
export declare const validateSmsAuthenticateResponse: SchemaValidator;
export declare const validateSmsSendRequest: SchemaValidator;
export declare const validateSmsSendResponse: SchemaValidator;
