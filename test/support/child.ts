import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/** Environment for Deno, Bun and Node children: no colours, update checks or prompts. */
export const QUIET = { NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1", DENO_NO_PROMPT: "1", DO_NOT_TRACK: "1" };

/** Runs a command to completion (killed after 20 s) and returns its exit code and output. */
export async function run(command: string, args: string[], env: Record<string, string>) {
  const child = spawn(command, args, { env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...QUIET, ...env } });
  const output = collect(child);
  const killer = setTimeout(() => child.kill("SIGKILL"), 20_000);
  const code = await new Promise<number | null>((done) => child.on("close", done));
  clearTimeout(killer);
  return { code, stdout: output.stdout, stderr: output.stderr };
}

/** Starts a long-running command and resolves once a stdout line matches `ready` (rejects after 15 s). */
export async function start(command: string, args: string[], env: Record<string, string>, ready: RegExp) {
  const child = spawn(command, args, { env: { PATH: process.env.PATH ?? "", ...QUIET, ...env } });
  const output = collect(child);
  const match = await new Promise<RegExpMatchArray>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after 15 s: ${output.stdout}${output.stderr}`)), 15_000);
    child.stdout.on("data", () => {
      const found = output.stdout.match(ready);
      if (!found) return;
      clearTimeout(timer);
      resolve(found);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${output.stderr}`));
    });
  });
  return { child, match, output, stop: () => stop(child) };
}

function collect(child: ChildProcessWithoutNullStreams) {
  const output = { stdout: "", stderr: "" };
  child.stdout.on("data", (chunk: Buffer) => (output.stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output.stderr += chunk.toString("utf8")));
  return output;
}

/** SIGTERM, then the exit code (SIGKILL after 5 s). */
async function stop(child: ChildProcessWithoutNullStreams): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const closed = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  child.kill("SIGTERM");
  const killer = setTimeout(() => child.kill("SIGKILL"), 5_000);
  const code = await closed;
  clearTimeout(killer);
  return code;
}
