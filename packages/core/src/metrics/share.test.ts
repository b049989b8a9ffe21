import { describe, expect, it } from 'vitest';
import { share } from './share.js';

describe('share', () => {
  it('share() divides a part by its total', () => {
    // 2681 / 3 = 893.666…; 893.666… / 2681 = 1/3
    expect(share(2681 / 3, 2681)?.value).toBeCloseTo(1 / 3, 12);
    // 804.3 / 2681 = 0.3
    expect(share(804.3, 2681)?.value).toBeCloseTo(0.3, 12);
  });

  it('share() divides by every corner of an uncertain total', () => {
    // 900 / "nearly 2681" [2412.9, 2681]: 900 / 2681 = 0.3356956…; 900 / 2412.9 = 0.3729952…
    const r = share(900, { value: 2681, low: 2412.9, high: 2681 });
    expect(r).toEqual({
      value: expect.closeTo(0.3356956, 6),
      low: expect.closeTo(0.3356956, 6),
      high: expect.closeTo(0.3729952, 6),
    });
  });

  it.each([
    ['a zero total', 0],
    ['a negative total', -5],
    ['a total interval that reaches zero', { value: 1, low: 0, high: 2 }],
  ])('share() returns undefined for %s', (_name, total) => {
    expect(share(1, total)).toBeUndefined();
  });
});
