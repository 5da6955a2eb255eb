import { parseArgs } from "node:util";
import type { FieldRule, Operation } from "../../generated/operations.ts";
import { operationWords } from "../internal/operation-words.ts";
import { specificsOf } from "./commands.ts";

/**
 * The CLI's commands and flags come from the operation table: a command per operation, named by its path's
 * resource segments and, unless it is a POST, its method (`otps sms send`, `organizations member get`), so
 * that two operations never share a name; and a flag per request field, parameters included
 * (`member_id` → `--member-id`).
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

/** An operation's command: its words, dashed (`organizations members mfa-phone-numbers delete`). */
export function commandName(operation: Operation): string {
  return operationWords(operation).map((word) => word.replaceAll("_", "-")).join(" ");
}

/** Commands by name, each operation's own and the short aliases of `commands.ts` (`send`); a clash is a bug in the table. */
export function commandsOf(operations: readonly Operation[]): ReadonlyMap<string, Operation> {
  const commands = new Map<string, Operation>();
  const add = (name: string, operation: Operation) => {
    const taken = commands.get(name);
    if (taken) throw new Error(`two operations would be the command '${name}': ${taken.method} ${taken.path} and ${operation.method} ${operation.path}`);
    commands.set(name, operation);
  };
  for (const operation of operations) {
    add(commandName(operation), operation);
    const alias = specificsOf(operation)?.alias;
    if (alias) add(alias, operation);
  }
  return commands;
}

const COMMON = {
  json: { type: "boolean" },
  mock: { type: "boolean" },
  timeout: { type: "string" },
  "base-url": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export function parseCommandLine(argv: readonly string[], operations: readonly Operation[]): Command {
  const commands = commandsOf(operations);
  const fieldFlags = new Map<string, string>();
  for (const operation of operations) for (const field of Object.keys(operation.request.properties)) fieldFlags.set(flagOf(field).slice(2), field);
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
  const names = [...commands.keys()].map((name) => `\`${name}\``).join(", ");
  if (positionals.length === 0) throw new UsageError(`No command given: the commands are ${names}.`);
  // The longest run of words that names a command; a word after it is a stray argument.
  const words = [...positionals.keys()].map((i) => positionals.slice(0, positionals.length - i).join(" ")).find((name) => commands.has(name));
  if (!words) throw new UsageError(`Unknown command '${positionals.join(" ")}': the commands are ${names}.`);
  const operation = commands.get(words)!;
  const stray = positionals[words.split(" ").length];
  if (stray !== undefined) throw new UsageError(`Unexpected argument '${stray}'.`);

  const body: Record<string, unknown> = {};
  for (const [flag, field] of fieldFlags) {
    const value = values[flag];
    if (typeof value !== "string") continue;
    const rule = operation.request.properties[field];
    if (!rule) throw new UsageError(`--${flag} is not an option of \`${words}\`.`);
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
function fromText(flag: string, text: string, type: FieldRule["type"]): unknown {
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
    throw new UsageError(type === "array" ? `${flag} takes a JSON list, e.g. '["a","b"]'.` : `${flag} takes a JSON object, e.g. '{"team":"red"}'.`);
  }
}

function parseTimeout(text: string): number {
  const ms = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(ms) || ms <= 0) {
    throw new UsageError(`--timeout must be a whole number of milliseconds > 0, got '${text}'.`);
  }
  return ms;
}
