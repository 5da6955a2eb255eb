/**
 * spec/openapi.yaml → generated/, printing what the change does to the public API. `--check` regenerates
 * in memory and fails (with the same report) if generated/ differs, so a hand edit or a forgotten
 * regeneration cannot reach main. `--spec` and `--out` point elsewhere (used by the tests).
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { relative, resolve as resolvePath } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { diffSurfaces, formatChanges, surfaceOf, type ApiSurface } from "./codegen/api-surface.ts";
import { generateOperations } from "./codegen/operations.ts";
import { generateRegions } from "./codegen/regions.ts";
import { generateServers } from "./codegen/servers.ts";
import { loadSpec } from "./codegen/spec.ts";
import { generateTypes } from "./codegen/types.ts";
import { generateValidators } from "./codegen/validators.ts";

const { values: args } = parseArgs({ options: { check: { type: "boolean" }, spec: { type: "string" }, out: { type: "string" } } });
const OUT = args.out ? pathToFileURL(`${args.out.replace(/\/$/, "")}/`) : new URL("../generated/", import.meta.url);
const check = args.check ?? false;

const spec = args.spec ? loadSpec(args.spec) : loadSpec();
// Named in each generated file's header, relative to the repository.
const source = args.spec ? relative(fileURLToPath(new URL("..", import.meta.url)), resolvePath(args.spec)) : "spec/openapi.yaml";
const validators = generateValidators(spec, source);
const surface = surfaceOf(spec);
const files: Record<string, string> = {
  "api-surface.json": `${JSON.stringify(surface, null, 2)}\n`,
  "stytch.ts": await generateTypes(spec),
  "operations.ts": generateOperations(spec, source),
  "servers.ts": generateServers(spec, source),
  "validators.js": validators.code,
  "validators.d.ts": validators.types,
  // The send guard's region tables come from libphonenumber, not from a spec: the package's own output only.
  ...(!args.spec && { "regions.ts": generateRegions() }),
};

const leftovers = existing().filter((name) => !(name in files));
const committed = readOrEmpty(new URL("api-surface.json", OUT));
// A surface committed before operations and parameters were recorded lists none.
const report = formatChanges(diffSurfaces(committed ? ({ operations: {}, parameters: {}, ...JSON.parse(committed) } as ApiSurface) : surface, surface));
if (check) {
  const stale = Object.entries(files).filter(([name, text]) => readOrEmpty(new URL(name, OUT)) !== text);
  const problems = [...stale.map(([name]) => `${name} differs`), ...leftovers.map((name) => `${name} is not generated`)];
  if (problems.length) {
    console.error(`generated/ is stale: ${problems.join("; ")}. Run \`npm run generate\` and commit the result.\n${report}`);
    process.exit(1);
  }
  console.log(`generated/ is up to date (${Object.keys(files).length} files).`);
} else {
  mkdirSync(OUT, { recursive: true });
  for (const name of leftovers) rmSync(new URL(name, OUT));
  for (const [name, text] of Object.entries(files)) writeFileSync(new URL(name, OUT), text);
  console.log(`wrote ${Object.keys(files).map((n) => fileURLToPath(new URL(n, OUT))).map((path) => relative(process.cwd(), path)).join(", ")}\n${report}`);
}

function existing(): string[] {
  try {
    return readdirSync(OUT);
  } catch {
    return [];
  }
}

function readOrEmpty(url: URL): string {
  try {
    return readFileSync(url, "utf8");
  } catch {
    return "";
  }
}
