// The registry is the one list of views: each has its module, its embed page entry and its island, and
// everything else reads the registry.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VIEW_ENTRIES } from '../../build/embed-entries.js';
import { paramsQuery, parseParams, takenOnly } from './params.js';
import { indicatorDefault, VIEW_LIST, VIEWS, viewKinds, viewMeta, viewText } from './views.js';

describe('the registry of views', () => {
  it('lists each view once, with its embed page entry and its hydrated island', () => {
    expect(new Set(VIEWS).size).toBe(VIEWS.length);
    expect([...VIEWS].sort()).toEqual(VIEW_ENTRIES);
    for (const v of VIEWS) {
      const island = `${v[0]?.toUpperCase()}${v.slice(1)}.svelte`;
      expect(existsSync(new URL(`./roots/${island}`, import.meta.url)), island).toBe(true);
    }
  });

  it('gives each view words in both languages, heights and what it takes', () => {
    for (const m of VIEW_LIST) {
      const words = viewText(m.name);
      expect(words.label.es && words.label.en && words.about.es && words.about.en).toBeTruthy();
      expect(m.height).toBeGreaterThan(0);
      expect(m.drawn).toHaveLength(3);
    }
    expect(viewMeta('stat').takes).toEqual(['geo', 'from', 'to', 'resolution']);
    expect(viewText('series').label.en).toBe('Time series');
  });

  it("defaults each view's indicator to the seed story's", () => {
    expect(indicatorDefault('series')).toBe('cead.cases.drugs');
    expect(indicatorDefault('compare')).toEqual([
      'mt0.seizures',
      'fiscalia.street_sales',
      'fiscalia.convictions.microtrafficking',
    ]);
  });

  it('is what the parser checks views and indicator counts against', () => {
    expect(viewKinds()).toEqual({
      stat: 'one',
      series: 'one',
      compare: 'many',
      statement: 'statement',
      table: 'many',
    });
    const pie = parseParams({ view: 'pie' });
    expect(pie.ok ? [] : pie.errors).toEqual([
      'view: "pie" is not one of stat, series, compare, statement, table',
    ]);
    // table takes up to six indicators, as compare does; series one.
    expect(parseParams({ view: 'table', indicator: 'mt0.arrests,mt0.seizures' }).ok).toBe(true);
    expect(parseParams({ view: 'series', indicator: 'mt0.arrests,mt0.seizures' }).ok).toBe(false);
  });

  it('keeps only the options a view takes in its codes and URL (takenOnly)', () => {
    const p = parseParams({ view: 'compare', geo: 'CL-RM', rolling: '12', per100k: 'true', lang: 'es' });
    if (!p.ok) throw new Error(p.errors.join('; '));
    expect(takenOnly(p.params)).toEqual({ view: 'compare', geo: 'CL', lang: 'es', theme: 'auto' });
    const s = parseParams({
      view: 'series',
      geo: '2201',
      resolution: 'month',
      rolling: '12',
      per100k: 'true',
    });
    if (!s.ok) throw new Error(s.errors.join('; '));
    expect(paramsQuery(takenOnly(s.params))).toBe(
      'geo=2201&resolution=month&rolling=12&per100k=true&lang=es',
    );
  });
});
