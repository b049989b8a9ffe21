// Static images of a view (/embed/{view}.svg and .png): the view's data (the same ViewData the pages draw)
// as one self-contained SVG — the title, the figure, the source line and the data version — for social
// cards, print desks and readers without JavaScript. The series chart is the same Svelte component the
// page draws (SeriesPlot), laid out by the same layoutSeries; compare's bars come from layoutCompare.
// Colours are written out (the rasteriser knows no CSS custom properties). Pure strings: no DOM.
import { render } from 'svelte/server';
import { layoutCompare, wrap } from '../compare/layout.js';
import { provenance } from '../provenance.js';
import { layoutSeries } from '../series/layout.js';
import SeriesPlot from '../series/SeriesPlot.svelte';
import type { ViewData } from '../viewdata.js';
import CompareBars from './CompareBars.svelte';

export const PALETTE = {
  light: {
    bg: '#ffffff',
    fg: '#1b1d21',
    muted: '#50555e',
    accent: '#0a5bb5',
    accent2: '#a13a0b',
    grid: '#d9dce1',
    panel: '#f3f4f6',
  },
  dark: {
    bg: '#15171b',
    fg: '#eef0f3',
    muted: '#b5bac3',
    accent: '#7db8f5',
    accent2: '#f5a070',
    grid: '#3a3f48',
    panel: '#22252b',
  },
} as const;

/** The one font the images are drawn with (shipped beside the rasteriser, its licence with it). */
export const IMAGE_FONT = 'DejaVu Sans';

