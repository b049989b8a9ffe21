// GET /v1/datapackage.json: the release as a Frictionless Data Package v2 (the descriptor the build
// writes beside the downloads, @mt0/core/release-files), for Frictionless tools, Datasette or a data
// portal loading it over HTTP. Each resource's path is its download pinned to the release
// (`downloads/observations.csv?v=0.3.0`, relative to /v1/), so the sizes and hashes the descriptor gives
// stay true after a later release; /v1/downloads/datapackage.json is the file itself, with plain names,
// for a folder of the release's files.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { releaseFiles } from '@mt0/core/release-files';
import type { AppEnv } from '../env.js';
import { current, type ReleaseView, viewOf } from '../lib/data.js';
import { filesOfRelease } from '../lib/downloads.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import { itemQuery } from '../schemas.js';
import { errors, jsonOk, keysOf, notModified } from './common.js';

const Descriptor = z
  .object({
    $schema: z.string(),
    name: z.string(),
    version: z.string(),
    resources: z.array(z.object({ name: z.string(), path: z.string() }).passthrough()),
  })
  .passthrough()
  .openapi('DataPackage');

const route = createRoute({
  method: 'get',
  path: '/datapackage.json',
  operationId: 'getDataPackage',
  tags: ['downloads'],
  summary: 'Frictionless Data Package',
  description:
    "The release as a Frictionless Data Package v2: one tabular resource per download (observations, changes, indicators, sources, statements, events, places) with its table schema (types, constraints, primary and foreign keys), size and sha256; licence, sources and version. Resource paths are the downloads pinned to the release. `?v=` of a kept release gives that release's package.",
  middleware: [strictQuery(keysOf(itemQuery))] as const,
  request: { query: itemQuery },
  responses: { 200: jsonOk(Descriptor, 'The descriptor.'), ...notModified, ...errors },
});

/** The parts of a descriptor this route rewrites; the rest passes through as the build wrote it. */
type DataPackage = { resources: { path: string }[] } & Record<string, unknown>;

const made = new WeakMap<ReleaseView, Promise<DataPackage>>();

/** The descriptor of a release with its paths pinned, made once per release. */
function descriptorOf(view: ReleaseView): Promise<DataPackage> {
  let pkg = made.get(view);
  if (!pkg) {
    // The current release's files are not kept in memory for this: only its descriptor is.
    const files =
      view === current
        ? releaseFiles(view.dataset).then((list) => new Map(list.map((f) => [f.name, f])))
        : filesOfRelease(view.dataset);
    pkg = files.then((byName) => {
      const file = byName.get('datapackage.json');
      if (!file) throw new Error(`release ${view.meta.version}: no datapackage.json among its files`);
      const descriptor = JSON.parse(new TextDecoder().decode(file.bytes)) as DataPackage;
      const pin = `?v=${view.meta.version}`;
      return {
        ...descriptor,
        resources: descriptor.resources.map((r) => ({ ...r, path: `downloads/${r.path}${pin}` })),
      };
    });
    made.set(view, pkg);
  }
  return pkg;
}

export const dataPackageRoutes = new OpenAPIHono<AppEnv>().openapi(route, async (c) =>
  c.json((await descriptorOf(viewOf(c))) as never, 200),
);
