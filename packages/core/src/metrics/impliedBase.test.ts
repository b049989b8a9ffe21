import { describe, expect, it } from 'vitest';
import { impliedBase } from './impliedBase.js';

describe('impliedBase', () => {
  it('impliedBase() undoes a change', () => {
    // 6702.5 / (1 + 150/100) = 6702.5 / 2.5 = 2681
    expect(impliedBase(6702.5, 150)).toEqual({ value: 2681, low: 2681, high: 2681 });
  });

  it('impliedBase() divides by every corner of an uncertain change', () => {
    // 250 / (1 + [100, 150]/100): 250 / 2 = 125; 250 / 2.5 = 100; value 250 / 2.25 = 111.11…
    expect(impliedBase(250, { value: 125, low: 100, high: 150 })).toEqual({
      value: expect.closeTo(111.1111, 4),
      low: 100,
      high: 125,
    });
  });

  it.each([
    ['a change of −100 %', -100],
    ['a change whose interval reaches −100 %', { value: -95, low: -100, high: -90 }],
    ['a non-finite change', Number.NaN],
  ])('impliedBase() returns undefined for %s', (_name, p) => {
    expect(impliedBase(100, p)).toBeUndefined();
  });
});
