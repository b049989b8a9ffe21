import { describe, expect, it } from 'vitest';
import { full, params } from './test-utils.js';
import { viewData } from './viewdata.js';

describe('viewData()', () => {
  it('reads geo with core’s place resolver: 13 and cl-rm draw the Santiago Metropolitan Region', () => {
    const byId = viewData(full, params('series', { geo: 'CL-RM', lang: 'en' }));
    const byCut = viewData(full, params('series', { geo: '13', lang: 'en' }));
    const byCase = viewData(full, params('series', { geo: 'cl-rm', lang: 'en' }));
    expect(byId?.series?.points.length).toBeGreaterThan(0);
    expect(byCut?.series).toEqual(byId?.series);
    expect(byCase?.series).toEqual(byId?.series);
  });
});
