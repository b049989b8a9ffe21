import { describe, expect, it } from 'vitest';
import { refusal, result } from '../../test-utils/dataset.js';

const HOTLINE = 'mt0.arrests.hotline_share@2022';

describe('the implied metric', () => {
  it('implied() gives the seed hotline ≈ ⅓ × 2,681 = 894 [804.3, 983.0] only with allowUndated, and says so', () => {
    const refused = refusal('implied', { share: HOTLINE, total: 'mt0.arrests@2020' });
    expect(refused.code).toBe('undated');
    expect(refused.params.map((p) => p.name)).toEqual(['share', 'allowUndated']);
    // ⅓ × 2681 = 893.667; "roughly" ±10 %: [0.3 × 2681, 0.36667 × 2681] = [804.3, 983.033]
    const r = result('implied', { share: HOTLINE, total: 'mt0.arrests@2020', allowUndated: true });
    expect(r.value).toBeCloseTo(893.6667, 4);
    expect(r.low).toBeCloseTo(804.3, 9);
    expect(r.high).toBeCloseTo(983.0333, 4);
    expect(r.warnings.map((w) => w.code)).toEqual(['undated']);
  });

  it('implied() applies a share only to the total it is a share of', () => {
    const r = refusal('implied', { share: HOTLINE, total: 'ine.population@2020', allowUndated: true });
    expect(r.params).toEqual([
      { name: 'total', reason: 'must be mt0.arrests, the total mt0.arrests.hotline_share is a share of' },
    ]);
  });

  it('implied() reads a percent as a share: 74 % of about 85,000 drug arrests a year (undated)', () => {
    // 74/100 × 85000 = 62900; "about 74 %" and "about 85,000": [0.666 × 76500, 0.814 × 93500] = [50949, 76109]
    const q = { share: 'police.arrests.drugs.possession_share@2014', total: 'police.arrests.drugs@2014' };
    expect(refusal('implied', q).code).toBe('undated');
    const r = result('implied', { ...q, allowUndated: true });
    expect(r.value).toBeCloseTo(62900, 6);
    expect(r.low).toBeCloseTo(0.666 * 76500, 6);
    expect(r.high).toBeCloseTo(0.814 * 93500, 6);
  });

  it('implied() gives the level at the other end of a change: 2,585 kg × 1.29 = 3,334.65 kg', () => {
    const r = result('implied', {
      level: 'pdi.seizures.cocaine_hcl:CL:2015:pdi.via.latercera.2017',
      change: 'pdi.seizures.cocaine_hcl:CL:2015/2016:pdi.via.cooperativa.2017',
    });
    expect(r.value).toBeCloseTo(3334.65, 9);
    expect(r.period).toBe('2016');
  });
});
