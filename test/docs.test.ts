import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { parse } from "yaml";
import { browserMissing, findBrowser, launchOfflineBrowser } from "../scripts/browser.ts";
import { DOCS_FILE, renderDocs } from "../scripts/docs.ts";

const spec = parse(readFileSync("spec/openapi.yaml", "utf8")) as {
  paths: Record<string, { post: { requestBody: { content: { "application/json": { examples: Record<string, { value: unknown }> } } } } }>;
  components: { schemas: { SmsSendRequest: { properties: Record<string, unknown> } } };
};
const committed = readFileSync(DOCS_FILE, "utf8");

test("docs/index.html is the current rendering of the spec (run `npm run docs` after changing it)", () => {
  assert.ok(committed === renderDocs(), `${DOCS_FILE} is stale: run \`npm run docs\` and commit it`);
});

test("the page asks for nothing: no script, stylesheet link, font, image or url(), and a CSP that forbids them", () => {
  for (const pattern of [/<script/i, /<link/i, /<img/i, /<iframe/i, /\ssrc=/i, /@import/i, /url\(/i, /@font-face/i]) {
    assert.doesNotMatch(committed, pattern);
  }
  assert.match(committed, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">/);
});

test("raw HTML in a spec description is shown as text, not run", () => {
  const html = renderDocs(`openapi: 3.1.0
info: { title: T, version: "1", description: "Hi <script>alert(1)</script> <img src=x onerror=alert(2)>" }
paths: {}
`);
  assert.doesNotMatch(html, /<script>|<img/);
  assert.match(html, /&#60;script&#62;alert\(1\)/);
});

test("in a browser with the network blocked, the operation, its fields and an example render", async () => {
  const found = findBrowser();
  assert.ok(found, browserMissing());
  const url = pathToFileURL(resolve(DOCS_FILE)).href;
  const browser = await launchOfflineBrowser(found);
  try {
    const page = await browser.newPage();
    const requested: string[] = [];
    const problems: string[] = [];
    page.on("console", (message) => message.type() === "error" && problems.push(message.text()));
    page.on("requestfailed", (request) => problems.push(`failed: ${request.url()}`));
    await page.route("**/*", (route) => {
      requested.push(route.request().url());
      return route.request().url() === url ? route.continue() : route.abort();
    });
    await page.goto(url);

    const operation = page.locator("#operation-b2bOtpsSmsSend");
    assert.equal(await operation.locator("h2").innerText(), "Send SMS OTP");
    assert.equal(await operation.locator(".endpoint").innerText(), "POST /v1/b2b/otps/sms/send");
    assert.ok(await operation.locator(".endpoint").isVisible());

    const fields = await operation.locator("table.fields").first().locator("tbody tr td:first-child").allInnerTexts();
    assert.deepEqual(fields, Object.keys(spec.components.schemas.SmsSendRequest.properties));
    const phoneRow = operation.locator("table.fields").first().locator("tr", { hasText: "mfa_phone_number" });
    assert.match(await phoneRow.innerText(), /pattern\s+\^\\\+\[1-9\]\\d\{1,14\}\$/);
    assert.ok(await operation.locator("table.fields .required").first().isVisible());

    const example = operation.locator(".example-block pre").first();
    assert.ok(await example.isVisible());
    const examples = spec.paths["/v1/b2b/otps/sms/send"]!.post.requestBody.content["application/json"].examples;
    assert.deepEqual(JSON.parse(await example.innerText()), Object.values(examples)[0]!.value);

    await page.locator("nav a", { hasText: "ErrorType" }).click();
    assert.ok(await page.locator("#schema-ErrorType").getByText("member_phone_number_not_found", { exact: true }).first().isVisible());
    assert.deepEqual(requested, [url], "the page requested nothing but itself");
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
  }
});
