import { describe, expect, it } from 'vitest';
import { placeFile } from './place-file.js';
import { openStore } from './read.js';
import { INPUT, table } from './test-support/fixture.js';
import { writeStore } from './write.js';

const store = openStore(writeStore(INPUT));
const SOURCES = [
  {
    id: 'cead.casos_policiales.extract2026',
    publisher: 'CEAD',
    url: 'https://cead.example/',
    via: 'extract',
  },
  { id: 'ine.projections.extract2026', publisher: 'INE', url: 'https://github.example/', via: 'extract' },
  { id: 'extract', publisher: 'The extraction', url: 'https://github.example/' },
  { id: 'unused', publisher: 'Nobody' },
];
const file = (id: string, level: 'country' | 'region' | 'comuna', parent?: string) =>
  placeFile(store, {
    place: { id, level, ...(parent ? { parent } : {}), name: { es: `es ${id}`, en: `en ${id}` } },
    sources: SOURCES,
    version: '9.9.9',
  });

describe('placeFile()', () => {
  it('holds every series of a comuna whole, with vintage runs and the sources to credit', () => {
    const f = file('CL-05101', 'comuna', 'CL-VS');
    expect(Object.keys(f.series)).toEqual([
      'cead.cases.drugs',
      'cead.cases.microtrafficking',
      'ine.population',
    ]);
    expect(f.series['cead.cases.drugs']).toEqual({
      start: '2020-01',
      // 1..12 in 2020, then 2 a month in 2021
      values: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, ...Array(12).fill(2)],
      source: 'cead.casos_policiales.extract2026',
      vintages: [['2020-01', '2021-12', 'A']],
    });
    expect(f.series['ine.population']).toEqual({
      start: '2020',
      values: [1000, 1100],
      source: 'ine.projections.extract2026',
    });
    expect(f).toMatchObject({
      id: 'CL-05101',
      level: 'comuna',
      parent: 'CL-VS',
      version: '9.9.9',
      summed: 0,
    });
    expect(f.sources.map((s) => s.id)).toEqual([
      'cead.casos_policiales.extract2026',
      'ine.projections.extract2026',
      'extract',
    ]);
  });

  it("says how many places a region's series sum, and where its vintages change", () => {
    const f = file('CL', 'country');
    expect(f.summed).toBe(4); // population: four comunas; cases: three
    expect(f.series['cead.cases.microtrafficking']?.vintages).toEqual([['2021-01', '2021-12', 'B+C']]);
  });

  it('leaves out what the store does not hold for the place', () => {
    const f = file('CL-02101', 'comuna', 'CL-AN');
    expect(Object.keys(f.series)).toEqual(['ine.population']);
    expect(f.sources.map((s) => s.id)).toEqual(['ine.projections.extract2026', 'extract']);
  });

  it('refuses a series with a hole, which a dense list of values cannot show', () => {
    const holed = openStore(
      writeStore({
        ...INPUT,
        tables: [
          table('t.csv', 's', 'month', [
            ['CL-05101', 'x', 2020, 1, 1],
            ['CL-05101', 'x', 2020, 3, 1],
          ]),
        ],
      }),
    );
    expect(() =>
      placeFile(holed, {
        place: { id: 'CL-05101', level: 'comuna', name: { es: 'a', en: 'a' } },
        sources: [],
        version: '1',
      }),
    ).toThrow('CL-05101 x: no value for the period before 2020-03');
  });
});
