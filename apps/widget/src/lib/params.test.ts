import { describe, expect, it } from 'vitest';
import { langFrom, paramsQuery, parseParams, takenOnly } from './params.js';

describe('parseParams()', () => {
  it('fills the defaults: compare, CL, es, auto', () => {
    expect(parseParams({})).toEqual({
      ok: true,
      params: { view: 'compare', geo: 'CL', lang: 'es', theme: 'auto' },
    });
  });

  it('treats empty and null attributes as not given', () => {
    expect(parseParams({ view: 'stat', geo: '', lang: null, indicator: '  ' }, 'compare', 'en')).toEqual({
      ok: true,
      params: { view: 'stat', geo: 'CL', lang: 'en', theme: 'auto' },
    });
  });

  it('names every bad parameter', () => {
    const r = parseParams({
      view: 'pie',
      geo: '<chile>',
      from: '20',
      to: '2020-13',
      lang: 'fr',
      theme: 'pink',
      indicator: 'A B',
    });
    expect(r.ok).toBe(false);
    const names = r.ok ? [] : r.errors.map((e) => e.split(':')[0]);
    expect(names).toEqual(['view', 'indicator', 'geo', 'from', 'to', 'lang', 'theme']);
  });

  it('refuses a range that runs backwards', () => {
    const r = parseParams({ view: 'series', from: '2020', to: '2015' });
    expect(r.ok ? [] : r.errors).toEqual(['from: "2020" is not before to (2015)']);
  });

  it('accepts several indicators only for compare', () => {
    expect(parseParams({ view: 'compare', indicator: 'mt0.seizures,fiscalia.street_sales' }).ok).toBe(true);
    expect(parseParams({ view: 'stat', indicator: 'mt0.seizures,fiscalia.street_sales' }).ok).toBe(false);
  });

  it('never throws on hostile input', () => {
    const hostile = ['__proto__', '<script>', '\u0000', 'x'.repeat(10000), '../../etc'];
    for (const h of hostile) {
      expect(() =>
        parseParams({ view: h, indicator: h, geo: h, from: h, to: h, lang: h, theme: h }),
      ).not.toThrow();
    }
  });
});

describe('a pinned release (release="…" on the element, v= in a URL)', () => {
  it('reads a release version into the params, and a URL carries it as v', () => {
    const r = parseParams({ view: 'series', release: ' 0.4.0 ', lang: 'en' });
    expect(r).toEqual({
      ok: true,
      params: { view: 'series', geo: 'CL', lang: 'en', theme: 'auto', release: '0.4.0' },
    });
    expect(paramsQuery(r.ok ? r.params : ({} as never))).toBe('lang=en&v=0.4.0');
  });

  it('leaves the params unpinned when the release is absent or empty', () => {
    expect(parseParams({ view: 'stat', release: '' })).toEqual(parseParams({ view: 'stat' }));
    expect(parseParams({ view: 'stat', release: null })).toEqual(parseParams({ view: 'stat' }));
  });

  it('names a release that is not a version, whatever else is right', () => {
    for (const bad of ['latest', 'v0.4.0', '0.4', '0.4.0.1', '0.4.0-rc1', '1e3.0.0', '../0.4.0']) {
      expect(parseParams({ view: 'stat', release: bad }), bad).toEqual({
        ok: false,
        errors: [`release: "${bad}" is not a release version such as 0.4.0`],
      });
    }
  });

  it('keeps the release when the options are cut to what the view takes', () => {
    expect(takenOnly({ view: 'compare', geo: 'CL-RM', lang: 'es', theme: 'auto', release: '0.2.0' })).toEqual(
      {
        view: 'compare',
        geo: 'CL',
        lang: 'es',
        theme: 'auto',
        release: '0.2.0',
      },
    );
  });
});

describe('langFrom()', () => {
  it('reads en from en-US, es from es-CL, and es otherwise', () => {
    expect(langFrom('en-US')).toBe('en');
    expect(langFrom('es-CL')).toBe('es');
    expect(langFrom('pt-BR')).toBe('es');
    expect(langFrom(null)).toBe('es');
  });
});

describe('paramsQuery()', () => {
  it('leaves defaults out and keeps the language', () => {
    expect(paramsQuery({ view: 'series', geo: 'CL-RM', from: '2015', lang: 'en', theme: 'dark' })).toBe(
      'geo=CL-RM&from=2015&lang=en&theme=dark',
    );
  });
});

describe('places', () => {
  it('accepts a place id in any case, a CUT number or a name, which the kit server resolves with core', () => {
    for (const geo of [
      'CL',
      'cl-rm',
      '13',
      'CL-05101',
      '2201',
      'Calama',
      'Valparaíso',
      "O'Higgins",
      'San Pedro de Atacama',
    ])
      expect(parseParams({ view: 'series', geo }).ok, geo).toBe(true);
    for (const geo of ['<script>', 'a"b', 'x'.repeat(61)])
      expect(parseParams({ view: 'series', geo }).ok, geo).toBe(false);
  });

  it('takes a resolution and a 12-month rolling sum, and nothing else for them', () => {
    expect(parseParams({ view: 'series', geo: 'calama', resolution: 'month', rolling: '12' })).toMatchObject({
      ok: true,
      params: { resolution: 'month', rolling: true },
    });
    expect(parseParams({ view: 'series', resolution: 'week' }).ok).toBe(false);
    expect(parseParams({ view: 'series', rolling: '6' }).ok).toBe(false);
  });
});
