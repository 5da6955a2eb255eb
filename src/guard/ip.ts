import { StytchValidationError } from "../index.ts";

/**
 * The address an IP rule counts by: an IPv4 address as is (also when written `::ffff:a.b.c.d`), an IPv6 address
 * by its /64, since one host commonly holds a whole /64. The URL parser checks and normalises both (letter
 * case, leading zeros, `::`), in every runtime.
 */
export function ipKey(ip: string): string {
  const v4 = /^(?:::ffff:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)?.[1];
  let host;
  try {
    host = new URL(`http://${v4 ?? `[${ip}]`}`).hostname;
  } catch {}
  if (typeof ip !== "string" || !host || (v4 && host !== v4)) throw new StytchValidationError("guard.ip", "format", "guard.ip must be an IPv4 or IPv6 address");
  if (v4) return host;
  const [front = [], back] = host.slice(1, -1).split("::").map((part) => (part ? part.split(":") : []));
  const groups = back ? [...front, ...Array<string>(8 - front.length - back.length).fill("0"), ...back] : front;
  return `${groups.slice(0, 4).join(":")}::/64`;
}
