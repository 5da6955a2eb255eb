/**
 * `stytch-b2b-sms/guard/regions`: every region of the world for the send guard, exact to libphonenumber's
 * metadata (generated/regions.ts; about 1.5 KB gzipped, where libphonenumber-js would add some 50 KB). An app
 * that allows only +1 regions (the default US and Canada) does not need it.
 *
 *   import { worldRegions } from "stytch-b2b-sms/guard/regions";
 *   createSmsGuard({ allowedRegions: ["US", "CA", "GB"], regions: worldRegions });
 *
 * A calling code of one region is that region, whatever follows. A shared calling code is its main region
 * unless the national number starts with a prefix of another of its regions; +1 goes by area code. Where
 * libphonenumber-js would read a number otherwise than written (a national prefix after a shared code, at a
 * length none of its regions allows), the number gets no region.
 */
import { NO_REGION, sharedRegions } from "../../generated/regions.ts";
import { callingCodeOf, mainRegions } from "./calling-codes.ts";
import { nanpRegions } from "./nanp-regions.ts";
import type { RegionTable } from "./region-table.ts";

export type { RegionTable };
export { callingCodeOf };

/** Every region, exactly: `regions` lists the 245 of them. */
export const worldRegions: RegionTable = {
  regionOf(e164) {
    const code = callingCodeOf(e164);
    if (code === "1") return nanpRegions.regionOf(e164);
    const national = e164.slice(1 + (code?.length ?? 0));
    // libphonenumber-js reads no number of fewer than two national digits.
    if (code === undefined || national.length < 2) return undefined;
    const shared = Object.entries(sharedRegions[code] ?? {}).find(([, numbers]) => numbers.test(national))?.[0];
    const region = shared ?? mainRegions.get(code);
    return region === NO_REGION ? undefined : region;
  },
  regions: new Set([...mainRegions.values(), ...Object.values(sharedRegions).flatMap(Object.keys), ...nanpRegions.regions].filter((region) => region !== NO_REGION)),
};
