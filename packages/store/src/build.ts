// The store's build, callable from the build script and the bench: validate the store tables with
// @mt0/core's loader (file:row:column issues), write dist/cead.arrow, then one static file per place
// and the places index. Node-only (files); the reader and writer it calls are not.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import {
  type DataIssue,
  type DownloadContent,
  type DownloadFile,
  loadStoreTables,
  writeDownloadFiles,
  writeManifest,
} from '@mt0/core/internal/loader';
import type { Dataset } from '@mt0/core/schemas';
import { placeFile } from './place-file.js';
import { openStore, type Store } from './read.js';
import {
  csvLines,
  DOWNLOAD_NAME,
  plan,
  type RowContext,
  STORE_CSV_HEADER,
  WHOLE_TABLE_CSV,
  wholeTable,
} from './rows.js';
import { writeStore } from './write.js';

/** Name of the store file in the output folder. */
export const STORE_FILE = 'cead.arrow';

export interface BuildResult {
  issues: DataIssue[];
  bytes?: Uint8Array;
  rows?: number;
  placeFiles?: number;
  /** The whole-table downloads written to `dist/downloads/` (listed in `dist/downloads.js`). */
  downloads?: DownloadFile[];
  /** Milliseconds spent reading and validating the tables, writing the Arrow file, the place files and the downloads. */
  ms?: { tables: number; arrow: number; places: number; downloads: number };
}

export { DOWNLOAD_NAME, WHOLE_TABLE_CSV };

/** The media type of an Arrow IPC file (IANA: application/vnd.apache.arrow.file). */
export const ARROW_TYPE = 'application/vnd.apache.arrow.file';

/** What the store's rows need from the dataset: CUT codes and the sources' intermediaries. */
export function rowContext(dataset: Dataset): RowContext {
  const geos = new Map(dataset.geos.map((g) => [g.id, g]));
  const sources = new Map(dataset.sources.map((s) => [s.id, s]));
  return { place: (geo) => geos.get(geo), via: (source) => sources.get(source)?.via };
}

/**
 * Every row of the store as the API's CSV writes it (the same bytes `/v1/observations.csv?per100k=false`
 * streams: every place and indicator at its own resolution), as one string.
 */
export function wholeTableCsv(store: Store, ctx: RowContext): string {
  const q = wholeTable(store);
  const chunks = [STORE_CSV_HEADER];
  for (const part of plan(store, q)) chunks.push(csvLines(store, ctx, q, part));
  return chunks.join('');
}

/**
 * The store's whole-table downloads: the Arrow file itself (a plain Arrow IPC file; its layout is in
 * src/layout.ts and the README) and the same rows as gzip CSV. The CSV is a `.csv.gz` file, sent as
 * `application/gzip` bytes (no Content-Encoding), so that what is saved is what the manifest describes.
 */
export function storeDownloads(store: Store, bytes: Uint8Array, csv: Uint8Array): DownloadContent[] {
  const places = `${store.places.length} places (the country, ${store.places.filter((p) => p.level === 'region').length} regions, ${store.places.filter((p) => p.level === 'comuna').length} comunas)`;
  return [
    {
      name: `${DOWNLOAD_NAME}.arrow`,
      type: ARROW_TYPE,
      description: `CEAD police cases for drug offences per comuna and month and INE population per comuna and year, as one Apache Arrow IPC file (${store.table.numRows.toLocaleString('en')} rows; columns geo, level, indicator, year, month, value, vintage, source; what it holds in the schema metadata): ${places}, region and national rows being sums of their comunas made at build (filter level=comuna before summing).`,
      compress: true,
      content: bytes,
    },
    {
      name: `${DOWNLOAD_NAME}.csv.gz`,
      type: 'application/gzip',
      description: `The same rows as gzip-compressed CSV (UTF-8, the columns of /v1/observations.csv for the store: id, indicator, geo, level, period, resolution, value, population, source, via, confidence, vintage and each row's provenance; the bytes /v1/observations.csv?per100k=false streams): ${places}; region and national rows are sums of their comunas (filter level=comuna before summing).`,
      compress: false,
      content: gzipSync(csv, { level: 9 }),
    },
  ];
}

/**
 * The whole-table CSV and its brotli copy, beside the downloads (whose `.csv.gz` is its gzip copy), for
 * the Node server to send `/v1/observations.csv?per100k=false` from, compressed once here rather than
 * per download. Brotli at quality 3: here about half a second for 70 MB to ~1.6 MB, smaller than
 * gzip -9; qualities 5 and up took two to four times as long for ~10 % less.
 */
export function writeWholeTableCsv(dir: string, csv: Uint8Array): void {
  writeFileSync(join(dir, WHOLE_TABLE_CSV), csv);
  const br = brotliCompressSync(csv, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 3,
      [constants.BROTLI_PARAM_SIZE_HINT]: csv.length,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
    },
  });
  writeFileSync(join(dir, `${WHOLE_TABLE_CSV}.br`), br);
}

/**
 * Builds the store into `outDir` (cead.arrow, places/<id>.json, places/index.json, downloads/ and its
 * manifest downloads.js); writes nothing
 * when a table has a problem, and returns the problems instead.
 * @example buildStore({ dataDir: 'packages/core/data', dataset, outDir: 'packages/store/dist' }).rows // 214683
 */
export function buildStore(options: { dataDir: string; dataset: Dataset; outDir: string }): BuildResult {
  const { dataset, outDir } = options;
  const t0 = performance.now();
  const { tables, issues } = loadStoreTables(options.dataDir, dataset);
  if (issues.length) return { issues };
  const t1 = performance.now();
  const bytes = writeStore({ tables, places: dataset.geos, dataset: dataset.meta });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, STORE_FILE), bytes);
  const t2 = performance.now();

  const store = openStore(bytes);
  const placesDir = join(outDir, 'places');
  rmSync(placesDir, { recursive: true, force: true });
  mkdirSync(placesDir, { recursive: true });
  const geoById = new Map(dataset.geos.map((g) => [g.id, g]));
  const listed: unknown[] = [];
  for (const p of store.places) {
    const place = geoById.get(p.id);
    if (!place) throw new Error(`${p.id} is in the store but not in the dataset's places`);
    const file = placeFile(store, { place, sources: dataset.sources, version: dataset.meta.version });
    writeFileSync(join(placesDir, `${p.id}.json`), JSON.stringify(file));
    const { id, level, parent, cut, name, variants } = place;
    listed.push({ id, level, parent, cut, name, variants });
  }
  writeFileSync(join(placesDir, 'index.json'), JSON.stringify(listed));
  const t3 = performance.now();
  const csv = new TextEncoder().encode(wholeTableCsv(store, rowContext(dataset)));
  const downloads = writeDownloadFiles(join(outDir, 'downloads'), storeDownloads(store, bytes, csv));
  writeWholeTableCsv(join(outDir, 'downloads'), csv);
  writeManifest(outDir, downloads, dataset.meta.version, 'packages/store/scripts/build-store.ts');
  const t4 = performance.now();
  return {
    issues: [],
    bytes,
    rows: store.table.numRows,
    placeFiles: store.places.length,
    downloads,
    ms: { tables: t1 - t0, arrow: t2 - t1, places: t3 - t2, downloads: t4 - t3 },
  };
}
