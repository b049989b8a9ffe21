import { describe, expect, it } from 'vitest';
import { t } from '../i18n.js';
import { bundleFor, full, obs, params } from '../test-utils.js';
import type { Bundle } from '../types.js';
import { seriesDesc } from './derive.js';
import { layoutSeries, spread } from './layout.js';
import { niceTicks, seriesModel } from './series.js';

const SRC = 'cead.casos_policiales.extract2026';

describe('seriesModel()', () => {
  it('draws a "more than" figure with an open whisker to the top of the plot, never an invented ceiling', () => {
    // "la PDI logró incautar más de 40 toneladas de droga" (2021): a floor of 40 and no upper bound.
    const p = params('series', { indicator: 'pdi.seizures.total_tonnes' });
    const m = seriesModel(bundleFor(p), p);
    expect(m?.points.map((x) => [x.value, x.low, x.high, x.label, x.range])).toEqual([
      [40, 40, null, 'más de 40', '≥ 40'],
    ]);
    // The axis leaves room above the value (40 × 1.2 = 48 → ticks up to 50) for the whisker to show.
    expect(m?.ticks.at(-1)?.value).toBeGreaterThan(40);
    const L = m && layoutSeries(m, 600);
    const dot = L?.dots[0];
    expect(dot?.open).toBe(true);
    // The whisker runs from the value up to the top of the plot (y = 22), above the dot.
    expect(dot?.y1).toBe(22);
    expect(dot && dot.y1 < dot.y).toBe(true);
    expect(dot?.y0).toBe(dot?.y);
  });

  it('draws CEAD national drug cases 2010–2025 by default, with the launch and the 2025 break', () => {
    const p = params('series');
    const m = seriesModel(bundleFor(p), p);
    expect(m?.points.map((x) => x.period)).toEqual(Array.from({ length: 16 }, (_, i) => String(2010 + i)));
    // 2010: 14,798 cases → "14.798" in es-CL.
    expect(obs(`cead.cases.drugs:CL:2010:${SRC}`).value).toBe(14798);
    expect(m?.points[0]?.label).toBe('14.798');
    expect(m?.title).toBe('Casos policiales por delitos asociados a drogas, Chile, 2010–2025');
    // Marked: launches and renamings (national), and the CEAD 2025 reclassification, the only break.
    const marked = full.events.filter(
      (e) => ['launch', 'rename', 'reclassification'].includes(e.kind) && e.geo.includes('CL'),
    );
    expect(m?.events.map((e) => e.key)).toEqual(marked.map((e) => Number(e.date.slice(0, 4))).sort());
    expect(m?.events.filter((e) => e.breaks).map((e) => e.key)).toEqual([2025]);
    expect(m?.events[0]?.label).toMatch(/^2014: /);
    // 2025: 18,862 cases → "18.862" in the SVG description.
    expect(obs(`cead.cases.drugs:CL:2025:${SRC}`).value).toBe(18862);
    expect(m && seriesDesc(m, t('es'))).toContain('2025: 18.862');
    expect(m?.canRate).toBe(true);
  });

  it('computes the rate per 100,000 inhabitants from INE population', () => {
    const p = params('series', { lang: 'en' });
    const m = seriesModel(bundleFor(p), p, true);
    const cases = obs(`cead.cases.drugs:CL:2010:${SRC}`).value;
    const pop = obs('ine.population:CL:2010:ine.projections.extract2026').value;
    // 14,798 / 17,063,927 × 100,000 = 86.72… → "86.7"
    expect(cases / pop).toBeCloseTo(0.0008672, 6);
    expect(m?.points[0]?.label).toBe('86.7');
    expect(m?.unit).toBe('per 100,000 inhabitants');
  });

  it('draws a missing year as a gap, never as zero, and splits the line there', () => {
    const p = params('series', { from: '2018', to: '2022' });
    const b = bundleFor(p);
    const holed: Bundle = { ...b, observations: b.observations.filter((o) => o.period !== '2020') };
    const m = seriesModel(holed, p);
    expect(m?.points.map((x) => x.value === null)).toEqual([false, false, true, false, false]);
    expect(m?.points[2]?.label).toBe('sin datos');
    const L = m && layoutSeries(m, 600);
    expect(L?.runs).toHaveLength(2);
    expect(L?.dots).toHaveLength(4);
  });

  it('breaks the line at a series break (CEAD 2025)', () => {
    const p = params('series', { from: '2023' });
    const m = seriesModel(bundleFor(p), p);
    const L = m && layoutSeries(m, 600);
    // 2023–2024 are one run; 2025 stands alone after the break (a dot, no segment joining it).
    expect(L?.runs).toHaveLength(1);
    expect(L?.runs[0]?.split(' ')).toHaveLength(2);
    expect(L?.dots).toHaveLength(3);
  });

  it('labels the last period (after the 2025 break) and keeps event circles apart', () => {
    const p = params('series');
    const m = seriesModel(bundleFor(p), p);
    const L = m && layoutSeries(m, 347);
    expect(L?.xLabels.at(-1)?.label).toBe('2025');
    expect(L?.xLabels.at(-1)?.x).toBeLessThanOrEqual(347 - 14);
    const cx = L?.marks.map((mk) => mk.cx) ?? [];
    for (let i = 1; i < cx.length; i++)
      expect((cx[i] as number) - (cx[i - 1] as number)).toBeGreaterThanOrEqual(18);
    // Marks 9 px apart: the second moves right to 85 + 18 = 103; one far enough away stays.
    expect(spread([85, 94, 140], 18)).toEqual([85, 103, 140]);
  });

  it('is undefined without observations', () => {
    const p = params('series', { indicator: 'mt0.seizures' });
    expect(seriesModel(bundleFor(p), p)).toBeUndefined();
    expect(full.observations.length).toBeGreaterThan(0);
  });
});

describe('niceTicks()', () => {
  it('covers the maximum with round steps from zero', () => {
    // 18,862 / 4 = 4,715.5 → step 5,000 → 0…20,000
    expect(niceTicks(18862)).toEqual([0, 5000, 10000, 15000, 20000]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});
