/**
 * spec/openapi.yaml → generated/. `--check` regenerates in memory and fails if generated/ differs,
 * so a hand edit or a forgotten regeneration cannot reach main.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { generateRequestRules } from "./codegen/request-rules.ts";
import { generateServers } from "./codegen/servers.ts";
import { loadSpec } from "./codegen/spec.ts";
import { generateTypes } from "./codegen/types.ts";
import { generateValidators } from "./codegen/validators.ts";

const OUT = new URL("../generated/", import.meta.url);
const check = process.argv.includes("--check");

const spec = loadSpec();
const validators = generateValidators(spec);
const files: Record<string, string> = {
  "stytch.ts": await generateTypes(spec),
  "request-rules.ts": generateRequestRules(spec),
  "servers.ts": generateServers(spec),
  "validators.js": validators.code,
  "validators.d.ts": validators.types,
};

const leftovers = existing().filter((name) => !(name in files));
if (check) {
  const stale = Object.entries(files).filter(([name, text]) => readOrEmpty(new URL(name, OUT)) !== text);
  const problems = [...stale.map(([name]) => `${name} differs`), ...leftovers.map((name) => `${name} is not generated`)];
  if (problems.length) {
    console.error(`generated/ is stale: ${problems.join("; ")}. Run \`npm run generate\` and commit the result.`);
    process.exit(1);
  }
  console.log(`generated/ is up to date (${Object.keys(files).length} files).`);
} else {
  mkdirSync(OUT, { recursive: true });
  for (const name of leftovers) rmSync(new URL(name, OUT));
  for (const [name, text] of Object.entries(files)) writeFileSync(new URL(name, OUT), text);
  console.log(`wrote ${Object.keys(files).map((n) => `generated/${n}`).join(", ")}`);
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
