import { describe, expect, it } from 'vitest';
import { refusal, result } from '../../test-utils/dataset.js';

describe('the rate metric', () => {
  it('rate() of CEAD drug cases in 2017 is 77.05 per 100,000 inhabitants', () => {
    // 14192 / 18419192 × 100000 = 77.0501
    const r = result('rate', { count: 'cead.cases.drugs@2017' });
    expect(r.value).toBeCloseTo(77.0501, 4);
    expect(r.inputs.map((i) => i.indicator)).toEqual(['cead.cases.drugs', 'ine.population']);
  });

  it('rate() refuses a percent and a mass, and a year to date', () => {
    expect(refusal('rate', { count: 'police.arrests.drugs.possession_share@2014' }).code).toBe('units');
    expect(refusal('rate', { count: 'carabineros.seizures.total@2015' }).params[0]?.reason).toMatch(
      /kg \(mass\)/,
    );
    const partial = refusal('rate', { count: 'carabineros.arrests.drugs@2015' });
    expect([partial.code, partial.params[0]?.reason]).toEqual([
      'periods',
      'covers only part of its period (year to date)',
    ]);
  });
});
