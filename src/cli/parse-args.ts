import { parseArgs } from "node:util";
import { operations, type Operation } from "../../generated/operations.ts";

/**
 * The CLI's commands and flags come from the operation table: a command per operation, named by the last
 * segment of its path (`send`, `authenticate`), and a flag per request field (`member_id` → `--member-id`).
 */
export type Command = { kind: "help" } | CallCommand;

export interface CallCommand {
  kind: "call";
  operation: Operation;
  /** The request fields given on the command line (ids may be missing with --mock). */
  body: Record<string, unknown>;
  json: boolean;
  mock: boolean;
  timeoutMs?: number;
  baseUrl?: string;
}

/** A command line the CLI cannot run; the message says what to change. */
export class UsageError extends Error {
  static {
    this.prototype.name = "UsageError";
  }
}

// Shorter names for fields whose own name is long; every other flag is the field's name in kebab case.
const ALIASES: Record<string, string> = { mfa_phone_number: "--phone" };

/** The flag that sets a request field. */
export function flagOf(field: string): string {
  return ALIASES[field] ?? `--${field.replaceAll("_", "-")}`;
}

/** Commands by name: the last segment of each operation's path. */
export const COMMANDS: ReadonlyMap<string, Operation> = new Map(operations.map((operation) => [operation.path.split("/").pop()!, operation]));

const COMMON = {
  json: { type: "boolean" },
  mock: { type: "boolean" },
  timeout: { type: "string" },
  "base-url": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export function parseCommandLine(argv: readonly string[]): Command {
  const fieldFlags = new Map<string, string>();
  for (const operation of COMMANDS.values()) for (const field of Object.keys(operation.request.properties)) fieldFlags.set(flagOf(field).slice(2), field);
  const options: Record<string, { type: "string" | "boolean"; short?: string }> = { ...COMMON };
  for (const [flag] of fieldFlags) options[flag] = { type: "string" };
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed as { values: Record<string, string | boolean | undefined>; positionals: string[] };
  if (values.help || positionals[0] === "help") return { kind: "help" };
  const names = [...COMMANDS.keys()].map((name) => `\`${name}\``).join(" or ");
  if (positionals.length === 0) throw new UsageError(`No command given: use ${names}.`);
  const operation = COMMANDS.get(positionals[0]!);
  if (!operation) throw new UsageError(`Unknown command '${positionals[0]}': the commands are ${names}.`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument '${positionals[1]}'.`);

  const body: Record<string, unknown> = {};
  for (const [flag, field] of fieldFlags) {
    const value = values[flag];
    if (typeof value !== "string") continue;
    const rule = operation.request.properties[field];
    if (!rule) throw new UsageError(`--${flag} is not an option of \`${positionals[0]}\`.`);
    body[field] = fromText(`--${flag}`, value, rule.type);
  }
  const command: CallCommand = { kind: "call", operation, body, json: values.json === true, mock: values.mock === true };
  if (typeof values.timeout === "string") command.timeoutMs = parseTimeout(values.timeout);
  if (typeof values["base-url"] === "string") command.baseUrl = values["base-url"];
  if (!command.mock) {
    for (const field of operation.request.required) {
      if (body[field] === undefined) throw new UsageError(`${flagOf(field)} is required (or use --mock).`);
    }
  }
  return command;
}

/** A flag's text as the field's type; the client then checks the value against the spec. */
function fromText(flag: string, text: string, type: Operation["request"]["properties"][string]["type"]): unknown {
  if (type === "string") return text;
  if (type === "integer" || type === "number") {
    if (!/^-?\d+(\.\d+)?$/.test(text)) throw new UsageError(`${flag} takes a number, got '${text}'.`);
    return Number(text);
  }
  if (type === "boolean") {
    if (text !== "true" && text !== "false") throw new UsageError(`${flag} takes true or false, got '${text}'.`);
    return text === "true";
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new UsageError(`${flag} takes a JSON object, e.g. '{"team":"red"}'.`);
  }
}

function parseTimeout(text: string): number {
  const ms = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(ms) || ms <= 0) {
    throw new UsageError(`--timeout must be a whole number of milliseconds > 0, got '${text}'.`);
  }
  return ms;
}
