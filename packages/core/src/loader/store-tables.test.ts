import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../scripts/paths.js';
import type { Dataset } from '../schemas/index.js';
import { formatIssue } from './issues.js';
import { loadDataset } from './load.js';
import { loadStoreTables } from './store-tables.js';

let known: Dataset;
beforeAll(() => {
  const { dataset, issues } = loadDataset(DATA_DIR);
  expect(issues.map(formatIssue)).toEqual([]);
  known = dataset as Dataset;
});

describe('loadStoreTables() on the real data', () => {
  it('reads the CEAD comuna × month table and INE comuna population, leaving the incivilities out', () => {
    const { tables, issues } = loadStoreTables(DATA_DIR, known);
    expect(issues.map(formatIssue)).toEqual([]);
    const cead = tables.find((t) => t.file.endsWith('cead_drugs_comuna_monthly.csv.gz'));
    // 211,140 rows − 3 incivility categories × 345 comunas × 12 months of 2025 (4,140 each)
    expect(cead?.rows).toBe(211_140 - 3 * 4_140);
    expect(cead?.resolution).toBe('month');
    expect(cead?.geos).toHaveLength(345);
    expect(cead?.skipped.map((s) => [s.category, s.rows])).toEqual([
      ['Consumo de drogas en la vía pública', 4_140],
      ['Porte de drogas', 4_140],
      ['Otras faltas a la ley de drogas', 4_140],
    ]);
    // the family over 192 months (2010-01..2025-12) and four subgroups over 96 (2018-01..2025-12), × 345
    expect(cead?.rows).toBe(345 * (192 + 4 * 96));
    const ine = tables.find((t) => t.file.endsWith('ine_population_comuna_yearly.csv'));
    expect(ine?.rows).toBe(5_882); // 346 comunas × 17 years
    expect(ine?.geos).toContain('CL-12202'); // Antártica: in INE, not in CEAD
    expect(cead?.geos).not.toContain('CL-12202');
    expect(ine?.resolution).toBe('year');
  });
});

