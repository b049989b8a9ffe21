// The files of a release: every collection as a whole-table CSV, its places, and the Frictionless Data
// Package v2 descriptor (datapackage.json) that types them, made from its records by one pure function,
// so that the build (dist/downloads/ for the current release) and the API (a kept older release, made
// on request from its rebuilt records) give the same bytes. Web Crypto for the hashes: the same code
// runs in Node and in a Worker.
import { COLLECTION_NAMES, type CollectionName, collections } from '../csv/collections.js';
import { COLUMNS, columnsUnder, placeColumns } from '../csv/columns.js';
import { collectionCsv } from '../csv/index.js';
import { CSV_CONTENT_TYPE, type CsvColumn, toCsv } from '../csv/write.js';
import { dataPackage } from '../datapackage/package.js';
import type { Dataset } from '../schemas/index.js';

/** One file of a release, with its bytes. */
export interface ReleaseFile {
  /** `observations.csv`. */
  name: string;
  /** Media type. */
  type: string;
  /** What it holds. */
  description: string;
  /** Worth precompressing (text). */
  compress: boolean;
  bytes: Uint8Array<ArrayBuffer>;
  /** sha256 (hex) of `bytes`. */
  sha256: string;
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

const PLACES =
  'Every place: Chile, its regions and comunas (ISO 3166-2 and CUT codes, parents, names in es and en, spellings sources use) and the other countries the data names.';

/** The names of a release's files, in the order the manifest lists them. */
export const RELEASE_FILE_NAMES: readonly string[] = [
  ...COLLECTION_NAMES.map((n) => `${n}.csv`),
  'places.csv',
  'datapackage.json',
];

const encoder = new TextEncoder();

/**
 * sha256 (hex) of some bytes, by Web Crypto.
 * @example await sha256Hex(new TextEncoder().encode('abc')) // 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'
 */
export async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** One file from its text. */
async function file(name: string, type: string, description: string, text: string): Promise<ReleaseFile> {
  const bytes = encoder.encode(text) as Uint8Array<ArrayBuffer>;
  return { name, type, description, compress: true, bytes, sha256: await sha256Hex(bytes) };
}

/**
 * Every file of a release, made from its records: the six collections and the places as CSV, then the
 * data package that describes them (sizes, hashes, table schemas with primary and foreign keys).
 * @example (await releaseFiles(dataset)).map((f) => f.name) // ['indicators.csv', 'sources.csv', 'observations.csv', 'changes.csv', 'statements.csv', 'events.csv', 'places.csv', 'datapackage.json']
 */
export async function releaseFiles(dataset: Dataset): Promise<ReleaseFile[]> {
  const lists = collections(dataset);
  const policy = dataset.meta.qualifierPolicy;
  const tables = await Promise.all([
    ...COLLECTION_NAMES.map((name) =>
      file(`${name}.csv`, CSV_CONTENT_TYPE, DESCRIPTIONS[name], collectionCsv(lists, name, policy)),
    ),
    file('places.csv', CSV_CONTENT_TYPE, PLACES, toCsv(placeColumns, dataset.geos)),
  ]);
  const headers = new Map<string, readonly string[]>([
    // The columns this release's CSVs carry (open_end only from the policy that brought it).
    ...COLLECTION_NAMES.map((n): [string, string[]] => [
      `${n}.csv`,
      columnsUnder(COLUMNS[n] as readonly CsvColumn<unknown>[], policy).map((c) => c[0]),
    ]),
    ['places.csv', placeColumns.map((c) => c[0])],
  ]);
  const descriptor = dataPackage(
    dataset.meta,
    dataset.sources,
    tables.map((t) => ({
      name: t.name,
      header: headers.get(t.name) ?? [],
      bytes: t.bytes.length,
      sha256: t.sha256,
    })),
  );
  const pkg = await file(
    'datapackage.json',
    'application/json',
    "The Frictionless Data Package v2 descriptor of these files: table schemas (types, constraints, primary and foreign keys), licence, sources, version, and each file's size and sha256.",
    `${JSON.stringify(descriptor, null, 2)}\n`,
  );
  return [...tables, pkg];
}
