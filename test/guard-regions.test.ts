import assert from "node:assert/strict";
import { test } from "node:test";
import examples from "libphonenumber-js/examples.mobile.json";
import metadata from "libphonenumber-js/metadata.max.json";
import { getCountries, getCountryCallingCode, parsePhoneNumberFromString } from "libphonenumber-js/max";
import { nanpRegions } from "../src/guard/nanp-regions.ts";
import { callingCodeOf, worldRegions } from "../src/guard/world-regions.ts";

// The guard's region must be libphonenumber-js's, number for number (scripts/codegen/regions.ts): with the
// world table for every number, with the +1 table every guard carries for +1 numbers.
const regionOf = (e164: string) => {
  const region = worldRegions.regionOf(e164);
  const nanp = nanpRegions.regionOf(e164);
  assert.equal(nanp, e164.startsWith("+1") ? region : undefined, `${e164}: the +1 table says ${nanp}, the world table ${region}`);
  return region;
};
const isKnownRegion = (code: string) => worldRegions.regions.has(code);
const theirs = (e164: string) => parsePhoneNumberFromString(e164)?.country;
const SHARED = Object.entries(metadata.country_calling_codes).filter(([code, regions]) => regions.length > 1 && code !== "1");

/** Deterministic pseudo-random digits (mulberry32), so that a failure can be replayed. */
function digits(seed: number): (count: number) => string {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  return (count) => Array.from({ length: count }, () => Math.floor(next() * 10)).join("");
}

/** Compares where libphonenumber-js gives a region (under +1, everywhere); returns how many it gave. */
function compare(numbers: string[], strict = false): number {
  const wrong: string[] = [];
  let withRegion = 0;
  for (const number of numbers) {
    const expected = theirs(number);
    if (expected) withRegion++;
    if ((expected || strict) && regionOf(number) !== expected) wrong.push(`${number}: ${regionOf(number)}, libphonenumber-js ${expected}`);
  }
  assert.deepEqual(wrong.slice(0, 20), [], `${wrong.length} of ${numbers.length} differ`);
  return withRegion;
}

test("+1: every area code 200-999, with exchanges from 2 to 9 and with the exchange starting with 0 or 1", () => {
  const numbers: string[] = [];
  for (let area = 200; area <= 999; area++) {
    for (const exchange of ["234", "555", "876", "999", "211", "000", "012", "100", "199"]) numbers.push(`+1${area}${exchange}0123`, `+1${area}${exchange}9876`);
  }
  const withRegion = compare(numbers, true);
  // Sanity: the table is not "no region" everywhere; libphonenumber-js gives most of these a region.
  assert.ok(withRegion > numbers.length / 3, `${withRegion} of ${numbers.length}`);
  assert.equal(regionOf("+16135550123"), "CA");
  assert.equal(regionOf("+18765550123"), "JM");
  assert.equal(regionOf("+18760550123"), "JM", "a region with leading digits takes any exchange");
  assert.equal(regionOf("+12120550123"), undefined);
});

test("+1: seeded random ten-digit numbers agree, with or without a region, and the exceptions found by the codegen", () => {
  const random = digits(1);
  const numbers = Array.from({ length: 5000 }, () => `+1${random(10)}`);
  // The numbers the codegen found to differ from their area code's region (NPA 523, 524, 983; 800 1… is DO).
  for (const prefix of ["523211", "523555", "524521", "524560", "524600", "524601", "524926", "524949", "9836", "9837", "8001", "8000"]) {
    for (let i = 0; i < 20; i++) numbers.push(`+1${prefix}${random(10 - prefix.length)}`);
  }
  compare(numbers, true);
  assert.equal(regionOf("+15246001234"), undefined);
  assert.equal(regionOf("+15246011234"), "US");
  assert.equal(regionOf("+18001234567"), "DO");
});

test("+1 numbers other than ten national digits have no region, though libphonenumber-js places some", () => {
  for (const number of ["+1212555012", "+121255501234", "+13101234", "+112125550123"]) assert.equal(regionOf(number), undefined, number);
  // Deliberately stricter: CA's seven-digit 310 numbers, and a trunk 1 written after +1.
  assert.equal(theirs("+13101234"), "CA");
  assert.equal(theirs("+112125550123"), "US");
});

test("every example number libphonenumber-js ships (one per region) gets its region", () => {
  const numbers = Object.entries(examples).map(([region, national]) => `+${getCountryCallingCode(region as never)}${national}`);
  assert.equal(numbers.length, 245);
  assert.equal(compare(numbers), numbers.length, "every example has a region");
});

test("every calling code: each region's example, a number of every possible length, all the same region for a one-region code", () => {
  let checked = 0;
  for (const [code, regions] of Object.entries(metadata.country_calling_codes)) {
    const numbers = regions.map((region) => `+${code}${examples[region as keyof typeof examples]}`);
    for (let length = 2; length <= 15 - code.length; length++) numbers.push(`+${code}${"5".repeat(length)}`);
    checked += compare(numbers, regions.length === 1);
    if (regions.length === 1) for (const number of numbers) assert.equal(regionOf(number), regions[0], number);
  }
  assert.ok(checked > 2000, String(checked));
  assert.equal(regionOf("+331"), undefined, "one national digit is too short for libphonenumber-js");
});

