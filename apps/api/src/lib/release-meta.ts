// The current release's meta and the API's version, without the records: what /healthz and every ETag
// need. Read from @mt0/core/dataset-meta (half a kilobyte), so that neither parses the dataset nor
// builds its indexes: the Worker answers /healthz before either is made (src/worker.ts).
import { meta } from '@mt0/core/dataset-meta';

/** Version of the API's representation; part of every ETag so a new API release is never served stale. */
export const API_VERSION = '0.1.0';

/** The meta of the release this server was built with (equal to the bundled dataset's own). */
export const currentMeta = meta;

/** The body of `GET /healthz`: alive, and which API and dataset release it serves. */
export const healthBody = () => ({
  status: 'ok' as const,
  apiVersion: API_VERSION,
  datasetVersion: meta.version,
  contentHash: meta.contentHash,
});
