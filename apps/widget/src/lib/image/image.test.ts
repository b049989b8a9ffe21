import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import Compare from '../compare/Compare.svelte';
import { full, params } from '../test-utils.js';
import { changeRange } from '../values.js';
import { viewData } from '../viewdata.js';
import { VIEWS } from '../views.js';
import { imageSvg, PALETTE } from './image.js';

describe('imageSvg()', () => {
  for (const view of VIEWS) {
    for (const lang of ['es', 'en'] as const) {
      it(`draws ${view} (${lang}) with its title, figure, sources and version`, () => {
        const d = viewData(full, params(view, { lang }));
        if (!d) throw new Error('no data');
        const svg = imageSvg(d, 'light', 600);
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="600" height="\d+"/);
        expect(svg).toContain(`v${d.version}`);
        // Sources' labels are in the image (escaped: "&" as &amp;), wrapped over lines.
        const words = svg
          .replace(/<style>[^<]*<\/style>/, '')
          .replace(/<[^>]+>/g, ' ')
          .replace(/\s+/g, ' ');
        for (const s of d.sources) expect(words).toContain(s.label.replace(/&/g, '&amp;'));
        // No raw markup from the data: every "<" opens one of the image's own elements.
        for (const m of svg.matchAll(/<([^\s>/]+)/g))
          expect([
            'svg',
            'style',
            'rect',
            'text',
            'tspan',
            'line',
            'polyline',
            'circle',
            'g',
            'title',
            'desc',
            'defs',
            'pattern',
          ]).toContain(m[1]);
        const height = Number(/height="(\d+)"/.exec(svg)?.[1]);
        expect(height).toBeGreaterThan(120);
      });
    }
  }

  it('draws the series with the page’s own chart component and the compare bars on one scale', () => {
    const s = viewData(full, params('series'));
    const c = viewData(full, params('compare'));
    if (!s || !c) throw new Error('no data');
    expect(imageSvg(s, 'light', 600)).toContain('<polyline class="line"');
    expect(imageSvg(c, 'light', 600)).toContain('class="bar"');
  });

  it('writes the theme’s colours out (no custom properties: the rasteriser knows none)', () => {
    const d = viewData(full, params('stat'));
    if (!d) throw new Error('no data');
    const dark = imageSvg(d, 'dark', 400);
    expect(dark).toContain(`.bg{fill:${PALETTE.dark.bg}}`);
    expect(dark).not.toContain('var(');
    expect(dark).toMatch(/width="400"/);
  });
});

describe('open ends in the compare image', () => {
  /** The compare view's data with two synthetic approximate rows: closed (+11 to +14), and open above (≥ +10). */
  const withOpenEnd = () => {
    const c = viewData(full, params('compare'));
    const [a, b] = c?.compare?.rows ?? [];
    if (!c?.compare || !a || !b) throw new Error('no data');
    const row = (r: typeof a, value: number, low: number, high: number | null) => ({
      ...r,
      approximate: true,
      value,
      low,
      high,
      rateRange: changeRange({ low, high }, 'es'),
    });
    return { ...c, compare: { ...c.compare, rows: [row(a, 12.8, 11, 14), row(b, 10, 10, null)] } };
  };
  /** The whisker lines of each row, in order: [class, x1, x2]. */
  const whiskers = (svg: string) =>
    svg
      .split('class="row ')
      .slice(1)
      .map((row) =>
        [...row.matchAll(/<line class="(whisker[^"]*)" x1="([^"]+)" x2="([^"]+)"/g)].map((m) => m.slice(1)),
      );

  it('draws a "≥ X" row as the page does: dashed to the edge, no cap there, the words, and the legend', () => {
    const d = withOpenEnd();
    const svg = imageSvg(d, 'light', 600);
    // Bars 600 − 2 × 16 = 568 px wide, 4 px in from each side: the open end runs to x = 564.
    const [closed, open] = whiskers(svg);
    expect(closed?.map((w) => w[0])).toEqual(['whisker', 'whisker', 'whisker']);
    expect(open).toHaveLength(2);
    expect(open?.[0]).toEqual(['whisker open', open?.[0]?.[1], '564']);
    // The one cap is at the closed (low) end, where the run starts.
    expect(open?.[1]).toEqual(['whisker', open?.[0]?.[1], open?.[0]?.[1]]);
    expect(svg).toContain('.whisker.open{stroke-dasharray:3 3}');
    expect(svg).toContain('(≥ +10%)');
    // The legend: the roles' swatches and the hatched approximate mark with its words.
    expect(svg).toContain('<rect class="bar approx"');
    expect(svg).toContain(`>${d.ui.approxMark}</text>`);
    expect(svg).toContain(`>${d.ui.outputs}</text>`);

    // The page's own component draws the same marks (in percent of the row's width).
    const page = render(Compare, { props: { m: d.compare, ui: d.ui } }).body;
    const [pClosed, pOpen] = whiskers(page);
    expect(pClosed?.map((w) => w[0])).toEqual(['whisker', 'whisker', 'whisker']);
    expect(pOpen?.map((w) => w[0])).toEqual(['whisker open', 'whisker']);
    expect(pOpen?.[0]?.[2]).toBe('100%');
    expect(page).toContain('(≥ +10%)');
    expect(page).toContain(d.ui.approxMark);
  });

  it('draws no legend entry for the approximate mark when no row is approximate', () => {
    const d = viewData(full, params('compare'));
    if (!d?.compare) throw new Error('no data');
    const exact = {
      ...d,
      compare: { ...d.compare, rows: d.compare.rows.map((r) => ({ ...r, approximate: false })) },
    };
    const svg = imageSvg(exact, 'light', 600);
    expect(svg).not.toContain(d.ui.approxMark);
    expect(svg).toContain(`>${d.ui.outcomes}</text>`);
  });
});
