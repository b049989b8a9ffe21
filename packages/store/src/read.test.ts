import { tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from './layout.js';
import { openStore } from './read.js';
import { CASES, INPUT, PLACES, table } from './test-support/fixture.js';
import { writeStore } from './write.js';

const bytes = writeStore(INPUT);
const store = openStore(bytes);
const values = (geo: string, indicator: string, query?: Parameters<typeof store.series>[2]) =>
  store.series(geo, indicator, query)?.points.map((p) => p.value);

describe('writeStore() then openStore()', () => {
  it('writes a plain Arrow IPC file any Arrow reader opens, one row per cell and per sum', () => {
    const t = tableFromIPC(bytes);
    expect(t.schema.fields.map((f) => f.name)).toEqual([...COLUMNS]);
    // own rows: drugs 3 comunas × 24 months + microtrafficking 3 × 12 + population 4 × 2 years = 116;
    // sums: drugs and microtrafficking for CL-VS, CL-AN, CL (3 × 24 + 3 × 12) + population 3 × 2 = 114
    expect(t.numRows).toBe(230);
    const row = t.get(0)?.toJSON();
    expect(row).toMatchObject({
      geo: 'CL',
      level: 'country',
      indicator: 'cead.cases.drugs',
      year: 2020,
      month: 1,
    });
    // CL in 2020-01: CL-05101 1 + CL-05109 10 + CL-02201 1 = 12
    expect(row?.value).toBe(12);
  });

  it('lists its places (those with data) in order, with parents, and each indicator with its span', () => {
    expect(store.places.map((p) => p.id)).toEqual([
      'CL',
      'CL-AN',
      'CL-VS',
      'CL-02101',
      'CL-02201',
      'CL-05101',
      'CL-05109',
    ]);
    expect(store.children('CL-VS')).toEqual(['CL-05101', 'CL-05109']);
    expect(store.children('CL')).toEqual(['CL-AN', 'CL-VS']);
    expect(store.children('CL-05101')).toEqual([]);
    expect(store.indicators).toEqual([
      {
        id: 'cead.cases.drugs',
        file: 'data/tables/cases.csv',
        resolution: 'month',
        source: 'cead.casos_policiales.extract2026',
        first: '2020-01',
        last: '2021-12',
      },
      {
        id: 'cead.cases.microtrafficking',
        file: 'data/tables/cases.csv',
        resolution: 'month',
        source: 'cead.casos_policiales.extract2026',
        first: '2021-01',
        last: '2021-12',
      },
      {
        id: 'ine.population',
        file: 'data/tables/population.csv',
        resolution: 'year',
        source: 'ine.projections.extract2026',
        first: '2020',
        last: '2021',
      },
    ]);
    expect(store.meta.dataset.version).toBe('9.9.9');
    expect(store.meta.vintages['cead.casos_policiales.extract2026']).toEqual({
      A: 'first file',
      B: 'second file',
      C: 'third file',
    });
  });

  it("gives a comuna's monthly series as stored, with its population each year", () => {
    const s = store.series('CL-05101', 'cead.cases.drugs');
    expect(s?.resolution).toBe('month');
    expect(s?.summed).toBe(0);
    expect(s?.points).toHaveLength(24);
    expect(s?.points[0]).toEqual({ period: '2020-01', value: 1, vintage: 'A', population: 1000 });
    expect(s?.points[23]).toEqual({ period: '2021-12', value: 2, vintage: 'A', population: 1100 });
  });

  it('sums the months of each year on request, saying how many months went in', () => {
    // CL-05101: 1 + 2 + … + 12 = 78 in 2020, 12 × 2 = 24 in 2021
    expect(store.series('CL-05101', 'cead.cases.drugs', { resolution: 'year' })?.points).toEqual([
      { period: '2020', value: 78, months: 12, vintage: 'A', population: 1000 },
      { period: '2021', value: 24, months: 12, vintage: 'A', population: 1100 },
    ]);
  });

  it("stores each region's and the country's series as sums of their comunas", () => {
    // CL-VS 2020-03: CL-05101 3 + CL-05109 10 = 13; 2020: 78 + 120 = 198; 2021: 24 + 0 = 24
    expect(values('CL-VS', 'cead.cases.drugs')?.[2]).toBe(13);
    expect(values('CL-VS', 'cead.cases.drugs', { resolution: 'year' })).toEqual([198, 24]);
    // CL: 198 + CL-AN 12 = 210 in 2020; 24 + 36 = 60 in 2021
    expect(values('CL', 'cead.cases.drugs', { resolution: 'year' })).toEqual([210, 60]);
    expect(store.series('CL', 'cead.cases.drugs')?.summed).toBe(3);
    expect(store.series('CL-VS', 'cead.cases.drugs')?.summed).toBe(2);
    // population: CL-AN 3000 + 50 = 3050 and 3100 + 60 = 3160 (CL-02101 has people, no cases)
    expect(values('CL-AN', 'ine.population')).toEqual([3050, 3160]);
    expect(store.series('CL-AN', 'ine.population')?.summed).toBe(2);
    // CL: 1000 + 2000 + 3000 + 50 = 6050; 1100 + 2100 + 3100 + 60 = 6360
    expect([...store.population('CL')]).toEqual([
      [2020, 6050],
      [2021, 6360],
    ]);
  });

  it('says which upstream files a sum drew on', () => {
    // microtrafficking 2021: Valparaíso's comunas are vintage B, Antofagasta's C; 12 + 12 + 60 = 84
    expect(store.series('CL', 'cead.cases.microtrafficking', { resolution: 'year' })?.points).toEqual([
      { period: '2021', value: 84, months: 12, vintage: 'B+C', population: 6360 },
    ]);
    expect(store.series('CL-VS', 'cead.cases.microtrafficking')?.points[0]?.vintage).toBe('B');
  });

  it('slices a series by period: a year bound covers its months, a month bound its month', () => {
    expect(
      store
        .series('CL-05101', 'cead.cases.drugs', { from: '2020-06', to: '2020-08' })
        ?.points.map((p) => p.period),
    ).toEqual(['2020-06', '2020-07', '2020-08']);
    expect(values('CL-05101', 'cead.cases.drugs', { from: '2021' })).toHaveLength(12);
    expect(values('CL-05101', 'cead.cases.drugs', { to: '2020' })).toHaveLength(12);
    expect(values('CL-05101', 'cead.cases.drugs', { resolution: 'year', from: '2021-06' })).toEqual([24]);
    expect(values('CL-05101', 'ine.population', { from: '2021', to: '2021' })).toEqual([1100]);
    expect(values('CL-05101', 'cead.cases.drugs', { from: '2030' })).toEqual([]);
    expect(values('CL-05101', 'cead.cases.drugs', { from: '2021', to: '2020' })).toEqual([]);
  });

  it('gives a partial year its count of months', () => {
    const partial = openStore(
      writeStore({
        ...INPUT,
        tables: [
          table('t.csv', 's', 'month', [
            ['CL-05101', 'x', 2020, 6, 6],
            ['CL-05101', 'x', 2020, 7, 7],
          ]),
        ],
      }),
    );
    // 6 + 7 = 13 over 2 months
    expect(partial.series('CL-05101', 'x', { resolution: 'year' })?.points).toEqual([
      { period: '2020', value: 13, months: 2 },
    ]);
  });

  it('has no series for an unknown place or indicator, nor months of a yearly indicator', () => {
    expect(store.series('CL-13101', 'cead.cases.drugs')).toBeUndefined();
    expect(store.series('CL-05101', 'mt0.arrests')).toBeUndefined();
    expect(store.series('CL-02101', 'cead.cases.drugs')).toBeUndefined();
    expect(store.series('CL-05101', 'ine.population', { resolution: 'month' })).toBeUndefined();
    expect(store.run('CL-05101', 'ine.population')).toEqual({
      start: expect.any(Number),
      end: expect.any(Number),
      summed: 0,
    });
  });

  it('refuses a period it cannot read, naming it', () => {
    expect(() => store.series('CL-05101', 'cead.cases.drugs', { from: '2020-13' })).toThrow(
      'expected a period such as 2018 or 2018-03, got "2020-13"',
    );
  });

  it('exposes columns of exactly one value per row (Arrow pads its buffers; the columns do not)', () => {
    const { geo, indicator, year, month, value, vintage, source } = store.columns;
    expect([geo, indicator, year, month, value, vintage, source].map((c) => c.length)).toEqual(
      Array(7).fill(230),
    );
  });

  it('exposes row-aligned columns for exports, with -1 where a cell has no vintage', () => {
    const { geo, indicator, value, vintage, geos, indicators } = store.columns;
    const run = store.run('CL-05101', 'ine.population');
    const i = run?.start ?? -1;
    expect([geos[geo[i] as number], indicators[indicator[i] as number], value[i], vintage[i]]).toEqual([
      'CL-05101',
      'ine.population',
      1000,
      -1,
    ]);
  });
});

describe('openStore() and writeStore() refuse what they cannot do', () => {
  it('refuses bytes that are not a store', () => {
    const plain = tableToIPC(tableFromArrays({ a: Int32Array.from([1]) }), 'file');
    expect(() => openStore(plain)).toThrow('not an MT-0 store: no mt0:store metadata');
    expect(() => openStore(new Uint8Array([1, 2, 3]))).toThrow();
  });

  it('refuses an indicator held by two tables, and a place with both its own rows and a sum', () => {
    expect(() => writeStore({ ...INPUT, tables: [CASES, CASES] })).toThrow(
      'data/tables/cases.csv: indicator cead.cases.drugs is already held by another store table',
    );
    const both = table('b.csv', 's', 'year', [
      ['CL-VS', 'x', 2020, 0, 1],
      ['CL-05101', 'x', 2020, 0, 1],
    ]);
    expect(() => writeStore({ tables: [both], places: PLACES, dataset: INPUT.dataset })).toThrow(
      'CL-VS has its own rows of x and would also get the sum of CL-05101',
    );
  });
});
