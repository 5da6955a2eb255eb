/**
 * The region (ISO 3166-1 alpha-2) of an E.164 number as libphonenumber-js (max metadata) gives it, from a
 * table generated out of libphonenumber-js (generated/regions.ts, by scripts/codegen/regions.ts): about
 * 1.2 KB gzipped, where libphonenumber-js/max would add some 50 KB.
 *
 * A calling code of one region is that region, whatever follows. A shared calling code is its main region
 * unless the national number starts with a prefix of another of its regions; +1 goes by area code. Where
 * libphonenumber-js would read a number otherwise than written (a +1 number not of ten digits; a national
 * prefix after a shared code, at a length none of its regions allows), the number gets no region.
 */
import { callingCodes, nanpAreaRegions, nanpAreas, nanpOthers, sharedRegions } from "../../generated/regions.ts";

const E164 = /^\+[1-9]\d{1,14}$/;
const NO_REGION = "--";

/** Calling code → main region. */
const mainRegions = new Map<string, string>();
let position = 100;
for (const [, skipped, shorter, region] of callingCodes.matchAll(/(\d*)(\+*)(..)/g)) {
  position += Number(skipped);
  mainRegions.set(String(position).slice(0, 3 - shorter!.length), region!);
  position += 10 ** shorter!.length;
}

/** The region of each +1 area code from 200 to 999. */
let other = 0;
const areaRegions = [...nanpAreas]
  .flatMap((three) => [...(three.charCodeAt(0) - 48).toString(4).padStart(3, "0")])
  .map((digit) => (digit === "3" ? nanpOthers.slice(other, (other += 2)) : nanpAreaRegions[Number(digit)]!));

const knownRegions = new Set([...mainRegions.values(), ...Object.values(sharedRegions).flatMap(Object.keys), ...areaRegions]);
knownRegions.delete(NO_REGION);

/** The country calling code of an E.164 number ("1", "44", "800"), or undefined when it has none. */
export function callingCodeOf(e164: string): string | undefined {
  if (!E164.test(e164)) return undefined;
  // Calling codes are prefix-free: at most one of the first one, two and three digits is one.
  for (let length = 1; length <= 3; length++) {
    const code = e164.slice(1, 1 + length);
    if (mainRegions.has(code)) return code;
  }
  return undefined;
}

/** The region of an E.164 number ("US", "JM", "GG"), or undefined when libphonenumber-js gives it none. */
export function regionOf(e164: string): string | undefined {
  const code = callingCodeOf(e164);
  if (code === undefined) return undefined;
  const national = e164.slice(1 + code.length);
  // libphonenumber-js reads no number of fewer than two national digits; +1 numbers have ten.
  if (national.length < 2 || (code === "1" && national.length !== 10)) return undefined;
  const region = sharedRegion(code, national) ?? (code === "1" ? areaRegion(national) : mainRegions.get(code));
  return region === NO_REGION ? undefined : region;
}

/** Whether `code` is a region of the table, so that a typo such as "UK" in options is caught. */
export function isKnownRegion(code: string): boolean {
  return knownRegions.has(code);
}

function sharedRegion(code: string, national: string): string | undefined {
  for (const [region, numbers] of Object.entries(sharedRegions[code] ?? {})) if (numbers.test(national)) return region;
  return undefined;
}

function areaRegion(national: string): string {
  const region = areaRegions[Number(national.slice(0, 3)) - 200] ?? NO_REGION;
  // US and CA go by validation, which no exchange starting with 0 or 1 passes; the others by leading digits.
  return national[3]! < "2" && nanpAreaRegions.includes(region) ? NO_REGION : region;
}
