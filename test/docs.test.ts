/**
 * The offline API reference (`npm run docs`, scripts/docs.ts): the current spec is rendered into a temporary
 * directory and opened from file:// in Chromium with every request but the page's own aborted, so what is tested
 * is always what the spec says now (docs/index.html itself is not committed).
 */
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { pathToFileURL } from "node:url";
import type { Page } from "playwright-core";
import { parse, stringify } from "yaml";
import { browserMissing, findBrowser, launchOfflineBrowser } from "../scripts/browser.ts";
import { buildDocs } from "../scripts/docs.ts";
import { SHAPES_SPEC } from "./support/shapes.ts";

interface Schema {
  $ref?: string;
  properties?: Record<string, unknown>;
  required?: string[];
  allOf?: Schema[];
}
interface Parameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
}
interface Operation {
  summary: string;
  tags: [string, ...string[]];
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface Spec {
  info: { title: string; version: string };
  paths: Record<string, Record<string, Operation> & { parameters?: Parameter[] }>;
  components: { schemas: Record<string, Schema>; parameters?: Record<string, Parameter> };
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];
/** A spec's operations, each with its parameters (the path item's and its own, references followed). */
function operationsOf(spec: Spec) {
  return Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => {
      const parameters = [...(item.parameters ?? []), ...(item[method]!.parameters ?? [])].map((p) => (p.$ref ? spec.components.parameters![p.$ref.split("/").pop()!]! : p));
      return { path, method, ...item[method]!, parameters };
    }),
  );
}
const spec = parse(readFileSync("spec/openapi.yaml", "utf8")) as Spec;
const operations = operationsOf(spec);

const work = mkdtempSync(join(tmpdir(), "stytch-docs-test-"));
const pageFile = join(work, "index.html");
let html = "";
before(() => {
  buildDocs("spec/openapi.yaml", pageFile);
  html = readFileSync(pageFile, "utf8");
});
after(() => rmSync(work, { recursive: true, force: true }));

/** A request body's fields: its schema's own properties and those of its allOf parts, following $refs. */
function requestFields(spec: Spec, schema: Schema): { name: string; required: boolean }[] {
  const resolved = schema.$ref ? spec.components.schemas[schema.$ref.replace("#/components/schemas/", "")]! : schema;
  const own = Object.keys(resolved.properties ?? {}).map((name) => ({ name, required: resolved.required?.includes(name) ?? false }));
  return [...own, ...(resolved.allOf ?? []).flatMap((part) => requestFields(spec, part))];
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/** An entry (an operation or a schema) in the sidebar, by its label. */
function sidebarEntry(page: Page, label: string) {
  return page.locator(".menu-item-type-operation").filter({ has: page.getByText(label, { exact: true }) });
}

interface Visit {
  /** Every URL the page asked the network for; all but the page itself were aborted. */
  requested: string[];
  /** Every load the page's Content-Security-Policy refused before it became a request ("directive URL"). */
  refused: string[];
  /** Script the CSP refused to compile ("directive eval|inline"). */
  refusedScript: string[];
  errors: string[];
}

/** Opens `file` from disk with every other request aborted, runs `look`, then hides the page so that anything
 * batched for later (Redoc sends its telemetry in batches, and when the page is hidden) is sent now. */
async function openOffline(file: string, look: (page: Page) => Promise<void>): Promise<Visit> {
  const found = findBrowser();
  assert.ok(found, browserMissing());
  const url = pathToFileURL(file).href;
  const browser = await launchOfflineBrowser(found);
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const visit: Visit = { requested: [], refused: [], refusedScript: [], errors: [] };
    await context.route("**/*", (route) => {
      visit.requested.push(route.request().url());
      return route.request().url() === url ? route.continue() : route.abort();
    });
    await context.exposeBinding("__refused", (_source, directive: string, uri: string) =>
      void (["eval", "inline", "wasm-eval"].includes(uri) ? visit.refusedScript : visit.refused).push(`${directive} ${uri}`),
    );
    await context.addInitScript(
      "document.addEventListener('securitypolicyviolation', (e) => window.__refused(e.effectiveDirective, e.blockedURI))",
    );
    const page = await context.newPage();
    page.on("console", (message) => {
      if (message.type() === "error" && !/violates the following Content Security Policy/.test(message.text())) visit.errors.push(message.text());
    });
    page.on("pageerror", (error) => visit.errors.push(error.message));
    await page.goto(url);
    await look(page);
    await page.evaluate(
      "Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });" +
        "document.dispatchEvent(new Event('visibilitychange')); window.dispatchEvent(new Event('pagehide'));",
    );
    await page.waitForTimeout(1500);
    return visit;
  } finally {
    await browser.close();
  }
}

