/** Whether a value is a phone number in E.164 form (`+` and up to 15 digits, the first not 0). */
export function isE164(value: unknown): value is string {
  return typeof value === "string" && /^\+[1-9]\d{1,14}$/.test(value);
}

/**
 * A phone number as the guard may show it: the first 4 digits and the last 4, never the whole number
 * (`+14155550123` → `+1415•••0123`); shorter numbers keep 2 and 2.
 */
export function maskPhone(e164: string): string {
  const digits = e164.slice(1);
  const kept = digits.length >= 10 ? 4 : 2;
  return `+${digits.slice(0, kept)}•••${digits.slice(-kept)}`;
}

