/**
 * `npm run pack:consumer` (after `npm run build`, which the npm script runs first): packs the package with
 * `npm pack`, keeps npm's listing of the tarball (.build/pack/listing.json) and installs the tarball into
 * .build/consumer, next to the runtime-matrix app (test/runtimes/app), the type fixtures (test/consumers)
 * and the examples. Everything the package-level tests import as "stytch-b2b-sms" comes from that tarball.
 *
 * Installing = unpacking into node_modules/stytch-b2b-sms, which is what npm does with a tarball; the
 * package's own dependencies (openapi-fetch) resolve from this repo's lockfile-installed node_modules one
 * level up, so nothing is fetched from the network here.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { CONSUMER_DIR, INSTALLED_DIR, LISTING_FILE } from "../test/support/packed.ts";

const TARBALL = ".build/pack/stytch-b2b-sms.tgz";

if (!existsSync("dist/esm/index.js") || !existsSync("dist/cjs/index.js")) {
  throw new Error("dist/ is missing: run `npm run build` first");
}
rmSync(".build/pack", { recursive: true, force: true });
rmSync(CONSUMER_DIR, { recursive: true, force: true });
mkdirSync(".build/pack", { recursive: true });

const listing = execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", ".build/pack", "--json"], {
  encoding: "utf8",
  env: { ...process.env, npm_config_update_notifier: "false", npm_config_fund: "false" },
});
const [packed] = JSON.parse(listing) as [{ filename: string; entryCount: number }];
renameSync(join(".build/pack", packed.filename), TARBALL);
writeFileSync(LISTING_FILE, listing);

mkdirSync(INSTALLED_DIR, { recursive: true });
execFileSync("tar", ["-xzf", TARBALL, "-C", INSTALLED_DIR, "--strip-components=1"]);

const manifest = JSON.parse(readFileSync(join(INSTALLED_DIR, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
writeFileSync(
  join(CONSUMER_DIR, "package.json"),
  `${JSON.stringify({ name: "stytch-b2b-sms-consumer", private: true, type: "module", dependencies: { "stytch-b2b-sms": "file:../pack/stytch-b2b-sms.tgz" } }, null, 2)}\n`,
);
for (const dependency of Object.keys(manifest.dependencies ?? {})) {
  if (!existsSync(join("node_modules", dependency, "package.json"))) {
    throw new Error(`the package depends on ${dependency}, which is not installed here: run \`npm ci\``);
  }
}
cpSync("test/runtimes/app", CONSUMER_DIR, { recursive: true });
cpSync("test/consumers/fixtures", join(CONSUMER_DIR, "types"), { recursive: true });
cpSync("examples", join(CONSUMER_DIR, "examples"), { recursive: true });
console.log(`packed ${packed.entryCount} files into ${TARBALL} and installed it in ${CONSUMER_DIR}`);
