// The built store (dist/, made by `pnpm build`) against the data package: the region and national sums
// computed from the comunas equal CEAD's regional and national yearly tables and INE's, cell by cell.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { dataset } from '@mt0/core/dataset';
import { describe, expect, it } from 'vitest';
import type { PlaceFile } from './place-file.js';
import { openStore } from './read.js';

const DIST = fileURLToPath(new URL('../dist', import.meta.url));
const store = openStore(readFileSync(join(DIST, 'cead.arrow')));

const CEAD = 'cead.casos_policiales.extract2026';
const INE = 'ine.projections.extract2026';
const FAMILY = 'cead.cases.drugs';
const SUBGROUPS = [
  'cead.cases.trafficking',
  'cead.cases.microtrafficking',
  'cead.cases.production',
  'cead.cases.other_drug_law',
];
const levelOf = new Map(dataset.geos.map((g) => [g.id, g.level]));

/** The published yearly figures of a source at region and national level: `geo|indicator|year` → value. */
function published(source: string): Map<string, number> {
  return new Map(
    dataset.observations
      .filter((o) => o.source === source && levelOf.get(o.geo) !== 'comuna')
      .map((o) => [`${o.geo}|${o.indicator}|${o.period}`, o.value]),
  );
}

/** The store's yearly sums at region and national level, in the same keys. */
function summed(indicators: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const place of store.places.filter((p) => p.level !== 'comuna'))
    for (const indicator of indicators)
      for (const pt of store.series(place.id, indicator, { resolution: 'year' })?.points ?? []) {
        if (pt.months !== undefined && pt.months !== 12) continue; // a partial year is not in the tables
        out.set(`${place.id}|${indicator}|${pt.period}`, pt.value);
      }
  return out;
}

describe('dist/cead.arrow', () => {
  it('was built from this data package (run pnpm build if this fails)', () => {
    expect(store.meta.dataset).toEqual({
      version: dataset.meta.version,
      contentHash: dataset.meta.contentHash,
    });
  });

  it('sums the comunas to exactly the published regional and national CEAD tables, every year and category', () => {
    const table = published(CEAD);
    const ours = summed([FAMILY, ...SUBGROUPS]);
    // 16 regions and the country × (16 years of the family + 8 years × 4 subgroups) = 17 × 48 = 816
    expect(table.size).toBe(816);
    expect(ours.size).toBe(816);
    const differences = [...table].filter(([key, value]) => ours.get(key) !== value);
    expect(differences).toEqual([]);
    expect([...ours.keys()].filter((key) => !table.has(key))).toEqual([]);
  });

  it('sums INE comuna population to exactly the regional and national population tables', () => {
    const table = published(INE);
    const ours = summed(['ine.population']);
    // 16 regions and the country × 17 years (2010–2026) = 289
    expect(table.size).toBe(289);
    expect([...table].filter(([key, value]) => ours.get(key) !== value)).toEqual([]);
    expect([...ours.keys()].filter((key) => !table.has(key))).toEqual([]);
  });

  it('holds the family as the sum of its four subgroups in every comuna-month 2018–2025, as the README says', () => {
    let months = 0;
    for (const place of store.places.filter((p) => p.level === 'comuna')) {
      const family = store.series(place.id, FAMILY, { from: '2018-01' })?.points ?? [];
      const parts = SUBGROUPS.map((id) => store.series(place.id, id)?.points ?? []);
      for (const [i, pt] of family.entries()) {
        const sum = parts.reduce((a, p) => a + (p[i]?.value ?? Number.NaN), 0);
        if (sum !== pt.value)
          throw new Error(`${place.id} ${pt.period}: family ${pt.value}, subgroups ${sum}`);
        months += 1;
      }
    }
    expect(months).toBe(33_120); // 345 comunas × 96 months, as the README counts
  });

  it('has Antártica (12202) in INE but not in CEAD, and 345 comunas with cases', () => {
    expect(store.series('CL-12202', 'ine.population')?.points.length).toBe(17);
    expect(store.series('CL-12202', FAMILY)).toBeUndefined();
    const withCases = store.places.filter((p) => p.level === 'comuna' && store.run(p.id, FAMILY));
    expect(withCases).toHaveLength(345);
    // Magallanes: CEAD sums 10 comunas; INE 11 (with Antártica)
    expect(store.series('CL-MA', FAMILY)?.summed).toBe(10);
    expect(store.series('CL-MA', 'ine.population')?.summed).toBe(11);
  });

  it('keeps the vintage of every cell: A for the family, B for the subgroups to 2024, C in 2025', () => {
    const calama =
      store.series('CL-02201', 'cead.cases.microtrafficking', { resolution: 'year' })?.points ?? [];
    expect(calama.map((p) => `${p.period}:${p.vintage}`)).toEqual([
      '2018:B',
      '2019:B',
      '2020:B',
      '2021:B',
      '2022:B',
      '2023:B',
      '2024:B',
      '2025:C',
    ]);
    expect(new Set(store.series('CL', FAMILY)?.points.map((p) => p.vintage))).toEqual(new Set(['A']));
  });
});

describe('dist/places/', () => {
  const dir = join(DIST, 'places');
  const files = readdirSync(dir).filter((f) => f !== 'index.json');

  it('has one file per place of the store, and an index of them with names and variants', () => {
    expect(files).toHaveLength(store.places.length);
    expect(store.places).toHaveLength(1 + 16 + 346);
    const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
      id: string;
      variants?: string[];
    }[];
    expect(index.map((p) => p.id)).toEqual(store.places.map((p) => p.id));
    expect(index.find((p) => p.id === 'CL-11101')?.variants).toEqual(['Coihaique']);
  });

  it('keeps every place file within 2 KB gzipped (-9), so a widget for one comuna loads little', () => {
    const sizes = files.map((f) => [f, gzipSync(readFileSync(join(dir, f)), { level: 9 }).length] as const);
    expect(sizes.filter(([, n]) => n > 2048)).toEqual([]);
  });

  it("holds the same numbers as the store: Calama's microtrafficking cases, month by month", () => {
    const f = JSON.parse(readFileSync(join(dir, 'CL-02201.json'), 'utf8')) as PlaceFile;
    const s = f.series['cead.cases.microtrafficking'];
    expect(s?.start).toBe('2018-01');
    expect(s?.values).toEqual(
      store.series('CL-02201', 'cead.cases.microtrafficking')?.points.map((p) => p.value),
    );
    expect(f.name).toEqual({ es: 'Calama', en: 'Calama' });
    expect(f.sources.map((x) => x.id)).toEqual([CEAD, INE, 'delincuencia_chile.extract2026']);
  });
});
