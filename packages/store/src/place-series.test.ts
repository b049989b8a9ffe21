import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PlaceFile } from './place-file.js';
import { placeFileSeries } from './place-series.js';
import { openStore } from './read.js';

const dist = (file: string) => fileURLToPath(new URL(`../dist/${file}`, import.meta.url));

describe('placeFileSeries', () => {
  it('sums months into years and counts them, a year of fewer than 12 months partial', () => {
    const file = { series: { x: { start: '2024-11', values: [1, 2, 3], source: 's' } } };
    // 2024: November + December = 1 + 2 = 3 over 2 months; 2025: January = 3 over 1 month
    expect(placeFileSeries(file, 'x', 'year')).toEqual([
      { period: '2024', value: 3, months: 2 },
      { period: '2025', value: 3, months: 1 },
    ]);
    expect(placeFileSeries(file, 'y', 'year')).toBeUndefined();
  });

  it("gives Calama's years exactly as the store's reader sums them", () => {
    const file = JSON.parse(readFileSync(dist('places/CL-02201.json'), 'utf8')) as PlaceFile;
    const store = openStore(readFileSync(dist('cead.arrow')));
    for (const id of ['cead.cases.drugs', 'cead.cases.microtrafficking']) {
      const fromStore = store.series('CL-02201', id, { resolution: 'year' })?.points.map((p) => ({
        period: p.period,
        value: p.value,
        months: p.months,
      }));
      expect(placeFileSeries(file, id, 'year')).toEqual(fromStore);
      const run = store.run('CL-02201', id);
      expect(placeFileSeries(file, id, 'month')?.length).toBe(run ? run.end - run.start : -1);
    }
    expect(placeFileSeries(file, 'ine.population', 'month')).toBeUndefined();
  });
});
