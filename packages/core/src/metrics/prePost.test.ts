import { describe, expect, it } from 'vitest';
import { intervalFor } from '../qualifiers/policy.js';
import { prePost } from './prePost.js';

const launch = { id: 'mt0.launch', date: '2014' };
const yearly = [
  { period: '2011', value: 100 },
  { period: '2012', value: 110 },
  { period: '2013', value: 120 },
  { period: '2014', value: 500 },
  { period: '2015', value: 150 },
  { period: '2016', value: 160 },
  { period: '2017', value: 170 },
];

describe('prePost', () => {
  it('prePost() compares the mean level before an event with the mean after, leaving the event year out', () => {
    // before: (100 + 110 + 120) / 3 = 110; after: (150 + 160 + 170) / 3 = 160
    // change 160 − 110 = 50; 50 / 110 × 100 = 45.4545…
    const r = prePost(yearly, launch);
    expect(r.refused).toBeUndefined();
    if (r.refused !== undefined) return;
    expect(r.before).toEqual({
      periods: ['2011', '2012', '2013'],
      level: { value: 110, low: 110, high: 110 },
    });
    expect(r.after).toEqual({
      periods: ['2015', '2016', '2017'],
      level: { value: 160, low: 160, high: 160 },
    });
    expect(r.excluded).toEqual(['2014']);
    expect(r.absoluteChange).toEqual({ value: 50, low: 50, high: 50 });
    expect(r.percentChange?.value).toBeCloseTo(45.4545, 4);
    expect(r.event).toBe('mt0.launch');
  });

  it('prePost() limits each side to a window of years around the event', () => {
    // window 2: before 2012, 2013 → (110 + 120) / 2 = 115; after 2015, 2016 → (150 + 160) / 2 = 155
    const r = prePost(yearly, launch, { window: 2 });
    if (r.refused !== undefined) throw new Error(r.refused);
    expect(r.before.periods).toEqual(['2012', '2013']);
    expect(r.after.periods).toEqual(['2015', '2016']);
    expect(r.absoluteChange.value).toBe(40);
  });

  it('prePost() adds totals when asked, and refuses totals over unequal sides', () => {
    // window 1: 2013 → 120, 2015 → 150; total change 30
    const r = prePost(yearly, launch, { window: 1, aggregate: 'total' });
    if (r.refused !== undefined) throw new Error(r.refused);
    expect(r.absoluteChange.value).toBe(30);
    const unequal = prePost(yearly.slice(1), launch, { aggregate: 'total' });
    expect(unequal).toMatchObject({ code: 'unequal_sides' });
  });

  it('prePost() carries the intervals of approximate levels', () => {
    // before: 2,681 exact; after: nearly 2,681 [2412.9, 2681]; change [−268.1, 0], [−10 %, 0 %]
    const r = prePost(
      [
        { period: '2019', value: 2681 },
        { period: '2021', value: intervalFor(2681, 'nearly') },
      ],
      { date: '2020' },
    );
    if (r.refused !== undefined) throw new Error(r.refused);
    expect(r.absoluteChange).toEqual({ value: 0, low: expect.closeTo(-268.1, 9), high: 0 });
    expect(r.percentChange).toEqual({ value: 0, low: expect.closeTo(-10, 9), high: 0 });
    expect(r.excluded).toEqual([]);
  });

  it('prePost() splits monthly series at an event dated to the day', () => {
    // event 2020-03-15: February ends before it, April starts after it, March contains it
    const r = prePost(
      [
        { period: '2020-02', value: 10 },
        { period: '2020-03', value: 99 },
        { period: '2020-04', value: 20 },
      ],
      { date: '2020-03-15' },
    );
    if (r.refused !== undefined) throw new Error(r.refused);
    expect([r.before.periods, r.excluded, r.after.periods]).toEqual([['2020-02'], ['2020-03'], ['2020-04']]);
  });

  it('prePost() refuses to straddle a series break unless allowBreak is set', () => {
    const reclassification = { id: 'cead.reclassification', date: '2016', breaksSeries: true };
    const refused = prePost(yearly, launch, { breaks: [reclassification] });
    expect(refused).toMatchObject({ code: 'series_break', breaks: ['cead.reclassification'] });
    expect(refused.refused).toMatch(/series break/);
    const allowed = prePost(yearly, launch, { breaks: [reclassification], allowBreak: true });
    expect(allowed.refused).toBeUndefined();
    expect(allowed.breaks).toEqual(['cead.reclassification']);
  });

  it('prePost() ignores breaks outside the periods used and events that do not break the series', () => {
    // window 2 uses 2012–2016 (ending at the start of 2017); a break in 2017 is outside it
    expect(
      prePost(yearly, launch, { window: 2, breaks: [{ date: '2017', breaksSeries: true }] }).refused,
    ).toBeUndefined();
    expect(
      prePost(yearly, launch, { breaks: [{ date: '2016', breaksSeries: false }] }).refused,
    ).toBeUndefined();
  });

  it('prePost() refuses to compare around an event that itself breaks the series', () => {
    expect(prePost(yearly, { id: 'x', date: '2014', breaksSeries: true })).toMatchObject({
      code: 'series_break',
      breaks: ['x'],
    });
  });

  it('prePost() refuses when one side has no data', () => {
    expect(prePost(yearly, { date: '2010' })).toMatchObject({ code: 'no_data_before' });
    expect(prePost(yearly, { date: '2017' })).toMatchObject({ code: 'no_data_after' });
  });

  it.each([
    ['an unreadable event date', yearly, { date: '2014-13' }, {}],
    ['a window of zero years', yearly, { date: '2014' }, { window: 0 }],
    [
      'mixed years and months',
      [
        { period: '2013', value: 1 },
        { period: '2015-01', value: 2 },
      ],
      { date: '2014' },
      {},
    ],
    [
      'a repeated period',
      [
        { period: '2013', value: 1 },
        { period: '2013', value: 2 },
        { period: '2015', value: 2 },
      ],
      { date: '2014' },
      {},
    ],
  ])('prePost() refuses %s as invalid input', (_name, series, event, options) => {
    expect(prePost(series, event, options)).toMatchObject({ code: 'invalid_input' });
  });

  it('prePost() skips unreadable points, lists them, and does not mutate the series', () => {
    const series = [...yearly, { period: '2018', value: Number.NaN }, { period: 'later', value: 1 }];
    const copy = structuredClone(series);
    const r = prePost(series, launch);
    if (r.refused !== undefined) throw new Error(r.refused);
    expect(r.skipped).toEqual(['2018', 'later']);
    expect(series).toEqual(copy);
  });
});
