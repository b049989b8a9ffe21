// @mt0/store: the columnar store of the kit's large tables (CEAD police cases per comuna and month, INE
// population per comuna and year, with region and national sums made at build), one Apache Arrow IPC
// file read the same way on Node and in a Worker. This entry is the reader; it depends on apache-arrow
// only (no Node APIs, no zod). The writer is `@mt0/store/write`; the built file `@mt0/store/cead.arrow`
// and the per-place files `@mt0/store/places/<id>.json`.
export {
  COLUMNS,
  INDEX_KEY,
  META_KEY,
  type PlaceLevel,
  STORE_FORMAT,
  type StoreIndicator,
  type StoreMeta,
} from './layout.js';
export { type PlaceFile, type PlaceFileContext, type PlaceFileSeries, placeFile } from './place-file.js';
export {
  openStore,
  type Series,
  type SeriesPoint,
  type SeriesQuery,
  type Store,
  type StoreColumns,
  type StorePlace,
} from './read.js';
