import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import ts from "typescript";
import { importGraph } from "./support/import-graph.ts";

// The client must run on web-standard APIs alone (Workers, edge, browsers, Deno, Bun). Checked: every
// source file the client's entry points load. The Node-only parts (the mock, the CLI) live apart.
const CLIENT_ENTRIES = ["src/index.ts", "src/response-validation.ts"];
const NODE_ONLY_DIRS = ["src/mock/", "src/cli/"];
const NODE_GLOBALS = new Set(["Buffer", "process", "require", "__dirname", "__filename", "global"]);

/** Node-only uses in one file's code (comments and property names like `x.process` do not count). */
function nodeUsages(code: string): string[] {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ true, ts.LanguageVariant.Standard, code);
  const found: string[] = [];
  let previous = ts.SyntaxKind.Unknown;
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    const text = scanner.getTokenValue();
    if (token === ts.SyntaxKind.StringLiteral && text.startsWith("node:")) found.push(`"${text}"`);
    if (token === ts.SyntaxKind.Identifier && NODE_GLOBALS.has(text) && previous !== ts.SyntaxKind.DotToken) found.push(text);
    previous = token;
  }
  return found;
}

test("the scanner finds Node-only imports and globals, and ignores comments and property names", () => {
  const code = 'import { createServer } from "node:http";\n// process.env in a comment\nconst b = Buffer.from(process.env.X ?? "");\nconst ok = task.process;';
  assert.deepEqual(nodeUsages(code), ['"node:http"', "Buffer", "process"]);
});

test("the client's files use no node: module, Buffer, process or require, and load nothing Node-only", () => {
  const files = importGraph(CLIENT_ENTRIES);
  assert.ok(files.includes("src/client.ts") && files.includes("generated/validators.js"), files.join(", "));
  assert.deepEqual(files.filter((file) => NODE_ONLY_DIRS.some((dir) => file.startsWith(dir))), []);
  const offenders = files.flatMap((file) => nodeUsages(readFileSync(file, "utf8")).map((usage) => `${file}: ${usage}`));
  assert.deepEqual(offenders, []);
});
