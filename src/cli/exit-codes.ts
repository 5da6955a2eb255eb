import { StytchApiError, StytchConnectionError, StytchDecodeError, StytchTimeoutError, StytchValidationError } from "../errors.ts";

/** The CLI's exit codes, one per kind of failure (listed in `--help` and the README). */
export const EXIT = {
  ok: 0,
  /** Anything unexpected: a bug, or a failure that is none of the kinds below. */
  internal: 1,
  /** Bad command line or input refused before sending (`StytchValidationError`): nothing was sent. */
  usage: 2,
  /** Stytch answered with an error (`StytchApiError`). */
  api: 3,
  /** No usable answer: connection failed or the answer was not Stytch's JSON (`StytchConnectionError`, `StytchDecodeError`). */
  network: 4,
  /** The call passed `--timeout` (`StytchTimeoutError`): the SMS may have been sent. */
  timeout: 5,
} as const;

export function exitCodeFor(error: unknown): number {
  if (error instanceof StytchValidationError) return EXIT.usage;
  if (error instanceof StytchApiError) return EXIT.api;
  if (error instanceof StytchTimeoutError) return EXIT.timeout;
  if (error instanceof StytchConnectionError || error instanceof StytchDecodeError) return EXIT.network;
  return EXIT.internal;
}
