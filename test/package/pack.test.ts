import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { INSTALLED_DIR, packListing } from "../support/packed.ts";

// What `npm publish` would upload: npm's own listing of the packed tarball, and the files as installed from it.
const packed = packListing();
const paths = packed.files.map((file) => file.path);
const manifest = JSON.parse(readFileSync(join(INSTALLED_DIR, "package.json"), "utf8")) as {
  bin: Record<string, string>;
  main: string;
  module: string;
  types: string;
  exports: Record<string, unknown>;
};

const TOP_LEVEL = ["package.json", "README.md", "LICENSE", "CHANGELOG.md", "spec/openapi.yaml"];
const BUILT = /^dist\/((esm|cjs)\/[\w./-]+\.(js|d\.ts)|cjs\/package\.json|validators\.cjs)$/;

test("the package holds only the build, the spec and the top-level documents", () => {
  const unexpected = paths.filter((path) => !TOP_LEVEL.includes(path) && !BUILT.test(path));
  assert.deepEqual(unexpected, []);
  for (const path of TOP_LEVEL) assert.ok(paths.includes(path), `${path} is not in the package`);
});

test("ES modules and CommonJS ship the same entries, each .d.ts beside its .js, the validators once", () => {
  const files = (format: string) => paths.filter((path) => path.startsWith(`dist/${format}/`)).map((path) => path.slice(`dist/${format}/`.length));
  const esm = files("esm");
  const cjs = files("cjs").filter((path) => path !== "package.json");
  // The bin is the one ES-module-only file.
  assert.deepEqual(cjs, esm.filter((path) => path !== "cli/main.js"));
  for (const path of [...esm, ...cjs].filter((path) => path.endsWith(".d.ts"))) {
    assert.ok(esm.includes(path.replace(/\.d\.ts$/, ".js")), `${path} declares a file that is not shipped`);
  }
  assert.deepEqual(paths.filter((path) => /validators/.test(path)), ["dist/validators.cjs"]);
});

test("no tests, fixtures, examples, docs, scripts or local state", () => {
  const forbidden = [/^test\//, /\.test\./, /^examples\//, /^docs\//, /^scripts\//, /^bench\//, /^generated\//, /^src\//];
  forbidden.push(/^\.(build|runtimes|ci|git)\//, /(^|\/)\.env/, /(^|\/)\.npmrc$/, /\.(pem|key|p12|tgz|map)$/, /(^|\/)id_(rsa|ed25519)/);
  for (const pattern of forbidden) assert.deepEqual(paths.filter((path) => pattern.test(path)), [], String(pattern));
});

test("every entry point package.json names is in the package", () => {
  const leaves = (value: unknown): string[] =>
    typeof value === "string" ? [value] : Object.values(value as Record<string, unknown>).flatMap(leaves);
  const targets = [manifest.main, manifest.module, manifest.types, ...Object.values(manifest.bin), ...leaves(manifest.exports)];
  assert.ok(targets.length > 10);
  for (const target of targets) assert.ok(paths.includes(target.replace(/^\.\//, "")), `${target} is not in the package`);
});

test("no secret in any packed file", () => {
  const secrets = [/secret-(test|live)-[\w=-]{16,}/, /-----BEGIN [A-Z ]*PRIVATE KEY-----/, /npm_[A-Za-z0-9]{36}/, /gh[pousr]_[A-Za-z0-9]{36}/];
  const fromEnv = process.env.STYTCH_SECRET;
  for (const path of paths) {
    const text = readFileSync(join(INSTALLED_DIR, path), "utf8");
    for (const pattern of secrets) assert.doesNotMatch(text, pattern, `${path} holds something like a secret`);
    if (fromEnv) assert.ok(!text.includes(fromEnv), `${path} holds $STYTCH_SECRET`);
  }
});

// 911 KB before the send guard's three subpaths (some 90 KB in both formats with their types) and the
// CLI's table-driven commands for every operation shape.
test("the package stays small", () => {
  assert.ok(packed.unpackedSize < 1.2 * 1024 * 1024, `unpacked size ${packed.unpackedSize} bytes`);
});
