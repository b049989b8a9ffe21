import { describe, expect, it } from 'vitest';
import { refusal, result } from '../../test-utils/dataset.js';

describe('the index metric', () => {
  it('index() of CEAD cases, 2014 = 100, at 2019 is 15923 / 11874 × 100 = 134.1', () => {
    const r = result('index', { indicator: 'cead.cases.drugs', base: '2014', at: '2019' });
    expect(r.value).toBeCloseTo((15923 / 11874) * 100, 9);
    // The series stops before the 2025 reclassification unless allowBreak=true.
    const periods = (r.series as { period: string }[]).map((p) => p.period);
    expect(periods).toContain('2024');
    expect(periods).not.toContain('2025');
  });

  it('index() refuses the latest period across a break, and any index of a percent', () => {
    const r = refusal('index', { indicator: 'cead.cases.drugs', base: '2014' });
    expect([r.code, r.params[0]?.name]).toEqual(['series_break', 'at']);
    expect(refusal('index', { indicator: 'senda.prevalence.cannabis', base: '2010' }).code).toBe('units');
  });
});
