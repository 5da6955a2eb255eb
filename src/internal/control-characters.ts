import { StytchValidationError } from "../errors.ts";

// C0 controls and DEL: CR/LF in a header or URL is how requests get split or smuggled.
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Refuses a value with control characters before it can reach a header, a URL or the body. */
export function rejectControlCharacters(field: string, value: string): void {
  if (CONTROL.test(value)) {
    throw new StytchValidationError(field, "controlCharacters", `${field} must not contain control characters such as CR or LF`);
  }
}

export function checkHeaders(field: string, headers: Record<string, string> | undefined): void {
  if (!headers) return;
  for (const [name, value] of Object.entries(headers)) {
    if (typeof value !== "string") throw new StytchValidationError(`${field}.${name}`, "type", `${field}.${name} must be a string`);
    rejectControlCharacters(`${field} name`, name);
    rejectControlCharacters(`${field}.${name}`, value);
  }
}
