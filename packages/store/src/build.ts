// The store's build, callable from the build script and the bench: validate the store tables with
// @mt0/core's loader (file:row:column issues), write dist/cead.arrow, then one static file per place
// and the places index. Node-only (files); the reader and writer it calls are not.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DataIssue, loadStoreTables } from '@mt0/core/internal/loader';
import type { Dataset } from '@mt0/core/schemas';
import { placeFile } from './place-file.js';
import { openStore } from './read.js';
import { writeStore } from './write.js';

/** Name of the store file in the output folder. */
export const STORE_FILE = 'cead.arrow';

export interface BuildResult {
  issues: DataIssue[];
  bytes?: Uint8Array;
  rows?: number;
  placeFiles?: number;
  /** Milliseconds spent reading and validating the tables, writing the Arrow file, and the place files. */
  ms?: { tables: number; arrow: number; places: number };
}

/**
 * Builds the store into `outDir` (cead.arrow, places/<id>.json, places/index.json); writes nothing
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
  return {
    issues: [],
    bytes,
    rows: store.table.numRows,
    placeFiles: store.places.length,
    ms: { tables: t1 - t0, arrow: t2 - t1, places: t3 - t2 },
  };
}
