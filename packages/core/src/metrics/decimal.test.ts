import { describe, expect, it } from 'vitest';
import { decimalDifference, decimalShift, decimals } from './decimal.js';

describe('decimal arithmetic for differences of written figures', () => {
  it('counts the places a figure is written with', () => {
    expect([decimals(2681), decimals(2949.1), decimals(0.123), decimals(1.25e-7), decimals(-4.8)]).toEqual([
      0, 1, 3, 9, 1,
    ]);
  });

  it('subtracts without binary noise: 4.8 − 6.1 is −1.3, not −1.2999999999999998', () => {
    expect(4.8 - 6.1).not.toBe(-1.3); // the noise this removes
    expect(decimalDifference(4.8, 6.1)).toBe(-1.3);
    // 2949.1 − 2681 = 268.1 (one place), 0.3 − 0.1 = 0.2
    expect(decimalDifference(2949.1, 2681)).toBe(268.1);
    expect(decimalDifference(0.3, 0.1)).toBe(0.2);
  });

  it('keeps every place the inputs have: 1.005 − 1 is 0.005', () => {
    expect(decimalDifference(1.005, 1)).toBe(0.005);
    expect(decimalDifference(2412.9, 2681)).toBe(-268.1);
  });

  it('shifts a share to percentage points without noise: 0.123 × 100 = 12.3, 0.07 × 100 = 7', () => {
    expect(0.07 * 100).not.toBe(7); // 7.000000000000001
    expect(decimalShift(0.07, 2)).toBe(7);
    expect(decimalShift(0.123, 2)).toBe(12.3);
    expect(decimalShift(-0.013, 2)).toBe(-1.3);
  });

  it('leaves non-finite results alone', () => {
    expect(decimalDifference(Number.POSITIVE_INFINITY, 1)).toBe(Number.POSITIVE_INFINITY);
  });
});
