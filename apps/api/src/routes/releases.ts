// GET /v1/releases and /v1/corrections: every kept release (date, one-line summary, content hash, record
// counts) and the corrections log (date, release, records old → new, why). With ?v= both answer as of
// that release (the releases up to it, the corrections it carries), so a pinned URL never changes.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { compareVersions, correctionsBetween } from '@mt0/core/releases';
import type { AppEnv } from '../env.js';
import { viewOf } from '../lib/data.js';
import { list as listParam } from '../lib/params.js';
import { echo, invalidParam } from '../lib/problem.js';
import { keptReleases, keptVersions } from '../lib/releases.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import { itemQuery, versionParam } from '../schemas.js';
import { errors, jsonOk, keysOf, notModified } from './common.js';

const Counts = z.record(z.string(), z.number().int()).openapi({ description: 'Records per collection.' });

const CorrectedRecord = z
  .object({
    id: z.string().describe('The record id in the release before the correction.'),
    field: z.string().optional().describe('The field corrected; absent when the record is withdrawn.'),
    old: z.unknown().optional().describe('Its value before (null: the field was absent).'),
    new: z.unknown().optional().describe('Its value after (null: the field is removed).'),
    newId: z.string().optional().describe('The record id after, when the correction changed it.'),
  })
  .openapi('CorrectedRecord');

const Correction = z
  .object({
    date: z.string(),
    release: z.string().describe('The release that carries the correction.'),
    records: z.array(CorrectedRecord),
    why: z.string(),
  })
  .openapi('Correction');

const Release = z
  .object({
    version: z.string(),
    date: z.string().describe('Publication date of the release.'),
    summary: z.string().describe('One line on what the release holds or changed.'),
    previous: z.string().nullable(),
    contentHash: z.string().describe('sha256 of the canonical JSON of its records.'),
    qualifierPolicy: z.string(),
    counts: Counts,
    corrections: z.number().int().describe('Corrections the release carries (/v1/corrections lists them).'),
    links: z.object({ self: z.string(), corrections: z.string() }),
  })
  .openapi('Release');

const meta = z.object({ datasetVersion: z.string() });

const releasesRoute = createRoute({
  method: 'get',
  path: '/releases',
  operationId: 'listReleases',
  tags: ['index'],
  summary: 'Kept releases',
  description:
    'Every kept dataset release, oldest first, with its date, a one-line summary, its content hash and record counts. Each answers its own `?v=` on any /v1 URL, byte for byte, forever. With `v=` the list stops at that release.',
  middleware: [strictQuery(keysOf(itemQuery))] as const,
  request: { query: itemQuery },
  responses: {
    200: jsonOk(z.object({ data: z.array(Release), meta }).openapi('ReleaseList'), 'The releases.'),
    ...notModified,
    ...errors,
  },
});

const correctionsQuery = z.object({
  since: versionParam.openapi({
    description:
      'Only the corrections published after this release: what a reader pinned to it has not seen.',
    example: '0.2.0',
  }),
  record: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({
      description: 'Only the corrections of these record ids (as before or after the correction).',
      example: 'mt0.arrests:CL:2021:pdi.via.insightcrime.2022',
    }),
  v: versionParam,
});

const correctionsRoute = createRoute({
  method: 'get',
  path: '/corrections',
  operationId: 'listCorrections',
  tags: ['records'],
  summary: 'Corrections log',
  description:
    'Every correction of a published figure: the date, the release that carries it, each record old → new, and why. Oldest first. With `v=` the log stops at that release.',
  middleware: [strictQuery(keysOf(correctionsQuery))] as const,
  request: { query: correctionsQuery },
  responses: {
    200: jsonOk(z.object({ data: z.array(Correction), meta }).openapi('CorrectionList'), 'The corrections.'),
    ...notModified,
    ...errors,
  },
});

export const releaseRoutes = new OpenAPIHono<AppEnv>()
  .openapi(releasesRoute, (c) => {
    const version = viewOf(c).meta.version;
    const data = keptReleases
      .filter((r) => compareVersions(r.version, version) <= 0)
      .map(({ corrections, ...r }) => ({
        ...r,
        corrections: corrections.length,
        links: {
          self: `/v1?v=${r.version}`,
          corrections: `/v1/corrections?since=${r.previous ?? r.version}&v=${r.version}`,
        },
      }));
    return c.json({ data, meta: { datasetVersion: version } }, 200);
  })
  .openapi(correctionsRoute, (c) => {
    const q = c.req.valid('query');
    const version = viewOf(c).meta.version;
    if (q.since !== undefined && !keptVersions.includes(q.since))
      throw invalidParam('since', `no kept release ${echo(q.since)}`, [...keptVersions]);
    const ids = listParam('record', q.record);
    const data = correctionsBetween(keptReleases, q.since ?? null, version).filter(
      (x) =>
        !ids || x.records.some((r) => ids.includes(r.id) || (r.newId !== undefined && ids.includes(r.newId))),
    );
    return c.json({ data, meta: { datasetVersion: version } }, 200);
  });
