import { describe, expect, it } from 'vitest';
import { intervalFor } from '../qualifiers/policy.js';
import { impliedLevel } from './impliedLevel.js';

describe('impliedLevel', () => {
  it('impliedLevel() applies a change to a level', () => {
    // 2681 × (1 + 10/100) = 2681 × 1.1 = 2949.1
    expect(impliedLevel(2681, 10)?.value).toBeCloseTo(2949.1, 9);
    // 2681 × (1 + 150/100) = 2681 × 2.5 = 6702.5
    expect(impliedLevel(2681, 150)).toEqual({ value: 6702.5, low: 6702.5, high: 6702.5 });
  });

  it('impliedLevel() recovers "nearly the same number" of 2021 arrests from 2,681 and a change of −10 % to 0 %', () => {
    // 2681 × 0.9 = 2412.9; 2681 × 1 = 2681
    expect(impliedLevel(2681, { value: 0, low: -10, high: 0 })).toEqual({
      value: 2681,
      low: expect.closeTo(2412.9, 9),
      high: 2681,
    });
  });

  it('impliedLevel() combines an uncertain level with an uncertain change at the corners', () => {
    // level nearly 2681 [2412.9, 2681] × (1 + [140, 160]/100): 2412.9 × 2.4 = 5790.96; 2681 × 2.6 = 6970.6
    expect(impliedLevel(intervalFor(2681, 'nearly'), { value: 150, low: 140, high: 160 })).toEqual({
      value: 6702.5,
      low: expect.closeTo(5790.96, 9),
      high: expect.closeTo(6970.6, 9),
    });
  });

  it('impliedLevel() returns undefined for a fall beyond −100 %', () => {
    expect(impliedLevel(2681, -101)).toBeUndefined();
  });
});
