/**
 * `npm run docs:screenshot`: docs/screenshot.png, the README's picture of the offline API reference. Renders the
 * spec (as `npm run docs` does) into a temporary directory, opens the page from file:// in a headless browser (Chromium, Chrome or Edge) with
 * every other request refused, and shows the request body of the spec's first operation.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { browserMissing, findBrowser, launchOfflineBrowser } from "./browser.ts";
import { buildDocs } from "./docs.ts";

const spec = parse(readFileSync("spec/openapi.yaml", "utf8")) as { paths: Record<string, Record<string, { summary: string; tags: [string, ...string[]] }>> };
const first = Object.values(Object.values(spec.paths)[0]!)[0]!;

const work = mkdtempSync(join(tmpdir(), "stytch-docs-screenshot-"));
const found = findBrowser();
if (!found) throw new Error(browserMissing());
const browser = await launchOfflineBrowser(found);
try {
  const file = join(work, "index.html");
  buildDocs("spec/openapi.yaml", file);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  await page.route("**/*", (route) => (route.request().url() === url ? route.continue() : route.abort()));
  await page.goto(url);
  await page.getByRole("link", { name: first.tags[0], exact: true }).click();
  const entry = page.locator(".menu-item-type-operation").filter({ has: page.getByText(first.summary, { exact: true }) });
  const href = await entry.locator("a").first().getAttribute("href");
  await entry.click();
  const body = page.locator(`[id="${href!.slice(2)}/request/body"]`);
  await body.waitFor({ state: "visible" });
  await body.evaluate((element) => element.scrollIntoView({ block: "start" }));
  await page.waitForTimeout(300);
  await page.screenshot({ path: "docs/screenshot.png" });
  console.log("wrote docs/screenshot.png");
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
