/**
 * `npm run build`: dist/esm (tsc: ES modules + .d.ts) and dist/cjs (the same files converted to CommonJS by
 * esbuild, file by file so relative imports and lazy `import()`s keep working, with the .d.ts copied
 * next to them under a `{"type":"commonjs"}` package.json). The hand-written generated/validators.js and its
 * .d.ts are copied in first, since tsc does not emit plain JS. Last, each ES module entry point is bundled
 * into one file (openapi-fetch left as an import): one file to load instead of twenty cuts the time from
 * process start to the first response. No runtime code is shared between entries (the mock and the response
 * validators use the client's types only), so no class exists twice; the CLI carries its own copy.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { build, transform } from "esbuild";

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

const ENTRIES = ["src/index.js", "src/mock/index.js", "src/response-validation.js", "src/cli/main.js"];
const bundled = await build({
  entryPoints: ENTRIES.map((entry) => join(ESM, entry)),
  outbase: ESM,
  outdir: ESM,
  entryNames: "[dir]/[name]",
  bundle: true,
  format: "esm",
  platform: "neutral",
  target: "es2022",
  external: ["openapi-fetch", "node:*"],
  // The generated validators stay one shared file as generated (entries sit at the same depths, so the
  // relative specifier written in the source still points at it).
  plugins: [{ name: "keep-validators", setup: (b) => b.onResolve({ filter: /generated\/validators\.js$/ }, (a) => ({ path: a.path, external: true })) }],
  write: false,
  logLevel: "error",
});
for (const file of walk(ESM)) if (file.endsWith(".js") && !file.endsWith("validators.js")) rmSync(file);
for (const output of bundled.outputFiles) {
  mkdirSync(dirname(output.path), { recursive: true });
  writeFileSync(output.path, output.contents);
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}