describe('loadStoreTables() on bad rows', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'mt0-store-'));
    mkdirSync(join(dir, 'data', 'tables'), { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const SPEC = `into: store
file: cases.csv
source: cead.casos_policiales.extract2026
confidence: B
lang: es
level: comuna
geoColumn: comuna_code
nameColumn: comuna
parentColumn: region_code
period: year
month: month
value: cases
indicatorColumn: category
indicators:
  Delitos asociados a drogas: cead.cases.drugs
skip:
  Porte de drogas: An incivility.
vintageColumn: source
vintages:
  A: the first file
`;
  const HEAD = 'year,month,comuna_code,comuna,region_code,category,cases,source';
  /** Writes the spec and the table (synthetic counts), loads, and returns the formatted problems. */
  function problems(rows: string[], spec = SPEC, file = 'cases.csv'): string[] {
    writeFileSync(join(dir, 'data', 'tables', 'cases.yaml'), spec);
    const text = `${[HEAD, ...rows].join('\n')}\n`;
    writeFileSync(join(dir, 'data', 'tables', file), file.endsWith('.gz') ? gzipSync(text) : text);
    return loadStoreTables(join(dir, 'data'), known).issues.map(formatIssue);
  }
  const F = 'data/tables/cases.csv';

  it('names file:row:column for every kind of bad cell', () => {
    expect(
      problems([
        '2020,1,5101,Valparaíso,5,Delitos asociados a drogas,3,A', // line 2: fine
        '2020,13,5101,Valparaíso,5,Delitos asociados a drogas,3,A',
        '20x0,1,5101,Valparaíso,5,Delitos asociados a drogas,3,A',
        '2020,1,9999,Nowhere,5,Delitos asociados a drogas,3,A',
        '2020,1,5,Valparaíso,5,Delitos asociados a drogas,3,A',
        '2020,1,5109,Vina,5,Delitos asociados a drogas,3,A',
        '2020,1,5109,Viña del Mar,13,Delitos asociados a drogas,3,A',
        '2020,1,5101,Valparaíso,5,Robos,3,A',
        '2020,2,5101,Valparaíso,5,Delitos asociados a drogas,-3,A',
        '2020,3,5101,Valparaíso,5,Delitos asociados a drogas,1.032,A',
        '2020,4,5101,Valparaíso,5,Delitos asociados a drogas,3,D',
        '2020,1,5101,Valparaíso,5,Delitos asociados a drogas,4,A',
        '2020,5,5101,Valparaíso,5',
      ]),
    ).toEqual([
      `${F}:3:month: expected a month 1–12, got "13"`,
      `${F}:4:year: expected a year such as 2024, got "20x0"`,
      `${F}:5:comuna_code: unknown comuna code "9999" (every comuna needs a row in data/geos.csv)`,
      `${F}:6:comuna_code: expected a comuna code, got "5" (CL-VS, a region)`,
      `${F}:7:comuna: "Vina" is not a name or variant of CL-05109 (Viña del Mar) (if it is another spelling of the same place, add it to the variants of CL-05109 in data/geos.csv)`,
      `${F}:8:region_code: expected 5 (CL-VS, where CL-05109 Viña del Mar lies), got "13"`,
      `${F}:9:category: no indicator mapped for "Robos" (add it under indicators: or skip: (with the reason) in data/tables/cases.yaml)`,
      `${F}:10:cases: expected a non-negative whole number, got "-3"`,
      `${F}:11:cases: expected a whole number for unit "count", got "1.032" (use 1032 without separators if you meant thousands)`,
      `${F}:12:source: expected one of A, got "D" (declare it under vintages: in data/tables/cases.yaml)`,
      `${F}:13:cases: a second row for CL-05101 "Delitos asociados a drogas" in 2020-01 (the first is on line 2; keep one)`,
      `${F}:14: expected 8 fields, got 5`,
    ]);
  });

  it('validates the rows of a skipped category too, and reads a gzip table', () => {
    expect(
      problems(
        [
          '2020,1,5101,Valparaíso,5,Delitos asociados a drogas,3,A',
          '2020,1,5101,Valparaíso,5,Porte de drogas,x,A',
        ],
        SPEC.replace('cases.csv', 'cases.csv.gz'),
        'cases.csv.gz',
      ),
    ).toEqual([
      `data/tables/cases.csv.gz:3:cases: expected a number, got "x" (digits only, "." for decimals, or a fraction such as 1/3)`,
    ]);
  });

  it('refuses a period in which a place of the indicator has no row (its region would be short)', () => {
    expect(
      problems([
        '2020,1,5101,Valparaíso,5,Delitos asociados a drogas,3,A',
        '2020,1,5109,Viña del Mar,5,Delitos asociados a drogas,2,A',
        '2020,2,5101,Valparaíso,5,Delitos asociados a drogas,1,A',
      ]),
    ).toEqual([
      `${F}: cead.cases.drugs has 1 of its 2 places in 2020-02 (every place needs a row in every period of its indicator, or the region and national sums would be short)`,
    ]);
  });

  it('returns the cells as typed columns when the table is clean', () => {
    writeFileSync(join(dir, 'data', 'tables', 'cases.yaml'), SPEC);
    writeFileSync(
      join(dir, 'data', 'tables', 'cases.csv'),
      `${HEAD}\n2020,1,5101,Valparaíso,5,Delitos asociados a drogas,3,A\n2020,1,5101,Valparaíso,5,Porte de drogas,9,A\n`,
    );
    const { tables, issues } = loadStoreTables(join(dir, 'data'), known);
    expect(issues).toEqual([]);
    const t = tables[0];
    expect(t && { geos: t.geos, indicators: t.indicators, rows: t.rows }).toEqual({
      geos: ['CL-05101'],
      indicators: ['cead.cases.drugs'],
      rows: 1,
    });
    expect([t?.year[0], t?.month[0], t?.value[0], t?.vintage[0]]).toEqual([2020, 1, 3, 0]);
    expect(t?.skipped).toEqual([{ category: 'Porte de drogas', reason: 'An incivility.', rows: 1 }]);
  });

  it('reports a missing column, an unknown source and a non-count indicator on the spec', () => {
    expect(problems(['2020,1'], SPEC.replace('month: month', 'month: mes'))).toEqual([
      `${F}:1: missing column mes named in data/tables/cases.yaml`,
    ]);
    expect(problems([], SPEC.replace('cead.casos_policiales.extract2026', 'nobody'))).toEqual([
      'data/tables/cases.yaml:source: unknown source "nobody"',
    ]);
    expect(problems([], SPEC.replace('cead.cases.drugs', 'pdi.seizures.cocaine_hcl'))).toEqual([
      'data/tables/cases.yaml:indicators: store tables hold whole counts; pdi.seizures.cocaine_hcl (kg) is not one',
    ]);
  });

  it('stops listing problems after 50 in one file and counts the rest', () => {
    const rows = Array.from(
      { length: 60 },
      (_, i) => `x${i},1,5101,Valparaíso,5,Delitos asociados a drogas,3,A`,
    );
    const p = problems(rows);
    expect(p).toHaveLength(51); // 50 listed, then one line for the other 10
    expect(p.at(-1)).toBe(`${F}: … and 10 more problems in this file`);
  });
});
