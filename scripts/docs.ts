/**
 * `npm run docs`: renders spec/openapi.yaml to docs/index.html, a single page with inline CSS and no
 * script, font or other resource to fetch (its Content-Security-Policy forbids any), so it works offline.
 * `npm run docs -- --check` fails when docs/index.html does not match the spec (npm test checks it too).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { renderPage, type OpenApi } from "./docs/page.ts";

export const DOCS_FILE = "docs/index.html";

export function renderDocs(specText = readFileSync("spec/openapi.yaml", "utf8")): string {
  return renderPage(parse(specText) as OpenApi);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const html = renderDocs();
  if (process.argv.includes("--check")) {
    if (readFileSync(DOCS_FILE, "utf8") !== html) {
      console.error(`${DOCS_FILE} does not match spec/openapi.yaml: run \`npm run docs\` and commit it.`);
      process.exit(1);
    }
    console.log(`${DOCS_FILE} matches the spec`);
  } else {
    writeFileSync(DOCS_FILE, html);
    console.log(`wrote ${DOCS_FILE} (${Math.round(html.length / 1024)} KiB)`);
  }
}