test("shared calling codes: seeded random numbers of every possible length, and near each example number", () => {
  const random = digits(44);
  for (const [code, regions] of SHARED) {
    const lengths = [...new Set(regions.flatMap((region) => metadata.countries[region as keyof typeof metadata.countries]![3] as number[]))];
    const numbers: string[] = [];
    for (let i = 0; i < 2000; i++) numbers.push(`+${code}${random(lengths[i % lengths.length]!)}`);
    // Numbers sharing the first digits of a region's example: the boundaries between regions are there.
    for (const region of regions) {
      const example = examples[region as keyof typeof examples];
      for (let keep = 1; keep < example.length; keep++) for (let i = 0; i < 20; i++) numbers.push(`+${code}${example.slice(0, keep)}${random(example.length - keep)}`);
    }
    const withRegion = compare(numbers);
    assert.ok(withRegion > numbers.length / 10, `+${code}: only ${withRegion} of ${numbers.length} have a region`);
  }
});

test("shared calling codes: the prefixes the codegen found, with their national prefix, are the other regions'", () => {
  const cases: [string, string | undefined][] = [
    ["+447781123456", "GG"],
    ["+447624123456", "IM"],
    ["+447700312345", "JE"],
    ["+447400123456", "GB"],
    ["+61891641234", "CX"],
    ["+610891641234", "CX"],
    ["+61891621234", "CC"],
    ["+610891621234", "CC"],
    ["+77012345678", "KZ"],
    ["+79123456789", "RU"],
    ["+390669812345", "VA"],
    ["+4779123456", "SJ"],
    ["+262269601234", "YT"],
    ["+590590271234", "BL"],
    ["+590590871234", "BL"],
    ["+590590001234", "MF"],
    ["+5993123456", "BQ"],
    ["+5999123456", "CW"],
    ["+358181234567", "AX"],
    ["+2908123", "TA"],
    ["+212650123456", "MA"],
  ];
  for (const [number, region] of cases) {
    assert.equal(theirs(number), region, `libphonenumber-js: ${number}`);
    assert.equal(regionOf(number), region, number);
  }
});

test("shared calling codes at a length none of their regions allows: never another region than libphonenumber-js's", () => {
  const random = digits(7);
  let placed = 0;
  for (const [code, regions] of SHARED) {
    const lengths = new Set(regions.flatMap((region) => metadata.countries[region as keyof typeof metadata.countries]![3] as number[]));
    for (let length = 2; length <= 15 - code.length; length++) {
      if (lengths.has(length)) continue;
      // Half of them start with a national prefix (0, or 8 under +7), which libphonenumber-js strips.
      for (let i = 0; i < 100; i++) {
        const number = `+${code}${i % 2 ? random(length) : (code === "7" ? "8" : "0") + random(length - 1)}`;
        const expected = theirs(number);
        if (!expected) continue;
        placed++;
        const region = regionOf(number);
        assert.ok(region === expected || region === undefined, `${number}: ${region}, libphonenumber-js ${expected}`);
      }
    }
  }
  assert.ok(placed > 1000, String(placed));
  // libphonenumber-js strips the national prefix and places the rest in another region: no region here.
  for (const [number, region] of [["+4407829792651", "JE"], ["+787612487626", "KZ"], ["+2620639909750", "YT"], ["+5900590271234", "BL"]]) {
    assert.equal(theirs(number!), region, `libphonenumber-js: ${number}`);
    assert.equal(regionOf(number!), undefined, number);
  }
});

test("callingCodeOf: every calling code, geographic or not, as libphonenumber-js reads it", () => {
  const codes = [...Object.keys(metadata.country_calling_codes), ...Object.keys(metadata.nonGeographic)];
  assert.equal(codes.length, 215);
  for (const code of codes) {
    const number = `+${code}${"2345678901".slice(0, 12 - code.length)}`;
    assert.equal(callingCodeOf(number), code, number);
    assert.equal(callingCodeOf(number), parsePhoneNumberFromString(number)?.countryCallingCode, number);
  }
  for (const code of Object.keys(metadata.nonGeographic)) assert.equal(regionOf(`+${code}12345678`), undefined, code);
  // Unassigned codes, and what is not E.164.
  for (const number of ["+2812345678", "+8012345678", "+9912345678", "+0123456789", "12125550123", "+1212555012345678", "+1 2125550123", "+", "+1"]) {
    assert.equal(callingCodeOf(number), undefined, number);
    assert.equal(regionOf(number), undefined, number);
  }
});

test("the tables' regions: all 245 in the world table, the 25 of +1 in the +1 table, and not a typo", () => {
  const regions = getCountries();
  assert.equal(regions.length, 245);
  for (const region of regions) assert.ok(isKnownRegion(region), region);
  assert.equal(worldRegions.regions.size, 245);
  for (const code of ["UK", "XX", "us", "", "--", "001", "USA"]) assert.equal(isKnownRegion(code), false, code);
  assert.deepEqual([...nanpRegions.regions].sort(), [...metadata.country_calling_codes["1"]!].sort());
});
