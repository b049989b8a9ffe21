import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataset } from '../test-utils/dataset.js';
import { applyDerived, inherited } from './derived.js';

const PLANTS = 'pdi.seizures.cannabis_plants:CL:2021:pdi.via.seguridadpublica.2022';

/** Synthetic rows: a "nearly 300" base and figures converted from it (test input). */
const row = (
  id: string,
  value: number,
  low: number | null,
  high: number | null,
  derivedFrom?: string,
  n = 2,
) => ({
  record: { id, value, low, high, ...(derivedFrom ? { derivedFrom } : {}) },
  file: 'data/observations/test.csv',
  row: n,
});
const noSuggestion = () => undefined;

describe('figures derived from an approximate figure', () => {
  it('gives the 2021 cannabis doses and their value the interval of "casi 300.000 plantas"', () => {
    // casi 300,000 → [270,000, 300,000], i.e. [0.9, 1] × the figure: 0.9 × 162,000,000 = 145,800,000.
    const doses = dataset.observations.find((o) => o.indicator === 'pdi.seizures.cannabis_plants_doses');
    expect(doses).toMatchObject({
      value: 162e6,
      qualifier: 'exact',
      low: 145.8e6,
      high: 162e6,
      derivedFrom: PLANTS,
    });
    // 0.9 × 225,000,000,000 = 202,500,000,000.
    const value = dataset.observations.find((o) => o.indicator === 'pdi.seizures.cannabis_plants_value');
    expect(value).toMatchObject({ low: 202.5e9, high: 225e9, derivedFrom: PLANTS });
  });

  it('inherited() scales the base interval and keeps an open end open', () => {
    // 300 → [270, 300]: 600 converted from it → [540, 600].
    expect(inherited(600, { low: 600, high: 600 }, { value: 300, low: 270, high: 300 })).toEqual({
      low: 540,
      high: 600,
    });
    // "más de 40" → [40, ∞): a figure converted from it is open too.
    expect(inherited(80, { low: 80, high: 80 }, { value: 40, low: 40, high: null })).toEqual({
      low: 80,
      high: null,
    });
    // A negative factor turns the interval over: −600 from [270, 300] → [−600, −540].
    expect(inherited(-600, { low: -600, high: -600 }, { value: 300, low: 270, high: 300 })).toEqual({
      low: -600,
      high: -540,
    });
  });

  it('inherited() keeps low ≤ value ≤ high for any base interval and factor', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 1e9, noNaN: true }),
        fc.double({ min: 0.5, max: 1, noNaN: true }),
        fc.double({ min: 1, max: 2, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        (base, lo, hi, value) => {
          const e = inherited(
            value,
            { low: value, high: value },
            { value: base, low: base * lo, high: base * hi },
          );
          const tol = 1e-9 * Math.max(1, Math.abs(value));
          return (e.low ?? -Infinity) <= value + tol && value <= (e.high ?? Infinity) + tol;
        },
      ),
      { numRuns: 300 },
    );
  });

  it('applies a chain in order, whatever the order of the rows', () => {
    const rows = [
      row('c', 1200, 1200, 1200, 'b', 4),
      row('b', 600, 600, 600, 'a', 3),
      row('a', 300, 270, 300, undefined, 2),
    ];
    expect(applyDerived(rows, noSuggestion)).toEqual([]);
    // a: [0.9, 1] × 300; b: [0.9, 1] × 600; c: [0.9, 1] × 1200 = [1080, 1200].
    expect(rows.map((r) => [r.record.id, r.record.low, r.record.high])).toEqual([
      ['c', 1080, 1200],
      ['b', 540, 600],
      ['a', 270, 300],
    ]);
  });

  it('names an unknown record, the record itself, a cycle and a zero base at file:row:derived_from', () => {
    const suggest = (id: string) => ({ message: `unknown record "${id}"`, hint: 'did you mean a?' });
    const issues = applyDerived(
      [
        row('a', 300, 270, 300, undefined, 2),
        row('x', 1, 1, 1, 'aa', 3),
        row('s', 1, 1, 1, 's', 4),
        row('p', 1, 1, 1, 'q', 5),
        row('q', 1, 1, 1, 'p', 6),
        row('z', 0, 0, 0, undefined, 7),
        row('fromZero', 5, 5, 5, 'z', 8),
      ],
      suggest,
    );
    expect(issues.map((i) => [`${i.file}:${i.row}:${i.column}`, i.message, i.hint])).toEqual([
      ['data/observations/test.csv:3:derived_from', 'unknown record "aa"', 'did you mean a?'],
      [
        'data/observations/test.csv:4:derived_from',
        'derived_from names the record itself',
        'name the record this figure was converted from',
      ],
      ['data/observations/test.csv:5:derived_from', 'derived_from forms a cycle: p → q → p', undefined],
      [
        'data/observations/test.csv:8:derived_from',
        'derived_from names z, whose figure is 0: no proportion to inherit',
        undefined,
      ],
    ]);
  });

  it('does not cascade from a record that exists but could not be read', () => {
    expect(applyDerived([row('x', 1, 1, 1, 'broken', 3)], () => 'unreadable')).toEqual([]);
  });
});
