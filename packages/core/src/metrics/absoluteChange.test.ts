import { describe, expect, it } from 'vitest';
import { intervalFor } from '../qualifiers/policy.js';
import { absoluteChange } from './absoluteChange.js';

describe('absoluteChange', () => {
  it('absoluteChange() subtracts the earlier level from the later one', () => {
    // 2949.1 − 2681 = 268.1
    expect(absoluteChange(2681, 2949.1)?.value).toBeCloseTo(268.1, 9);
  });

  it('absoluteChange() carries the interval of "nearly the same number" of arrests', () => {
    // to ∈ [2412.9, 2681], from 2681: low 2412.9 − 2681 = −268.1, high 2681 − 2681 = 0
    expect(absoluteChange(2681, intervalFor(2681, 'nearly'))).toEqual({
      value: 0,
      low: expect.closeTo(-268.1, 9),
      high: 0,
    });
  });

  it('absoluteChange() widens when both levels are uncertain', () => {
    // to [9, 11] − from [4, 6]: low 9 − 6 = 3, high 11 − 4 = 7, value 10 − 5 = 5
    expect(absoluteChange({ value: 5, low: 4, high: 6 }, { value: 10, low: 9, high: 11 })).toEqual({
      value: 5,
      low: 3,
      high: 7,
    });
  });

  it('absoluteChange() returns undefined for a non-finite level', () => {
    expect(absoluteChange(Number.POSITIVE_INFINITY, 1)).toBeUndefined();
  });
});
