import { createRequire } from "node:module";
import metadata from "libphonenumber-js/metadata.max.json";
import { Metadata, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/core";

/**
 * The tables behind the send guard's region check (src/guard/nanp-regions.ts and world-regions.ts): for an
 * E.164 number, the region libphonenumber-js (max metadata) gives it, without shipping libphonenumber-js.
 *
 * A calling code of one region is that region. Within a shared calling code libphonenumber-js picks a
 * region by the national number's leading digits or by validating it against each region's patterns, after
 * stripping a national prefix written after the `+cc`. Rather than copying that logic, the codegen asks
 * libphonenumber-js itself, over a trie of national-number prefixes, and writes down the prefixes that
 * belong to another region than the code's main one. The metadata's patterns say how deep to go: a prefix
 * is a leaf once no pattern libphonenumber-js consults can tell its completions apart except by length,
 * so one number per length decides the whole subtree. Only the lengths a region of the code allows are
 * asked. A number libphonenumber-js gives no region may get any here (the main region, mostly), except
 * under +1, where no region is kept as no region.
 */
export function generateRegions(): string {
  const codes = Object.entries(metadata.country_calling_codes);
  const main = new Map<string, string>(codes.map(([code, regions]) => [code, regions[0]!]));
  for (const code of Object.keys(metadata.nonGeographic)) main.set(code, NO_REGION);
  const nanp = nanpTable();
  const shared = new Map<string, Map<string, string[]>>();
  const misdials = new Map<string, string>();
  for (const [code, regions] of codes) {
    if (regions.length === 1 || code === "1") continue;
    const others = otherRegions(code, regions);
    shared.set(code, others);
    const misdial = misdialled(regions, others);
    if (misdial) misdials.set(code, misdial);
  }
  const { version } = createRequire(import.meta.url)("libphonenumber-js/package.json") as { version: string };
  return [
    "/**",
    ` * Generated from libphonenumber-js ${version} (metadata.max.json) by scripts/generate.ts (scripts/codegen/regions.ts).`,
    " * Do not make direct changes to the file. Two tables, so that an app pays for the second only if it imports",
    " * it: +1 (read by src/guard/nanp-regions.ts, in every guard) and every other calling code (read by",
    " * src/guard/calling-codes.ts and world-regions.ts: the subpath stytch-b2b-sms/guard/regions, and the",
    " * telemetry's calling code of a phone).",
    " */",
    "",
    "/** The region of a number that is in none (a non-geographic code, a misdialled number). */",
    `export const NO_REGION = ${JSON.stringify(NO_REGION)};`,
    "",
    "/**",
    " * Every calling code and its main region. The codes as positions 100 to 999 of three digits, in order: before",
    " * each region, the number of unassigned positions skipped, if any, and a + for each digit the code has fewer",
    " * than three (`++US+EG1SS`: +1 US, +20 EG, +211 SS).",
    " */",
    `export const callingCodes = ${JSON.stringify(packCallingCodes(main))};`,
    "",
    "// For a region libphonenumber-js never gives: its numbers are all the main region's.",
    "const NEVER = /(?!)/;",
    "",
    "/**",
    " * Shared calling codes other than +1: the regions other than the main one, and the national numbers that are",
    " * theirs; NO_REGION first: a national prefix written after the code (+44 0…) with a length no region of the code allows.",
    " */",
    "export const sharedRegions: Record<string, Record<string, RegExp>> = {",
    ...[...shared].map(([code, regions]) => {
      const entries = [...regions].map(([region, prefixes]) => `${/^[A-Z]{2}$/.test(region) ? region : JSON.stringify(region)}: ${prefixes.length ? `/^${pattern(prefixes)}/` : "NEVER"}`);
      const misdial = misdials.get(code);
      return `  ${code}: { ${[...(misdial ? [`${JSON.stringify(NO_REGION)}: /${misdial}/`] : []), ...entries].join(", ")} },`;
    }),
    "};",
    "",
    "/**",
    " * +1, ten national digits, goes by area code: for each from 200 to 999 a base-4 digit, three a character",
    " * (its code minus 48, first area code most significant). 0 to 2 index nanpAreaRegions: these go by",
    " * validation, which no exchange starting with 0 or 1 passes. 3 is the next region of nanpOthers, one with",
    " * leading digits: any exchange.",
    " */",
    `export const nanpAreaRegions = [${NANP_AREA_REGIONS.map((r) => JSON.stringify(r)).join(", ")}];`,
    "",
    "/** The +1 numbers whose region is not what nanpAreas gives. */",
    `export const nanpExceptions: Record<string, RegExp> = { ${[...nanp.exceptions].map(([region, prefixes]) => `${/^[A-Z]{2}$/.test(region) ? region : JSON.stringify(region)}: /^${pattern(prefixes)}/`).join(", ")} };`,
    `export const nanpAreas = ${JSON.stringify(nanp.areas)};`,
    `export const nanpOthers = ${JSON.stringify(nanp.others)};`,
    "",
  ].join("\n");
}

const NO_REGION = "--";
// The +1 regions that go by validation; the others (with leading digits) are few and listed by name.
const NANP_AREA_REGIONS = [NO_REGION, "US", "CA"];
const TYPES = ["FIXED_LINE", "MOBILE", "PREMIUM_RATE", "TOLL_FREE", "SHARED_COST", "VOIP", "PERSONAL_NUMBER", "PAGER", "UAN", "VOICEMAIL"];

/** The national-number prefixes of each region of a shared calling code but the main one (which has the rest). */
function otherRegions(code: string, regions: string[]): Map<string, string[]> {
  const leaves = decisions(code, regions, { lengths: possibleLengths(regions), noRegionIsAnswer: false });
  return new Map(regions.slice(1).map((region) => [region, [...leaves].filter(([, answer]) => answer === region).map(([prefix]) => prefix)]));
}

/**
 * A national number that starts with the main region's national prefix (+44 07781…) and has a length no
 * region of the code allows: libphonenumber-js strips the prefix and places the rest, possibly in another
 * region (GG), which the table, made for the lengths allowed, does not follow. Such a number is not E.164
 * as written; it gets no region, unless the code's other regions are never given anyway.
 */
function misdialled(regions: string[], others: Map<string, string[]>): string | undefined {
  const prefixes = nationalPrefixes(regions[0]!);
  if (!prefixes.length || [...others.values()].every((p) => !p.length)) return undefined;
  const runs = consecutiveRuns(possibleLengths(regions)).map(([from, to]) => (to > from ? `\\d{${from},${to}}` : `\\d{${from}}`));
  const allowed = runs.length > 1 ? `(?:${runs.join("|")})` : runs[0]!;
  return `^(?!${allowed}$)${pattern(prefixes)}`;
}

/** The national prefixes libphonenumber-js strips after the calling code (literals, in the metadata seen). */
function nationalPrefixes(region: string): string[] {
  const source = plan(region).nationalPrefixForParsing();
  return source ? new DigitAutomaton(source, "whole").language() : [];
}

/**
 * "++US+EG1SSMADZ2TN…": the calling codes in order as positions 100 to 999 of three digits, each code's
 * main region preceded by the number of unassigned positions before it, if any, and by a "+" for each digit
 * it has fewer than three (a code of two digits takes ten positions, of one digit a hundred).
 */
function packCallingCodes(main: Map<string, string>): string {
  let position = 100;
  let packed = "";
  for (const [code, region] of [...main].sort(([a], [b]) => a.localeCompare(b))) {
    const start = Number(code.padEnd(3, "0"));
    packed += (start > position ? String(start - position) : "") + "+".repeat(3 - code.length) + region;
    position = start + 10 ** (3 - code.length);
  }
  return packed;
}

/**
 * +1 goes by area code, ten national digits. US, CA (and no region) go by validation, which no exchange
 * starting with 0 or 1 passes; the other regions by leading digits (JM 876…), which take any exchange. The
 * exceptions are the prefixes where libphonenumber-js says otherwise than the area code and this rule.
 */
function nanpTable(): { areas: string; others: string; exceptions: Map<string, string[]> } {
  const leaves = decisions("1", metadata.country_calling_codes["1"]!, { lengths: [10], noRegionIsAnswer: true });
  const region = (answer: string | undefined) => answer ?? NO_REGION;
  // An area code's region: the answer of most numbers with an exchange from 2 to 9.
  const weights = new Map<number, Map<string, number>>();
  for (const [prefix, answer] of leaves) {
    if (prefix.length < 3 || (prefix.length > 3 && prefix[3]! < "2")) continue;
    const area = Number(prefix.slice(0, 3));
    const byRegion = weights.get(area) ?? weights.set(area, new Map()).get(area)!;
    // A leaf of a whole area code weighs its numbers with an exchange from 2 to 9.
    const numbers = prefix.length === 3 ? 8 * 10 ** 6 : 10 ** (10 - prefix.length);
    byRegion.set(region(answer), (byRegion.get(region(answer)) ?? 0) + numbers);
  }
  const areas = new Map<number, string>();
  for (let area = 200; area <= 999; area++) areas.set(area, [...(weights.get(area) ?? [])].sort(([, a], [, b]) => b - a)[0]?.[0] ?? NO_REGION);
  const ruled = (area: number, exchange: string) => {
    const answer = areas.get(area) ?? NO_REGION;
    return exchange < "2" && NANP_AREA_REGIONS.includes(answer) ? NO_REGION : answer;
  };
  const exceptions = new Map<string, string[]>();
  for (const [prefix, answer] of leaves) {
    // The answers the area codes and the exchange rule give the numbers under the leaf.
    const ruling = new Set<string>();
    for (let area = Number(prefix.slice(0, 3).padEnd(3, "0")); area <= Number(prefix.slice(0, 3).padEnd(3, "9")); area++) {
      for (const exchange of prefix.length > 3 ? [prefix[3]!] : ["0", "2"]) ruling.add(ruled(area, exchange));
    }
    if (ruling.size > 1 || !ruling.has(region(answer))) exceptions.set(region(answer), [...(exceptions.get(region(answer)) ?? []), prefix]);
  }
  let digits = "";
  let others = "";
  for (const answer of areas.values()) {
    digits += NANP_AREA_REGIONS.includes(answer) ? NANP_AREA_REGIONS.indexOf(answer) : 3;
    if (!NANP_AREA_REGIONS.includes(answer)) others += answer;
  }
  const packed = digits.padEnd(Math.ceil(digits.length / 3) * 3, "0").replace(/.../g, (three) => String.fromCharCode(48 + parseInt(three, 4)));
  const ordered = new Map([...exceptions].sort(([a], [b]) => (a === NO_REGION ? 1 : b === NO_REGION ? -1 : a.localeCompare(b))));
  return { areas: packed, others, exceptions: ordered };
}

function possibleLengths(regions: string[]): number[] {
  return [...new Set(regions.flatMap((region) => plan(region).possibleLengths()))].sort((a, b) => a - b);
}

/** The parts of a numbering plan the region decision reads (libphonenumber-js's `NumberingPlan`, untyped). */
interface Plan {
  nationalNumberPattern(): string;
  possibleLengths(): number[];
  leadingDigits(): string | undefined;
  nationalPrefixForParsing(): string | undefined;
  type(type: string): { pattern(): string } | undefined;
}

function plan(region: string): Plan {
  const m = new Metadata(metadata);
  m.selectNumberingPlan(region as CountryCode);
  return m.numberingPlan as unknown as Plan;
}

/**
 * The region libphonenumber-js gives the national numbers of `lengths` digits under each leaf of a trie of
 * prefixes: each leaf's numbers all get that region or none (`undefined`; with `noRegionIsAnswer`, all get
 * exactly that answer, none counting as one).
 *
 * What libphonenumber-js reads of a national number N of a shared code: each region's leading digits (a
 * prefix match), or else the region's national number pattern and type patterns (a full match); the main
 * region's national number pattern; and, when N starts with one of the main region's national prefixes
 * (a literal, here), the same of N without it. At a trie node every one of these patterns is in a state of
 * its automaton; once each state accepts or rejects all completions of the same length alike, the node is
 * a leaf and one number per length (here three, as a check) gives its answer. Nodes in the same states at
 * the same depth have the same answers, so the walk is memoized on the states.
 */
function decisions(code: string, regions: string[], options: { lengths: number[]; noRegionIsAnswer: boolean }): Map<string, string | undefined> {
  const plans = regions.map(plan);
  const sources: [string, "prefix" | "whole"][] = [[plans[0]!.nationalNumberPattern(), "whole"]];
  for (const p of plans) {
    const leading = p.leadingDigits();
    if (leading) sources.push([leading, "prefix"]);
    else {
      sources.push([p.nationalNumberPattern(), "whole"]);
      for (const type of TYPES) {
        const typePattern = p.type(type)?.pattern();
        if (typePattern) sources.push([typePattern, "whole"]);
      }
    }
  }
  const automata = sources.map(([source, match]) => new DigitAutomaton(source, match));
  // Offsets at which the patterns are read: N itself ("") and N past each national prefix.
  const offsets = ["", ...nationalPrefixes(regions[0]!)];
  const longest = options.lengths.at(-1)!;
  type States = (number[] | undefined)[];
  const advance = (prefix: string, states: States, digit: number): States =>
    offsets.map((offset, i) => states[i]?.map((s, a) => automata[a]!.step(s, digit)) ?? (prefix + digit === offset ? automata.map((a) => a.start) : undefined));

  const answer = (national: string) => parsePhoneNumberFromString(`+${code}${national}`, metadata)?.country ?? (options.noRegionIsAnswer ? NO_REGION : undefined);
  const memo = new Map<string, Set<string>>();
  // The answers (regions, or NO_REGION) that numbers under `prefix` get.
  const answers = (prefix: string, states: States): Set<string> => {
    const key = `${prefix.length}:${offsets.map((offset, i) => states[i]?.join(",") ?? (offset.startsWith(prefix) ? "pending" : "")).join("|")}`;
    let found = memo.get(key);
    if (found) return found;
    found = new Set();
    const pending = offsets.some((offset) => offset.length > prefix.length && offset.startsWith(prefix));
    const remaining = longest - prefix.length;
    if (!pending && states.every((s) => !s || s.every((state, a) => automata[a]!.decidedByLength(state, remaining)))) {
      for (const length of options.lengths.filter((l) => l >= prefix.length)) {
        const tails = ["0", "9", "4"].map((digit) => answer(prefix.padEnd(length, digit)));
        if (new Set(tails).size > 1) throw new Error(`+${code} ${prefix}: libphonenumber-js answers ${tails.join(", ")} where its patterns agree`);
        if (tails[0]) found.add(tails[0]);
      }
    } else {
      // The number that is the prefix itself, then the longer ones.
      const itself = options.lengths.includes(prefix.length) ? answer(prefix) : undefined;
      if (itself) found.add(itself);
      for (let digit = 0; digit < 10; digit++) for (const a of answers(prefix + digit, advance(prefix, states, digit))) found.add(a);
    }
    memo.set(key, found);
    return found;
  };

  const leaves = new Map<string, string | undefined>();
  const walk = (prefix: string, states: States) => {
    const found = answers(prefix, states);
    if (found.size <= 1) {
      const only = [...found][0];
      leaves.set(prefix, only === NO_REGION ? undefined : only);
      return;
    }
    // The children's prefixes leave out the number that is `prefix` itself: it must be the main region's.
    const itself = options.lengths.includes(prefix.length) ? answer(prefix) : undefined;
    if (itself !== undefined && itself !== regions[0]) throw new Error(`+${code} ${prefix}: ${itself}, unlike longer numbers under it`);
    for (let digit = 0; digit < 10; digit++) walk(prefix + digit, advance(prefix, states, digit));
  };
  walk("", offsets.map((offset) => (offset === "" ? automata.map((a) => a.start) : undefined)));
  return leaves;
}

/** Prefixes as a regular expression in libphonenumber's style: a trie, siblings with equal subtrees as a class. */
function pattern(prefixes: string[]): string {
  type Trie = Map<string, Trie>;
  const root: Trie = new Map();
  for (const prefix of prefixes) {
    let node = root;
    for (const digit of prefix) node = node.get(digit) ?? node.set(digit, new Map()).get(digit)!;
    node.set("", new Map());
  }
  const write = (node: Trie): string => {
    if (node.has("")) return "";
    const bySubtree = new Map<string, string[]>();
    for (const [digit, child] of node) {
      const subtree = write(child);
      bySubtree.set(subtree, [...(bySubtree.get(subtree) ?? []), digit]);
    }
    const branches = [...bySubtree].map(([subtree, digits]) => digitClass(digits) + subtree);
    return branches.length === 1 ? branches[0]! : `(?:${branches.join("|")})`;
  };
  return write(root);
}

function digitClass(digits: string[]): string {
  if (digits.length === 1) return digits[0]!;
  const runs = consecutiveRuns(digits.map(Number).sort((a, b) => a - b));
  return `[${runs.map(([from, to]) => (to - from >= 2 ? `${from}-${to}` : to > from ? `${from}${to}` : `${from}`)).join("")}]`;
}

/** Sorted distinct whole numbers as runs of consecutive ones: [1, 2, 3, 5] → [[1, 3], [5, 5]]. */
function consecutiveRuns(sorted: number[]): [from: number, to: number][] {
  const runs: [number, number][] = [];
  for (const n of sorted) {
    const last = runs.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else runs.push([n, n]);
  }
  return runs;
}

// The state set of a prefix match that has matched: every continuation is accepted.
const ANYTHING_MORE = -1;

type Regex = { kind: "digits"; mask: number } | { kind: "sequence" | "either"; items: Regex[] } | { kind: "repeat"; item: Regex; min: number; max: number };

/**
 * A regular expression of libphonenumber's metadata (digits, `\d`, classes, groups, `|`, `?`, `{n}`, `{n,m}`)
 * as a digit automaton, determinized on demand. `prefix` matching (leading digits) accepts a string when
 * some prefix of it matches; `whole` matching when all of it does.
 */
class DigitAutomaton {
  readonly start: number;
  private readonly nfa: { mask: number; to: number; next: number[]; accepts: boolean }[] = [];
  private readonly sets: number[][] = [];
  private readonly ids = new Map<string, number>();
  private readonly steps: number[][] = [];
  private readonly byLength = new Map<number, boolean>();

  constructor(
    private readonly source: string,
    private readonly match: "prefix" | "whole",
  ) {
    const accept = this.add(0, -1, [], true);
    this.start = this.state([this.build(parseRegex(source), accept)]);
  }

  step(state: number, digit: number): number {
    const cached = this.steps[state]![digit];
    if (cached !== undefined) return cached;
    const to = this.sets[state]!.filter((s) => this.nfa[s]!.mask & (1 << digit)).map((s) => this.nfa[s]!.to);
    return (this.steps[state]![digit] = this.state(to));
  }

  /** Whether every string of `remaining` digits or fewer is accepted or rejected from `state` by its length alone. */
  decidedByLength(state: number, remaining: number): boolean {
    if (remaining === 0) return true;
    const key = state * 100 + remaining;
    let decided = this.byLength.get(key);
    if (decided === undefined) {
      const next = this.step(state, 0);
      decided = [1, 2, 3, 4, 5, 6, 7, 8, 9].every((d) => this.step(state, d) === next) && this.decidedByLength(next, remaining - 1);
      this.byLength.set(key, decided);
    }
    return decided;
  }

  /** The strings a finite expression matches (a national prefix for parsing). */
  language(): string[] {
    const strings: string[] = [];
    const visit = (state: number, text: string) => {
      if (text.length > 8) throw new Error(`not a short literal: ${this.source}`);
      if (this.accepts(state)) strings.push(text);
      for (let d = 0; d < 10; d++) if (this.sets[this.step(state, d)]!.length) visit(this.step(state, d), text + d);
    };
    visit(this.start, "");
    if (strings.some((a) => strings.some((b) => a !== b && b.startsWith(a)))) throw new Error(`ambiguous national prefix: ${this.source}`);
    return strings;
  }

  private accepts(state: number): boolean {
    return this.sets[state]!.some((s) => s === ANYTHING_MORE || this.nfa[s]!.accepts);
  }

  private add(mask: number, to: number, next: number[], accepts = false): number {
    return this.nfa.push({ mask, to, next, accepts }) - 1;
  }

  /** Thompson construction, continuation first: `then` is what follows the expression. */
  private build(regex: Regex, then: number): number {
    switch (regex.kind) {
      case "digits":
        return this.add(regex.mask, then, []);
      case "sequence":
        return regex.items.reduceRight((next, item) => this.build(item, next), then);
      case "either":
        return this.add(0, -1, regex.items.map((item) => this.build(item, then)));
      case "repeat": {
        let next = then;
        for (let i = regex.min; i < regex.max; i++) next = this.add(0, -1, [this.build(regex.item, next), then]);
        for (let i = 0; i < regex.min; i++) next = this.build(regex.item, next);
        return next;
      }
    }
  }

  /** The DFA state of a set of NFA states (closed over empty moves); under prefix matching, once accepting, always. */
  private state(nfaStates: number[]): number {
    const closure = new Set<number>();
    const stack = [...nfaStates];
    while (stack.length) {
      const s = stack.pop()!;
      if (closure.has(s)) continue;
      closure.add(s);
      stack.push(...this.nfa[s]!.next);
    }
    let set = [...closure].filter((s) => this.nfa[s]!.mask || this.nfa[s]!.accepts).sort((a, b) => a - b);
    if (this.match === "prefix" && set.some((s) => this.nfa[s]!.accepts)) set = [ANYTHING_MORE];
    const key = set.join(",");
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.sets.push(set) - 1;
      this.steps.push(set[0] === ANYTHING_MORE ? Array<number>(10).fill(id) : []);
      this.ids.set(key, id);
    }
    return id;
  }
}

