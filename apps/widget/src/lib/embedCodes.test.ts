import { describe, expect, it } from 'vitest';
import { builderQuery, drawnHeight, embedCodes, embedUrl, iframeHtml, reserve } from './embedCodes.js';
import { params } from './test-utils.js';

describe('embedCodes()', () => {
  const p = params('series', { geo: 'CL-RM', lang: 'en', theme: 'dark' });
  const codes = embedCodes('https://kit.example', p, 'Cases & "quotes"');

  it('gives a script embed with its no-JS link and image', () => {
    expect(codes.script).toBe(
      '<script type="module" src="https://kit.example/widget/mt0.js"></script>\n' +
        '<mt0-widget view="series" geo="CL-RM" lang="en" theme="dark" style="display:block;min-height:max(794.3px - 32.9vw, 657px - 10vw, 557px)"></mt0-widget>\n' +
        '<noscript><a href="https://kit.example/embed/series?geo=CL-RM&amp;lang=en&amp;theme=dark"><img src="https://kit.example/embed/series.png?geo=CL-RM&amp;lang=en&amp;theme=dark" alt="Cases &amp; &quot;quotes&quot;" width="600" style="max-width:100%;height:auto"></a></noscript>',
    );
  });

  it('gives a titled iframe with the resize script, and a plain link', () => {
    expect(codes.iframe).toContain('title="Cases &amp; &quot;quotes&quot;"');
    expect(codes.iframe).toContain('<script async src="https://kit.example/widget/resize.js"></script>');
    expect(codes.link).toBe(
      '<a href="https://kit.example/embed/series?geo=CL-RM&amp;lang=en&amp;theme=dark">Cases &amp; &quot;quotes&quot;</a>',
    );
  });

  it('carries a pinned release in all three codes: release on the element, v= in every URL', () => {
    const c = embedCodes('https://kit.example', { ...p, release: '0.4.0' }, 'T');
    expect(c.script).toContain(
      '<mt0-widget view="series" geo="CL-RM" lang="en" theme="dark" release="0.4.0" style=',
    );
    expect(c.script).toContain(
      'href="https://kit.example/embed/series?geo=CL-RM&amp;lang=en&amp;theme=dark&amp;v=0.4.0"',
    );
    expect(c.script).toContain(
      'src="https://kit.example/embed/series.png?geo=CL-RM&amp;lang=en&amp;theme=dark&amp;v=0.4.0"',
    );
    expect(c.iframe).toContain(
      'src="https://kit.example/embed/series?geo=CL-RM&amp;lang=en&amp;theme=dark&amp;v=0.4.0"',
    );
    expect(c.link).toContain('&amp;v=0.4.0"');
  });

  it('pins content-hashed scripts with their SRI hash (a CORS fetch, as SRI needs)', () => {
    const pinned = embedCodes('https://kit.example', p, 'T', {
      element: { path: '/widget/mt0.0123456789.js', integrity: 'sha384-abc' },
      resize: { path: '/widget/resize.9876543210.js', integrity: 'sha384-def' },
    });
    expect(pinned.script).toMatch(
      /^<script type="module" src="https:\/\/kit\.example\/widget\/mt0\.0123456789\.js" integrity="sha384-abc" crossorigin="anonymous"><\/script>\n/,
    );
    expect(pinned.iframe).toContain(
      '<script async src="https://kit.example/widget/resize.9876543210.js" integrity="sha384-def" crossorigin="anonymous"></script>',
    );
  });

  it('reserves the drawn heights joined by lines over the viewport width', () => {
    // compare: 1035 px at 375 wide, 735 at 600, 576 at 1000. Slope 300 / 225 = 1.333 px per px:
    // 1035 + 1.333 × 375 = 1535 (at 375: 1535 − 500 = 1035). Then 159 / 400 = 0.3975: 735 + 238.5 = 973.5.
    expect(reserve('compare')).toBe('max(1535px - 133.3vw, 973.5px - 39.8vw, 576px)');
  });

  it('builds the canonical URL and the oEmbed iframe', () => {
    expect(embedUrl('https://kit.example', params('stat'))).toBe('https://kit.example/embed/stat?lang=es');
    expect(iframeHtml('https://kit.example', params('stat'), 'T', 500, 300)).toBe(
      '<iframe src="https://kit.example/embed/stat?lang=es" title="T" width="100%" height="300" style="width:100%;max-width:500px;border:0" frameborder="0" loading="lazy"></iframe>\n<script async src="https://kit.example/widget/resize.js"></script>',
    );
    // stat: 245 px at 375 wide, 227 at 600 and beyond.
    expect([drawnHeight('stat', 320), drawnHeight('stat', 600), drawnHeight('stat', 1200)]).toEqual([
      245, 227, 227,
    ]);
  });
});

describe('builderQuery()', () => {
  it('names the pinned release as v, and an unpinned widget as v=latest', () => {
    expect(builderQuery(params('stat', { lang: 'en', release: '0.5.0' }))).toBe('view=stat&lang=en&v=0.5.0');
    expect(builderQuery(params('stat', { lang: 'en' }))).toBe('view=stat&lang=en&v=latest');
  });
});
