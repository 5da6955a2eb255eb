/**
 * Type-checks the fixtures (fixtures/, copied to .build/consumer/types by `npm run pack:consumer`) against the
 * packed package, with moduleResolution bundler, node16 and nodenext (ESM and CommonJS files), under the
 * project's TypeScript and under TypeScript 5.0, the oldest supported. One line per check.
 */
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { promisify } from "node:util";
import { INSTALL_RUNTIMES, TYPESCRIPT_50 } from "../../scripts/extra-runtimes.ts";

const run = promisify(execFile);
const dir = resolve(".build/consumer/types");
const compilers = [
  { name: "TypeScript 5.9", tsc: resolve("node_modules/typescript/bin/tsc"), toleratedPackages: [] },
  {
    name: "TypeScript 5.0",
    // Called by path: installed apart so that its `tsc` cannot take over node_modules/.bin/tsc.
    tsc: TYPESCRIPT_50.binary(),
    // Under 5.0 openapi-fetch 0.17's own declarations fail to check (TS2344 in ResponseObjectMap); they are
    // only which TS 5.0 users skip with skipLibCheck. Errors anywhere else, ours included, still fail.
    toleratedPackages: ["openapi-fetch", "openapi-typescript-helpers"],
  },
];
const configs = ["bundler", "node16", "nodenext"];

if (!existsSync(dir)) {
  console.error("The fixtures are not in .build/consumer: run `npm run pack:consumer` first.");
  process.exit(1);
}
const results = await Promise.all(
  compilers.flatMap(({ name, tsc, toleratedPackages }) =>
    configs.map(async (config) => {
      const label = `types  ${name}  moduleResolution ${config}`.padEnd(50);
      if (!existsSync(tsc)) return `FAIL  ${label} ${tsc} is missing: ${INSTALL_RUNTIMES}`;
      const { stdout: version } = await run(process.execPath, [tsc, "--version"]);
      const output = await run(process.execPath, [tsc, "-p", `tsconfig.${config}.json`], { cwd: dir }).then(
        () => "",
        (error: { stdout?: string; message: string }) => error.stdout || error.message,
      );
      const errors = output.split("\n").filter((line) => / error TS\d+:/.test(line));
      const inTolerated = (line: string) => toleratedPackages.some((name) => line.includes(`node_modules/${name}/`));
      const blocking = errors.filter((line) => !inTolerated(line));
      if (blocking.length > 0 || (errors.length === 0 && output.trim())) {
        return `FAIL  ${label} ${(blocking.length ? blocking : [output.trim()]).slice(0, 4).join(" | ")}`;
      }
      const note = errors.length ? `; ${errors.length} errors inside ${toleratedPackages.join("/")} .d.ts, which TS 5.0 users skip with skipLibCheck` : "";
      return `ok    ${label} (${version.trim()}${note})`;
    }),
  ),
);
for (const line of results) console.log(line);
process.exitCode = results.some((line) => line.startsWith("FAIL")) ? 1 : 0;
