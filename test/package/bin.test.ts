import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { runCli } from "../support/run-cli.ts";
import { INSTALLED_DIR, packListing } from "../support/packed.ts";

// The `stytch-b2b-sms` command as installed from the tarball (test/cli.test.ts covers its behaviour from
// source): the file package.json's "bin" names, run by Node, with its own embedded mock.
packListing();
const { bin } = JSON.parse(readFileSync(join(INSTALLED_DIR, "package.json"), "utf8")) as { bin: Record<string, string> };
const BIN = join(INSTALLED_DIR, bin["stytch-b2b-sms"]!);

test("the bin is an ES module with a node shebang", () => {
  assert.equal(bin["stytch-b2b-sms"], "./dist/esm/cli/main.js");
  assert.ok(readFileSync(BIN, "utf8").startsWith("#!/usr/bin/env node\n"));
});

test("the packed bin prints its help, sends and authenticates through its embedded mock", async () => {
  const help = await runCli(["--help"], {}, [BIN]);
  assert.equal(help.code, 0, help.stderr);
  assert.match(help.stdout, /^stytch-b2b-sms: the Stytch B2B SMS one-time passcode step/);

  const sent = await runCli(["send", "--mock", "--phone", "+15005550006"], {}, [BIN]);
  assert.equal(sent.code, 0, sent.stderr);
  assert.match(sent.stdout, /\[mock\] SMS to \+15005550006: code \d{6} \(locale en\)/);

  const authenticated = await runCli(["authenticate", "--mock"], {}, [BIN]);
  assert.equal(authenticated.code, 0, authenticated.stderr);
  assert.match(authenticated.stdout, /^Authenticated the SMS code/);
});
