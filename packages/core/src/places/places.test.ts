import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, DIST_DIR } from '../../scripts/paths.js';
import { parseCsv } from '../loader/csv.js';
import {
  listPlaces,
  type PlaceRecord,
  placeIndex,
  resolvePlace,
  searchPlaces,
  suggestPlaces,
} from './index.js';

// A few real places, spelled as in data/geos.csv (names and variants from the CEAD and INE files).
const FIXTURE: PlaceRecord[] = [
  {
    id: 'CL-05101',
    level: 'comuna',
    cut: 5101,
    parent: 'CL-VS',
    name: { es: 'Valparaíso', en: 'Valparaíso' },
  },
  { id: 'CL', level: 'country', name: { es: 'Chile', en: 'Chile' } },
  {
    id: 'CL-AN',
    level: 'region',
    cut: 2,
    roman: 'II',
    parent: 'CL',
    name: { es: 'Antofagasta', en: 'Antofagasta' },
  },
  {
    id: 'CL-VS',
    level: 'region',
    cut: 5,
    roman: 'V',
    parent: 'CL',
    name: { es: 'Valparaíso', en: 'Valparaíso' },
  },
  {
    id: 'CL-LI',
    level: 'region',
    cut: 6,
    roman: 'VI',
    parent: 'CL',
    name: { es: "Libertador General Bernardo O'Higgins", en: "O'Higgins" },
    variants: ["Libertador Gral. Bernardo O'Higgins"],
  },
  {
    id: 'CL-02101',
    level: 'comuna',
    cut: 2101,
    parent: 'CL-AN',
    name: { es: 'Antofagasta', en: 'Antofagasta' },
  },
  { id: 'CL-02201', level: 'comuna', cut: 2201, parent: 'CL-AN', name: { es: 'Calama', en: 'Calama' } },
  {
    id: 'CL-05109',
    level: 'comuna',
    cut: 5109,
    parent: 'CL-VS',
    name: { es: 'Viña del Mar', en: 'Viña del Mar' },
  },
  {
    id: 'CL-11101',
    level: 'comuna',
    cut: 11101,
    parent: 'CL-AI',
    name: { es: 'Coyhaique', en: 'Coyhaique' },
    variants: ['Coihaique'],
  },
  {
    id: 'CL-08206',
    level: 'comuna',
    cut: 8206,
    parent: 'CL-BI',
    name: { es: 'Los Álamos', en: 'Los Álamos' },
    variants: ['Los Alamos'],
  },
  { id: 'AR', level: 'country', name: { es: 'Argentina', en: 'Argentina' } },
];
const index = placeIndex(FIXTURE);
const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
const found = (text: string, options?: Parameters<typeof resolvePlace>[2]) => {
  const r = resolvePlace(index, text, options);
  return r.ok ? `${r.place.id} by ${r.by}` : r.reason;
};

describe('placeIndex()', () => {
  it('orders places countries first, then regions, then comunas, each as given', () => {
    expect(ids(index.places)).toEqual([
      'CL',
      'AR',
      'CL-AN',
      'CL-VS',
      'CL-LI',
      'CL-05101',
      'CL-02101',
      'CL-02201',
      'CL-05109',
      'CL-11101',
      'CL-08206',
    ]);
  });
});

