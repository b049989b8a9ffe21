// Node-only reader and validator of data/: used by the build (scripts/, @mt0/store's build) and tests,
// never shipped to the API or the widget, which import the compiled dataset and the store instead.
export { parseCsv, scanCsv } from './csv.js';
export {
  type DownloadContent,
  type DownloadFile,
  writeDownloadFiles,
  writeManifest,
} from './downloads.js';
export { type DataIssue, DataValidationError, formatIssue } from './issues.js';
export { canonicalJson, type LoadResult, loadDataset } from './load.js';
export { quoteHasNumber } from './provenance.js';
export {
  type KnownRecords,
  loadStoreTables,
  type StoreTable,
  type StoreTableSpec,
  storeTableSpecSchema,
} from './store-tables.js';
export { parseValue } from './values.js';
