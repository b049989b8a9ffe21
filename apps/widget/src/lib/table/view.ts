// The table view in the registry (../views.ts): the sortable data table behind any figure.
import type { ViewLoader } from '../viewdata.js';
import { tableModel } from './table.js';

export const meta = {
  name: 'table',
  indicator: 'many',
  takes: ['geo', 'from', 'to', 'resolution'],
  height: 560,
  drawn: [3960, 620, 418],
} as const;

/** Its name and what it shows, in both languages (the builder's and the docs' words; never in mt0.js). */
export const text = {
  label: { es: 'Tabla de datos', en: 'Data table' },
  about: {
    es: 'Las cifras de hasta seis indicadores en una tabla ordenable, cada una con su fuente.',
    en: 'The figures of up to six indicators in a sortable table, each with its source.',
  },
} as const;

/** The view's data: one row per figure, each with its source. */
export const load: ViewLoader = (b, p, base) => {
  const m = tableModel(b, p);
  const ids = m ? [...new Set(m.rows.map((r) => r.key.split(':').pop() ?? ''))] : [];
  return m && { ...base(m.caption, ids), table: m };
};