describe('resolvePlace()', () => {
  it.each([
    ['CL-VS', 'CL-VS by id'],
    ['cl-vs', 'CL-VS by id'],
    [' CL-05101 ', 'CL-05101 by id'],
    ['5', 'CL-VS by cut'],
    ['05', 'CL-VS by cut'],
    ['5101', 'CL-05101 by cut'],
    ['05101', 'CL-05101 by cut'],
    ['V', 'CL-VS by roman'],
    ['vi', 'CL-LI by roman'],
    ['calama', 'CL-02201 by name'],
    ['CALAMA', 'CL-02201 by name'],
    ['vina del mar', 'CL-05109 by name'],
    ['Coihaique', 'CL-11101 by variant'],
    ['Los Alamos', 'CL-08206 by name'],
    ['los álamos', 'CL-08206 by name'],
    ["O'Higgins", 'CL-LI by name'],
    ['ohiggins', 'CL-LI by name'],
    ["Libertador Gral. Bernardo O'Higgins", 'CL-LI by variant'],
    ['Región de Antofagasta', 'CL-AN by name'],
    ['comuna de Antofagasta', 'CL-02101 by name'],
    ['Antofagasta', 'ambiguous'],
    ['ar', 'AR by id'],
  ])('resolves %j to %s', (text, expected) => {
    expect(found(text)).toBe(expected);
  });

  it('calls a name two places share ambiguous, region first, unless the level tells them apart', () => {
    const r = resolvePlace(index, 'Valparaíso');
    expect(r.ok === false && r.reason === 'ambiguous' && ids(r.candidates)).toEqual(['CL-VS', 'CL-05101']);
    expect(found('valparaiso', { level: 'comuna' })).toBe('CL-05101 by name');
    expect(found('valparaiso', { level: 'region' })).toBe('CL-VS by name');
  });

  it('says when a known place is not of the level asked for', () => {
    const r = resolvePlace(index, 'CL-VS', { level: 'comuna' });
    expect(r).toEqual({ ok: false, reason: 'level', place: index.byId.get('CL-VS') });
    expect(found('5', { level: 'comuna' })).toBe('level');
    expect(found('Calama', { level: ['region', 'country'] })).toBe('level');
  });

  it('accepts only ids and CUT codes when names are turned off (data files)', () => {
    expect(found('5101', { names: false })).toBe('CL-05101 by cut');
    expect(found('Calama', { names: false })).toBe('unknown');
  });

  it('suggests close names for an unknown text (did you mean)', () => {
    const r = resolvePlace(index, 'Calma');
    expect(r.ok === false && r.reason === 'unknown' && ids(r.suggestions)).toEqual(['CL-02201']);
    const none = resolvePlace(index, '');
    expect(none).toEqual({ ok: false, reason: 'unknown', suggestions: [] });
    expect(found('99999')).toBe('unknown');
  });
});

describe('searchPlaces()', () => {
  const search = (q: string, options?: Parameters<typeof searchPlaces>[2]) =>
    searchPlaces(index, q, options).map((m) => `${m.place.id} ${m.match} ${m.matched}`);

  it('finds the region and the comuna Valparaíso from "valpo", the region first', () => {
    // "valpo" is one letter off "valpa", the start of Valparaíso
    expect(search('valpo')).toEqual(['CL-VS near Valparaíso', 'CL-05101 near Valparaíso']);
    expect(search('valp')).toEqual(['CL-VS prefix Valparaíso', 'CL-05101 prefix Valparaíso']);
  });

  it('finds names one slip away last, from four letters on', () => {
    expect(search('calma')).toEqual(['CL-02201 near Calama']); // "calam" with two letters swapped
    expect(search('del mra')).toEqual(['CL-05109 near Viña del Mar']); // a later word, one swap
    expect(search('cla')).toEqual([]); // three letters: no guessing
  });

  it('ranks exact before prefix before a later word before a substring', () => {
    // "antofagasta": both exact; "ma": Calama (substring) only; "del": Viña del Mar (a later word)
    expect(search('antofagasta')).toEqual(['CL-AN exact Antofagasta', 'CL-02101 exact Antofagasta']);
    expect(search('ma')).toEqual(['CL-05109 word Viña del Mar', 'CL-02201 substring Calama']);
    expect(search('higgins')).toEqual(["CL-LI substring Libertador General Bernardo O'Higgins"]);
    expect(search('region valp')).toEqual(['CL-VS prefix Valparaíso']);
  });

  it('matches CUT codes whole or as a prefix, and ids in any case', () => {
    expect(search('5101')).toEqual(['CL-05101 exact 5101']);
    expect(search('510')).toEqual(['CL-05101 prefix 5101', 'CL-05109 prefix 5109']);
    expect(search('cl-05109')).toEqual(['CL-05109 exact CL-05109']);
  });

  it('matches spelling variants and names regardless of accents, and says which one matched', () => {
    expect(search('coiha')).toEqual(['CL-11101 prefix Coihaique']);
    expect(search('VINA')).toEqual(['CL-05109 prefix Viña del Mar']);
    expect(search('alamos')).toEqual(['CL-08206 word Los Álamos']);
  });

  it('filters by level and parent, and stops at the limit', () => {
    expect(search('valparaiso', { level: 'comuna' })).toEqual(['CL-05101 exact Valparaíso']);
    expect(search('a', { parent: 'CL-AN' }).map((s) => s.split(' ')[0])).toEqual(['CL-02101', 'CL-02201']);
    expect(search('a', { limit: 2 })).toHaveLength(2);
  });

  it('finds nothing for an empty query, and does not search roman numerals', () => {
    expect(search('  ')).toEqual([]);
    expect(search('vi')).toEqual(['CL-05109 prefix Viña del Mar']);
  });
});

