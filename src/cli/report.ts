import type { Operation } from "../../generated/operations.ts";
import {
  StytchApiError,
  StytchConnectionError,
  StytchDecodeError,
  StytchError,
  StytchTimeoutError,
  StytchValidationError,
} from "../errors.ts";
import { boundedCopy } from "../internal/redact.ts";
import type { SentSms } from "../mock/index.ts";
import { genericSummary, specificsOf } from "./commands.ts";
import { flagOf, UsageError } from "./parse-args.ts";

/** The result printed on success; `sms` is the code the mock recorded (send --mock only). */
export interface Success {
  operation: Operation;
  response: Record<string, unknown>;
  sms?: SentSms | undefined;
  /** What --mock did to set the call up. */
  mockNote?: string | undefined;
}

export function successText({ operation, response, sms, mockNote }: Success): string {
  const specifics = specificsOf(operation);
  const lines = specifics ? specifics.summary(response as never, sms) : genericSummary(operation, response);
  return `${[...lines, ...(mockNote ? [mockNote] : [])].join("\n")}\n`;
}

export function successJson({ operation, response, sms, mockNote }: Success): string {
  // The response came from the network: copied with a depth bound before JSON.stringify (which recurses) sees
  // it, and its credential fields (a new session's token and JWT) blanked.
  const printed = boundedCopy(response) as Record<string, unknown>;
  for (const field of operation.credentials) if (field in printed) printed[field] = "[redacted]";
  const mock = sms && { to: sms.to, code: sms.code, locale: sms.locale, sent_at: sms.sentAt.toISOString() };
  return `${JSON.stringify({ ok: true, response: printed, ...(mock && { sms: mock }), ...(mockNote && { mock: mockNote }) }, null, 2)}\n`;
}

/** The facts worth printing about a failure, by error class. */
export function errorFacts(error: unknown): Record<string, string | number | boolean> {
  const facts: Record<string, string | number | boolean> = {
    name: error instanceof Error ? error.name : "Error",
    message: error instanceof Error ? error.message : String(error),
  };
  if (error instanceof StytchApiError) {
    Object.assign(facts, { status: error.status, error_type: error.error_type, error_message: error.error_message });
    Object.assign(facts, { request_id: error.request_id, error_url: error.error_url });
  } else if (error instanceof StytchValidationError) {
    // A request field (or several) has a flag, a field inside one (query.operator) its flag; a body or option problem has none.
    const fields = error.field.split(", ").map((field) => field.split(/[.[]/)[0]!);
    const flag = fields.every((field) => /^[a-z][a-z_]*$/.test(field) && field !== "body") ? fields.map(flagOf).join(", ") : undefined;
    Object.assign(facts, { field: error.field, rule: error.rule, ...(flag && { flag }) });
  } else if (error instanceof StytchDecodeError) {
    facts.status = error.status;
  } else if (error instanceof StytchConnectionError) {
    facts.maybe_sent = error.maybeSent;
  } else if (error instanceof StytchTimeoutError) {
    facts.timeout_ms = error.timeoutMs;
  }
  return facts;
}

export function errorText(error: unknown): string {
  const facts = errorFacts(error);
  const lines = [`Error (${facts.name}): ${facts.error_message ?? facts.message}`];
  for (const key of ["error_type", "status", "request_id", "field", "flag", "rule", "maybe_sent"]) {
    if (facts[key] !== undefined) lines.push(`  ${key.padEnd(11)} ${facts[key]}`);
  }
  if (facts.error_url) lines.push(`  docs        ${facts.error_url}`);
  const advice = hint(error);
  if (advice) lines.push(advice);
  return `${lines.join("\n")}\n`;
}

export function errorJson(error: unknown, exitCode: number): string {
  return `${JSON.stringify({ ok: false, exit_code: exitCode, error: errorFacts(error) }, null, 2)}\n`;
}

function hint(error: unknown): string {
  if (error instanceof UsageError) return "Run `stytch-b2b-sms --help` for usage.";
  if (error instanceof StytchValidationError) return "Nothing was sent. Run `stytch-b2b-sms --help` for usage.";
  if (error instanceof StytchTimeoutError) return "The SMS may have been sent: check before sending again (a new code invalidates the last one).";
  if (error instanceof StytchConnectionError) {
    return error.maybeSent ? "The connection broke after the request went out: the SMS may have been sent." : "Nothing was sent.";
  }
  if (error instanceof StytchApiError && error.error_type === "member_phone_number_not_found") {
    return "The Member has no phone number yet: pass --phone <+E.164> to link one.";
  }
  if (error instanceof StytchError) return "";
  return "This looks like a bug in stytch-b2b-sms; please report it.";
}
