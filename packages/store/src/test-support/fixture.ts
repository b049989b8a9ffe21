// A small synthetic store input (obviously made-up counts, chosen so sums are easy to check by hand):
// two regions, three comunas with cases, a fourth comuna with population only (as Antártica is).
import type { StoreInput, StoreTableInput } from '../write.js';

export const PLACES: StoreInput['places'] = [
  { id: 'CL', level: 'country' },
  { id: 'CL-AN', level: 'region', parent: 'CL' },
  { id: 'CL-VS', level: 'region', parent: 'CL' },
  { id: 'CL-02101', level: 'comuna', parent: 'CL-AN' },
  { id: 'CL-02201', level: 'comuna', parent: 'CL-AN' },
  { id: 'CL-05101', level: 'comuna', parent: 'CL-VS' },
  { id: 'CL-05109', level: 'comuna', parent: 'CL-VS' },
];

type Cell = [geo: string, indicator: string, year: number, month: number, value: number, vintage?: string];

/** A table input from cells, as the loader would hand it over. */
export function table(
  file: string,
  source: string,
  resolution: 'month' | 'year',
  cells: Cell[],
  vintages: Record<string, string> = {},
): StoreTableInput {
  const geos = [...new Set(cells.map((c) => c[0]))];
  const indicators = [...new Set(cells.map((c) => c[1]))];
  const codes = Object.keys(vintages);
  return {
    file,
    specFile: file.replace(/\.csv$/, '.yaml'),
    spec: { source, ...(codes.length ? { vintages } : {}) },
    resolution,
    indicators,
    geos,
    vintages: codes,
    skipped: [],
    rows: cells.length,
    geo: cells.map((c) => geos.indexOf(c[0])),
    indicator: cells.map((c) => indicators.indexOf(c[1])),
    year: cells.map((c) => c[2]),
    month: cells.map((c) => c[3]),
    value: cells.map((c) => c[4]),
    vintage: cells.map((c) => (c[5] === undefined ? 255 : codes.indexOf(c[5]))),
  };
}

const months = (f: (y: number, m: number) => Cell[]) =>
  [2020, 2021].flatMap((y) => Array.from({ length: 12 }, (_, i) => f(y, i + 1)).flat());

/**
 * Drugs, 2020–2021 monthly: CL-05101 has m cases in month m of 2020 and 2 a month in 2021;
 * CL-05109 10 a month in 2020, 0 in 2021; CL-02201 1 a month in 2020, 3 in 2021 (vintage A).
 * Microtrafficking, 2021 only: 1, 1 and 5 a month (vintage B in Valparaíso, C in Antofagasta).
 */
export const CASES = table(
  'data/tables/cases.csv',
  'cead.casos_policiales.extract2026',
  'month',
  months((y, m) => {
    const cells: Cell[] = [
      ['CL-05101', 'cead.cases.drugs', y, m, y === 2020 ? m : 2, 'A'],
      ['CL-05109', 'cead.cases.drugs', y, m, y === 2020 ? 10 : 0, 'A'],
      ['CL-02201', 'cead.cases.drugs', y, m, y === 2020 ? 1 : 3, 'A'],
    ];
    if (y === 2021)
      cells.push(
        ['CL-05101', 'cead.cases.microtrafficking', y, m, 1, 'B'],
        ['CL-05109', 'cead.cases.microtrafficking', y, m, 1, 'B'],
        ['CL-02201', 'cead.cases.microtrafficking', y, m, 5, 'C'],
      );
    return cells;
  }),
  { A: 'first file', B: 'second file', C: 'third file' },
);

/** Population 2020 and 2021: 1000/1100, 2000/2100, 3000/3100, and 50/60 for CL-02101 (no cases). */
export const POPULATION = table('data/tables/population.csv', 'ine.projections.extract2026', 'year', [
  ['CL-05101', 'ine.population', 2020, 0, 1000],
  ['CL-05101', 'ine.population', 2021, 0, 1100],
  ['CL-05109', 'ine.population', 2020, 0, 2000],
  ['CL-05109', 'ine.population', 2021, 0, 2100],
  ['CL-02201', 'ine.population', 2020, 0, 3000],
  ['CL-02201', 'ine.population', 2021, 0, 3100],
  ['CL-02101', 'ine.population', 2020, 0, 50],
  ['CL-02101', 'ine.population', 2021, 0, 60],
]);

export const INPUT: StoreInput = {
  tables: [CASES, POPULATION],
  places: PLACES,
  dataset: { version: '9.9.9', contentHash: 'f'.repeat(64) },
};
