// The files a release offers for download, written at build beside the compiled dataset:
// dist/downloads/{name} with precompressed copies ({name}.br, {name}.gz), and dist/downloads.js, the
// manifest the API serves them by (name, media type, bytes, sha256, encodings). Add a file by adding
// an entry to DOWNLOADS; the API's /v1/downloads/{file} and the Worker's static assets follow.
import {
  COLLECTION_NAMES,
  type CollectionName,
  CSV_CONTENT_TYPE,
  collectionCsv,
  collections,
} from '../src/csv/index.js';
import {
  type DownloadFile,
  writeDownloadFiles,
  writeManifest as writeManifestFile,
} from '../src/loader/downloads.js';
import type { Dataset } from '../src/schemas/index.js';

export type { DownloadFile };

/** One file of the release: how it is made from the dataset. */
export interface DownloadSource {
  name: string;
  type: string;
  description: string;
  /** Write `.br` and `.gz` copies (text); off for files that are compressed already. */
  compress: boolean;
  content(dataset: Dataset): string | Uint8Array;
}

/** What each collection's whole-table CSV holds. */
const DESCRIPTIONS: Record<CollectionName, string> = {
  indicators:
    'Every indicator: names and descriptions (es, en), unit, role, geographies and periods with data.',
  sources: 'Every source with its publisher, URL, licence and the number of records citing it.',
  observations:
    'Every observation (level), grades A, B and C: value, qualifier, interval, source, verbatim quote.',
  changes:
    'Every reported change, grades A, B and C: span, percent, qualifier, interval, source, verbatim quote.',
  statements: 'Every statement: who, when, the claim in its own words, and the ids of the evidence records.',
  events: 'Every event and series break, with its source and quote.',
};

export const DOWNLOADS: readonly DownloadSource[] = COLLECTION_NAMES.map((name) => ({
  name: `${name}.csv`,
  type: CSV_CONTENT_TYPE,
  description: DESCRIPTIONS[name],
  compress: true,
  content: (dataset: Dataset) => collectionCsv(collections(dataset), name),
}));

/** Writes every download into `dir` (emptied first) and returns the manifest. */
export function writeDownloads(
  dataset: Dataset,
  dir: string,
  sources: readonly DownloadSource[] = DOWNLOADS,
): DownloadFile[] {
  return writeDownloadFiles(
    dir,
    sources.map((s) => ({ ...s, content: s.content(dataset) })),
  );
}

/** dist/downloads.js and its .d.ts: the manifest as a module (bundled by the API and the Worker). */
export function writeManifest(distDir: string, files: readonly DownloadFile[], version: string): void {
  writeManifestFile(distDir, files, version, 'packages/core/scripts/build-data.ts');
}
