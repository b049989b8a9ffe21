import { describe, expect, it } from 'vitest';
import { full, params } from '../test-utils.js';
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
