// @mt0/core/csv: safe CSV writing and the collections as CSV, for the API's filtered responses and the
// build's whole-table downloads. Zod-free (types only), so it costs nothing at runtime but itself.
import type { CollectionName, Collections } from './collections.js';
import { COLUMNS } from './columns.js';
import { type CsvColumn, toCsv } from './write.js';

export * from './collections.js';
export * from './columns.js';
export * from './write.js';

/**
 * A whole collection as CSV (the content of the download `{name}.csv`).
 * @example collectionCsv(collections(dataset), 'events').split('\r\n')[0] // 'id,date,kind,title_es,…,notes'
 */
export function collectionCsv(lists: Collections, name: CollectionName): string {
  // Each collection's columns read its own record type; the lookup by name loses that pairing.
  const columns = COLUMNS[name] as unknown as readonly CsvColumn<unknown>[];
  return toCsv(columns, lists[name]);
}
