/**
 * `npm run docs`: docs/index.html, the offline API reference: spec/openapi.yaml rendered by Redocly's
 * `build-docs` (Redoc), with Redoc's script embedded (`--inlineBundle`) so the page works from disk. The page is
 * not committed; it is deterministic (the same spec and @redocly/cli version give the same bytes).
 *
 * Nothing on the page reaches the network when it is opened:
 *  - the page template, scripts/docs.hbs, sets a Content-Security-Policy that lets the page run only its own
 *    inline script and styles and show only data: images and fonts, so the browser refuses any fetch, remote
 *    image, frame or font, whether Redoc asks for it or a description in the spec does (Redoc renders raw HTML
 *    from descriptions, such as <img> and <iframe>, though not scripts or event handlers);
 *  - Redoc's telemetry is off in the page: build-docs writes `disableTelemetry: true` into it because
 *    REDOCLY_TELEMETRY=off (set below; redocly.yaml says `telemetry: off` too);
 *  - Redoc 3.0.1 always shows an "API docs by" logo loaded from its CDN; it is replaced by an inline SVG.
 * Redoc 3.0.1 also fails on boolean subschemas (`properties: { session_token: false }`, valid OpenAPI 3.1), so
 * the spec it gets has them spelled as the equivalent `{}` and `{ not: {} }`.
 * test/docs.test.ts renders the current spec with this and opens it in a browser with the network blocked.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parse } from "yaml";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const DOCS_FILE = "docs/index.html";
const REDOCLY = join(ROOT, "node_modules/.bin/redocly");
const TEMPLATE = join(ROOT, "scripts/docs.hbs");
// The one remote resource Redoc 3.0.1 loads by itself: the Redocly logo beside "API docs by" in the sidebar.
const REMOTE_LOGOS = ["https://cdn.redoc.ly/redoc/logo-mini-full.svg", "https://cdn.redoc.ly/redoc/logo-mini.svg"];
const INLINE_LOGO =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='56' height='14'%3E%3Ctext x='1' y='11' textLength='54' " +
  "font-family='system-ui,sans-serif' font-size='12' font-weight='600' fill='%230044d4'%3ERedocly%3C/text%3E%3C/svg%3E";

/** Renders `spec` (a path) to `output` (a path) with `redocly build-docs`; returns the page's size and the time taken. */
export function buildDocs(spec = join(ROOT, "spec/openapi.yaml"), output = join(ROOT, DOCS_FILE)): { bytes: number; ms: number } {
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), "stytch-docs-"));
  try {
    const input = join(work, "openapi.json");
    writeFileSync(input, JSON.stringify(withoutBooleanProperties(parse(readFileSync(spec, "utf8")))));
    mkdirSync(dirname(resolve(output)), { recursive: true });
    const args = ["build-docs", input, "--inlineBundle", "--template", TEMPLATE, "--config", join(ROOT, "redocly.yaml")];
    // Component schemas (ErrorType and its values, Member, …) get their own section, as in the spec.
    args.push("--openapi.schemaDefinitionsTagName=Schemas", "--output", resolve(output));
    const run = spawnSync(REDOCLY, args, {
      cwd: ROOT,
      encoding: "utf8",
      env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
    });
    if (run.status !== 0) throw new Error(`redocly build-docs failed (${run.error?.message ?? `exit ${run.status}`}):\n${run.stdout}${run.stderr}`);
    let html = readFileSync(output, "utf8");
    for (const logo of REMOTE_LOGOS) html = html.replaceAll(logo, INLINE_LOGO);
    writeFileSync(output, html);
    return { bytes: Buffer.byteLength(html), ms: performance.now() - started };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const NOT_SCHEMAS = new Set(["example", "examples", "default", "const", "enum"]);

/** The spec with every boolean schema under `properties` written as the equivalent object schema. */
export function withoutBooleanProperties<T>(node: T): T {
  if (Array.isArray(node)) return node.map(withoutBooleanProperties) as T;
  if (node === null || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => {
      if (NOT_SCHEMAS.has(key) || key.startsWith("x-")) return [key, value];
      if (key === "properties" && value !== null && typeof value === "object" && !Array.isArray(value)) {
        const properties = Object.entries(value).map(([name, schema]) => [name, typeof schema === "boolean" ? (schema ? {} : { not: {} }) : schema]);
        return [key, withoutBooleanProperties(Object.fromEntries(properties))];
      }
      return [key, withoutBooleanProperties(value)];
    }),
  ) as T;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { bytes, ms } = buildDocs();
  console.log(`wrote ${DOCS_FILE} (${Math.round(bytes / 1024)} KiB) in ${(ms / 1000).toFixed(1)} s`);
}
