/**
 * A short one-way name for a phone number, a number range or an IP address, so that a store (a Redis dump)
 * never lists them: 64 bits from two multiply-xorshift lanes, in base 36. Synchronous and about a
 * microsecond, where Web Crypto's SHA-256 costs 10 µs or more per call. Like any unkeyed hash of a small
 * space (there are about 10^10 numbers per country), it hides numbers from a reader, not from someone who
 * tries every number: keep the store itself private.
 */
export function hashed(value: string): string {
  let a = 0x9e3779b9;
  let b = 0x85ebca6b;
  for (let i = 0; i < value.length; i++) {
    const char = value.charCodeAt(i);
    a = Math.imul(a ^ char, 0x9e3779b1);
    b = Math.imul(b ^ char, 0x5bd1e995);
  }
  a = Math.imul(a ^ (a >>> 16), 0x85ebca6b) ^ Math.imul(b ^ (b >>> 13), 0xc2b2ae35);
  b = Math.imul(b ^ (b >>> 16), 0x85ebca6b) ^ Math.imul(a ^ (a >>> 13), 0xc2b2ae35);
  return (a >>> 0).toString(36).padStart(7, "0") + (b >>> 0).toString(36).padStart(7, "0");
}