test("the page carries all it runs: Redoc inlined, a CSP that allows no request, telemetry off", () => {
  const head = html.slice(0, html.indexOf("</head>"));
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(head);
  assert.ok(csp, "the page sets a Content-Security-Policy");
  assert.doesNotMatch(head.slice(0, csp.index), /<script|<style/, "the CSP comes before any script or style");
  assert.match(csp[1]!, /^default-src 'none';/);
  assert.doesNotMatch(csp[1]!, /https?:|\*|'unsafe-eval'|connect-src|frame-src/, "no directive lets anything in from elsewhere");
  const markup = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "<script></script>");
  assert.doesNotMatch(markup, /<script [^>]*src=|<link\b|@import|url\(["']?(https?:)?\/\//i, "no script, stylesheet or font is loaded from elsewhere");
  assert.doesNotMatch(markup, /<(img|iframe|source|video|audio|embed|object)\b[^>]*\s(src|data)=["']?(https?:)?\/\//i, "no remote media");
  assert.match(html, /const __redoc_options = \{[^\n]*"disableTelemetry":true/, "build-docs turned Redoc's telemetry off");
  assert.doesNotMatch(html, /cdn\.redoc\.ly/, "Redoc's logo is inlined, not loaded from its CDN");
});

/** Every operation of `spec` is in the page: sidebar entry, heading, method and path, each parameter and each request field, required ones marked. */
async function assertEveryOperationRenders(page: Page, spec: Spec): Promise<void> {
  for (const operation of operationsOf(spec)) {
    const where = `${operation.method.toUpperCase()} ${operation.path}`;
    const item = sidebarEntry(page, operation.summary);
    if (!(await item.isVisible())) await page.getByRole("link", { name: operation.tags[0], exact: true }).click();
    assert.match(await item.innerText(), new RegExp(`^${literal(operation.summary)}\\s+${operation.method}$`, "i"), `${where}: sidebar entry`);
    const href = (await item.locator("a").first().getAttribute("href")) ?? "";
    assert.ok(href.startsWith("#/"), `${where}: the sidebar links to the operation (${href})`);
    await item.click();

    const section = page.locator(`[id="${href.slice(2)}"]`);
    const heading = section.locator("h2").first();
    await heading.waitFor({ state: "visible" });
    assert.equal(await heading.innerText(), operation.summary, `${where}: heading`);
    assert.match(await section.innerText(), new RegExp(`${operation.method}\\s+${literal(operation.path)}\\n`, "i"), `${where}: method and path`);

    for (const parameter of operation.parameters) {
      const row = section.locator(`[id$="t=request&in=${parameter.in}&path=${parameter.name}"]`);
      assert.ok(await row.isVisible(), `${where}: ${parameter.in} parameter ${parameter.name} is shown`);
      if (parameter.required) assert.match(await row.innerText(), /\brequired\b/, `${where}: ${parameter.name} is marked required`);
    }
    const media = Object.values(operation.requestBody?.content ?? {})[0];
    if (!media) continue;
    const body = section.locator('[id$="/request/body"]');
    for (const field of requestFields(spec, media.schema)) {
      const row = body.locator("div[id]").filter({ has: page.getByText(field.name, { exact: true }) }).first();
      assert.ok(await row.isVisible(), `${where}: request field ${field.name} is shown`);
      if (field.required) assert.match(await row.innerText(), /\brequired\b/, `${where}: ${field.name} is marked required`);
    }
  }
}

test("in Chromium with the network blocked, every operation renders (summary, method, path, parameters, request fields) and nothing else is requested", async () => {
  assert.ok(operations.length > 0);
  const visit = await openOffline(pageFile, async (page) => {
    assert.equal(await page.locator("h1").first().innerText(), `${spec.info.title} (${spec.info.version})`);
    await assertEveryOperationRenders(page, spec);
    await page.getByRole("link", { name: "Schemas", exact: true }).click();
    await sidebarEntry(page, "ErrorType").click();
    // Component schemas have their own section; ErrorType shows its known values.
    await page.getByText('"member_not_found"', { exact: true }).first().waitFor({ state: "visible" });
    // The search works offline (and without the worker the CSP refuses it).
    await page.getByTestId("search-trigger").click();
    await page.keyboard.type(operations[0]!.summary);
    await page.getByText(operations[0]!.path, { exact: true }).first().waitFor({ state: "visible" });
  });
  assert.deepEqual(visit.requested, [pathToFileURL(pageFile).href], "the page requested nothing but itself");
  assert.deepEqual(visit.refused, [], "the page tried to load nothing from elsewhere");
  // Redoc's search probes `Function()` to run in a worker; refused, it runs in the page (and works, above).
  assert.deepEqual([...new Set(visit.refusedScript)], visit.refusedScript.length ? ["script-src eval"] : []);
  assert.deepEqual(visit.errors, []);
});

test("the test-only spec's operations render as well: path and query parameters, a GET and a DELETE without a body, lists and nested objects", async () => {
  const shapes = parse(readFileSync(SHAPES_SPEC, "utf8")) as Spec;
  const file = join(work, "shapes.html");
  buildDocs(SHAPES_SPEC, file);
  const visit = await openOffline(file, (page) => assertEveryOperationRenders(page, shapes));
  assert.deepEqual(visit.requested, [pathToFileURL(file).href], "the page requested nothing but itself");
  assert.deepEqual(visit.errors, []);
});

test("HTML in a spec description runs no script, and what it would load is refused by the page's CSP", async () => {
  const hostile = {
    openapi: "3.1.0",
    info: {
      title: "T",
      version: "1",
      description:
        'Hi <script>window.ran = "script"</script> <img src="x" onerror="window.ran = \'onerror\'"> ' +
        '<img src="https://tracker.invalid/pixel.gif"> <iframe src="https://example.invalid/"></iframe> ' +
        '<svg onload="window.ran = \'onload\'"></svg> <a id="js" href="javascript:window.ran=\'href\'">link</a>',
    },
    paths: {
      "/x": {
        get: {
          operationId: "getX",
          tags: ["x"],
          summary: 'Get <img src=y onerror="window.ran = \'summary\'">',
          description: "<b>bold</b>",
          responses: { "200": { description: "ok" } },
        },
      },
    },
    tags: [{ name: "x", description: "<style>@import url(https://example.invalid/a.css);</style>" }],
  };
  const specFile = join(work, "hostile.yaml");
  writeFileSync(specFile, stringify(hostile));
  const file = join(work, "hostile.html");
  buildDocs(specFile, file);
  const visit = await openOffline(file, async (page) => {
    await page.getByRole("link", { name: "x", exact: true }).click();
    await page.waitForTimeout(500);
    assert.equal(await page.evaluate("window.ran"), undefined, "no script from the spec ran");
    assert.equal(await page.locator("#redoc script").count(), 1, "only Redoc's own color-mode script is in the page");
  });
  assert.deepEqual(visit.requested, [pathToFileURL(file).href], "nothing reached the network");
  // (A refused frame is reported by its origin only, a file: image by its scheme.)
  const expected = ["img-src file", "img-src https://tracker.invalid/pixel.gif", "frame-src https://example.invalid", "style-src-elem https://example.invalid/a.css"];
  for (const blocked of expected) {
    assert.ok(visit.refused.includes(blocked), `the CSP refused ${blocked} (refused: ${visit.refused.join(", ")})`);
  }
});

test("the harness sees telemetry: with Redoc's telemetry switched on in a copy of the page, its attempts are recorded", async () => {
  const file = join(work, "telemetry-on.html");
  writeFileSync(file, html.replace('"disableTelemetry":true', '"disableTelemetry":false'));
  const visit = await openOffline(file, async (page) => {
    await page.getByRole("link", { name: operations[0]!.tags[0], exact: true }).click();
  });
  assert.deepEqual(visit.requested, [pathToFileURL(file).href], "nothing reached the network");
  assert.ok(visit.refused.some((what) => what.startsWith("connect-src https://")), `telemetry was attempted and refused (refused: ${visit.refused.join(", ")})`);
});
