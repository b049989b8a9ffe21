// Open upper ends (qualifier policy 1.2) through every metric that can meet one: the real "more than 40
// tonnes" of 2021 (pdi.seizures.total_tonnes) beside synthetic levels of the same indicator (obviously
// test input: source test.synthetic), so that each metric has a partner to compute with.
import { describe, expect, it } from 'vitest';
import type { Observation } from '../schemas/observation.js';
import { dataset } from '../test-utils/dataset.js';
import { runMetric } from './registry.js';
import type { MetricResult, Refusal } from './unit.js';

const OPEN_2021 = 'pdi.seizures.total_tonnes:CL:2021:pdi.via.seguridadpublica.2022';
const real = dataset.observations.find((o) => o.id === OPEN_2021) as Observation;

/** A synthetic level of the same indicator and place, exact or "more than". */
function synthetic(period: string, value: number, open = false): Observation {
  return {
    ...real,
    id: `pdi.seizures.total_tonnes:CL:${period}:test.synthetic`,
    period,
    value,
    qualifier: open ? 'more_than' : 'exact',
    low: value,
    high: open ? null : value,
    source: 'test.synthetic',
  };
}

const records = {
  ...dataset,
  observations: [
    ...dataset.observations,
    synthetic('2020', 30),
    synthetic('2022', 50),
    synthetic('2023', 60, true),
  ],
};
const run = (name: string, q: Record<string, string>) => runMetric(records, name, q);
const ok = (name: string, q: Record<string, string>) => {
  const r = run(name, q);
  if (!r || r.metric === undefined) throw new Error(`${name} refused: ${JSON.stringify(r)}`);
  return r as MetricResult;
};
const no = (name: string, q: Record<string, string>) => {
  const r = run(name, q);
  if (!r || r.metric !== undefined) throw new Error(`${name} computed ${JSON.stringify(r)}`);
  return r as Refusal;
};

describe('open upper ends through the metrics', () => {
  it('keeps the real "más de 40 toneladas" open: low 40, high null', () => {
    expect([real.value, real.qualifier, real.low, real.high]).toEqual([40, 'more_than', 40, null]);
  });

  it('change() to an open level has an open upper end, in percent and in tonnes', () => {
    // (40 − 30) / 30 × 100 = 33.3333 %; the upper end follows the 2021 figure up without bound.
    const r = ok('change', { from: 'pdi.seizures.total_tonnes@2020', to: OPEN_2021 });
    expect(r.value).toBeCloseTo(33.3333, 4);
    expect(r.low).toBeCloseTo(33.3333, 4);
    expect(r.high).toBeNull();
    expect(r.absolute).toEqual({ value: 10, low: 10, high: null, unit: 'tonnes' });
    expect(r.formula).toMatch(/interval from the inputs' bounds: \[33\.3333, ∞\)$/);
    expect(r.inputs[1]).toMatchObject({ id: OPEN_2021, low: 40, high: null });
  });

  it('change() from an open level falls at most to −100 % and has no floor in tonnes', () => {
    // (50 − 40) / 40 × 100 = 25 %: the most it rose; the more 2021 was, the less: down to −100 % as 2021 → ∞.
    const r = ok('change', { from: OPEN_2021, to: 'pdi.seizures.total_tonnes@2022' });
    expect([r.value, r.low, r.high]).toEqual([25, -100, 25]);
    // 50 − 40 = 10 t at most; no lower bound.
    expect(r.absolute).toEqual({ value: 10, low: null, high: 10, unit: 'tonnes' });
  });

  it('change() between two open levels is refused by name: ∞ − ∞ has no answer', () => {
    const both = no('change', { from: OPEN_2021, to: 'pdi.seizures.total_tonnes@2023' });
    expect(both.code).toBe('not_computable');
    expect(both.params.map((p) => p.name)).toEqual(['from', 'to']);
    expect(both.refused).toContain('no answer');
    expect(both.refused).toContain(OPEN_2021);
  });

  it('annualized() from two levels carries the open end', () => {
    // 30 → ≥ 40 over one year: +33.3333 % a year at least, no ceiling.
    const r = ok('annualized', { from: 'pdi.seizures.total_tonnes@2020', to: OPEN_2021 });
    expect(r.value).toBeCloseTo(33.3333, 4);
    expect(r.high).toBeNull();
  });

  it('index() of an open level against an exact base is open above', () => {
    // 40 / 30 × 100 = 133.333; no upper bound.
    const r = ok('index', { indicator: 'pdi.seizures.total_tonnes', base: '2020', at: '2021' });
    expect(r.value).toBeCloseTo(133.333, 3);
    expect(r.high).toBeNull();
    const series = r.series as { period: string; high: number | null }[];
    expect(series.find((p) => p.period === '2021')?.high).toBeNull();
  });

  it('every metric result is JSON-safe: no Infinity anywhere, open ends as null', () => {
    for (const [name, q] of [
      ['change', { from: 'pdi.seizures.total_tonnes@2020', to: OPEN_2021 }],
      ['change', { from: OPEN_2021, to: 'pdi.seizures.total_tonnes@2022' }],
      ['annualized', { from: 'pdi.seizures.total_tonnes@2020', to: OPEN_2021 }],
      ['index', { indicator: 'pdi.seizures.total_tonnes', base: '2020', at: '2021' }],
    ] as const) {
      const r = ok(name, q);
      expect(JSON.parse(JSON.stringify(r))).toEqual(r);
    }
  });
});
