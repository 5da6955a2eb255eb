/** The page's only stylesheet, inline; system fonts only (no web fonts to fetch). */
export const STYLE = `
:root { color-scheme: light; --accent: #1a5fb4; --muted: #5e6570; --line: #d9dde3; --code-bg: #f4f6f8; }
* { box-sizing: border-box; }
body { margin: 0; display: flex; font: 15px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: #1f2328; }
nav { position: sticky; top: 0; height: 100vh; overflow-y: auto; width: 260px; flex: none; padding: 20px 14px; background: #f6f8fa; border-right: 1px solid var(--line); font-size: 14px; }
nav a { display: block; padding: 3px 8px; color: #1f2328; text-decoration: none; border-radius: 4px; }
nav a:hover { background: #e8ecf0; }
.nav-heading { display: block; margin: 16px 8px 4px; font-size: 12px; font-weight: 600; letter-spacing: .05em; text-transform: uppercase; color: var(--muted); }
main { flex: 1; min-width: 0; max-width: 1100px; padding: 24px 40px 80px; }
h1 { font-size: 28px; margin: 0 0 8px; }
h2 { font-size: 22px; margin: 40px 0 8px; padding-top: 16px; border-top: 1px solid var(--line); }
h3 { font-size: 17px; margin: 28px 0 8px; }
h4 { font-size: 15px; margin: 16px 0 6px; }
a { color: var(--accent); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
code { background: var(--code-bg); padding: 1px 4px; border-radius: 3px; }
pre { background: var(--code-bg); padding: 12px 14px; border-radius: 6px; overflow-x: auto; }
pre code { background: none; padding: 0; }
.version { font-size: 14px; font-weight: 500; color: var(--muted); }
.summary { font-size: 17px; color: var(--muted); }
.endpoint { font-size: 16px; }
.method { display: inline-block; padding: 1px 7px; border-radius: 4px; background: #2f7d32; color: #fff; font: 600 12px/1.6 ui-monospace, monospace; }
nav .method { font-size: 10px; padding: 0 5px; }
.status { display: inline-block; min-width: 44px; padding: 1px 8px; border-radius: 4px; text-align: center; color: #fff; background: #8a6d00; font-family: ui-monospace, monospace; }
.status-2 { background: #2f7d32; } .status-4 { background: #b35c00; } .status-5 { background: #b3261e; }
.required { display: inline-block; padding: 0 6px; border-radius: 3px; background: #fdecea; color: #b3261e; font-size: 12px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin: 8px 0; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: 6px 10px; border-bottom: 1px solid var(--line); }
th { font-size: 12px; text-transform: uppercase; letter-spacing: .04em; color: var(--muted); }
td p { margin: 0; }
.field { font-weight: 600; background: none; padding: 0; }
.type { white-space: nowrap; }
.note, .media, .type-line { color: var(--muted); font-size: 14px; }
.response { margin: 12px 0 20px; padding-left: 12px; border-left: 3px solid var(--line); }
.example-block { margin: 10px 0; }
details summary { cursor: pointer; font-weight: 600; }
.schema { margin-bottom: 28px; }
@media (max-width: 800px) { body { display: block; } nav { position: static; width: auto; height: auto; } main { padding: 16px; } }
`;