describe('suggestPlaces()', () => {
  it('offers places within a few edits of the folded text, closest first', () => {
    expect(ids(suggestPlaces(index, 'valparaizo'))).toEqual(['CL-VS', 'CL-05101']); // z → s: 1 edit
    expect(ids(suggestPlaces(index, 'Coyhaiqe'))).toEqual(['CL-11101']); // 1 letter missing
    expect(ids(suggestPlaces(index, 'cl-vx'))).toEqual(['CL-VS']); // an id, 1 letter off
    expect(suggestPlaces(index, 'temuco')).toEqual([]);
  });
});

describe('listPlaces()', () => {
  it('lists the places of a level, or inside a parent, in canonical order', () => {
    expect(ids(listPlaces(index, { level: 'region' }))).toEqual(['CL-AN', 'CL-VS', 'CL-LI']);
    expect(ids(listPlaces(index, { parent: 'CL-VS' }))).toEqual(['CL-05101', 'CL-05109']);
    expect(ids(listPlaces(index, { parent: 'CL-XX' }))).toEqual([]);
  });
});

describe('over the places of the compiled dataset', () => {
  const dataset = JSON.parse(readFileSync(join(DIST_DIR, 'dataset.json'), 'utf8')) as { geos: PlaceRecord[] };
  const all = placeIndex(dataset.geos);

  it('holds the country, 16 regions and 346 comunas, each comuna in a region', () => {
    expect(listPlaces(all, { level: 'region', parent: 'CL' })).toHaveLength(16);
    expect(listPlaces(all, { level: 'comuna' })).toHaveLength(346);
    const regions = new Set(ids(listPlaces(all, { level: 'region' })));
    expect(listPlaces(all, { level: 'comuna' }).every((c) => regions.has(c.parent ?? ''))).toBe(true);
  });

  it('finds both Valparaísos for "valpo" and "valparaiso", and Calama for "calama" and "5101"', () => {
    const first2 = (q: string) => ids(searchPlaces(all, q).map((m) => m.place)).slice(0, 2);
    expect(first2('valpo')).toEqual(['CL-VS', 'CL-05101']);
    expect(first2('valparaiso')).toEqual(['CL-VS', 'CL-05101']);
    expect(searchPlaces(all, 'calama')[0]?.place.id).toBe('CL-02201');
    expect(searchPlaces(all, '5101')[0]?.place.id).toBe('CL-05101');
  });

  it('knows every spelling of a region in the CEAD and INE tables (names and variants come from the data)', () => {
    for (const file of [
      'cead_drugs_region_yearly.csv',
      'ine_population_region_yearly.csv',
      'ine_population_comuna_yearly.csv',
    ]) {
      const { rows } = parseCsv(readFileSync(join(DATA_DIR, 'tables', file), 'utf8'));
      for (const { cells } of rows) {
        const r = resolvePlace(all, cells.region ?? '', { level: 'region' });
        expect(r.ok && r.place.cut, `${file}: ${cells.region}`).toBe(Number(cells.region_code));
      }
    }
  });

  it('resolves every comuna by its CUT code, and by its name and each variant among comunas', () => {
    for (const c of listPlaces(all, { level: 'comuna' })) {
      const byCut = resolvePlace(all, String(c.cut));
      expect(byCut.ok && byCut.place.id).toBe(c.id);
      for (const name of [c.name.es, ...(c.variants ?? [])]) {
        const r = resolvePlace(all, name, { level: 'comuna' });
        expect(r.ok && r.place.id, name).toBe(c.id);
      }
    }
  });
});
