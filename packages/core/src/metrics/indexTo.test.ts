import { describe, expect, it } from 'vitest';
import { intervalFor } from '../qualifiers/policy.js';
import { indexTo } from './indexTo.js';

describe('indexTo', () => {
  it('indexTo() rescales a series so the base period is 100', () => {
    // 2681 / 2681 × 100 = 100; 2949.1 / 2681 × 100 = 110; 1340.5 / 2681 × 100 = 50
    const series = [
      { period: '2019', value: 1340.5 },
      { period: '2020', value: 2681 },
      { period: '2021', value: 2949.1 },
    ];
    expect(indexTo(series, '2020')).toEqual([
      { period: '2019', value: { value: 50, low: 50, high: 50 } },
      { period: '2020', value: { value: 100, low: 100, high: 100 } },
      {
        period: '2021',
        value: { value: expect.closeTo(110, 9), low: expect.closeTo(110, 9), high: expect.closeTo(110, 9) },
      },
    ]);
  });

  it('indexTo() indexes "nearly the same number" of 2021 arrests to 2020 as 90–100', () => {
    // [2412.9, 2681] / 2681 × 100 = [90, 100]
    expect(
      indexTo(
        [
          { period: '2020', value: 2681 },
          { period: '2021', value: intervalFor(2681, 'nearly') },
        ],
        '2020',
      )?.[1],
    ).toEqual({
      period: '2021',
      value: { value: 100, low: expect.closeTo(90, 9), high: 100 },
    });
  });

  it('indexTo() keeps the base at exactly 100 even when the base is uncertain', () => {
    // base [2412.9, 2681]: the base over itself is 100, not [90, 111.1]; 2681 / [2412.9, 2681] = [100, 111.11]
    const out = indexTo(
      [
        { period: '2021', value: intervalFor(2681, 'nearly') },
        { period: '2022', value: 2681 },
      ],
      '2021',
    );
    expect(out?.[0]?.value).toEqual({ value: 100, low: 100, high: 100 });
    expect(out?.[1]?.value).toEqual({ value: 100, low: 100, high: expect.closeTo(111.1111, 4) });
  });

  it('indexTo() skips points it cannot read and does not mutate the series', () => {
    const series = [
      { period: '2020', value: 10 },
      { period: '2021', value: Number.NaN },
      { period: '2022', value: 20 },
    ];
    const copy = structuredClone(series);
    expect(indexTo(series, '2020')?.map((p) => p.period)).toEqual(['2020', '2022']);
    expect(series).toEqual(copy);
  });

  it.each([
    ['a missing base period', [{ period: '2020', value: 10 }], '2019'],
    ['a zero base', [{ period: '2020', value: 0 }], '2020'],
    [
      'a repeated base period',
      [
        { period: '2020', value: 1 },
        { period: '2020', value: 2 },
      ],
      '2020',
    ],
  ])('indexTo() returns undefined for %s', (_name, series, base) => {
    expect(indexTo(series, base)).toBeUndefined();
  });
});
