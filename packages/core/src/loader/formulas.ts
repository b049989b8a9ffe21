// The spreadsheet check: a quote, claim or note that starts the way a formula does (=, +, -, @, tab,
// CR) is refused with file:row:column, so that no text of ours is ever evaluated when a reader opens a
// download in Excel, LibreOffice or Google Sheets. The CSV writer neutralises such cells anyway
// (@mt0/core/csv); this check keeps the data itself from needing it.
import { looksLikeFormula } from '../csv/write.js';
import { type DataIssue, shown } from './issues.js';

/** The free-text fields checked, in CSV files and YAML records alike. */
export const FORMULA_CHECKED_FIELDS = ['quote', 'claim', 'notes'] as const;

/**
 * The issue for a free-text cell that starts like a spreadsheet formula; `undefined` when it does not.
 * @example formulaIssue('data/observations/pdi.csv', 7, 'quote', '=1+1')?.message // 'starts like a spreadsheet formula: "=1+1"'
 */
export function formulaIssue(
  file: string,
  row: number,
  column: string,
  text: unknown,
): DataIssue | undefined {
  if (typeof text !== 'string' || !looksLikeFormula(text)) return undefined;
  return {
    file,
    row,
    column,
    message: `starts like a spreadsheet formula: ${shown(text)}`,
    hint: 'start the text with a word, or quote the passage from a later word; a leading =, +, -, @, tab or line break is read as a formula',
  };
}
