import { spawn, spawnSync } from "node:child_process";
import type { ConformanceResult } from "./result.ts";

/** Environment for every runtime and tool the matrix starts: no colours, no telemetry, no update checks. */
export const QUIET_ENV = {
  NO_COLOR: "1",
  DO_NOT_TRACK: "1",
  DENO_NO_UPDATE_CHECK: "1",
  DENO_NO_PROMPT: "1",
  CLOUDFLARE_CF_FETCH_ENABLED: "false",
  WRANGLER_SEND_METRICS: "false",
  npm_config_update_notifier: "false",
} as const;

/** Runs a runtime on one of the app's entry files and returns the `CONFORMANCE {…}` line it printed. */
export async function runEntry(command: string, args: string[], options: { cwd: string; env: Record<string, string> }) {
  const child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...QUIET_ENV, ...options.env } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const killer = setTimeout(() => child.kill("SIGKILL"), 30_000);
  const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
  clearTimeout(killer);
  const line = stdout.split("\n").find((text) => text.startsWith("CONFORMANCE "));
  if (code !== 0 || !line) {
    throw new Error(`${command} exited with ${code}${line ? "" : " without a result"}: ${lastLines(stderr || stdout)}`);
  }
  return JSON.parse(line.slice("CONFORMANCE ".length)) as ConformanceResult;
}

/** First line of `command --version`, or "" when it cannot run. */
export function versionOf(command: string, args = ["--version"]): string {
  const result = spawnSync(command, args, { encoding: "utf8", env: { ...process.env, ...QUIET_ENV } });
  return result.status === 0 ? result.stdout.split("\n")[0]!.trim() : "";
}

function lastLines(text: string): string {
  return text.trim().split("\n").slice(-3).join(" | ");
}
