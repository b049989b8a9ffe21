// The /docs page: self-contained HTML rendered on the server from the OpenAPI document (no scripts, no
// CDN), styled by /docs.css so the page's CSP can forbid everything else.
import { PROBLEM_TYPES, type ProblemSlug } from './problem.js';

interface Param {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  example?: unknown;
  schema?: { type?: string; enum?: string[] };
}
interface Operation {
  summary?: string;
  description?: string;
  tags?: string[];
  parameters?: Param[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
}
export interface OpenApiLike {
  info: { title: string; version: string; description?: string };
  paths?: Record<string, Record<string, Operation>>;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const esc = (s: unknown) => String(s ?? '').replace(/[&<>"']/g, (ch) => ESC[ch] ?? ch);

/** `code` spans for backticks; everything else escaped. */
const text = (s: string | undefined) => esc(s ?? '').replace(/`([^`]+)`/g, '<code>$1</code>');

const slug = (s: string) =>
  s
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();

function exampleUrl(path: string, params: Param[]): string {
  const q = params
    .filter((p) => p.in === 'query' && p.example !== undefined && p.example !== '' && p.required)
    .map((p) => `${encodeURIComponent(p.name)}=${encodeURIComponent(String(p.example))}`);
  const filled = path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const p = params.find((x) => x.in === 'path' && x.name === name);
    return p?.example !== undefined ? encodeURIComponent(String(p.example)) : `{${name}}`;
  });
  return q.length ? `${filled}?${q.join('&')}` : filled;
}

function operation(path: string, method: string, op: Operation): string {
  const params = op.parameters ?? [];
  const rows = params
    .map(
      (p) =>
        `<tr><td><code>${esc(p.name)}</code>${p.required ? ' <span class="req">required</span>' : ''}</td><td>${esc(p.in)}</td><td>${text(p.description)}${p.schema?.enum ? ` One of: ${p.schema.enum.map((e) => `<code>${esc(e)}</code>`).join(', ')}.` : ''}${p.example !== undefined && p.example !== '' ? ` <span class="ex">e.g. <code>${esc(p.example)}</code></span>` : ''}</td></tr>`,
    )
    .join('');
  const responses = Object.entries(op.responses ?? {})
    .map(
      ([status, r]) =>
        `<li><strong>${esc(status)}</strong> ${Object.keys(r.content ?? {})
          .map((t) => `<code>${esc(t)}</code>`)
          .join(' ')} — ${text(r.description)}</li>`,
    )
    .join('');
  const url = exampleUrl(path, params);
  const tryIt = method === 'get' && !url.includes('{') ? ` <a class="try" href="${esc(url)}">try it</a>` : '';
  return `<section class="op" id="${esc(slug(`${method}-${path}`))}">
<h3><span class="method">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code>${tryIt}</h3>
${op.summary ? `<p class="summary">${text(op.summary)}</p>` : ''}${op.description ? `<p>${text(op.description)}</p>` : ''}
${rows ? `<table><thead><tr><th>Parameter</th><th>In</th><th>Meaning</th></tr></thead><tbody>${rows}</tbody></table>` : ''}
<ul class="responses">${responses}</ul>
</section>`;
}

export function renderDocs(doc: OpenApiLike): string {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({ path, method, op })),
  );
  const tags = [...new Set(ops.map((o) => o.op.tags?.[0] ?? 'other'))];
  const nav = ops
    .map((o) => `<li><a href="#${esc(slug(`${o.method}-${o.path}`))}"><code>${esc(o.path)}</code></a></li>`)
    .join('');
  const sections = tags
    .map(
      (tag) =>
        `<h2 id="tag-${esc(slug(tag))}">${esc(tag)}</h2>${ops
          .filter((o) => (o.op.tags?.[0] ?? 'other') === tag)
          .map((o) => operation(o.path, o.method, o.op))
          .join('\n')}`,
    )
    .join('\n');
  const problems = (Object.keys(PROBLEM_TYPES) as ProblemSlug[])
    .map(
      (k) =>
        `<li id="problem-${esc(k)}"><code>/docs#problem-${esc(k)}</code> — ${esc(PROBLEM_TYPES[k].status)} ${esc(PROBLEM_TYPES[k].title)}</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(doc.info.title)} — API docs</title>
<link rel="stylesheet" href="/docs.css">
<link rel="icon" href="data:,">
</head>
<body>
<header><h1>${esc(doc.info.title)} <small>v${esc(doc.info.version)}</small></h1>
<p>${text(doc.info.description)}</p>
<p>Machine-readable: <a href="/openapi.json">/openapi.json</a> (OpenAPI 3.1).</p></header>
<nav aria-label="Routes"><ul>${nav}</ul></nav>
<main>
${sections}
<h2 id="problems">Problem types</h2>
<p>Every error is <code>application/problem+json</code> (RFC 9457) with <code>type</code>, <code>title</code>, <code>status</code>, <code>detail</code>, and <code>invalidParams</code> naming the parameters at fault.</p>
<ul class="problems">${problems}</ul>
</main>
</body>
</html>
`;
}

export const DOCS_CSS = `:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fff;--muted:#5c5c5c;--line:#ddd;--accent:#0b5cad}
@media (prefers-color-scheme:dark){:root{--fg:#eee;--bg:#141414;--muted:#aaa;--line:#333;--accent:#7ab7ff}}
body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:60rem;padding:1rem 1.25rem 4rem}
code{font:0.9em ui-monospace,SFMono-Regular,Menlo,monospace}
a{color:var(--accent)}
header small{color:var(--muted);font-weight:normal}
nav ul{columns:2;padding-left:1.2rem;font-size:.9rem}
h2{border-bottom:1px solid var(--line);padding-bottom:.25rem;margin-top:2.5rem;text-transform:capitalize}
.op{border:1px solid var(--line);border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.op h3{font-size:1.05rem;margin:.5rem 0}
.method{display:inline-block;background:var(--accent);color:var(--bg);border-radius:3px;padding:0 .4rem;font-size:.8rem}
.summary{font-weight:600}
.try{font-size:.8rem;font-weight:normal;margin-left:.5rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border-top:1px solid var(--line);padding:.3rem .4rem;text-align:left;vertical-align:top}
.req{color:#b00020;font-size:.75rem}
.ex{color:var(--muted)}
.responses{font-size:.9rem}
`;
