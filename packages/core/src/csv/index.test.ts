import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../../scripts/paths.js';
import { loadDataset } from '../loader/load.js';
import { COLLECTION_NAMES, COLUMNS, collectionCsv, collections } from './index.js';

const dataset = loadDataset(DATA_DIR).dataset as NonNullable<ReturnType<typeof loadDataset>['dataset']>;
const lists = collections(dataset);

describe('collections()', () => {
  it('orders observations by indicator, geography, period and source, and keeps every one', () => {
    expect(lists.observations.length).toBe(dataset.observations.length);
    const out = lists.observations.filter((o, i) => {
      const prev = lists.observations[i - 1];
      if (!prev) return false;
      return prev.indicator > o.indicator || (prev.indicator === o.indicator && prev.geo > o.geo);
    });
    expect(out).toEqual([]);
  });

  it("counts each indicator's records and lists its geographies and periods", () => {
    const drugs = lists.indicators.find((i) => i.id === 'cead.cases.drugs');
    const obs = dataset.observations.filter((o) => o.indicator === 'cead.cases.drugs');
    expect(drugs?.observations).toBe(obs.length);
    expect(drugs?.geos).toContain('CL');
    expect(drugs?.periods[0]).toBe(obs.map((o) => o.period).sort()[0]);
  });

  it("expands each statement's evidence ids into the records they name", () => {
    for (const s of lists.statements) for (const e of s.evidence) expect(e.record.id).toBe(e.id);
  });
});

describe('collectionCsv()', () => {
  it('writes one header and one CRLF row per record for every collection', () => {
    for (const name of COLLECTION_NAMES) {
      const text = collectionCsv(lists, name);
      const lines = text.split('\r\n');
      expect(lines[0]).toBe(COLUMNS[name].map(([h]) => h).join(','));
      // Quoted fields never hold CRLF here (quotes and notes are one line), so rows = records + header + ''.
      expect(lines.length, name).toBe(lists[name].length + 2);
    }
  });
});
