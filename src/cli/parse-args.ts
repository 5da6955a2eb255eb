import { parseArgs } from "node:util";
import type { SmsSendRequest } from "../otps/sms/send.ts";

/** What the command line asks for. */
export type Command = { kind: "help" } | ({ kind: "send" } & SendCommand);

export interface SendCommand {
  /** The request fields given on the command line (ids may be missing with --mock). */
  body: Partial<SmsSendRequest>;
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

/** Each request field and the flag that sets it. */
export const FLAG_OF_FIELD = {
  organization_id: "--organization-id",
  member_id: "--member-id",
  mfa_phone_number: "--phone",
  locale: "--locale",
  session_token: "--session-token",
  session_jwt: "--session-jwt",
  intermediate_session_token: "--intermediate-session-token",
} as const satisfies Record<keyof SmsSendRequest, string>;

const OPTIONS = {
  "organization-id": { type: "string" },
  "member-id": { type: "string" },
  phone: { type: "string" },
  locale: { type: "string" },
  "session-token": { type: "string" },
  "session-jwt": { type: "string" },
  "intermediate-session-token": { type: "string" },
  json: { type: "boolean" },
  mock: { type: "boolean" },
  timeout: { type: "string" },
  "base-url": { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === "help") return { kind: "help" };
  if (positionals.length === 0) throw new UsageError("No command given: use `stytch-b2b-sms send …`.");
  if (positionals[0] !== "send") throw new UsageError(`Unknown command '${positionals[0]}': the only command is \`send\`.`);
  if (positionals.length > 1) throw new UsageError(`Unexpected argument '${positionals[1]}'.`);

  const body: { -readonly [field in keyof SmsSendRequest]?: string } = {};
  for (const [field, flag] of Object.entries(FLAG_OF_FIELD) as [keyof SmsSendRequest, string][]) {
    const value = (values as Record<string, unknown>)[flag.slice(2)];
    if (typeof value === "string") body[field] = value;
  }
  const command: Command = { kind: "send", body, json: values.json === true, mock: values.mock === true };
  if (typeof values.timeout === "string") command.timeoutMs = parseTimeout(values.timeout);
  if (typeof values["base-url"] === "string") command.baseUrl = values["base-url"];
  if (!command.mock) {
    for (const field of ["organization_id", "member_id"] as const) {
      if (body[field] === undefined) throw new UsageError(`${FLAG_OF_FIELD[field]} is required (or use --mock).`);
    }
  }
  return command;
}

function parseTimeout(text: string): number {
  const ms = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(ms) || ms <= 0) {
    throw new UsageError(`--timeout must be a whole number of milliseconds > 0, got '${text}'.`);
  }
  return ms;
}
