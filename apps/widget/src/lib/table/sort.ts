// Sorting the data table's rows: pure and dependency-free (browser side).
import type { TableRow } from '../types.js';

export type SortKey = 'label' | 'period' | 'value';

/** Rows sorted by a column; ties keep their order. Never mutates. */
export function sortRows(
  rows: readonly TableRow[],
  key: SortKey,
  dir: 'ascending' | 'descending',
): TableRow[] {
  const sign = dir === 'ascending' ? 1 : -1;
  const cmp = (a: TableRow, b: TableRow) =>
    key === 'label'
      ? a.label.localeCompare(b.label)
      : key === 'period'
        ? a.periodKey - b.periodKey
        : a.sortValue - b.sortValue;
  // Array.prototype.sort is stable (ES2019): ties keep their order.
  return [...rows].sort((a, b) => sign * cmp(a, b));
}
