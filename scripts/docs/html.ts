import { Marked } from "marked";

// The spec is trusted, but raw HTML in a description is shown as text, never rendered.
const marked = new Marked({ gfm: true, renderer: { html: (html: string) => escape(html) } });

/** Escapes text for HTML content and attribute values. */
export function escape(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The spec's CommonMark descriptions as HTML (raw HTML in them is escaped, not rendered). */
export function markdown(text: string | undefined): string {
  if (!text) return "";
  return marked.parse(text, { async: false }) as string;
}

/** Inline CommonMark only (no wrapping paragraph), for table cells and summaries. */
export function inlineMarkdown(text: string | undefined): string {
  if (!text) return "";
  return marked.parseInline(text, { async: false }) as string;
}

/** A JSON example in a code block. */
export function jsonBlock(value: unknown): string {
  return `<pre class="example"><code>${escape(JSON.stringify(value, null, 2))}</code></pre>`;
}

/** An anchor id for a schema name. */
export const schemaAnchor = (name: string) => `schema-${name}`;
