import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { browserMissing, findBrowser, launchOfflineBrowser } from "../../../scripts/browser.ts";
import { extraNode, INSTALL_RUNTIMES, type EXTRA_NODE_MAJORS } from "../../../scripts/extra-runtimes.ts";
import type { ConformanceSetup } from "./control-server.ts";
import { runEntry, versionOf } from "./processes.ts";
import type { ConformanceResult } from "./result.ts";

/** What one runtime's run gets from the matrix. */
export interface RunContext {
  /** .build/consumer, absolute: the installed tarball plus the app's entry files. */
  consumerDir: string;
  clientOptions: { projectId: string; secret: string; baseUrl: string };
  setup: ConformanceSetup;
  /** STYTCH_PROJECT_ID, STYTCH_SECRET, STYTCH_BASE_URL and CONFORMANCE_SETUP (JSON), as the entries read them. */
  env: Record<string, string>;
  /** Makes the control server answer GET /browser.js with this bundle. */
  servePageScript(script: string): void;
}

export interface Runtime {
  name: string;
  /** Why it cannot run here, with how to install it; undefined when it can. */
  missing(): string | undefined;
  /** The runtime's version, e.g. "20.20.2" ("" when unknown). */
  version(): string;
  run(context: RunContext): Promise<ConformanceResult>;
}

const bin = (name: string) => resolve("node_modules/.bin", name);
const packageVersion = (name: string) =>
  (JSON.parse(readFileSync(resolve("node_modules", name, "package.json"), "utf8")) as { version: string }).version;

function node(name: string, binary: string, entry: "node.mjs" | "node-require.cjs", missing?: string): Runtime {
  return {
    name,
    missing: () => (existsSync(binary) ? undefined : missing),
    version: () => versionOf(binary).replace(/^v/, ""),
    run: ({ consumerDir, env }) => runEntry(binary, [entry], { cwd: consumerDir, env }),
  };
}

/** Node `major` from its npm package in .runtimes/ (see scripts/extra-runtimes.ts). */
function nodeFromNpm(major: (typeof EXTRA_NODE_MAJORS)[number]): Runtime {
  const installed = extraNode(major);
  if (!installed) {
    const missing = `no npm package ships Node ${major} for ${process.platform}-${process.arch}`;
    return { name: "node", missing: () => missing, version: () => "", run: () => Promise.reject(new Error(missing)) };
  }
  return node("node", installed.binary(), "node.mjs", `Node ${major} is not installed in ${installed.dir}: ${INSTALL_RUNTIMES}`);
}

const deno: Runtime = {
  name: "deno",
  missing: () => (existsSync(bin("deno")) ? undefined : "deno is not installed: run `npm ci`"),
  version: () => versionOf(bin("deno")).replace(/^deno (\S+).*/, "$1"),
  run: ({ consumerDir, env }) =>
    runEntry(
      bin("deno"),
      ["run", "--no-lock", "--allow-net=127.0.0.1", `--allow-env=${Object.keys(env).join(",")}`, "deno.js"],
      { cwd: consumerDir, env: { ...env, DENO_DIR: resolve(".build/deno-dir") } },
    ),
};

const bun: Runtime = {
  name: "bun",
  missing: () => (existsSync(bin("bun")) ? undefined : "bun is not installed: run `npm ci`"),
  version: () => versionOf(bin("bun")),
  run: ({ consumerDir, env }) => runEntry(bin("bun"), ["run", "--no-install", "bun.js"], { cwd: consumerDir, env }),
};

const workerd: Runtime = {
  name: "workerd",
  missing: () => undefined,
  version: () => `${packageVersion("workerd")} (miniflare ${packageVersion("miniflare")})`,
  async run({ consumerDir, env }) {
    const script = await bundle(join(consumerDir, "worker.js"), {
      format: "esm",
      platform: "neutral",
      conditions: ["workerd", "worker", "browser"],
    });
    const { Miniflare } = await import("miniflare");
    // A compatibility date before 2024-11-11, when workerd still throws on a `cache` field in fetch's init
    // (what broke the official SDK on Workers): many deployed Workers are pinned that old.
    // One bundled module, as wrangler uploads it; `modules: true` makes miniflare read its imports itself, and
    // it refuses an import() with a computed specifier. cf: false: no request.cf fetch at start.
    const mf = new Miniflare({
      modules: true,
      script,
      compatibilityDate: "2024-09-23",
      cf: false,
      bindings: env,
    });
    try {
      const response = await mf.dispatchFetch("http://localhost/");
      return (await response.json()) as ConformanceResult;
    } finally {
      await mf.dispose();
    }
  },
};

const edge: Runtime = {
  name: "edge-runtime vm",
  missing: () => undefined,
  version: () => packageVersion("@edge-runtime/vm"),
  async run({ consumerDir, env, setup }) {
    // Like Next.js, inline process.env.STYTCH_* at bundle time; the VM itself has no `process`.
    const define = Object.fromEntries(
      ["STYTCH_PROJECT_ID", "STYTCH_SECRET", "STYTCH_BASE_URL"].map((key) => [`process.env.${key}`, JSON.stringify(env[key])]),
    );
    const script = await bundle(join(consumerDir, "edge.js"), {
      format: "iife",
      globalName: "route",
      platform: "browser",
      conditions: ["edge-light", "worker", "browser"],
      define,
    });
    const { EdgeVM } = await import("@edge-runtime/vm");
    const vm = new EdgeVM();
    const globals = vm.evaluate<string>("[typeof process, typeof require, typeof Buffer].join()");
    if (globals !== "undefined,undefined,undefined") throw new Error(`the edge VM has Node globals: ${globals}`);
    vm.evaluate(script);
    const request = `new Request("http://localhost/api/send-otp", { method: "POST", body: ${JSON.stringify(JSON.stringify(setup))} })`;
    return JSON.parse(await vm.evaluate<Promise<string>>(`route.POST(${request}).then((response) => response.text())`)) as ConformanceResult;
  },
};

const found = findBrowser();
let browserVersion = "";
/** Chromium, Chrome or Edge, whichever is installed (see scripts/browser.ts), named by what was found. */
const browser: Runtime = {
  name: found?.name ?? "browser",
  missing: () => (found ? undefined : browserMissing()),
  version: () => browserVersion,
  async run({ consumerDir, setup, servePageScript }) {
    servePageScript(await bundle(join(consumerDir, "browser.js"), { format: "esm", platform: "browser" }));
    const launched = await launchOfflineBrowser(found!);
    try {
      browserVersion = launched.version();
      const page = await launched.newPage();
      const pageError = new Promise<never>((_, reject) => page.on("pageerror", (error) => reject(new Error(`page error: ${error.message}`))));
      await page.goto(`${setup.controlUrl}/`);
      const done = page.waitForFunction(() => (globalThis as { conformance?: unknown }).conformance, null, { timeout: 20_000 });
      await Promise.race([done, pageError]);
      return await page.evaluate(() => (globalThis as unknown as { conformance: ConformanceResult }).conformance);
    } finally {
      await launched.close();
    }
  },
};

async function bundle(entry: string, options: Parameters<typeof build>[0]): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, write: false, target: "es2022", logLevel: "error", ...options });
  return result.outputFiles![0]!.text;
}

/** The matrix, in the order it runs. */
export const RUNTIMES: Runtime[] = [
  node("node", process.execPath, "node.mjs"),
  { ...node("node", process.execPath, "node-require.cjs"), name: "node (require)" },
  nodeFromNpm(22),
  nodeFromNpm(24),
  nodeFromNpm(26),
  deno,
  bun,
  workerd,
  edge,
  browser,
];
