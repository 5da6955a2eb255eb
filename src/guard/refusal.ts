import { StytchGuardError, type GuardRule } from "../index.ts";

const DAY = 86_400_000;

/**
 * The error for a refused call. `retryAfterMs` is dropped when the call could not pass before the end of the
 * current UTC day (a daily budget, or a wait past midnight): "not today".
 */
export function refusal(rule: GuardRule, why: string, retryAfterMs: number | undefined, now: number): StytchGuardError {
  const today = retryAfterMs !== undefined && now + retryAfterMs < Math.floor(now / DAY + 1) * DAY;
  const when = today ? `; it may pass in ${duration(retryAfterMs)}` : "";
  return new StytchGuardError(rule, today ? retryAfterMs : undefined, `The SMS guard refused the call (${rule}): ${why}${when}. Nothing was sent.`);
}

function duration(ms: number): string {
  return ms < 60_000 ? `${Math.ceil(ms / 1000)} s` : `${Math.ceil(ms / 60_000)} min`;
}
