// The statement's evidence as a data table (string assembly only; see ../derive.ts).
import type { Strings } from '../i18n.js';
import type { TableModel } from '../types.js';
import type { StatementModel } from './statement.js';

/** The statement's evidence as a data table. */
export function statementTable(m: StatementModel, ui: Strings): TableModel {
  return { caption: `${ui.evidence}: ${m.who}, ${m.date}`, rows: m.evidence };
}
