import { dataset } from '@mt0/core/dataset';
import { describe, expect, it } from 'vitest';
import { checkViewData } from './check.js';
import { type DatasetLike, fromSnapshot, makeSnapshot } from './snapshot.js';
import { full, params } from './test-utils.js';
import { viewKey } from './viewdata.js';
import { VIEWS } from './views.js';

const snap = makeSnapshot(dataset as unknown as DatasetLike);

describe('makeSnapshot()', () => {
  it('holds every default view in es and en, and nothing else', () => {
    const keys = VIEWS.flatMap((view) =>
      (['es', 'en'] as const).map((lang) => viewKey(params(view, { lang }))),
    );
    expect(Object.keys(snap.views).sort()).toEqual(keys.sort());
    expect(snap.views['series?lang=es']?.version).toBe(dataset.meta.version);
  });

  it('passes the same check as fetched data', () => {
    for (const view of VIEWS) {
      for (const lang of ['es', 'en'] as const) {
        const p = params(view, { lang });
        expect(
          checkViewData(JSON.parse(JSON.stringify(fromSnapshot(snap, viewKey(p)))), p),
          `${view} ${lang}`,
        ).toBeDefined();
      }
    }
  });

  it('carries the numbers of the defaults, not the dataset', () => {
    // 2025 national cases (a record) in the default series; no regional series.
    const v2025 = full.observations.find(
      (o) => o.id === 'cead.cases.drugs:CL:2025:cead.casos_policiales.extract2026',
    )?.value;
    expect(snap.views['series?lang=es']?.series?.points.at(-1)?.value).toBe(v2025);
    expect(JSON.stringify(snap)).not.toContain('CL-RM:');
    expect(JSON.stringify(snap).length).toBeLessThan(JSON.stringify(dataset).length / 5);
  });
});
