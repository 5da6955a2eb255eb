import { spawn } from "node:child_process";
import { resolve } from "node:path";

/** The command line from source: Node runs src/cli/main.ts through tsx, as `npm start` runs the demo. */
export const SOURCE_CLI = ["--import", "tsx", resolve("src/cli/main.ts")];

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/**
 * Runs `node <cli> …args` as a child process with only PATH and `env` set; killed after 20 s. `cli` is the
 * source by default; the package-level tests pass the packed bin.
 */
export async function runCli(args: string[], env: Record<string, string> = {}, cli: string[] = SOURCE_CLI): Promise<CliRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [...cli, ...args], { env: { PATH: process.env.PATH ?? "", NO_COLOR: "1", ...env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  clearTimeout(killer);
  return { code, stdout, stderr, ms: performance.now() - started };
}
