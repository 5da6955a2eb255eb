/**
 * The redis-server the Redis guard store's tests start (test/support/redis.ts): an installed one, found
 * where it usually lives (REDIS_SERVER first). No npm package ships the server; the tests bring no Docker.
 */
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";

/** The first redis-server found: $REDIS_SERVER, then `redis-server` on PATH, then /usr/bin/redis-server. */
export function findRedisServer(): string | undefined {
  const name = process.platform === "win32" ? "redis-server.exe" : "redis-server";
  const onPath = (process.env.PATH ?? "").split(delimiter).filter(Boolean).map((dir) => join(dir, name));
  return [process.env.REDIS_SERVER, ...onPath, "/usr/bin/redis-server"].find((candidate) => candidate && existsSync(candidate));
}

/** What to do when no redis-server is found, for this platform: one instruction. */
export function redisMissing(): string {
  const install: Partial<Record<NodeJS.Platform, string>> = {
    linux: "install Redis (Debian/Ubuntu: `sudo apt-get update && sudo apt-get install -y --no-install-recommends redis-server`; `npm test` does this itself when run as root)",
    darwin: "install Redis (`brew install redis`)",
    win32: "run the tests inside WSL, where Debian/Ubuntu's `redis-server` package installs it",
  };
  const how = install[process.platform] ?? "install Redis 6.2 or later";
  return `No redis-server found for the Redis guard store's tests: ${how}, or set REDIS_SERVER to the server's executable.`;
}
