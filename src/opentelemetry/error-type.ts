import {
  StytchAbortError,
  StytchApiError,
  StytchConnectionError,
  StytchDecodeError,
  StytchGuardError,
  StytchTimeoutError,
  StytchValidationError,
  type StytchError,
} from "../index.ts";

/**
 * A failed call's `error.type`: Stytch's `error_type` when Stytch answered with one, the guard's rule when
 * the guard refused, else what went wrong: `timeout`, `aborted`, `connection`, `undecodable`, `validation`.
 * Low cardinality, and never anything the caller sent.
 */
export function errorType(error: StytchError): string {
  if (error instanceof StytchApiError) return error.error_type;
  if (error instanceof StytchGuardError) return error.rule;
  if (error instanceof StytchTimeoutError) return "timeout";
  if (error instanceof StytchAbortError) return "aborted";
  if (error instanceof StytchConnectionError) return "connection";
  if (error instanceof StytchDecodeError) return "undecodable";
  if (error instanceof StytchValidationError) return "validation";
  return "_OTHER";
}