/** The stylesheet of an image: widget.css's chart rules with the theme's colours written out. */
function css(theme: keyof typeof PALETTE): string {
  const c = PALETTE[theme];
  return [
    `text{font-family:'${IMAGE_FONT}';fill:${c.fg};font-size:12px}`,
    `.bg{fill:${c.bg}}.h{font-size:18px;font-weight:700}.m,.tick{fill:${c.muted}}.big{font-size:44px;font-weight:700;fill:${c.accent}}`,
    `.q{font-size:15px;font-style:italic}.strong,.name{font-weight:700}.rule{stroke:${c.grid}}`,
    `.grid{stroke:${c.grid}}.line{fill:none;stroke:${c.accent};stroke-width:2.5}.dot{fill:${c.accent}}`,
    `.dot.approx{fill:${c.bg};stroke:${c.accent};stroke-width:2}.whisker{stroke:${c.fg};stroke-width:1.5}`,
    `.mark{stroke:${c.muted};stroke-dasharray:2 3}.mark.brk{stroke-dasharray:6 3;stroke-width:2}`,
    `.mark-dot{fill:${c.panel};stroke:${c.muted}}.mark-n{font-size:11px;font-weight:700}`,
    // An approximate bar is hatched (CompareBars' pattern): after the role colours, which it overrides.
    `.output .bar{fill:${c.accent}}.outcome .bar,.context .bar{fill:${c.accent2}}.bar.approx{stroke:${c.fg};fill:url(#img-h)}`,
    // An open end ("≥ X"): the whisker runs dashed to the edge, with no cap (as on the page).
    `.whisker.open{stroke-dasharray:3 3}`,
    `.hatch-bg{fill:${c.bg}}.hatch{stroke:${c.accent};stroke-width:3}.zero{stroke:${c.fg}}`,
  ].join('');
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Characters of `px`-sized DejaVu Sans that fit in `width` (its average advance is about 0.6 em). */
const fits = (width: number, px: number) => Math.max(12, Math.floor(width / (px * 0.6)));

/** A legend entry: a swatch drawn as a bar of `role` (hatched when `approx`) and its label. */
interface LegendItem {
  role: string;
  approx: boolean;
  label: string;
}

/**
 * A legend as the page draws it (src/lib/compare/Compare.svelte): swatches and labels in a row that wraps
 * at `width` (12 px text, about 0.6 em a character). Returns the elements and the baseline of its last row.
 */
function legendSvg(items: LegendItem[], x0: number, y: number, width: number): { svg: string; y: number } {
  let x = x0;
  let base = y + 14;
  const svg = items.map((it) => {
    const w = 16 + Math.ceil(it.label.length * 12 * 0.6) + 14;
    if (x > x0 && x + w > x0 + width) {
      x = x0;
      base += 18;
    }
    const el = `<g class="${it.role}"><rect class="bar${it.approx ? ' approx' : ''}" x="${x}" y="${base - 10}" width="11" height="11"/></g><text x="${x + 16}" y="${base}">${esc(it.label)}</text>`;
    x += w;
    return el;
  });
  return { svg: svg.join(''), y: base };
}

/**
 * The view as a standalone SVG document `width` px wide (280–1200); its height follows the content.
 * @example imageSvg(data, 'light', 600).startsWith('<svg xmlns="http://www.w3.org/2000/svg" width="600"') // true
 */
export function imageSvg(d: ViewData, theme: 'light' | 'dark', width: number): string {
  const pad = 16;
  const inner = width - 2 * pad;
  const out: string[] = [];
  let y = pad;
  /** Lines of text, wrapped to the width, each `lh` px below the last. */
  const text = (s: string, cls: string, px: number, lh: number) => {
    for (const line of wrap(s, fits(inner, px))) {
      y += lh;
      out.push(`<text class="${cls}" x="${pad}" y="${y}">${esc(line)}</text>`);
    }
  };
  text(d.title, 'h', 18, 24);
  y += 8;
  if (d.stat) {
    const m = d.stat;
    y += 44;
    out.push(
      `<text class="big" x="${pad}" y="${y}">${esc(m.big)}${m.unit ? `<tspan class="m" font-size="18"> ${esc(m.unit)}</tspan>` : ''}</text>`,
    );
    y += 6;
    text(`${m.when}${m.range ? ` · ${d.ui.approx.toLowerCase()}: ${m.range}` : ''}`, 'm', 12, 18);
    y += 6;
    text(m.sentence, '', 12, 17);
  } else if (d.series) {
    const m = d.series;
    text(m.unit, 'm', 12, 16);
    const L = layoutSeries(m, inner);
    const plot = render(SeriesPlot, { props: { m, L, uid: 'img', desc: '', x: pad, y: y + 6 } }).body;
    out.push(plot.replace(/<!--[^>]*-->/g, ''));
    y += 6 + L.height;
    for (const e of m.events) text(`(${e.n}) ${e.label}`, 'm', 12, 16);
  } else if (d.compare) {
    const m = d.compare;
    const role = (r: string) =>
      r === 'output' ? d.ui.outputs : r === 'outcome' ? d.ui.outcomes : d.ui.context;
    const labels = m.rows.map((r) => ({
      name: `${r.name} · ${role(r.role)}`,
      strong: `${r.rate} ${d.ui.perYear}${r.rateRange ? ` (${r.rateRange})` : ''}`,
      rest: `${d.ui.total}: ${r.total}, ${r.span}`,
    }));
    // The page's legend: the roles' colours, and the approximate mark (hatched, with its interval) when drawn.
    const legend = legendSvg(
      [
        { role: 'output', approx: false, label: d.ui.outputs },
        { role: 'outcome', approx: false, label: d.ui.outcomes },
        ...(m.rows.some((r) => r.approximate)
          ? [{ role: 'output', approx: true, label: d.ui.approxMark }]
          : []),
      ],
      pad,
      y,
      inner,
    );
    out.push(legend.svg);
    y = legend.y + 4;
    const L = layoutCompare(m, inner, labels);
    const bars = render(CompareBars, { props: { m, L, labels, x: pad, y: y + 4 } }).body;
    out.push(bars.replace(/<!--[^>]*-->/g, ''));
    y += 4 + L.height;
    text(m.sentence, '', 12, 17);
  } else if (d.statement) {
    const m = d.statement;
    text(`“${m.claim}”`, 'q', 15, 21);
    y += 4;
    text(`${m.who}${m.role ? `, ${m.role}` : ''} · ${m.date}`, 'm', 12, 17);
    y += 6;
    for (const e of m.evidence) text(`${e.label}: ${e.value} (${e.period})`, '', 12, 17);
  } else if (d.table) {
    for (const r of d.table.rows.slice(0, 14)) text(`${r.label} · ${r.period} · ${r.value}`, '', 12, 17);
    if (d.table.rows.length > 14) text('…', 'm', 12, 17);
  }
  y += 12;
  out.push(`<line class="rule" x1="${pad}" x2="${width - pad}" y1="${y}" y2="${y}"/>`);
  y += 2;
  text(
    `${d.sources.length > 1 ? d.ui.sources : d.ui.source}: ${d.sources.map((s) => s.label).join('; ')}`,
    'm',
    12,
    16,
  );
  text(provenance(d), 'm', 12, 16);
  const height = Math.ceil(y + pad);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${esc(d.title).replace(/"/g, '&quot;')}"><style>${css(theme)}</style><rect class="bg" width="${width}" height="${height}"/>${out.join('')}</svg>`;
}
