import type { FieldRule, Operation } from "../../generated/operations.ts";
import { StytchValidationError } from "../errors.ts";
import { rejectControlCharacters } from "./control-characters.ts";

const patterns = new Map<string, RegExp>();

/**
 * Refuses, before anything is sent, a request the operation's rules (generated from the spec) forbid; the
 * error names the field and the rule, never the value (it may be a credential). Path and query parameters
 * are fields of the request like the body's, named as the spec names them (`organization_id`); a field
 * inside an object or a list is named by its path (`search_query.operands[0].filter_name`). The mock checks
 * requests with this same function, so the two cannot disagree.
 */
export function validateRequest(rules: Operation["request"], request: unknown): void {
  if (!isPlainObject(request)) throw new StytchValidationError("body", "type", "The request body must be a plain object");
  checkFields(rules, request, "");
  group(rules.atMostOne, request, (n) => n <= 1, "atMostOne", "At most one of %s may be given");
  group(rules.exactlyOne, request, (n) => n === 1, "exactlyOne", "Exactly one of %s must be given");
  // "." or ".." as a path segment would be resolved away by the URL, sending the call to another endpoint.
  for (const name of rules.path ?? []) if (request[name] === "." || request[name] === "..") throw new StytchValidationError(name, "pathSegment", `${name} cannot be . or ..`);
}

function checkFields(rules: Pick<FieldRule, "required" | "properties">, object: Record<string, unknown>, prefix: string): void {
  for (const name of rules.required!) {
    if (object[name] === undefined) throw new StytchValidationError(prefix + name, "required", `${prefix + name} is required`);
  }
  for (const name of Object.keys(object)) {
    const value = object[name];
    if (value === undefined) continue;
    const field = prefix + name;
    const rule = Object.hasOwn(rules.properties!, name) ? rules.properties![name] : undefined;
    if (!rule) throw new StytchValidationError(field, "additionalProperties", `${field} is not a field of this request (known fields: ${Object.keys(rules.properties!).join(", ")})`);
    checkField(field, value, rule);
  }
}

function group(fields: readonly string[] | undefined, body: Record<string, unknown>, ok: (count: number) => boolean, rule: string, says: string): void {
  if (!fields) return;
  const present = fields.filter((name) => body[name] !== undefined);
  if (!ok(present.length)) {
    const message = `${says.replace("%s", fields.join(", "))}; got ${present.join(" and ") || "none"}`;
    throw new StytchValidationError(present.join(", ") || fields.join(", "), rule, message);
  }
}

function checkField(name: string, value: unknown, rule: FieldRule): void {
  const fail = (what: string, message: string) => new StytchValidationError(name, what, `${name} ${message}`);
  if (rule.type === "object") {
    // Sent as JSON: a plain object that serialises (a BigInt or a cycle inside would throw while sending).
    if (!isPlainObject(value) || !serialises(value)) throw fail("type", "must be a plain object of JSON values");
    if (rule.properties) checkFields(rule, value, `${name}.`);
    return;
  }
  if (rule.type === "array") {
    if (!Array.isArray(value)) throw fail("type", "must be a list");
    if (rule.minItems !== undefined && value.length < rule.minItems) throw fail("minItems", `must hold at least ${rule.minItems}`);
    if (rule.maxItems !== undefined && value.length > rule.maxItems) throw fail("maxItems", `must hold at most ${rule.maxItems}`);
    // An index loop, not forEach: a hole in the list is checked (and refused) too.
    for (let i = 0; i < value.length; i++) checkField(`${name}[${i}]`, value[i], rule.items!);
    return;
  }
  if (rule.type === "boolean") {
    if (typeof value !== "boolean") throw fail("type", "must be true or false");
    return;
  }
  if (rule.type !== "string") {
    if (typeof value !== "number" || !Number.isFinite(value) || (rule.type === "integer" && !Number.isInteger(value))) {
      throw fail("type", `must be ${rule.type === "integer" ? "a whole number" : "a number"}`);
    }
    if (rule.minimum !== undefined && value < rule.minimum) throw fail("minimum", `must be at least ${rule.minimum}`);
    if (rule.maximum !== undefined && value > rule.maximum) throw fail("maximum", `must be at most ${rule.maximum}`);
    return;
  }
  if (typeof value !== "string") throw fail("type", "must be a string");
  rejectControlCharacters(name, value);
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    throw fail("minLength", rule.minLength === 1 ? "must not be empty" : `must be at least ${rule.minLength} characters`);
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength) throw fail("maxLength", `must be at most ${rule.maxLength} characters`);
  if (rule.pattern !== undefined && !compiled(rule.pattern).test(value)) {
    throw fail("pattern", `must match ${rule.pattern}${rule.example ? `, e.g. ${rule.example}` : ""}`);
  }
  if (rule.enum && !rule.enum.includes(value)) throw fail("enum", `must be one of ${rule.enum.join(", ")}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  // A plain object only: a class instance could serialise (toJSON) to something other than what was checked.
  const prototype = typeof value === "object" && value !== null ? Object.getPrototypeOf(value) : undefined;
  return prototype === Object.prototype || prototype === null;
}

function serialises(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

function compiled(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) patterns.set(pattern, (regex = new RegExp(pattern, "u")));
  return regex;
}
