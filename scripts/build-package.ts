/**
 * `npm run build`: dist/ as published, from src/ and generated/.
 *  - Each entry point is bundled by esbuild into one file (one file to load instead of twenty: a faster
 *    first response), as an ES module in dist/esm; its CommonJS twin in dist/cjs is that same bundle
 *    converted, so both formats have the same module graph.
 *  - An import of another entry stays an import of that entry's file (the CLI loads the mock's), so no code
 *    ships twice and no class exists twice. openapi-fetch stays an import of the dependency.
 *  - The generated validators (used by the mock and the response validators) ship once, as CommonJS
 *    (dist/validators.cjs), which ES modules and CommonJS can both load.
 *  - Each importable entry gets one bundled .d.ts in each format; nothing else has one.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { build, transform, type Plugin } from "esbuild";
import { generateDtsBundle } from "dts-bundle-generator";

/** Source entry → its file under dist/esm and dist/cjs; `types: false` for the CLI (a bin, not importable). */
const ENTRIES = [
  { source: "src/index.ts", out: "index.js", types: true },
  { source: "src/mock/index.ts", out: "mock/index.js", types: true },
  { source: "src/response-validation.ts", out: "response-validation.js", types: true },
  { source: "src/guard/index.ts", out: "guard/index.js", types: true },
  { source: "src/guard/redis.ts", out: "guard/redis.js", types: true },
  { source: "src/guard/world-regions.ts", out: "guard/regions.js", types: true },
  { source: "src/opentelemetry/index.ts", out: "opentelemetry.js", types: true },
  { source: "src/cli/main.ts", out: "cli/main.js", types: false },
];
const VALIDATORS = { source: "generated/validators.js", out: "dist/validators.cjs" };

rmSync("dist", { recursive: true, force: true });
// Whitespace minified: ajv writes them on one line, which the conversion would otherwise spread over thousands.
writeFile(VALIDATORS.out, await toCommonJs(readFileSync(VALIDATORS.source, "utf8"), VALIDATORS.source, true));
writeFile("dist/cjs/package.json", `${JSON.stringify({ type: "commonjs" }, null, 2)}\n`);

for (const entry of ENTRIES) {
  const esm = join("dist/esm", entry.out);
  const { outputFiles } = await build({
    entryPoints: [entry.source],
    bundle: true,
    write: false,
    outfile: esm,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    external: ["openapi-fetch", "@opentelemetry/api", "node:*"],
    plugins: [sharedFiles(esm)],
    logLevel: "error",
  });
  const code = outputFiles[0]!.text;
  writeFile(esm, code);
  // The bin is ESM only; every importable entry also ships as CommonJS.
  if (entry.types) writeFile(join("dist/cjs", entry.out), await toCommonJs(code, esm));
}

const typed = ENTRIES.filter((entry) => entry.types);
const declarations = generateDtsBundle(
  typed.map((entry) => ({ filePath: entry.source, output: { noBanner: true, exportReferencedTypes: false } })),
  { preferredConfigPath: "tsconfig.json" },
);
typed.forEach((entry, i) => {
  for (const format of ["esm", "cjs"]) writeFile(join("dist", format, entry.out.replace(/\.js$/, ".d.ts")), declarations[i]!);
});

/** Keeps imports of another entry, and of the generated validators, as imports of their shipped file. */
function sharedFiles(outfile: string): Plugin {
  const shipped = new Map<string, string>([
    [resolve(VALIDATORS.source), resolve(VALIDATORS.out)],
    ...ENTRIES.map((entry) => [resolve(entry.source), resolve("dist/esm", entry.out)] as [string, string]),
  ]);
  return {
    name: "shared-files",
    setup(b) {
      b.onResolve({ filter: /^\./ }, (args) => {
        const target = shipped.get(resolve(args.resolveDir, args.path));
        if (!target || target === resolve(outfile)) return undefined;
        const path = relative(dirname(resolve(outfile)), target).replaceAll("\\", "/");
        return { path: path.startsWith(".") ? path : `./${path}`, external: true };
      });
    },
  };
}

/**
 * ES module → CommonJS, by a transform (not a build) so that `import x from "openapi-fetch"` reads
 * `exports.default`, as openapi-fetch's CommonJS build (which sets __esModule) expects. platform "node" adds
 * the export-names annotation Node reads when an ES module imports a CommonJS file.
 */
async function toCommonJs(code: string, file: string, minifyWhitespace = false): Promise<string> {
  const options = { format: "cjs", platform: "node", target: "es2022", sourcefile: file, minifyWhitespace } as const;
  const { code: converted, warnings } = await transform(code, options);
  // e.g. `import.meta` has no CommonJS equivalent and would silently become {}.
  if (warnings.length > 0) throw new Error(`${file} does not convert cleanly to CommonJS: ${warnings.map((w) => w.text).join("; ")}`);
  return converted;
}

function writeFile(path: string, contents: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, contents);
}
