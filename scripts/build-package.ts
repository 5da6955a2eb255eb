/**
 * `npm run build`: dist/esm (tsc: ES modules + .d.ts) and dist/cjs (the same files converted to CommonJS by
 * esbuild, file by file so relative imports and lazy `import()`s keep working, with the .d.ts copied
 * next to them under a `{"type":"commonjs"}` package.json). The hand-written generated/validators.js and its
 * .d.ts are copied in first, since tsc does not emit plain JS.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { transform } from "esbuild";

const ESM = "dist/esm";
const CJS = "dist/cjs";

rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, ["node_modules/typescript/bin/tsc", "-p", "tsconfig.build.json"], { stdio: "inherit" });
for (const file of ["validators.js", "validators.d.ts"]) cpSync(join("generated", file), join(ESM, "generated", file));

for (const file of walk(ESM)) {
  const target = join(CJS, relative(ESM, file));
  mkdirSync(dirname(target), { recursive: true });
  if (!file.endsWith(".js")) {
    cpSync(file, target);
    continue;
  }
  // A per-file transform (not a build) so that `import x from "cjs-package"` reads `exports.default` when the
  // package sets __esModule, as CommonJS consumers expect, rather than Node's ESM view of it.
  // platform "node" adds the export-names annotation Node's CommonJS loader reads for `import()` from ESM.
  const { code, warnings } = await transform(readFileSync(file, "utf8"), { format: "cjs", platform: "node", target: "es2022", sourcefile: file });
  // e.g. `import.meta` has no CommonJS equivalent and would silently become {}.
  if (warnings.length > 0) throw new Error(`${file} does not convert cleanly to CommonJS: ${warnings.map((w) => w.text).join("; ")}`);
  writeFileSync(target, code);
}
writeFileSync(join(CJS, "package.json"), `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
