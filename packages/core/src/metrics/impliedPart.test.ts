import { describe, expect, it } from 'vitest';
import { intervalFor } from '../qualifiers/policy.js';
import { impliedPart } from './impliedPart.js';

describe('impliedPart', () => {
  it('impliedPart() turns the hotline\'s "roughly a third" of 2,681 arrests into 804–983 arrests', () => {
    // roughly ⅓ → approximately rule [0.9 × ⅓, 1.1 × ⅓] = [0.3, 0.36667]
    // value ⅓ × 2681 = 893.667; low 0.3 × 2681 = 804.3; high 0.36667 × 2681 = 983.033
    expect(impliedPart(intervalFor(1 / 3, 'approximately'), 2681)).toEqual({
      value: expect.closeTo(893.6667, 4),
      low: expect.closeTo(804.3, 9),
      high: expect.closeTo(983.0333, 4),
    });
  });

  it('impliedPart() of an exact share of an exact total is exact', () => {
    // 0.5 × 2681 = 1340.5
    expect(impliedPart(0.5, 2681)).toEqual({ value: 1340.5, low: 1340.5, high: 1340.5 });
  });

  it('impliedPart() combines a rough share with a "nearly" total at the corners', () => {
    // [0.3, 0.36667] × [2412.9, 2681]: 0.3 × 2412.9 = 723.87; 0.36667 × 2681 = 983.033
    expect(impliedPart(intervalFor(1 / 3, 'approximately'), intervalFor(2681, 'nearly'))).toEqual({
      value: expect.closeTo(893.6667, 4),
      low: expect.closeTo(723.87, 9),
      high: expect.closeTo(983.0333, 4),
    });
  });

  it('impliedPart() returns undefined for a non-finite share', () => {
    expect(impliedPart(Number.NaN, 2681)).toBeUndefined();
  });
});
