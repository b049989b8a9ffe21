import { describe, expect, it } from 'vitest';
import { refusal, result } from '../../test-utils/dataset.js';

describe('the annualized metric', () => {
  it('annualized() keeps the seed figures: +62 % over 2015–2019 = 12.82 % a year, +18 % = 4.22 %', () => {
    // (1.62^(1/4) − 1) × 100 = 12.8181; (1.18^(1/4) − 1) × 100 = 4.2247
    expect(result('annualized', { change: 'fiscalia.street_sales' }).value).toBeCloseTo(12.8181, 4);
    expect(result('annualized', { change: 'fiscalia.convictions.microtrafficking' }).value).toBeCloseTo(
      4.2247,
      4,
    );
  });

  it('annualized() uses the real span of two levels', () => {
    // CEAD 2015→2019: (15923 / 12775)^(1/4) − 1 = 5.6524 % a year
    const r = result('annualized', { from: 'cead.cases.drugs@2015', to: 'cead.cases.drugs@2019' });
    expect(r.value).toBeCloseTo(((15923 / 12775) ** 0.25 - 1) * 100, 9);
    expect(r.years).toBe(4);
  });

  it('annualized() refuses a reported change of 9 months against 12, and a rate of a percent', () => {
    const r = refusal('annualized', {
      change: 'carabineros.seizures.total_tonnes:CL:2024/2025-01/2025-09:carabineros.via.puranoticia.2025',
    });
    expect([r.code, r.params[0]?.name]).toEqual(['periods', 'change']);
    const p = refusal('annualized', {
      from: 'senda.prevalence.cannabis@2018',
      to: 'senda.prevalence.cannabis@2020',
      source: 'senda.2021.enpg2020',
    });
    expect(p.code).toBe('units');
  });

  it('annualized() refuses change together with from/to', () => {
    const r = refusal('annualized', { change: 'fiscalia.street_sales', from: 'cead.cases.drugs@2015' });
    expect(r.params.map((x) => x.name)).toEqual(['change', 'from']);
  });
});
