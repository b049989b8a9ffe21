import { describe, expect, it } from 'vitest';
import { refusal, result } from '../../test-utils/dataset.js';

describe('the share metric', () => {
  it('share() of microtrafficking in CEAD drug cases is part / total', () => {
    const r = result('share', { part: 'cead.cases.microtrafficking@2019', total: 'cead.cases.drugs@2019' });
    expect(r.unit).toBe('share');
    expect(r.value).toBeGreaterThan(0);
    expect(r.value).toBeLessThan(1);
  });

  it('share() refuses a share as the part, kg against persons, and a total that is a part of the part', () => {
    expect(
      refusal('share', { part: `${'mt0.arrests.hotline_share'}@2022`, total: 'mt0.arrests@2020' }).params[0]
        ?.name,
    ).toBe('part');
    const kg = refusal('share', {
      part: 'carabineros.seizures.cocaine_hcl@2015',
      total: 'carabineros.arrests.drugs@2015',
    });
    expect(kg.params[0]?.reason).toBe('is in persons (people or events counted), not kg (mass) like "part"');
    const nested = refusal('share', {
      part: 'cead.cases.drugs@2019',
      total: 'cead.cases.microtrafficking@2019',
    });
    expect(nested.params[0]).toEqual({
      name: 'total',
      reason: 'is a part of cead.cases.drugs, not a total of it',
    });
  });

  it('share() refuses a part and total of different periods', () => {
    const r = refusal('share', { part: 'cead.cases.microtrafficking@2019', total: 'cead.cases.drugs@2018' });
    expect([r.code, r.params[0]?.name]).toEqual(['periods', 'total']);
  });
});
