import { describe, expect, it } from 'vitest';
import { rollingSum } from './rolling.js';

describe('rollingSum', () => {
  it('sums each window of consecutive values and leaves the first window − 1 positions empty', () => {
    // 1+2+3 = 6, 2+3+4 = 9, 3+4+5 = 12
    expect(rollingSum([1, 2, 3, 4, 5], 3)).toEqual([null, null, 6, 9, 12]);
  });

  it('never sums a window with a missing value', () => {
    // Windows ending at 2, 3 and 4 hold the null at index 1 until it leaves: only 3+4+5 = 12 is whole.
    expect(rollingSum([1, null, 3, 4, 5], 3)).toEqual([null, null, null, null, 12]);
  });

  it('gives nothing for a series shorter than the window', () => {
    expect(
      rollingSum(
        Array.from({ length: 11 }, () => 1),
        12,
      ),
    ).toEqual(Array.from({ length: 11 }, () => null));
  });
});
