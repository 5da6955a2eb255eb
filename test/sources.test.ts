import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { importGraph, specifiers } from "./support/import-graph.ts";

// The behaviour tests test the source: inside this repository the package's own name resolves to dist/
// (a self-reference through "exports"), which may be missing or stale. Only test/package/ (the packed
// tarball) and the runtime matrix may load the package by name.
const BEHAVIOUR_TESTS = readdirSync("test").filter((name) => name.endsWith(".test.ts")).map((name) => join("test", name));

test("no behaviour test, nor anything it loads, imports the package by its own name", () => {
  const files = importGraph(BEHAVIOUR_TESTS);
  assert.ok(files.includes(join("src", "client.ts")) && files.includes(join("src", "mock", "index.ts")), files.join(", "));
  const byName = files.flatMap((file) => specifiers(file).filter((specifier) => /^stytch-b2b-sms(\/|$)/.test(specifier)).map((specifier) => `${file}: ${specifier}`));
  assert.deepEqual(byName, []);
});

test("the scan sees static, dynamic and type-only imports", () => {
  assert.deepEqual(specifiers(join("test", "package", "testkit.test.ts")).filter((specifier) => specifier.startsWith("../../src/")), ["../../src/mock/index.ts"]);
  assert.ok(specifiers(join("src", "cli", "run.ts")).filter((specifier) => specifier === "../mock/index.ts").length >= 2, "run.ts imports the mock's types and loads it with import()");
});
