// dist/public/widget/resize.js: for hosts without pym.js. Sets the height of the kit's own iframes from
// their message: only an iframe whose `src` has the origin this script was loaded from, only when the
// message comes from that iframe's window and from that origin. A third-party or `data:` iframe that
// posts our message about itself is ignored. Budget: 1 KB gzip.
const script = document.currentScript as HTMLScriptElement | null;
let own = '';
try {
  own = new URL(script?.src ?? '').origin;
} catch {}
addEventListener('message', (e: MessageEvent) => {
  const d = e.data as { mt0?: unknown; height?: unknown } | null;
  if (!own || e.origin !== own || d?.mt0 !== 'resize' || typeof d.height !== 'number') return;
  const h = Math.ceil(d.height);
  if (!(h > 0 && h < 20000)) return;
  for (const f of document.getElementsByTagName('iframe')) {
    if (f.contentWindow !== e.source) continue;
    let origin = '';
    try {
      origin = new URL(f.src, location.href).origin;
    } catch {}
    if (origin === own) f.style.height = `${h}px`;
  }
});
