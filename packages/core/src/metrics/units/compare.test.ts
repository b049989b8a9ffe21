import { describe, expect, it } from 'vitest';
import { result } from '../../test-utils/dataset.js';

describe('the compare metric', () => {
  it('compare() of the seed story gives no headline gap: 2020–2021 and 2015–2019 do not overlap', () => {
    const r = result('compare', {});
    expect(r.finding).toBe('apart');
    expect(r.value).toBeNull();
    expect(r.gapReason).toBe(
      'the spans of the outputs and the outcomes do not overlap, so their rates describe different years',
    );
    expect(r.text).toContain('+150% in one year (2020–2021');
    expect(r.text).toContain(
      'street-level drug sales (Fiscalía), a justice-system case count, +62% over four years',
    );
    expect(r.confidence).toBe('B');
  });
});
