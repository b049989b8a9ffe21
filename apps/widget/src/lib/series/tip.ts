// Values on demand for the series chart, loaded on the reader's first pointer, touch or focus on the chart
// (a chunk of its own: mt0.js and the embed pages' scripts stay within their budgets). Hovering, touching
// or focusing shows the nearest point's period, value, interval and source in a tooltip that is also a
// polite live region (screen readers hear the same words); the arrow keys, Home and End move between
// points, Escape hides it. Pure DOM: the chart's Svelte component owns the markup, this only reads it.
import { rangeWords } from '../derive.js';
import type { Strings } from '../i18n.js';
import type { SeriesModel } from './series.js';

/** The words for one point: "2019: 14.798 (entre 2.413 y 2.681) · Fuente: CEAD". */
export function tipText(m: SeriesModel, k: number, ui: Strings): string {
  const pt = m.points[k];
  if (!pt || pt.value === null) return '';
  const src = m.srcs[pt.src]?.label;
  return `${pt.plabel}: ${pt.label}${pt.approximate ? ` · ${ui.approx.toLowerCase()}${rangeWords(pt.range, ui)}` : ''}${src ? ` · ${ui.source}: ${src}` : ''}`;
}

const wired = new WeakSet<HTMLElement>();

/**
 * Wires the chart `box` (its `circle[data-k]` dots, its `.tip` element) to the model `get()` returns now
 * (the per-100,000 toggle swaps it), and handles `first`, the event that loaded this module.
 */
export function attach(box: HTMLElement, get: () => { m: SeriesModel; ui: Strings }, first?: Event) {
  if (wired.has(box)) return;
  wired.add(box);
  const tip = box.querySelector<HTMLElement>('.tip');
  if (!tip) return;
  // Styled here (CSSOM, which a page's style-src CSP allows), so that mt0.js does not carry these rules.
  Object.assign(box.style, { position: 'relative', touchAction: 'pan-y' });
  Object.assign(tip.style, {
    position: 'absolute',
    maxWidth: 'min(90%, 22em)',
    padding: '4px 8px',
    borderRadius: '4px',
    background: 'var(--fg)',
    color: 'var(--bg)',
    fontSize: '0.85em',
    pointerEvents: 'none',
    zIndex: '1',
  });
  let cur = -1;
  /** The dots with a value, left to right, and their point indices. */
  const dots = () => [...box.querySelectorAll<SVGCircleElement>('circle[data-k]')];
  const hide = () => {
    tip.hidden = true;
    for (const d of dots()) d.style.stroke = '';
  };
  const show = (i: number) => {
    const all = dots();
    const dot = all[Math.max(0, Math.min(all.length - 1, i))];
    if (!dot) return;
    cur = all.indexOf(dot);
    const { m, ui } = get();
    // The point shown gets a ring in the text colour.
    for (const d of all)
      Object.assign(d.style, d === dot ? { stroke: 'var(--fg)', strokeWidth: '3px' } : { stroke: '' });
    tip.textContent = tipText(m, Number(dot.dataset.k), ui);
    tip.hidden = false;
    // Above the point (below it when there is no room above), kept inside the chart's box.
    const b = box.getBoundingClientRect();
    const r = dot.getBoundingClientRect();
    const x = r.left + r.width / 2 - b.left;
    const w = tip.offsetWidth;
    const above = r.top - b.top - tip.offsetHeight - 8;
    tip.style.left = `${Math.max(0, Math.min(b.width - w, x - w / 2))}px`;
    tip.style.top = `${above >= 0 ? above : r.bottom - b.top + 8}px`;
  };
  const nearest = (clientX: number) => {
    let best = -1;
    let gap = Number.POSITIVE_INFINITY;
    dots().forEach((d, i) => {
      const r = d.getBoundingClientRect();
      const g = Math.abs(r.left + r.width / 2 - clientX);
      if (g < gap) [best, gap] = [i, g];
    });
    return best;
  };
  const point = (e: Event) => show(nearest((e as PointerEvent).clientX));
  box.addEventListener('pointermove', point);
  box.addEventListener('pointerdown', point);
  box.addEventListener('pointerleave', (e) => {
    if ((e as PointerEvent).pointerType === 'mouse' && document.activeElement !== box) hide();
  });
  box.addEventListener('focus', () => show(cur < 0 ? dots().length - 1 : cur));
  box.addEventListener('blur', hide);
  box.addEventListener('keydown', (e) => {
    const n = dots().length;
    const to: Record<string, number> = { ArrowLeft: cur - 1, ArrowRight: cur + 1, Home: 0, End: n - 1 };
    if (e.key === 'Escape') return hide();
    if (!(e.key in to)) return;
    e.preventDefault();
    show(to[e.key] as number);
  });
  if (first?.type === 'focusin') show(dots().length - 1);
  else if (first) point(first);
}
