/**
 * How the guard tells the region of a number: `nanpRegions` (built in: the 25 regions of +1) or
 * `worldRegions` from `stytch-b2b-sms/guard/regions` (every region), both exact to libphonenumber's metadata.
 */
export interface RegionTable {
  /** The ISO 3166-1 alpha-2 region of an E.164 number, or undefined when it is in none the table knows. */
  regionOf(e164: string): string | undefined;
  /** Every region the table can tell. */
  readonly regions: ReadonlySet<string>;
}
