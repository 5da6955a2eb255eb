#!/usr/bin/env node
// The `stytch-b2b-sms` command (package.json "bin"); see help.ts or `stytch-b2b-sms --help`.
import { runCli } from "./run.ts";

runCli(process.argv.slice(2), {
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`Unexpected failure: ${error instanceof Error ? error.name : "error"}\n`);
    process.exitCode = 1;
  },
);
