import { describe, expect, it } from 'vitest';
import { embedCodes, embedUrl, iframeHtml } from './embedCodes.js';
import { params } from './test-utils.js';

describe('embedCodes()', () => {
  const p = params('series', { geo: 'CL-RM', lang: 'en', theme: 'dark' });
  const codes = embedCodes('https://kit.example', p, 'Cases & "quotes"');

  it('gives a script embed with its no-JS link', () => {
    expect(codes.script).toBe(
      '<script type="module" src="https://kit.example/widget/mt0.js"></script>\n' +
        '<mt0-widget view="series" geo="CL-RM" lang="en" theme="dark" style="display:block;min-height:560px"></mt0-widget>\n' +
        '<noscript><a href="https://kit.example/embed/series?geo=CL-RM&amp;lang=en&amp;theme=dark">Cases &amp; &quot;quotes&quot;</a></noscript>',
    );
  });

  it('gives a titled iframe with the resize script, and a plain link', () => {
    expect(codes.iframe).toContain('title="Cases &amp; &quot;quotes&quot;"');
    expect(codes.iframe).toContain('<script async src="https://kit.example/widget/resize.js"></script>');
    expect(codes.link).toBe(
      '<a href="https://kit.example/embed/series?geo=CL-RM&amp;lang=en&amp;theme=dark">Cases &amp; &quot;quotes&quot;</a>',
    );
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

  it('builds the canonical URL and the oEmbed iframe', () => {
    expect(embedUrl('https://kit.example', params('stat'))).toBe('https://kit.example/embed/stat?lang=es');
    expect(iframeHtml('https://kit.example', params('stat'), 'T', 500, 300)).toBe(
      '<iframe src="https://kit.example/embed/stat?lang=es" title="T" width="500" height="300" frameborder="0" scrolling="no"></iframe>',
    );
  });
});
