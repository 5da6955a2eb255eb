import { callingCodes } from "../../generated/regions.ts";
import { isE164 } from "./phone.ts";

/**
 * Calling code → main region, from the generated table alone: what the world regions and the telemetry's
 * `stytch.phone.country_code` both need, without the shared codes' number ranges, which only regions need.
 */
export const mainRegions = new Map<string, string>();
let position = 100;
for (const [, skipped, shorter, region] of callingCodes.matchAll(/(\d*)(\+*)(..)/g)) {
  position += Number(skipped);
  mainRegions.set(String(position).slice(0, 3 - shorter!.length), region!);
  position += 10 ** shorter!.length;
}

/** The country calling code of an E.164 number ("1", "44", "800"), or undefined when it has none. */
export function callingCodeOf(e164: string): string | undefined {
  if (!isE164(e164)) return undefined;
  // Calling codes are prefix-free: at most one of the first one, two and three digits is one.
  for (let length = 1; length <= 3; length++) {
    const code = e164.slice(1, 1 + length);
    if (mainRegions.has(code)) return code;
  }
  return undefined;
}
