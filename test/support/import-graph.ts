import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, normalize } from "node:path";
import ts from "typescript";

/** Every module specifier a file names: imports, re-exports, `import()`, `require()` and `typeof import()`. */
export function specifiers(file: string): string[] {
  const found: string[] = [];
  const literal = (node: ts.Node | undefined) => node && ts.isStringLiteral(node) && found.push(node.text);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) literal(node.moduleSpecifier);
    if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === "require"))) {
      literal(node.arguments[0]);
    }
    if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) literal(node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true));
  return found;
}

/** The entries and every file they import, transitively (relative imports; packages are not followed). */
export function importGraph(entries: string[]): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of specifiers(file)) {
      if (!specifier.startsWith(".")) continue;
      const path = normalize(join(dirname(file), specifier));
      const found = [path, path.replace(/\.js$/, ".ts")].find((candidate) => existsSync(candidate));
      assert.ok(found, `${file} imports ${specifier}, which does not exist`);
      visit(found);
    }
  };
  entries.forEach(visit);
  return [...seen];
}