function parseRegex(source: string): Regex {
  let at = 0;
  const fail = (what: string) => new Error(`${what} at ${at} in ${source}`);
  const either = (): Regex => {
    const items = [sequence()];
    while (source[at] === "|") (at++, items.push(sequence()));
    return items.length === 1 ? items[0]! : { kind: "either", items };
  };
  const sequence = (): Regex => {
    const items: Regex[] = [];
    while (at < source.length && source[at] !== "|" && source[at] !== ")") {
      const item = atom();
      const quantifier = /^(?:\?|\{(\d+)(?:,(\d+))?\})/.exec(source.slice(at));
      if (!quantifier) items.push(item);
      else {
        at += quantifier[0].length;
        const min = quantifier[0] === "?" ? 0 : Number(quantifier[1]);
        items.push({ kind: "repeat", item, min, max: quantifier[0] === "?" ? 1 : Number(quantifier[2] ?? min) });
      }
    }
    return { kind: "sequence", items };
  };
  const atom = (): Regex => {
    const rest = source.slice(at);
    const group = /^\((?:\?:)?/.exec(rest);
    if (group) {
      at += group[0].length;
      const inner = either();
      if (source[at++] !== ")") throw fail("unclosed group");
      return inner;
    }
    const digits = /^(?:\\d|\d|\[((?:\d(?:-\d)?)+)\])/.exec(rest);
    if (!digits) throw fail("unsupported syntax");
    at += digits[0].length;
    let mask = 0;
    if (digits[0] === "\\d") mask = 1023;
    else if (!digits[1]) mask = 1 << Number(digits[0]);
    else for (const [, from, to] of digits[1].matchAll(/(\d)(?:-(\d))?/g)) for (let d = Number(from); d <= Number(to ?? from); d++) mask |= 1 << d;
    return { kind: "digits", mask };
  };
  const regex = either();
  if (at !== source.length) throw fail("unbalanced )");
  return regex;
}
