import { StytchValidationError } from "../index.ts";

/**
 * The address an IP rule counts by: an IPv4 address as is (also when written as `::ffff:a.b.c.d`), an IPv6
 * address by its /64, since one host commonly holds a whole /64.
 */
export function ipKey(ip: unknown): string {
  if (typeof ip !== "string" || ip.length > 45 || !/^[0-9a-fA-F:.]+$/.test(ip)) invalid();
  const v4 = /^(?:::ffff:)?(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (v4) return v4[1]!;
  // "::" stands for one or more groups of zeros, once at most.
  const parts = ip.toLowerCase().split("::");
  const [front, back = []] = parts.map((part) => (part ? part.split(":") : []));
  const missing = parts.length === 2 ? 8 - front!.length - back.length : 0;
  if (parts.length > 2 || (parts.length === 2 && missing < 1)) invalid();
  const groups = [...front!, ...Array<string>(missing).fill("0"), ...back];
  if (groups.length !== 8 || groups.some((group) => !/^[0-9a-f]{1,4}$/.test(group))) invalid();
  return `${groups.slice(0, 4).map((group) => group.replace(/^0+(?=.)/, "")).join(":")}::/64`;
}

function invalid(): never {
  throw new StytchValidationError("guard.ip", "format", "guard.ip must be an IPv4 or IPv6 address");
}
