// @mt0/core/csv: safe CSV writing and the collections as CSV, for the API's filtered responses and the
// build's whole-table downloads. Zod-free (types only), so it costs nothing at runtime but itself.
import type { CollectionName, Collections } from './collections.js';
import { COLUMNS, columnsUnder } from './columns.js';
import { type CsvColumn, toCsv } from './write.js';

export * from './collections.js';
export * from './columns.js';
export * from './write.js';

/**
 * A whole collection as CSV (the content of the download `{name}.csv`). With the release's qualifier
 * policy, the columns that release had (`columnsUnder`): a kept release's file keeps its bytes.
 * @example collectionCsv(collections(dataset), 'events').split('\r\n')[0] // 'id,date,kind,title_es,…,notes'
 */
export function collectionCsv(lists: Collections, name: CollectionName, qualifierPolicy?: string): string {
  // Each collection's columns read its own record type; the lookup by name loses that pairing.
  const all = COLUMNS[name] as unknown as readonly CsvColumn<unknown>[];
  return toCsv(qualifierPolicy === undefined ? all : columnsUnder(all, qualifierPolicy), lists[name]);
}
