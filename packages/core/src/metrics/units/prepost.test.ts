import { describe, expect, it } from 'vitest';
import { refusal, result } from '../../test-utils/dataset.js';

describe('the prepost metric', () => {
  it('prepost() refuses to straddle the 2025 reclassification, and crosses it with a warning when asked', () => {
    expect(refusal('prepost', { indicator: 'cead.cases.drugs' }).code).toBe('series_break');
    const r = result('prepost', { indicator: 'cead.cases.drugs', allowBreak: true });
    expect(r.breaks).toEqual(['cead.reclassification.2025']);
    expect(r.warnings.map((w) => w.event)).toEqual(['cead.reclassification.2025']);
  });

  it('prepost() within a window gives the mean before against the mean after', () => {
    const r = result('prepost', { indicator: 'cead.cases.drugs', window: 3 });
    expect(r.excluded).toEqual(['2014']);
    expect(r.unit).toBe('percent');
  });
});
