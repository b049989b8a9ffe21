import { describe, expect, it } from 'vitest';
import { intervalFor } from '../qualifiers/policy.js';
import { percentChange } from './percentChange.js';

describe('percentChange', () => {
  it('percentChange() gives the relative change in percent', () => {
    // (250 − 100) / 100 × 100 = 150
    expect(percentChange(100, 250)).toEqual({ value: 150, low: 150, high: 150 });
    // (93 − 100) / 100 × 100 = −7
    expect(percentChange(100, 93)).toEqual({ value: -7, low: -7, high: -7 });
  });

  it('percentChange() reads "nearly the same number" of arrests in 2021 as a fall of 0 % to 10 %', () => {
    // 2020: 2,681 exact; 2021: nearly 2,681 → [0.9 × 2681, 2681] = [2412.9, 2681]
    // value (2681 − 2681) / 2681 = 0; low (2412.9 − 2681) / 2681 × 100 = −268.1 / 26.81 = −10; high 0
    const r = percentChange(2681, intervalFor(2681, 'nearly'));
    expect(r).toEqual({ value: 0, low: expect.closeTo(-10, 9), high: 0 });
  });

  it('percentChange() divides by every corner of an interval base', () => {
    // from [80, 125] (value 100), to 150: (150 − 125) / 125 = 0.2; (150 − 80) / 80 = 0.875; value 0.5
    expect(percentChange({ value: 100, low: 80, high: 125 }, 150)).toEqual({
      value: 50,
      low: 20,
      high: 87.5,
    });
  });

  it('percentChange() of equal values is 0', () => {
    expect(percentChange(2681, 2681)).toEqual({ value: 0, low: 0, high: 0 });
  });

  it.each([
    ['a zero base', 0, 10],
    ['a base interval that contains zero', { value: 1, low: -1, high: 2 }, 10],
    ['a non-finite level', 100, Number.NaN],
  ])('percentChange() returns undefined for %s', (_name, from, to) => {
    expect(percentChange(from, to)).toBeUndefined();
  });
});
