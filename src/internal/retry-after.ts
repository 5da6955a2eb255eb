/**
 * `Retry-After` (RFC 9110 §10.2.3) in milliseconds from now: delay-seconds (digits only) or an HTTP-date in
 * one of its three forms (§5.6.7). Anything else (`-1`, `+5`, `1.5`, a date the lenient `Date.parse` would
 * guess at) is invalid and gives undefined, so the caller's own backoff applies instead of "retry now".
 */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  const text = value?.trim() ?? "";
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = parseHttpDate(text, now);
  return date === undefined ? undefined : Math.max(0, date - now);
}

const MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const TIME = "(\\d\\d):(\\d\\d):(\\d\\d)";
const FORMS = [
  // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT → day, month, year, time
  new RegExp(`^${DAY}, (\\d\\d) (\\w{3}) (\\d{4}) ${TIME} GMT$`),
  // rfc850-date (obsolete): Sunday, 06-Nov-94 08:49:37 GMT
  new RegExp(`^(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\\d\\d)-(\\w{3})-(\\d\\d) ${TIME} GMT$`),
  // asctime-date (obsolete): Sun Nov  6 08:49:37 1994 → month, day, time, year (reordered below)
  new RegExp(`^${DAY} (\\w{3}) ([ \\d]\\d) ${TIME} (\\d{4})$`),
];

function parseHttpDate(text: string, now: number): number | undefined {
  const [imf, rfc850, asctime] = FORMS.map((form) => form.exec(text));
  const m = imf ?? rfc850 ?? (asctime && [, asctime[2], asctime[1], asctime[6], asctime[3], asctime[4], asctime[5]]);
  if (!m) return undefined;
  const [day, month, year, hours, minutes, seconds] = [m[1], MONTHS.indexOf(m[2]!) / 3, m[3], m[4], m[5], m[6]].map(Number) as number[];
  // A two-digit year (rfc850) more than 50 years in the future means the past century (§5.6.7).
  const fullYear = rfc850 ? 2000 + year! - (2000 + year! > new Date(now).getUTCFullYear() + 50 ? 100 : 0) : year!;
  const time = Date.UTC(fullYear, month!, day!, hours!, minutes!, seconds!);
  // Refuse what does not exist (Feb 31, 24:00:00, an unknown month) rather than let Date.UTC roll it over.
  const check = new Date(time);
  const exists = Number.isInteger(month) && check.getUTCDate() === day && check.getUTCMonth() === month && hours! < 24 && minutes! < 60 && seconds! < 60;
  return exists ? time : undefined;
}
