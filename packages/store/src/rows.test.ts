import { csvLine } from '@mt0/core/csv';
import { describe, expect, it } from 'vitest';
import { openStore } from './read.js';
import {
  csvLines,
  isWholeTable,
  pageOf,
  plan,
  type RowContext,
  STORE_CSV_HEADER,
  type StoreQuery,
  seriesRows,
  storeColumns,
  wholeTable,
} from './rows.js';
import { INPUT, PLACES } from './test-support/fixture.js';
import { writeStore } from './write.js';

const store = openStore(writeStore(INPUT));
const ctx: RowContext = {
  place: (geo) => {
    const p = PLACES.find((x) => x.id === geo);
    return p && { level: p.level, ...(p.level === 'comuna' ? { cut: Number(geo.slice(3)) } : {}) };
  },
  via: (source) => (source.startsWith('cead.') ? 'extraction.synthetic' : undefined),
};
const indicator = (id: string) => store.indicators.find((i) => i.id === id) as StoreQuery['indicators'][0];
const query = (q: Partial<StoreQuery>): StoreQuery => ({ ...wholeTable(store), ...q });

/** The CSV lines written cell by cell from the row objects: what csvLines must equal. */
const slowCsv = (q: StoreQuery) =>
  plan(store, q)
    .flatMap((part) => seriesRows(store, ctx, q, part))
    .map((r) => csvLine(storeColumns.map(([, cell]) => cell(r))))
    .join('');
const fastCsv = (q: StoreQuery) =>
  plan(store, q)
    .map((part) => csvLines(store, ctx, q, part))
    .join('');

describe('store rows', () => {
  it('give a comuna-month its table row and a sum its derivation', () => {
    const q = query({ indicators: [indicator('cead.cases.drugs')], geos: ['CL-05101', 'CL-VS'] });
    const [comuna, region] = plan(store, q);
    const own = seriesRows(store, ctx, q, comuna as never)[2];
    // CL-05101 has m cases in month m of 2020: March is 3
    expect(own).toMatchObject({
      id: 'cead.cases.drugs:CL-05101:2020-03:cead.casos_policiales.extract2026',
      level: 'comuna',
      value: 3,
      via: 'extraction.synthetic',
      population: 1000,
      row: 'cases.csv: the row year=2020, month=3, comuna_code=5101',
    });
    // CL-VS in 2020-03: 3 (CL-05101) + 10 (CL-05109) = 13, a sum of 2 comunas
    expect(seriesRows(store, ctx, q, region as never)[2]).toMatchObject({
      level: 'region',
      value: 13,
      derivation: 'The sum of the rows of the 2 comunas in it, made when the store was built.',
    });
  });

  it('tell the whole table (the rows of the whole-table file) from every query that is not it', () => {
    expect(isWholeTable(store, wholeTable(store))).toBe(true);
    // The same indicators and places asked for one by one, in the store's order: still the whole table.
    expect(
      isWholeTable(store, query({ indicators: [...store.indicators], geos: store.places.map((p) => p.id) })),
    ).toBe(true);
    for (const q of [
      query({ per100k: true }),
      query({ resolution: 'year' }),
      query({ resolution: 'month' }),
      query({ from: '2010' }),
      query({ to: '2030' }),
      query({ geos: store.places.slice(1).map((p) => p.id) }),
      query({ geos: store.places.map((p) => p.id).reverse() }),
      query({ indicators: store.indicators.slice(1) }),
      query({ indicators: [...store.indicators].reverse() }),
    ])
      expect(isWholeTable(store, q)).toBe(false);
  });

  it('write CSV byte for byte as the row objects cell by cell, whatever the query', () => {
    const queries = [
      wholeTable(store),
      query({ resolution: 'year' }),
      query({ resolution: 'year', per100k: true }),
      query({ resolution: 'month', per100k: true, from: '2020-11', to: '2021-02' }),
      query({ geos: ['CL-02201'], from: '2021' }),
    ];
    for (const q of queries) {
      const fast = fastCsv(q);
      expect(fast.length).toBeGreaterThan(0);
      expect(fast).toBe(slowCsv(q));
    }
    expect(STORE_CSV_HEADER).toBe(csvLine(storeColumns.map(([h]) => h)));
  });

  it('flag rates over small counts in CSV as in JSON', () => {
    // CL-02201 in 2020 by year: 12 × 1 = 12 cases < 20 → small_count; per 100k: 12 / 3000 × 100,000 = 400
    const q = query({
      indicators: [indicator('cead.cases.drugs')],
      geos: ['CL-02201'],
      resolution: 'year',
      per100k: true,
    });
    const [row] = pageOf(store, ctx, q, plan(store, q), 0, 1);
    expect(row?.per100k).toBe(400);
    expect(row?.warnings?.[0]?.code).toBe('small_count');
    expect(fastCsv(q).split('\r\n')[0]).toContain(`,400,`);
    expect(fastCsv(q).split('\r\n')[0]).toContain('Only 12 cases');
  });

  it('write a slice of a series as the same lines the whole series has there', () => {
    const q = query({ indicators: [indicator('cead.cases.drugs')], geos: ['CL-05101'] });
    const [part] = plan(store, q);
    const all = csvLines(store, ctx, q, part as never).split('\r\n');
    // rows 5 to 7 (0-based): the 6th, 7th and 8th months of 2020
    expect(csvLines(store, ctx, q, part as never, 5, 8)).toBe(`${all.slice(5, 8).join('\r\n')}\r\n`);
  });
});
