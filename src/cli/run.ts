import { createStytchB2BClient, type StytchB2BClientOptions } from "../client.ts";
import { createRedactor } from "../internal/redact.ts";
import type { MockStytch } from "../mock/index.ts";
import type { SmsSendRequest } from "../otps/sms/send.ts";
import { EXIT, exitCodeFor } from "./exit-codes.ts";
import { HELP } from "./help.ts";
import { parseCommandLine, UsageError, type SendCommand } from "./parse-args.ts";
import { errorJson, errorText, successJson, successText } from "./report.ts";

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Runs the command line and returns the exit code; nothing it prints contains the secret. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // The client keeps the secret out of its errors; this also covers anything else printed.
  const redact = createRedactor([io.env.STYTCH_SECRET ?? ""]);
  const stdout = (text: string) => io.stdout(redact(text));
  const stderr = (text: string) => io.stderr(redact(text));
  const json = argv.includes("--json");
  try {
    const command = parseCommandLine(argv);
    if (command.kind === "help") {
      stdout(HELP);
      return EXIT.ok;
    }
    const result = await send(command, io.env);
    stdout(command.json ? successJson(result) : successText(result));
    return EXIT.ok;
  } catch (error) {
    const code = error instanceof UsageError ? EXIT.usage : exitCodeFor(error);
    if (json) stdout(errorJson(error, code));
    else stderr(errorText(error));
    return code;
  }
}

async function send(command: SendCommand, env: CliIo["env"]) {
  let mock: MockStytch | undefined;
  try {
    let options: StytchB2BClientOptions;
    const body = { ...command.body };
    if (command.mock) {
      if (command.baseUrl !== undefined) throw new UsageError("--base-url cannot be combined with --mock.");
      const { startMockStytch } = await import("../mock/index.ts");
      mock = await startMockStytch();
      options = { ...mock.clientOptions };
      body.organization_id ??= mock.organization.organization_slug;
      body.member_id ??= mock.member.member_id;
    } else {
      options = { projectId: requiredEnv(env, "STYTCH_PROJECT_ID"), secret: requiredEnv(env, "STYTCH_SECRET") };
      const baseUrl = command.baseUrl ?? (env.STYTCH_BASE_URL || undefined);
      if (baseUrl !== undefined) options.baseUrl = baseUrl;
    }
    if (command.timeoutMs !== undefined) options.timeoutMs = command.timeoutMs;
    const client = createStytchB2BClient(options);
    const response = await client.otps.sms.send(body as SmsSendRequest);
    return { response, sms: mock?.lastSms() };
  } finally {
    await mock?.close();
  }
}

function requiredEnv(env: CliIo["env"], name: string): string {
  const value = env[name];
  if (!value) throw new UsageError(`${name} is not set: export it (or use --mock to try the CLI without an account).`);
  return value;
}
