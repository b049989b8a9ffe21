import { describe, expect, it } from 'vitest';
import { bundleFor, full, params } from '../test-utils.js';
import { sortRows } from './sort.js';
import { tableModel } from './table.js';

describe('tableModel()', () => {
  it('lists the seed story by default: the three changes, the national arrests and the hotline share', () => {
    const p = params('table');
    const m = tableModel(bundleFor(p), p);
    expect(m?.rows.slice(0, 3).map((r) => r.value)).toEqual(['+150%', '+62%', '+18%']);
    // Levels: every national A/B record of mt0.arrests and the hotline share, in period order.
    const levels = full.observations.filter(
      (o) => (o.indicator === 'mt0.arrests' || o.indicator === 'mt0.arrests.hotline_share') && o.geo === 'CL',
    );
    expect(
      m?.rows
        .slice(3)
        .map((r) => r.key)
        .sort(),
    ).toEqual(levels.map((o) => o.id).sort());
    // 2,681 arrests in 2020 → "2.681"; "roughly a third" → "≈ ⅓".
    expect(m?.rows.find((r) => r.key === 'mt0.arrests:CL:2020:pdi.via.insightcrime.2022')?.value).toBe(
      '2.681',
    );
    expect(m?.rows.at(-1)?.value).toBe('≈ ⅓');
    // Each row links its own record's source (when the source has a URL).
    const url = (key: string) => full.sources.find((s) => s.id === key.split(':').pop())?.url;
    expect(m?.rows.map((r) => r.url)).toEqual(m?.rows.map((r) => url(r.key)));
    expect(m?.rows[0]?.url).toMatch(/^https:\/\//);
  });

  it('lists an indicator within the range, with per-value sources', () => {
    const p = params('table', {
      indicator: 'cead.cases.drugs',
      geo: 'CL-RM',
      from: '2020',
      to: '2022',
      lang: 'en',
    });
    const m = tableModel(bundleFor(p), p);
    expect(m?.rows.map((r) => r.period)).toEqual(['2020', '2021', '2022']);
    const rm = full.geos.find((g) => g.id === 'CL-RM')?.name.en;
    expect(m?.caption).toBe(`Police cases for drug offences, ${rm}`);
  });
});

describe('sortRows()', () => {
  it('sorts by value both ways without mutating', () => {
    const p = params('table');
    const rows = tableModel(bundleFor(p), p)?.rows ?? [];
    const before = rows.map((r) => r.key);
    const up = sortRows(rows, 'value', 'ascending').map((r) => r.sortValue);
    expect(up).toEqual([...up].sort((a, b) => a - b));
    expect(sortRows(rows, 'value', 'descending')[0]?.sortValue).toBe(Math.max(...up));
    expect(rows.map((r) => r.key)).toEqual(before);
  });
});
