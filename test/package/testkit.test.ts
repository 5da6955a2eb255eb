import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { run } from "../support/child.ts";
import { CONSUMER_DIR, packListing, requirePacked } from "../support/packed.ts";

// The README's node:test example, extracted and run as a user's test file would be: a child `node --test`
// in the app folder that has the packed tarball installed, importing the package by its name.
packListing();
const MARKER = "<!-- test kit example: extracted and run by test/package/testkit.test.ts -->";

// The test kit's guide: the mock's depth lives in docs/mock.md, linked from the README.
const GUIDE = "docs/mock.md";

function readmeExample(): string {
  const readme = readFileSync(GUIDE, "utf8");
  const start = readme.indexOf(MARKER);
  assert.ok(start >= 0, `${GUIDE} lost the marker ${MARKER}`);
  const block = /```js\n([\s\S]*?)```/.exec(readme.slice(start));
  assert.ok(block, "no ```js block after the marker");
  return block[1]!;
}

test("the test-kit example (docs/mock.md) passes under node --test", async () => {
  const source = readmeExample();
  const declared = source.match(/^test\(/gm)?.length ?? 0;
  assert.ok(declared >= 3);
  const file = join(CONSUMER_DIR, "readme-example.test.mjs");
  writeFileSync(file, source);
  const result = await run(process.execPath, ["--test", "--test-reporter=tap", file], {});
  assert.equal(result.code, 0, result.stdout + result.stderr);
  assert.match(result.stdout, new RegExp(`^# pass ${declared}$`, "m"));
  assert.match(result.stdout, /^# fail 0$/m);
});

test("every mock member the README and docs/mock.md name exists, and jest's require() form loads", async () => {
  const readme = readFileSync("README.md", "utf8") + readFileSync(GUIDE, "utf8");
  // `mock.x` in code, not a file name such as docs/mock.md.
  const mentioned = [...readme.matchAll(/(?<![/\w])mock\.(\w+)/g)].map((m) => m[1]!);
  const guide = readFileSync(GUIDE, "utf8");
  const table = guide.slice(guide.indexOf("## The mock's API"), guide.indexOf("Faults (`failNext`)"));
  const listed = [...table.matchAll(/^\| (.*?) \|/gm)].flatMap((row) => [...row[1]!.matchAll(/`(\w+)/g)].map((m) => m[1]!));
  assert.ok(listed.length >= 15, `the API table lists ${listed.length} names`);
  const { startMockStytch } = requirePacked("stytch-b2b-sms/mock") as typeof import("../../src/mock/index.ts");
  const instance = await startMockStytch();
  try {
    for (const name of new Set([...mentioned, ...listed.filter((name) => name !== "startMockStytch")])) {
      assert.ok(name in instance, `README names mock.${name}, which does not exist`);
    }
  } finally {
    await instance.close();
  }
});
