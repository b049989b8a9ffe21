// Figures derived from another figure of the same words inherit its approximation (qualifier policy
// 1.3): "casi 300.000 plantas, equivalentes a 162 millones de dosis" — the doses are a conversion of the
// "casi" plants, so their interval is the plants' interval scaled: [0.9, 1] × 162 millions. A record
// names the record it was converted from in its `derived_from` column; the reference must exist, may
// not name itself or form a cycle, and every problem is reported as file:row:column.
import type { DataIssue } from './issues.js';
import type { ReadRecord } from './rows.js';

interface Derivable {
  id: string;
  value?: number;
  percent?: number;
  low: number | null;
  high: number | null;
  derivedFrom?: string | undefined;
}

const numberOf = (r: Derivable) => (r.value ?? r.percent) as number;

/**
 * The interval of a figure `value` converted from `from` in the same proportion: `value × from.low /
 * from.value` to `value × from.high / from.value`, an open end staying open, joined with the figure's
 * own interval (its qualifier's).
 * @example inherited(162e6, { low: 162e6, high: 162e6 }, { value: 300000, low: 270000, high: 300000 }) // { low: 145800000, high: 162000000 }
 */
export function inherited(
  value: number,
  own: { low: number | null; high: number | null },
  from: { value: number; low: number | null; high: number | null },
): { low: number | null; high: number | null } {
  const scale = (x: number | null) => (x === null ? null : (value * x) / from.value);
  let lo = scale(from.low);
  let hi = scale(from.high);
  // A negative factor turns the interval over (and an open end to the other side).
  if (value / from.value < 0) [lo, hi] = [hi, lo];
  const low = lo === null || own.low === null ? null : Math.min(lo, own.low);
  const high = hi === null || own.high === null ? null : Math.max(hi, own.high);
  return { low, high };
}

/**
 * Checks every `derived_from` reference (exists, not itself, no cycle, a non-zero base) and gives each
 * derived record its inherited interval, in place; the problems are returned with their file and row.
 * `suggest` gives a did-you-mean for an unknown id.
 */
export function applyDerived(
  rows: readonly ReadRecord<Derivable>[],
  suggest: (id: string) => { message: string; hint: string } | 'unreadable' | undefined,
): DataIssue[] {
  const issues: DataIssue[] = [];
  const byId = new Map(rows.map((r) => [r.record.id, r]));
  const done = new Set<string>();
  // A record whose reference failed is reported once (a cycle at its first row, not at each of its rows).
  const failed = new Set<string>();
  const bad = (r: ReadRecord<Derivable>, message: string, hint?: string) =>
    failed.add(r.record.id) &&
    issues.push({
      file: r.file,
      row: r.row,
      column: 'derived_from',
      message,
      ...(hint ? { hint } : {}),
      record: r.record.id,
    });
  const resolve = (r: ReadRecord<Derivable>, path: string[]): boolean => {
    const id = r.record.id;
    const from = r.record.derivedFrom;
    if (from === undefined || done.has(id)) return true;
    if (failed.has(id)) return false;
    if (from === id) {
      bad(r, 'derived_from names the record itself', 'name the record this figure was converted from');
      return false;
    }
    if (path.includes(id)) {
      bad(r, `derived_from forms a cycle: ${[...path.slice(path.indexOf(id)), id].join(' → ')}`);
      return false;
    }
    const base = byId.get(from);
    if (!base) {
      const s = suggest(from);
      // A record that exists but could not be read has its own error already: no cascade.
      if (s !== 'unreadable') bad(r, s?.message ?? `derived_from names an unknown record "${from}"`, s?.hint);
      return false;
    }
    if (!resolve(base, [...path, id])) {
      failed.add(id);
      return false;
    }
    if (numberOf(base.record) === 0) {
      bad(r, `derived_from names ${from}, whose figure is 0: no proportion to inherit`);
      return false;
    }
    const ends = inherited(numberOf(r.record), r.record, { ...base.record, value: numberOf(base.record) });
    r.record.low = ends.low;
    r.record.high = ends.high;
    done.add(id);
    return true;
  };
  for (const r of rows) resolve(r, []);
  return issues;
}
