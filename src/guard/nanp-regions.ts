import { NO_REGION, nanpAreaRegions, nanpAreas, nanpExceptions, nanpOthers } from "../../generated/regions.ts";
import type { RegionTable } from "./region-table.ts";

/** The region of each +1 area code from 200 to 999, unpacked from the generated table. */
let other = 0;
const areaRegions = [...nanpAreas]
  .flatMap((three) => [...(three.charCodeAt(0) - 48).toString(4).padStart(3, "0")])
  .map((digit) => (digit === "3" ? nanpOthers.slice(other, (other += 2)) : nanpAreaRegions[Number(digit)]!));

/**
 * The +1 zone's 25 regions (US, CA, JM, DO, PR …), by area code, as libphonenumber's metadata gives them: the
 * table every guard carries, enough for an allowlist of +1 regions (a number elsewhere is in none it knows).
 */
export const nanpRegions: RegionTable = {
  regionOf(e164) {
    if (!/^\+1\d{10}$/.test(e164)) return undefined;
    const national = e164.slice(2);
    let region = Object.keys(nanpExceptions).find((name) => nanpExceptions[name]!.test(national));
    if (!region) {
      region = areaRegions[Number(national.slice(0, 3)) - 200] ?? NO_REGION;
      // US and CA go by validation, which no exchange starting with 0 or 1 passes; the others by leading digits.
      if (national[3]! < "2" && nanpAreaRegions.includes(region)) region = NO_REGION;
    }
    return region === NO_REGION ? undefined : region;
  },
  regions: new Set(areaRegions.filter((region) => region !== NO_REGION)),
};
