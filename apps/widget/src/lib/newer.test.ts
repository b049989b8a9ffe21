import { describe, expect, it } from 'vitest';
import { newerOf } from './newer.js';

// Synthetic log entries shaped as /v1/corrections gives them (ids follow the dataset's id scheme).
const ARRESTS = 'mt0.arrests:CL:2021:pdi.via.insightcrime.2022';
const SEIZURES = 'mt0.seizures:CL:2020/2021:pdi.via.insightcrime.2022';
const log = [
  {
    date: '2026-11-29',
    release: '0.3.0',
    records: [{ id: ARRESTS, field: 'qualifier', old: 'nearly', new: 'approximately' }],
    why: 'Two-sided.',
  },
  {
    date: '2026-12-01',
    release: '0.3.0',
    records: [{ id: 'mt0.seizures', field: 'unit', old: 'kg', new: 'unstated' }],
    why: 'Unit not stated.',
  },
  {
    date: '2026-12-05',
    release: '0.4.0',
    records: [{ id: 'x.y:CL:2016:s', field: 'high', old: 171884.90000000002, new: null }],
    why: 'Open end.',
  },
  { date: '2026-12-09', release: '0.5.0', records: [{ id: 'x.z:CL:2016:s' }], why: 'Withdrawn.' },
];

describe('newerOf()', () => {
  it('marks the rows a later correction touched, with what changed, when and why, in es and en', () => {
    expect(newerOf([ARRESTS, 'other:CL:2020:s'], log, '0.2.0', 'en')).toEqual({
      release: '0.3.0',
      fixes: {
        [ARRESTS]: [
          {
            what: 'Corrected in v0.3.0 (29 Nov 2026): qualifier: nearly → approximately.',
            why: 'Two-sided.',
          },
        ],
      },
    });
    expect(newerOf([ARRESTS], log, '0.2.0', 'es')?.fixes[ARRESTS]).toEqual([
      { what: 'Corregido en v0.3.0 (29-11-2026): calificador: nearly → approximately.', why: 'Two-sided.' },
    ]);
  });

  it("reads a correction of an indicator's field as touching every row of that indicator, and no other", () => {
    const n = newerOf([SEIZURES, 'mt0.seizures.cannabis:CL:2021:s'], log, '0.2.0', 'en');
    expect(Object.keys(n?.fixes ?? {})).toEqual([SEIZURES]);
  });

  it('matches a record by its id after the correction too, and says when one was withdrawn', () => {
    const renamed = [
      {
        date: '2026-11-29',
        release: '0.3.0',
        records: [
          { id: 'a:CL:2020/2021:s', field: 'period', old: '2020/2021', new: '2022', newId: 'a:CL:2022:s' },
        ],
        why: 'Undated.',
      },
    ];
    expect(newerOf(['a:CL:2022:s'], renamed, '0.2.0', 'en')?.fixes['a:CL:2022:s']?.[0]?.what).toBe(
      'Corrected in v0.3.0 (29 Nov 2026): period: 2020/2021 → 2022.',
    );
    expect(newerOf(['x.z:CL:2016:s'], log, '0.2.0', 'en')).toEqual({
      release: '0.5.0',
      fixes: { 'x.z:CL:2016:s': [{ what: 'Withdrawn in v0.5.0 (9 Dec 2026).', why: 'Withdrawn.' }] },
    });
  });

  it('writes numbers in the reader’s locale without float noise, and an absent value as a dash', () => {
    // 171884.90000000002 is 171,884.9 once the binary noise is dropped; null: the end was removed.
    expect(newerOf(['x.y:CL:2016:s'], log, '0.2.0', 'es')?.fixes['x.y:CL:2016:s']?.[0]?.what).toBe(
      'Corregido en v0.4.0 (05-12-2026): extremo superior: 171.884,9 → —.',
    );
  });

  it('ignores corrections the pinned release already has, and answers undefined when nothing shown changed', () => {
    expect(newerOf([ARRESTS, SEIZURES], log, '0.3.0', 'en')).toBeUndefined();
    expect(newerOf(['nothing:CL:2020:s'], log, '0.2.0', 'en')).toBeUndefined();
    expect(newerOf([ARRESTS], log, '0.5.0', 'en')).toBeUndefined();
  });

  it('names the latest release among those that touched a shown row', () => {
    expect(newerOf([ARRESTS, 'x.y:CL:2016:s'], log, '0.2.0', 'en')?.release).toBe('0.4.0');
  });

  it('never throws on a log that is not what the API gives', () => {
    for (const bad of [
      null,
      {},
      'x',
      [null],
      [{ release: 'latest' }],
      [{ release: '0.9.0', records: [null, { id: 3 }] }],
    ])
      expect(newerOf([ARRESTS], bad, '0.2.0', 'en')).toBeUndefined();
  });
});
