// Invariants every metric keeps, checked with fast-check on random intervals (≥ 200 runs each).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absoluteChange } from './absoluteChange.js';
import { annualized } from './annualized.js';
import { compound } from './compound.js';
import { impliedBase } from './impliedBase.js';
import { impliedLevel } from './impliedLevel.js';
import { impliedPart } from './impliedPart.js';
import type { Interval } from './interval.js';
import { percentChange } from './percentChange.js';
import { ratePer100k } from './ratePer100k.js';
import { share } from './share.js';

const RUNS = { numRuns: 300 };

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

/** A random interval inside [min, max]: three draws sorted into low ≤ value ≤ high. */
const interval = (min: number, max: number): fc.Arbitrary<Interval> =>
  fc.tuple(num(min, max), num(min, max), num(min, max)).map((xs) => {
    const [low = 0, value = 0, high = 0] = [...xs].sort((a, b) => a - b);
    return { value, low, high };
  });

function toExact(x: number): Interval {
  return { value: x, low: x, high: x };
}

/** A point inside an interval, at a random fraction of its width. */
const inside = (i: Interval, t: number) => i.low + t * (i.high - i.low);

const near = (a: number, b: number, rel = 1e-9) =>
  Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));

/** Each metric with the domain on which it is defined: two inputs, an arbitrary for each. */
const METRICS: [
  string,
  (a: Interval, b: Interval) => Interval | undefined,
  fc.Arbitrary<Interval>,
  fc.Arbitrary<Interval>,
][] = [
  ['percentChange', percentChange, interval(1, 1e6), interval(-1e6, 1e6)],
  ['absoluteChange', absoluteChange, interval(-1e6, 1e6), interval(-1e6, 1e6)],
  // Years are a plain number, not an interval: drawn exact, so a point of them is the number itself.
  ['annualized', (p, y) => annualized(p, y.value), interval(-99, 1000), num(0.25, 40).map(toExact)],
  ['compound', (r, y) => compound(r, y.value), interval(-99, 100), num(0, 40).map(toExact)],
  ['impliedLevel', impliedLevel, interval(-1e6, 1e6), interval(-100, 1000)],
  ['impliedBase', impliedBase, interval(-1e6, 1e6), interval(-99, 1000)],
  ['share', share, interval(0, 1e6), interval(1, 1e6)],
  ['impliedPart', impliedPart, interval(0, 1), interval(-1e6, 1e6)],
  ['ratePer100k', ratePer100k, interval(0, 1e6), interval(1, 1e8)],
];

describe('metric invariants', () => {
  it.each(METRICS)('%s() keeps low ≤ value ≤ high on random intervals', (_name, metric, a, b) => {
    fc.assert(
      fc.property(a, b, (x, y) => {
        const r = metric(x, y);
        expect(r).toBeDefined();
        if (r) expect(r.low <= r.value && r.value <= r.high).toBe(true);
      }),
      RUNS,
    );
  });

  it.each(METRICS)(
    '%s() gives an interval that holds the result for any point of its inputs',
    (_name, metric, a, b) => {
      fc.assert(
        fc.property(a, b, num(0, 1), num(0, 1), (x, y, s, t) => {
          const r = metric(x, y);
          const p = metric(toExact(inside(x, s)), toExact(inside(y, t)));
          if (!r || !p) return;
          const slack = 1e-9 * Math.max(1, Math.abs(r.low), Math.abs(r.high));
          expect(p.value).toBeGreaterThanOrEqual(r.low - slack);
          expect(p.value).toBeLessThanOrEqual(r.high + slack);
        }),
        RUNS,
      );
    },
  );

  it.each(METRICS)('%s() of exact inputs is exact (low = value = high)', (_name, metric, a, b) => {
    fc.assert(
      fc.property(a, b, (x, y) => {
        const r = metric(toExact(x.value), toExact(y.value));
        if (r) expect([r.low, r.high]).toEqual([r.value, r.value]);
      }),
      RUNS,
    );
  });

  it('compound() of annualized() returns the total change', () => {
    fc.assert(
      fc.property(num(-99, 1000), num(0.25, 40), (p, years) => {
        const rate = annualized(p, years);
        const back = rate && compound(rate, years);
        expect(back).toBeDefined();
        if (back) expect(near(back.value, p, 1e-8)).toBe(true);
      }),
      RUNS,
    );
  });

  it('annualized() is increasing in the total change', () => {
    fc.assert(
      fc.property(num(-99, 1000), num(-99, 1000), num(0.25, 40), (p, q, years) => {
        const [lo, hi] = p <= q ? [p, q] : [q, p];
        const a = annualized(lo, years)?.value ?? Number.NaN;
        const b = annualized(hi, years)?.value ?? Number.NaN;
        expect(a).toBeLessThanOrEqual(b);
      }),
      RUNS,
    );
  });

  it('impliedPart() is increasing in the share for positive totals', () => {
    fc.assert(
      fc.property(num(0, 1), num(0, 1), num(1, 1e7), (s, t, total) => {
        const [lo, hi] = s <= t ? [s, t] : [t, s];
        const a = impliedPart(lo, total)?.value ?? Number.NaN;
        const b = impliedPart(hi, total)?.value ?? Number.NaN;
        expect(a).toBeLessThanOrEqual(b);
      }),
      RUNS,
    );
  });

  it('percentChange() of equal values is 0', () => {
    fc.assert(
      fc.property(
        num(-1e9, 1e9).filter((x) => x !== 0),
        (x) => {
          expect(percentChange(x, x)).toEqual({ value: 0, low: 0, high: 0 });
        },
      ),
      RUNS,
    );
  });
});
