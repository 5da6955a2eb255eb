import type { FieldRule, Operation } from "../../generated/operations.ts";
import { FIELD_HINTS, specificsOf } from "./commands.ts";
import { commandName, flagOf } from "./parse-args.ts";

/** --help, written from the operation table: every command with its method, path and flags; then what every command shares. */
export function helpText(operations: readonly Operation[]): string {
  const commands = operations.flatMap((operation) => {
    const own = specificsOf(operation);
    const name = own?.alias ? `${own.alias} (or ${commandName(operation)})` : commandName(operation);
    const flags = Object.entries(operation.request.properties).map(([field, rule]) => {
      const flag = `${flagOf(field)} ${placeholder(rule)}${operation.request.required.includes(field) ? "  (required)" : ""}`;
      return `    ${flag.padEnd(44)}${FIELD_HINTS[field] ?? ""}`.trimEnd();
    });
    const { atMostOne, exactlyOne } = operation.request;
    const groups = [...(atMostOne ? [`At most one of ${atMostOne.map(flagOf).join(", ")}.`] : []), ...(exactlyOne ? [`Exactly one of ${exactlyOne.map(flagOf).join(", ")}.`] : [])];
    return [`  ${name}${own ? `: ${own.about}` : ""} (${operation.method} ${operation.path})`, ...flags, ...[...groups, ...(own?.mockHelp ?? [])].map((line) => `    ${line}`), ""];
  });
  const examples = operations.flatMap((operation) => specificsOf(operation)?.examples ?? []).map((line) => `  ${line}`);
  return `stytch-b2b-sms: the Stytch B2B SMS one-time passcode step from the command line, a command per operation

Usage
  stytch-b2b-sms <command> [options]    (in a clone of the repository: npm run cli -- <command> [options])
  stytch-b2b-sms <command> --mock [options]
  stytch-b2b-sms --help

Commands and their options (one per request field, path and query parameters included)
${commands.join("\n")}
Options of every command
  --json                   print one JSON document on stdout (errors included)
  --timeout <ms>           give up after this many milliseconds (default 30000)
  --base-url <url>         another API origin (default from the project ID; env STYTCH_BASE_URL)
  --mock                   call an embedded mock Stytch started in this process; --organization-id
                           and --member-id, where the command has them, default to the mock's seeded
                           Organization (slug "acme") and its Member
  -h, --help               show this help

Credentials
  Read from the environment, never from the command line: STYTCH_PROJECT_ID (project-test-… or
  project-live-…) and STYTCH_SECRET. The secret, codes and session tokens are never printed.

Exit codes
  0  done
  2  usage or validation error: bad options or input the spec forbids; nothing was sent
  3  API error: Stytch answered with an error (error_type, request_id and docs URL are printed)
  4  network error: no connection, or an answer that is not Stytch's JSON (e.g. a proxy's HTML)
  5  timeout: the call passed --timeout; Stytch may have acted on it (sent the SMS, used the code)
  1  anything else
${examples.length ? `\nExamples\n${examples.join("\n")}\n` : ""}`;
}

/** A flag's value as --help shows it, from the field's rules. */
function placeholder(rule: FieldRule): string {
  if (rule.enum) return rule.enum.join("|");
  if (rule.type === "boolean") return "true|false";
  if (rule.type === "object") return "<json object>";
  if (rule.type === "array") return "<json list>";
  if (rule.type === "integer" || rule.type === "number") {
    return rule.minimum !== undefined && rule.maximum !== undefined ? `<${rule.minimum}..${rule.maximum}>` : "<n>";
  }
  return rule.pattern ? `<${rule.example ?? "text"}>` : "<text>";
}
