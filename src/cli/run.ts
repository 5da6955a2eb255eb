import * as generated from "../../generated/operations.ts";
import { createStytchB2BClient } from "../client.ts";
import type { StytchB2BClientOptions } from "../core.ts";
import { operationMethod } from "../internal/pipeline.ts";
import { createRedactor, type Redact } from "../internal/redact.ts";
import type { MockApi, MockStytch } from "../mock/index.ts";
import { specificsOf } from "./commands.ts";
import { EXIT, exitCodeFor } from "./exit-codes.ts";
import { helpText } from "./help.ts";
import { parseCommandLine, UsageError, type CallCommand } from "./parse-args.ts";
import { errorJson, errorText, successJson, successText, type Success } from "./report.ts";

export interface CliIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout(text: string): void;
  stderr(text: string): void;
}

/**
 * Runs the command line and returns the exit code; nothing it prints holds the secret, a code or a token.
 * `api` is the operation table the commands come from (and the mock serves): this package's, or for tests
 * another spec's generated table.
 */
export async function runCli(argv: readonly string[], io: CliIo, api: MockApi = generated): Promise<number> {
  // The client keeps credentials out of its errors; this also covers anything else printed: the secret, and
  // every credential given on the command line (a code, a session token …).
  let redact: Redact = createRedactor([io.env.STYTCH_SECRET ?? ""]);
  const stdout = (text: string) => io.stdout(redact(text));
  const stderr = (text: string) => io.stderr(redact(text));
  const json = argv.includes("--json");
  try {
    const command = parseCommandLine(argv, api.operations);
    if (command.kind === "help") {
      stdout(helpText(api.operations));
      return EXIT.ok;
    }
    const given = command.operation.credentials.map((field) => command.body[field]).filter((value): value is string => typeof value === "string");
    redact = createRedactor([io.env.STYTCH_SECRET ?? "", ...given]);
    const result = await call(command, io.env, api);
    stdout(command.json ? successJson(result) : successText(result));
    return EXIT.ok;
  } catch (error) {
    const code = error instanceof UsageError ? EXIT.usage : exitCodeFor(error);
    if (json) stdout(errorJson(error, code));
    else stderr(errorText(error));
    return code;
  }
}

async function call(command: CallCommand, env: CliIo["env"], api: MockApi): Promise<Success> {
  const specifics = specificsOf(command.operation);
  const fields = command.operation.request.properties;
  let mock: MockStytch | undefined;
  try {
    let options: StytchB2BClientOptions;
    const body = { ...command.body };
    if (command.mock) {
      if (command.baseUrl !== undefined) throw new UsageError("--base-url cannot be combined with --mock.");
      const { startMockStytch } = await import("../mock/index.ts");
      mock = await startMockStytch({ api });
      options = { ...mock.clientOptions };
      // Only the fields this operation has.
      if (Object.hasOwn(fields, "organization_id")) body.organization_id ??= mock.organization.organization_slug;
      if (Object.hasOwn(fields, "member_id")) body.member_id ??= mock.member.member_id;
    } else {
      options = { projectId: requiredEnv(env, "STYTCH_PROJECT_ID"), secret: requiredEnv(env, "STYTCH_SECRET") };
      const baseUrl = command.baseUrl ?? (env.STYTCH_BASE_URL || undefined);
      if (baseUrl !== undefined) options.baseUrl = baseUrl;
    }
    if (command.timeoutMs !== undefined) options.timeoutMs = command.timeoutMs;
    const client = createStytchB2BClient(options);
    const mockNote = mock && specifics?.prepareMock ? await specifics.prepareMock(mock, client, body) : undefined;
    const sentBefore = mock?.sentSms.length ?? 0;
    const response = (await operationMethod(client, command.operation)(body as never)) as Record<string, unknown>;
    // The SMS this very call sent, if it sent one (a send through the mock).
    const sms = mock && mock.sentSms.length > sentBefore ? mock.lastSms() : undefined;
    return { operation: command.operation, response, sms, mockNote };
  } finally {
    await mock?.close();
  }
}

function requiredEnv(env: CliIo["env"], name: string): string {
  const value = env[name];
  if (!value) throw new UsageError(`${name} is not set: export it (or use --mock to try the CLI without an account).`);
  return value;
}
