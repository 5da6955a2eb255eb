import { escape, inlineMarkdown, jsonBlock, markdown, schemaAnchor } from "./html.ts";
import { propertiesTable, refName, schemaSection, type Schema } from "./schema.ts";
import { STYLE } from "./style.ts";

interface Example {
  summary?: string;
  description?: string;
  value?: unknown;
}
interface Media {
  schema?: Schema;
  examples?: Record<string, Example>;
  example?: unknown;
}
interface Response {
  $ref?: string;
  description?: string;
  headers?: Record<string, { description?: string; required?: boolean; schema?: Schema }>;
  content?: Record<string, Media>;
}
interface Operation {
  operationId?: string;
  summary?: string;
  description?: string;
  externalDocs?: { url: string; description?: string };
  requestBody?: { required?: boolean; description?: string; content?: Record<string, Media> };
  responses?: Record<string, Response>;
}
export interface OpenApi {
  info: { title: string; version: string; summary?: string; description?: string };
  servers?: { url: string; description?: string }[];
  paths: Record<string, Record<string, Operation>>;
  components?: {
    schemas?: Record<string, Schema>;
    responses?: Record<string, Response>;
    securitySchemes?: Record<string, { type: string; scheme?: string; description?: string }>;
  };
}

const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

/** The whole reference as one HTML page with inline CSS: nothing to fetch, no script. */
export function renderPage(spec: OpenApi): string {
  const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ path, method, operation: item[method]! })),
  );
  const schemas = Object.entries(spec.components?.schemas ?? {});
  const opId = (o: (typeof operations)[number]) => `operation-${o.operation.operationId ?? `${o.method}-${o.path}`}`;
  const nav = [
    `<a href="#overview">Overview</a>`,
    ...operations.map((o) => `<a href="#${escape(opId(o))}"><span class="method">${o.method.toUpperCase()}</span> ${escape(o.operation.summary ?? o.path)}</a>`),
    `<span class="nav-heading">Schemas</span>`,
    ...schemas.map(([name]) => `<a href="#${schemaAnchor(name)}">${escape(name)}</a>`),
  ];
  const body = [
    overview(spec),
    ...operations.map((o) => operationSection(spec, o.method, o.path, o.operation, opId(o))),
    `<section id="schemas"><h2>Schemas</h2>${schemas.map(([name, schema]) => schemaSection(name, schema)).join("\n")}</section>`,
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="generator" content="stytch-b2b-sms scripts/docs.ts (npm run docs)">
<title>${escape(spec.info.title)} — API reference</title>
<style>${STYLE}</style>
</head>
<body>
<nav>${nav.join("\n")}</nav>
<main>
${body.join("\n")}
</main>
</body>
</html>
`;
}

function overview(spec: OpenApi): string {
  const servers = (spec.servers ?? []).map((s) => `<tr><td><code>${escape(s.url)}</code></td><td>${inlineMarkdown(s.description)}</td></tr>`);
  const security = Object.entries(spec.components?.securitySchemes ?? {}).map(
    ([name, scheme]) => `<h3>Authentication: ${escape(name)} (${escape(scheme.scheme ?? scheme.type)})</h3>${markdown(scheme.description)}`,
  );
  return `<section id="overview">
<h1>${escape(spec.info.title)} <span class="version">v${escape(spec.info.version)}</span></h1>
${spec.info.summary ? `<p class="summary">${inlineMarkdown(spec.info.summary)}</p>` : ""}
${markdown(spec.info.description)}
<h3>Servers</h3>
<table><tbody>${servers.join("")}</tbody></table>
${security.join("\n")}
</section>`;
}

function operationSection(spec: OpenApi, method: string, path: string, operation: Operation, id: string): string {
  const parts = [
    `<section class="operation" id="${escape(id)}">`,
    `<h2>${escape(operation.summary ?? path)}</h2>`,
    `<p class="endpoint"><span class="method">${method.toUpperCase()}</span> <code>${escape(path)}</code></p>`,
    markdown(operation.description),
  ];
  if (operation.externalDocs) {
    const { url, description } = operation.externalDocs;
    parts.push(`<p>See also: <a href="${escape(url)}">${escape(description ?? url)}</a></p>`);
  }
  const request = operation.requestBody;
  if (request) {
    parts.push(`<h3 id="${escape(id)}-request">Request body${request.required ? ` <span class="required">required</span>` : ""}</h3>`);
    parts.push(markdown(request.description));
    for (const [type, media] of Object.entries(request.content ?? {})) parts.push(mediaHtml(spec, type, media, true));
  }
  parts.push(`<h3 id="${escape(id)}-responses">Responses</h3>`);
  for (const [status, declared] of Object.entries(operation.responses ?? {})) {
    const response = declared.$ref ? (spec.components?.responses?.[refName(declared.$ref)] ?? {}) : declared;
    parts.push(`<div class="response"><h4><span class="status status-${escape(status[0])}">${escape(status)}</span></h4>`);
    parts.push(markdown(response.description));
    for (const [name, header] of Object.entries(response.headers ?? {})) {
      parts.push(`<p>Header <code>${escape(name)}</code>${header.required ? " (required)" : ""}: ${inlineMarkdown(header.description)}</p>`);
    }
    for (const [type, media] of Object.entries(response.content ?? {})) parts.push(mediaHtml(spec, type, media, false));
    parts.push("</div>");
  }
  parts.push("</section>");
  return parts.join("\n");
}

/** A body: its schema (fields inline for a request, a link for a response) and its examples. */
function mediaHtml(spec: OpenApi, type: string, media: Media, inlineFields: boolean): string {
  const parts: string[] = [];
  const schema = media.schema;
  const name = schema?.$ref ? refName(schema.$ref) : undefined;
  const link = name ? `<a href="#${schemaAnchor(name)}">${escape(name)}</a>` : "inline schema";
  parts.push(`<p class="media"><code>${escape(type)}</code>: ${link}</p>`);
  const resolved = name ? spec.components?.schemas?.[name] : schema;
  if (inlineFields && resolved?.properties) {
    parts.push(markdown(resolved.description), propertiesTable(resolved));
  }
  const examples = Object.entries(media.examples ?? {});
  if (media.example !== undefined) examples.push(["example", { value: media.example }]);
  for (const [key, example] of examples) {
    const title = `Example: ${inlineMarkdown(example.summary ?? key)}`;
    const content = `${markdown(example.description)}${jsonBlock(example.value)}`;
    // Request examples are short and shown; response examples (a whole Member) start folded.
    parts.push(
      inlineFields
        ? `<div class="example-block"><h4>${title}</h4>${content}</div>`
        : `<details class="example-block"><summary>${title}</summary>${content}</details>`,
    );
  }
  return parts.join("\n");
}
