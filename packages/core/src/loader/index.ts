// Node-only reader and validator of data/: used by the build (scripts/) and tests, never shipped to
// the API or the widget, which import the compiled dataset instead.
export { parseCsv } from './csv.js';
export { type DataIssue, DataValidationError, formatIssue } from './issues.js';
export { canonicalJson, type LoadResult, loadDataset } from './load.js';
export { quoteHasNumber } from './provenance.js';
export { parseValue } from './values.js';
