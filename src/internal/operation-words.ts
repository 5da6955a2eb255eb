import type { Operation } from "../../generated/operations.ts";

/**
 * An operation's name in words, as the client's method path reads it: the path's segments after the version
 * and product (`/v1/b2b/`), without its parameters, then the method unless it is POST
 * (`DELETE …/members/mfa_phone_numbers/{member_id}` → `organizations members mfa_phone_numbers delete`).
 * The span name and the CLI command are both written from it, so that the two never name an operation apart.
 */
export function operationWords({ method, path }: Pick<Operation, "method" | "path">): string[] {
  const words = path.split("/").slice(3).filter((segment) => !segment.startsWith("{"));
  if (method !== "POST") words.push(method.toLowerCase());
  return words;
}
