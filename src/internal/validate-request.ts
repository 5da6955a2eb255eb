import { smsSendRequestRules as rules } from "../../generated/request-rules.ts";
import { StytchValidationError } from "../errors.ts";
import { rejectControlCharacters } from "./control-characters.ts";

type Rule = { readonly minLength?: number; readonly maxLength?: number; readonly pattern?: string; readonly example?: string };
const fields: Readonly<Record<string, Rule>> = rules.fields;
const patterns = new Map<string, RegExp>();

/** Refuses, before anything is sent, a body the spec forbids; the error names the field and the rule. */
export function validateSendRequest(body: unknown): void {
  // A plain object only: a class instance could serialise (toJSON) to something other than what was checked.
  const prototype = typeof body === "object" && body !== null ? Object.getPrototypeOf(body) : undefined;
  if (prototype !== Object.prototype && prototype !== null) {
    throw new StytchValidationError("body", "type", "The request body must be a plain object");
  }
  const input = body as Record<string, unknown>;
  for (const name of rules.required) {
    if (input[name] === undefined) throw new StytchValidationError(name, "required", `${name} is required`);
  }
  const present: string[] = [];
  for (const name of Object.keys(input)) {
    const value = input[name];
    if (value === undefined) continue;
    const rule = Object.hasOwn(fields, name) ? fields[name] : undefined;
    if (!rule) {
      const known = Object.keys(fields).join(", ");
      throw new StytchValidationError(name, "additionalProperties", `${name} is not a field of this request (known fields: ${known})`);
    }
    if (typeof value !== "string") throw new StytchValidationError(name, "type", `${name} must be a string`);
    checkString(name, value, rule);
    if ((rules.atMostOne as readonly string[]).includes(name)) present.push(name);
  }
  if (present.length > 1) {
    throw new StytchValidationError(
      present.join(", "),
      "atMostOne",
      `At most one of ${rules.atMostOne.join(", ")} may be given; got ${present.join(" and ")}`,
    );
  }
}

function checkString(name: string, value: string, rule: Rule): void {
  rejectControlCharacters(name, value);
  if (rule.minLength !== undefined && value.length < rule.minLength) {
    const what = rule.minLength === 1 ? "must not be empty" : `must be at least ${rule.minLength} characters`;
    throw new StytchValidationError(name, "minLength", `${name} ${what}`);
  }
  if (rule.maxLength !== undefined && value.length > rule.maxLength) {
    throw new StytchValidationError(name, "maxLength", `${name} must be at most ${rule.maxLength} characters`);
  }
  if (rule.pattern !== undefined && !compiled(rule.pattern).test(value)) {
    const example = rule.example ? `, e.g. ${rule.example}` : "";
    throw new StytchValidationError(name, "pattern", `${name} must match ${rule.pattern}${example}`);
  }
}

function compiled(pattern: string): RegExp {
  let regex = patterns.get(pattern);
  if (!regex) patterns.set(pattern, (regex = new RegExp(pattern, "u")));
  return regex;
}
