// The compiled dataset is a public contract: every record is in dist/dataset.json, the seed ids are
// stable, and the figures are the seed article's as written there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR, DIST_DIR } from '../scripts/paths.js';
import { loadDataset } from './loader/load.js';
import { datasetSchema } from './schemas/index.js';

const compiled = datasetSchema.parse(JSON.parse(readFileSync(join(DIST_DIR, 'dataset.json'), 'utf8')));
const fresh = loadDataset(DATA_DIR).dataset;

describe('dist/dataset.json', () => {
  it('holds every record of data/, with the same content hash (run pnpm build if this fails)', () => {
    expect(fresh).toBeDefined();
    expect(compiled.meta.contentHash).toBe(fresh?.meta.contentHash);
    expect(compiled.observations.length).toBe(fresh?.observations.length);
    expect(compiled.changes.length).toBe(fresh?.changes.length);
  });

  it('carries the dataset version and the qualifier policy version', () => {
    expect(compiled.meta.version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(compiled.meta.qualifierPolicy).toMatch(/^\d+\.\d+\.\d+$/);
    expect(compiled.meta.citation).toContain(compiled.meta.version);
  });

  // The module is ~1 MB of JavaScript that vitest transforms before importing: seconds on a busy
  // machine, so this test gets a minute rather than the default 5 s.
  it('is the same data as the typed module', { timeout: 60_000 }, async () => {
    const { dataset } = await import(join(DIST_DIR, 'dataset.js'));
    expect(dataset.meta.contentHash).toBe(compiled.meta.contentHash);
  });

  it('has its meta alone in dataset-meta.js, equal to the records’ own (what a start-up path reads)', async () => {
    const { meta } = await import(join(DIST_DIR, 'dataset-meta.js'));
    expect(meta).toEqual(compiled.meta);
  });
});

describe('the seed figures (public ids)', () => {
  const change = (indicator: string) =>
    compiled.changes.find((c) => c.indicator === indicator && c.source.includes('insightcrime.2022'));
  const obs = (indicator: string, period: string) =>
    compiled.observations.find(
      (o) => o.indicator === indicator && o.period === period && o.source.includes('insightcrime.2022'),
    );

  it.each([
    ['mt0.seizures', '2020', '2021', 150],
    ['mt0.seizures.cannabis', '2020', '2021', 207],
    ['fiscalia.street_sales', '2015', '2019', 62],
    ['fiscalia.convictions.microtrafficking', '2015', '2019', 18],
  ])('%s changed %s→%s by +%d %% as published', (indicator, from, to, percent) => {
    expect(change(indicator)).toMatchObject({ from, to, percent, qualifier: 'exact', geo: 'CL' });
  });

  it('mt0.arrests: 2,681 in 2020 exactly, and "nearly the same number" in 2021 as 2,681 ± 10 % (policy 1.1)', () => {
    expect(obs('mt0.arrests', '2020')).toMatchObject({
      value: 2681,
      low: 2681,
      high: 2681,
      qualifier: 'exact',
    });
    const y2021 = obs('mt0.arrests', '2021');
    expect(y2021).toMatchObject({ value: 2681, qualifier: 'approximately', confidence: 'C' });
    expect(y2021?.low).toBeCloseTo(2412.9, 9); // 0.9 × 2681
    expect(y2021?.high).toBeCloseTo(2949.1, 9); // 1.1 × 2681
  });

  it('mt0.arrests.hotline_share: roughly a third, undated, dated as of its source (July 2022)', () => {
    const share = obs('mt0.arrests.hotline_share', '2022');
    expect(share?.value).toBe(1 / 3);
    expect(share?.qualifier).toBe('approximately');
    expect(share?.periodStatus).toBe('undated');
  });

  it('fiscalia.street_sales is an outcome whose underlying measure is said to be unidentified', () => {
    const ind = compiled.indicators.find((i) => i.id === 'fiscalia.street_sales');
    expect(ind?.role).toBe('outcome');
    expect(ind?.description.en).toMatch(/does not identify/);
  });

  it('has the launch event, the CEAD break and the two statements', () => {
    expect(compiled.events.find((e) => e.id === 'mt0.launch')?.date).toBe('2014');
    expect(compiled.events.find((e) => e.id === 'cead.reclassification.2025')?.breaksSeries).toBe(true);
    expect(compiled.statements.map((s) => s.id)).toEqual(
      expect.arrayContaining(['sepulveda.stockpiling', 'lizana.community']),
    );
  });

  it('has the CEAD national family series 2010–2025 and INE population for Chile', () => {
    const cases = compiled.observations.filter((o) => o.indicator === 'cead.cases.drugs' && o.geo === 'CL');
    expect(cases.map((o) => o.period)).toEqual(Array.from({ length: 16 }, (_, i) => String(2010 + i)));
    // The table row "2010,Delitos asociados a drogas,14798,12,familia,A" is the quote.
    expect(cases[0]).toMatchObject({
      value: 14798,
      quote: '2010,Delitos asociados a drogas,14798,12,familia,A',
    });
    expect(
      compiled.observations.some(
        (o) =>
          o.indicator === 'ine.population' && o.geo === 'CL' && o.period === '2017' && o.value === 18419192,
      ),
    ).toBe(true);
  });
});
