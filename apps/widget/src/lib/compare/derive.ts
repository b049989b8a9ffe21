// The compare SVG description and data table, from its model (string assembly only; see ../derive.ts).
import { rangeWords } from '../derive.js';
import type { Strings } from '../i18n.js';
import type { TableModel } from '../types.js';
import type { CompareModel } from './compare.js';

const role = (r: string, ui: Strings) =>
  r === 'output' ? ui.outputs : r === 'outcome' ? ui.outcomes : ui.context;

/** What the compare SVG says: each change's annual rate, interval, total and span. */
export function compareDesc(m: CompareModel, ui: Strings): string {
  const rows = m.rows.map(
    (r) =>
      `${r.name} (${role(r.role, ui)}): ${r.rate} ${ui.perYear}${rangeWords(r.rateRange, ui)}; ${ui.total.toLowerCase()} ${r.total}, ${r.span}`,
  );
  return `${m.title}. ${rows.join('. ')}.`;
}

/** The compare data table: each change's annual rate with its published total. */
export function compareTable(m: CompareModel, ui: Strings): TableModel {
  return {
    caption: m.title,
    rows: m.rows.map((r) => ({
      key: r.id,
      label: `${r.name} — ${ui.rate.toLowerCase()}`,
      period: r.span,
      periodKey: 0,
      value: `${r.rate} ${ui.perYear} (${ui.total.toLowerCase()} ${r.total})`,
      sortValue: r.value,
      approximate: r.approximate,
      range: r.rateRange,
      source: r.source,
      url: r.url,
    })),
  };
}
