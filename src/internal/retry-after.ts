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
// IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", or the obsolete rfc850-date "Sunday, 06-Nov-94 08:49:37 GMT"
// and asctime-date "Sun Nov  6 08:49:37 1994": day, month, year and time captured in that order for each.
const HTTP_DATE =
  /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (\d\d) (\w{3}) (\d{4}) (\d\d):(\d\d):(\d\d) GMT|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, (\d\d)-(\w{3})-(\d\d) (\d\d):(\d\d):(\d\d) GMT|(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (\w{3}) ([ \d]\d) (\d\d):(\d\d):(\d\d) (\d{4}))$/;

function parseHttpDate(text: string, now: number): number | undefined {
  const m = HTTP_DATE.exec(text);
  if (!m) return undefined;
  const [day, month, year, hours, minutes, seconds] = m[1] ? m.slice(1, 7) : m[7] ? m.slice(7, 13) : [m[14], m[13], m[18], m[15], m[16], m[17]];
  const monthIndex = MONTHS.indexOf(month!) / 3;
  let fullYear = Number(year);
  // A two-digit year (rfc850) more than 50 years in the future means the past century (§5.6.7).
  if (year!.length === 2) fullYear += fullYear + 2000 > new Date(now).getUTCFullYear() + 50 ? 1900 : 2000;
  const time = Date.UTC(fullYear, monthIndex, Number(day), Number(hours), Number(minutes), Number(seconds));
  // Refuse what does not exist (Feb 31, 24:00:00, an unknown month) rather than let Date.UTC roll it over.
  const check = new Date(time);
  const exists = Number.isInteger(monthIndex) && check.getUTCDate() === Number(day) && check.getUTCHours() === Number(hours) && check.getUTCMinutes() === Number(minutes);
  return exists && Number(seconds) < 60 ? time : undefined;
}
