import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { connect, createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findRedisServer, redisMissing } from "../../scripts/redis.ts";

// Every server still running and its dir: killed and removed when this process ends, however it ends (a
// test file that fails before close(), a signal).
const running = new Set<ChildProcess>();
const dirs = new Set<string>();
let cleanupHooked = false;

/**
 * A throwaway redis-server on 127.0.0.1 and a free port, in its own temp dir, keeping nothing on disk. Resolves
 * once it answers PING. `stop()` then `start()` gives an empty server on the same port (a restart);
 * `close()` stops it for good and removes its dir.
 */
export async function startRedis() {
  const binary = findRedisServer();
  if (!binary) throw new Error(redisMissing());
  hookCleanup();
  const dir = mkdtempSync(join(tmpdir(), "guard-redis-"));
  dirs.add(dir);
  const port = await freePort();
  const args = ["--bind", "127.0.0.1", "--port", String(port), "--dir", dir, "--save", "", "--appendonly", "no", "--loglevel", "warning"];
  let child: ChildProcess | undefined;

  const start = async () => {
    if (child) return;
    // No pipes and unref'd: a test file that forgets close() still ends, and its exit hook kills the server.
    const started = spawn(binary, [...args, "--logfile", join(dir, "redis.log")], { cwd: dir, stdio: "ignore" });
    started.unref();
    running.add(started);
    started.on("exit", () => running.delete(started));
    child = started;
    await answersPing(port, started).catch(async (error: Error) => {
      await stop();
      throw new Error(`redis-server on port ${port} did not start: ${error.message}\n${readLog(dir)}`);
    });
  };
  const stop = async () => {
    const stopping = child;
    child = undefined;
    if (!stopping || stopping.exitCode !== null || stopping.signalCode !== null) return;
    const exited = new Promise((done) => stopping.once("exit", done));
    stopping.ref(); // keeps this process alive until the exit is seen
    stopping.kill("SIGKILL"); // nothing to save: a kill is the quickest clean stop
    await exited;
  };

  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    dirs.delete(dir);
  };
  await start().catch((error: Error) => {
    remove();
    throw error;
  });
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop,
    close: async () => {
      await stop();
      remove();
    },
  };
}

function hookCleanup(): void {
  if (cleanupHooked) return;
  cleanupHooked = true;
  const killAll = () => {
    running.forEach((child) => child.kill("SIGKILL"));
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  };
  process.on("exit", killAll);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    // Once: after killing the servers, the signal is raised again and ends this process as it would have.
    process.once(signal, () => {
      killAll();
      process.kill(process.pid, signal);
    });
  }
}

function readLog(dir: string): string {
  try {
    return readFileSync(join(dir, "redis.log"), "utf8");
  } catch {
    return "(no log)";
  }
}

/** A loopback port nothing listens on (the OS's pick, released at once for the server to take). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Sends PING every 20 ms until +PONG comes back; rejects if the server exits or after 10 s. */
async function answersPing(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`exited with ${child.exitCode ?? child.signalCode}`);
    if (await ping(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("no answer to PING after 10 s");
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1_000, () => done(false));
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk: Buffer) => {
      answer += chunk.toString("latin1");
      if (answer.includes("\r\n")) done(answer.startsWith("+PONG"));
    });
    socket.on("error", () => done(false));
  });
}
