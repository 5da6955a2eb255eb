import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import ts from "typescript";

// The client must run on web-standard APIs alone (Workers, edge, browsers, Deno, Bun). The mock is a Node
// HTTP server and lives apart in src/mock/, which is the only place allowed to use Node.
const NODE_ONLY_DIR = join("src", "mock");
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

function clientFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return path === NODE_ONLY_DIR ? [] : clientFiles(path);
    return /\.(ts|js)$/.test(entry.name) ? [path] : [];
  });
}

test("the scanner finds Node-only imports and globals, and ignores comments and property names", () => {
  const code = 'import { createServer } from "node:http";\n// process.env in a comment\nconst b = Buffer.from(process.env.X ?? "");\nconst ok = task.process;';
  assert.deepEqual(nodeUsages(code), ['"node:http"', "Buffer", "process"]);
});

test("src/ (but src/mock/) and generated/ use no node: module, Buffer, process or require", () => {
  const files = clientFiles("src").concat(clientFiles("generated"));
  assert.ok(files.includes(join("src", "client.ts")) && files.every((file) => !file.startsWith(NODE_ONLY_DIR)));
  const offenders = files.flatMap((file) => nodeUsages(readFileSync(file, "utf8")).map((usage) => `${file}: ${usage}`));
  assert.deepEqual(offenders, []);
});
