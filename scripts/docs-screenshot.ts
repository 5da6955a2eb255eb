/**
 * `npm run docs:screenshot`: docs/screenshot.png, the README's picture of docs/index.html (run `npm run docs`
 * first). Opens the page from file:// in a headless browser (Chromium, Chrome or Edge) with every other
 * request refused.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { browserMissing, findBrowser, launchOfflineBrowser } from "./browser.ts";
import { DOCS_FILE } from "./docs.ts";

const page_url = pathToFileURL(resolve(DOCS_FILE)).href;
const found = findBrowser();
if (!found) throw new Error(browserMissing());
const browser = await launchOfflineBrowser(found);
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, deviceScaleFactor: 1 });
  await page.route("**/*", (route) => (route.request().url() === page_url ? route.continue() : route.abort()));
  await page.goto(page_url);
  await page.locator("#operation-b2bOtpsSmsSend-request").scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector("#operation-b2bOtpsSmsSend-request")?.scrollIntoView({ block: "start" }));
  await page.screenshot({ path: "docs/screenshot.png" });
  console.log("wrote docs/screenshot.png");
} finally {
  await browser.close();
}
