import { describe, expect, it } from 'vitest';
import { refusal, result } from '../../test-utils/dataset.js';

describe('the change metric', () => {
  it('change() of CEAD drug cases 2015→2019 is +24.6 % with the absolute change in cases, graded B', () => {
    // (15923 − 12775) / 12775 × 100 = 3148 / 12775 × 100 = 24.6419 %
    const r = result('change', { from: 'cead.cases.drugs@2015', to: 'cead.cases.drugs@2019' });
    expect(r.value).toBeCloseTo(24.6419, 4);
    expect(r.unit).toBe('percent');
    expect(r.absolute).toEqual({ value: 3148, low: 3148, high: 3148, unit: 'count' });
    expect(r.confidence).toBe('B');
    expect(r.formula).toBe('(to − from) / from × 100 = (15923 − 12775) / 12775 × 100 = 24.6419 %');
  });

  it('change() of a percent is a difference in percentage points', () => {
    // SENDA cannabis prevalence 12.7 % (2018) → 11.4 % (2020): 11.4 − 12.7 = −1.3 points
    const r = result('change', {
      from: 'senda.prevalence.cannabis@2018',
      to: 'senda.prevalence.cannabis@2020',
      source: 'senda.2021.enpg2020',
    });
    expect(r.unit).toBe('percentage points');
    // Exactly −1.3, as the sources' decimals give it (11.4 − 12.7 in binary floating point is −1.299999999999999).
    expect([r.value, r.low, r.high]).toEqual([-1.3, -1.3, -1.3]);
    expect(r.formula).toBe('(to − from) = (11.4 − 12.7) = -1.3 percentage points');
  });

  it('change() refuses two places, periods out of order, and 12 months against 9', () => {
    const places = refusal('change', {
      from: 'carabineros.seizures.total:CL-MA:2019:laprensaaustral.2023.magallanes',
      to: 'carabineros.seizures.total:CL-AN:2015:carabineros.via.mediabanco.2015',
    });
    expect(places.code).toBe('places');
    const order = refusal('change', { from: 'cead.cases.drugs@2019', to: 'cead.cases.drugs@2015' });
    expect([order.code, order.params[0]?.name]).toEqual(['periods', 'to']);
    const months = refusal('change', {
      from: 'carabineros.arrests.drugs@2024',
      to: 'carabineros.arrests.drugs@2025-01/2025-09',
    });
    expect(months.params[0]?.reason).toBe('covers 2025-01/2025-09 (9 months), not the 12 months of "from"');
  });

  it('change() never sets a year to date against a full year', () => {
    // Carabineros' 2015 figure is "a la fecha" (year to date at publication)
    const r = refusal('change', {
      from: 'carabineros.arrests.drugs@2015',
      to: 'carabineros.arrests.drugs@2024',
    });
    expect([r.code, r.params[0]?.name]).toEqual(['periods', 'from']);
  });

  it('change() refuses the 2025 CEAD reclassification unless allowBreak=true, then names it in warnings', () => {
    const q = { from: 'cead.cases.drugs@2024', to: 'cead.cases.drugs@2025' };
    expect(refusal('change', q).extra).toEqual({ breaks: ['cead.reclassification.2025'] });
    // (18862 − 15911) / 15911 × 100 = 18.5469 %: the same number as before, now with its warning
    const r = result('change', { ...q, allowBreak: true });
    expect(r.value).toBeCloseTo(18.5469, 4);
    expect(r.warnings.map((w) => [w.code, w.event])).toEqual([
      ['series_break', 'cead.reclassification.2025'],
    ]);
  });
});
