import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

/** The built file package.json's "bin" points at (run `npm run build` first). */
export const CLI_BIN = resolve((JSON.parse(readFileSync("package.json", "utf8")) as { bin: Record<string, string> }).bin["stytch-b2b-sms"]!);

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `node <bin> …args` as a child process with only PATH and `env` set; killed after 20 s. */
export async function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI_BIN, ...args], { env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  clearTimeout(killer);
  return { code, stdout, stderr, ms: performance.now() - started };
}
