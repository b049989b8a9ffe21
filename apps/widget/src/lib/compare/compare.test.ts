import { describe, expect, it } from 'vitest';
import { rangeWords } from '../derive.js';
import { t } from '../i18n.js';
import { bundleFor, change, params } from '../test-utils.js';
import { changeRange } from '../values.js';
import { compareModel } from './compare.js';
import { compareDesc } from './derive.js';
import { barsPercent, layoutCompare, wrap } from './layout.js';

describe('compareModel()', () => {
  it('puts the seed changes on a per-year footing', () => {
    const p = params('compare');
    const m = compareModel(bundleFor(p), p);
    const sales = change('fiscalia.street_sales:CL:2015/2019:fiscalia.via.insightcrime.2022');
    const convictions = change(
      'fiscalia.convictions.microtrafficking:CL:2015/2019:fiscalia.via.insightcrime.2022',
    );
    expect([sales.percent, convictions.percent]).toEqual([62, 18]);
    // seizures +150 % in one year: 150 % a year. Street sales: 1.62^(1/4) − 1 = 0.12818 → "+12,8%".
    // Convictions: 1.18^(1/4) − 1 = 0.04224 → "+4,2%".
    expect(m?.rows.map((r) => r.rate)).toEqual(['+150%', '+12,8%', '+4,2%']);
    expect(m?.rows[1]?.value).toBeCloseTo((1.62 ** 0.25 - 1) * 100, 9);
    expect(m?.rows.map((r) => r.role)).toEqual(['output', 'outcome', 'outcome']);
    expect(m?.rows.map((r) => r.total)).toEqual(['+150%', '+62%', '+18%']);
    // 2020–2021 against 2015–2019: the spans do not overlap, so the lead claims no "faster"
    expect(m?.sentence).toMatch(/^Actividad policial: /);
    expect(m?.sentence).toContain('no se superponen');
    expect(m && compareDesc(m, t('es'))).toContain('+12,8% al año');
  });

  it('speaks English with English numbers', () => {
    const p = params('compare', { lang: 'en' });
    const m = compareModel(bundleFor(p), p);
    expect(m?.rows.map((r) => r.rate)).toEqual(['+150%', '+12.8%', '+4.2%']);
    expect(m?.title).toBe('Enforcement outputs against outcomes, per year');
  });

  it('is undefined without the comparison computed for these changes', () => {
    const p = params('compare');
    expect(compareModel({ ...bundleFor(p), comparisons: [] }, p)).toBeUndefined();
  });

  it('lays bars on one scale from zero', () => {
    const p = params('compare');
    const m = compareModel(bundleFor(p), p);
    const L = m && layoutCompare(m, 604);
    // domain 0…150 over 4…600: +150 % spans 596 px; +12.818 % spans 596 × 12.818 / 150 = 50.9 px.
    expect(L?.zero).toBe(4);
    expect(L?.bars[0]?.w).toBe(596);
    expect(L?.bars[1]?.w).toBeCloseTo((596 * ((1.62 ** 0.25 - 1) * 100)) / 150, 0);
  });

  it('wraps labels that would be clipped on a phone, and grows the rows to fit', () => {
    // (375 − 28 padding − 8) / 7 px = 48 characters a line.
    expect(wrap('Venta de drogas a nivel de calle', 16)).toEqual(['Venta de drogas', 'a nivel de calle']);
    const p = params('compare');
    const m = compareModel(bundleFor(p), p);
    if (!m) throw new Error('no model');
    const labels = m.rows.map((r) => ({
      name: `${r.name} · Actividad policial`,
      strong: `${r.rate} al año`,
      rest: `Total: ${r.total}, ${r.span}`,
    }));
    const wide = layoutCompare(m, 700, labels);
    const narrow = layoutCompare(m, 339, labels);
    expect(wide.bars.every((b) => b.name.length === 1 && !b.split)).toBe(true);
    expect(wide.height).toBe(58 * m.rows.length);
    for (const b of narrow.bars) for (const l of b.name) expect(l.length).toBeLessThanOrEqual(47);
    expect(narrow.height).toBeGreaterThan(wide.height);
  });
});

describe('open ends in the compare view', () => {
  it('runs an open end\'s whisker to the edge with no cap, and reads it "≥ …"', () => {
    // Synthetic rows: an annual rate of +12.8 % exact, and one of at least +10 % (a "more than" change).
    const rows = [
      { value: 12.8, low: 12.8, high: 12.8 },
      { value: 10, low: 10, high: null },
    ];
    // Scale 0 → 12.8 (the finite ends): x(10) = 10 / 12.8 × 100 = 78.125 → 78.13.
    expect(barsPercent({ rows }).bars[1]).toEqual({
      x: 0,
      w: 78.13,
      x0: 78.13,
      x1: 100,
      open0: false,
      open1: true,
    });
    expect(changeRange({ low: 10, high: null }, 'es')).toBe('≥ +10%');
    expect(changeRange({ low: null, high: -3 }, 'en')).toBe('≤ −3%');
    expect(rangeWords('≥ +10%', t('es'))).toBe(' (al menos +10%)');
    expect(rangeWords('≥ 2,300', t('en'))).toBe(' (at least 2,300)');
  });
});
