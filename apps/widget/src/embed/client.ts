// The embed page client (dist/public/embed-assets/{view}.js + shared chunks): hydrates the server-rendered
// view (the island in #mt0-root; its frame and footer stay static HTML) and keeps the parent informed of
// the page's height in every dialect hosts listen for.
// Reads its props from <script type="application/json" id="mt0-props"> (no inline script: CSP-safe).
import { type Component, hydrate } from 'svelte';
import type { RootProps } from '../lib/view.js';
import '../lib/widget.css';
import './page.css';
import { heightMessages, parsePym, pymId, pymMessage, wpSecret } from './protocol.js';

/** Hydrates `Root` with the page's props and starts the height messages. Never throws into the page. */
export function start(Root: Component<RootProps>) {
  const ctx = { pym: pymId(location.search), wp: wpSecret(location.hash) };
  let last = -1;
  const measure = () => Math.ceil(document.body.getBoundingClientRect().height);
  const send = (force = false) => {
    if (window.parent === window) return;
    const h = measure();
    if (h === last && !force) return;
    last = h;
    for (const m of heightMessages(h, ctx)) window.parent.postMessage(m, '*');
  };
  try {
    const el = document.getElementById('mt0-props');
    const target = document.getElementById('mt0-root');
    if (el && target) {
      hydrate(Root, { target, props: JSON.parse(el.textContent ?? '{}') as RootProps });
    }
    // An error page: what went wrong, for the newsroom (the reader sees one sentence).
    const err = document.getElementById('mt0-error');
    if (err) console.warn(`mt0 embed: ${(JSON.parse(err.textContent ?? '[]') as string[]).join('; ')}`);
  } catch (e) {
    // The server-rendered page stays readable without the client.
    console.warn('mt0 embed: could not hydrate', e);
  }
  // Pinned to an older release (the footer keeps a line for it): the "newer data" check, a chunk of its own.
  const v = new URLSearchParams(location.search).get('v');
  const canonical = document.querySelector<HTMLLinkElement>('link[rel=canonical]')?.href;
  if (v && canonical && document.querySelector('.mt0 .newer')) {
    const latest = new URL(canonical);
    latest.searchParams.delete('v');
    const lang = document.documentElement.lang === 'en' ? 'en' : 'es';
    import('../element/newer.js').then((m) => m.checkNewer(document, location.origin, v, lang, latest.href));
  }
  document.documentElement.classList.add(ctx.pym ? 'embedded' : 'not-embedded');
  new ResizeObserver(() => send()).observe(document.body);
  addEventListener('load', () => send(true));
  addEventListener('message', (e) => {
    if (!ctx.pym || e.source !== window.parent) return;
    const m = parsePym(e.data, ctx.pym);
    // pym's parent sends `width` on its resize; answer with our height (the layout is fluid).
    if (m?.type === 'width') requestAnimationFrame(() => send(true));
  });
  if (ctx.pym) window.parent.postMessage(pymMessage(ctx.pym, 'height', String(measure())), '*');
  send(true);
}
