/**
 * `npm run install:runtimes` (the first step of `npm test`): installs what the runtime matrix and the type
 * checks need besides `npm ci`, or fails saying exactly what to run.
 *  - Node 22, 24 and 26 from the npm package for this platform and CPU, and TypeScript 5.0, each into its
 *    own prefix under .runtimes/ (see extra-runtimes.ts). Exact versions; installed ones are kept.
 *  - A browser: an installed Chromium, Chrome or Edge (see browser.ts), and a redis-server for the Redis
 *    guard store's tests (see redis.ts); each one missing comes from Debian's packages through apt-get if
 *    this is Linux and we are root, otherwise its instruction for this platform.
 * Needs Node and npm only; `npm start` needs none of this.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { browserMissing, findBrowser } from "./browser.ts";
import { EXTRA_NODE_MAJORS, extraNode, nodePackage, TYPESCRIPT_50, type Prefixed } from "./extra-runtimes.ts";
import { findRedisServer, redisMissing } from "./redis.ts";

const QUIET_NPM = { npm_config_update_notifier: "false", npm_config_fund: "false", npm_config_audit: "false" };

const problems: string[] = [];
const wanted = EXTRA_NODE_MAJORS.map((major) => extraNode(major));
if (wanted.includes(undefined)) {
  problems.push(`No npm package ships Node ${EXTRA_NODE_MAJORS.join("/")} for ${process.platform}-${process.arch} (packages exist for Linux x64/arm64, macOS and Windows); run the matrix on one of those.`);
}
const prefixed = [...wanted.filter((runtime): runtime is Prefixed => runtime !== undefined), TYPESCRIPT_50];
const installed = await Promise.all(prefixed.map((runtime) => install(runtime).then(() => undefined, (error: Error) => error.message)));
problems.push(...installed.filter((problem): problem is string => problem !== undefined));

const APT_GET = "/usr/bin/apt-get";
let browser = findBrowser();
let redisServer = findRedisServer();
const fromDebian = [...(browser ? [] : ["chromium"]), ...(redisServer ? [] : ["redis-server"])];
if (fromDebian.length > 0 && process.platform === "linux" && process.getuid?.() === 0 && existsSync(APT_GET)) {
  console.log(`install:runtimes: installing ${fromDebian.join(" and ")} from Debian's packages (apt-get, as root)`);
  await run(APT_GET, ["update", "-qq"])
    .then(() => run(APT_GET, ["install", "-y", "-qq", "--no-install-recommends", ...fromDebian]))
    .catch((error: Error) => problems.push(error.message));
  browser = findBrowser();
  redisServer = findRedisServer();
}
if (!browser) problems.push(browserMissing());
if (!redisServer) problems.push(redisMissing());

if (problems.length > 0) {
  for (const problem of problems) console.error(`install:runtimes: ${problem}`);
  process.exit(1);
}
const emulated = nodePackage()?.emulated ? " (x64 builds, run through the OS's emulation)" : "";
console.log(`runtimes: ${prefixed.map((runtime) => runtime.spec).join(", ")}${emulated}; browser: ${browser!.name} at ${browser!.path}; redis-server at ${redisServer}`);

/** Installs `name@version` into its prefix unless that exact version is there. */
async function install(runtime: Prefixed): Promise<void> {
  const stamp = join(runtime.dir, ".version");
  if (existsSync(runtime.binary()) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === runtime.spec) return;
  rmSync(runtime.dir, { recursive: true, force: true });
  mkdirSync(runtime.dir, { recursive: true });
  const args = ["install", "--prefix", runtime.dir, "--no-save", "--no-package-lock", "--loglevel=error", ...(runtime.emulated ? ["--force"] : []), runtime.spec];
  await npm(args).catch((error: Error) => {
    throw new Error(`${error.message}; to install it by hand: npm ${args.join(" ")}`);
  });
  if (!existsSync(runtime.binary())) throw new Error(`${runtime.spec} installed, but ${runtime.binary()} is missing`);
  writeFileSync(stamp, `${runtime.spec}\n`);
}

/** The npm that runs this script (npm sets npm_execpath), else `npm` from PATH. */
function npm(args: string[]): Promise<void> {
  const cli = process.env.npm_execpath;
  return cli?.endsWith(".js") || cli?.endsWith(".cjs") ? run(process.execPath, [cli, ...args]) : run("npm", args, process.platform === "win32");
}

function run(command: string, args: string[], shell = false): Promise<void> {
  const child = spawn(command, args, {
    stdio: ["ignore", "ignore", "inherit"],
    shell,
    env: { ...process.env, ...QUIET_NPM, DEBIAN_FRONTEND: "noninteractive" },
  });
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} exited with ${code}`))));
  });
}
