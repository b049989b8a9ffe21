// GET /v1/geos and /v1/geos/{id}: every place — the country, its regions and comunas, and the other
// countries figures mention — with CUT codes, parents, es/en names and spelling variants. Filter by
// level and parent; `q` searches names, variants and codes without regard to accents or case, through
// core's place index (@mt0/core/places), the same one every place parameter is resolved by.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { type CsvColumn, placeColumns } from '@mt0/core/csv';
import { listPlaces, type PlaceLevel, searchPlaces } from '@mt0/core/places';
import type { GeoEntry } from '@mt0/core/schemas';
import type { AppEnv } from '../env.js';
import { viewOf } from '../lib/data.js';
import { list as listParam } from '../lib/params.js';
import { placeAt, placeParam } from '../lib/places.js';
import { invalidParam } from '../lib/problem.js';
import { csvFilename, csvResponse, listBody, VARY_ACCEPT } from '../lib/respond.js';
import { negotiate } from '../middleware/csv/index.js';
import { strictQuery } from '../middleware/strict-query/index.js';
import { formatParam, Geo, itemQuery, list, single, versionParam } from '../schemas.js';
import { collectionOk, errors, jsonOk, keysOf, notModified } from './common.js';

const LEVELS: readonly PlaceLevel[] = ['country', 'region', 'comuna'];

export const GeoListItem = Geo.extend({
  match: z
    .enum(['exact', 'prefix', 'word', 'substring', 'near'])
    .optional()
    .describe(
      'With `q`: how the place matched, best first — exact, prefix, word (a later word starts with q), substring, near (one slip away: "valpo", "calma").',
    ),
  matched: z.string().optional().describe('With `q`: the name, variant or code that matched, as written.'),
}).openapi('GeoListItem');

export const geosQuery = z.object({
  level: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .openapi({
      description:
        'Only places of these levels: country, region, comuna. One or more, comma-separated or repeated.',
      example: 'comuna',
    }),
  parent: z.string().max(100).optional().openapi({
    description:
      'Only places directly inside this one: an id (CL-AN), a CUT code (2) or a name (Antofagasta). `parent=CL` lists the regions.',
    example: 'CL-AN',
  }),
  q: z.string().max(100).optional().openapi({
    description:
      'Search names, spelling variants, ids and CUT codes without regard to accents or case, best match first (`valpo` finds the region and the comuna of Valparaíso; `5101` the comuna).',
    example: 'valparaiso',
  }),
  limit: z.coerce
    .number({ error: 'expected a whole number from 1 to 1000' })
    .int('expected a whole number from 1 to 1000')
    .min(1, 'expected a whole number from 1 to 1000')
    .max(1000, 'expected a whole number from 1 to 1000')
    .optional()
    .openapi({
      type: 'integer',
      description: 'Most places returned: default 20 with `q`, every place without.',
      example: 20,
    }),
  format: formatParam,
  v: versionParam,
});

type Row = GeoEntry & { match?: string; matched?: string };

// places.csv's columns, then how a search matched (only with `q`).
const geoColumns: readonly CsvColumn<Row>[] = [
  ...placeColumns,
  ['match', (r) => r.match],
  ['matched', (r) => r.matched],
];

const listRoute = createRoute({
  method: 'get',
  path: '/geos',
  operationId: 'listGeos',
  tags: ['records'],
  summary: 'Places',
  description:
    'Every place a figure can be about: the country (`CL`), its 16 regions (ISO 3166-2: `CL-VS`) and 346 comunas (`CL-` + the 5-digit CUT code: `CL-05101`), and other countries figures mention, with CUT codes, roman numerals, parents, es/en names and the spellings sources use. Any parameter that takes a place accepts the id in any case, the CUT code (`5`, `5101`, `05101`) or an unambiguous name. Canonical order (countries, regions, comunas by CUT code); with `q`, best match first.',
  middleware: [negotiate, strictQuery(keysOf(geosQuery))] as const,
  request: { query: geosQuery },
  responses: {
    200: collectionOk(list(GeoListItem, 'GeoList'), 'Places.'),
    ...notModified,
    ...errors,
  },
});

const itemRoute = createRoute({
  method: 'get',
  path: '/geos/{id}',
  operationId: 'getGeo',
  tags: ['records'],
  summary: 'One place',
  description:
    'A place by its id or any alias (`CL-02201`, `cl-02201`, `2201`, `calama`); a text that names no one place is a 400 problem with `suggestions`.',
  middleware: [strictQuery(keysOf(itemQuery))] as const,
  request: {
    params: z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'CL-02201' }) }),
    query: itemQuery,
  },
  responses: { 200: jsonOk(single(Geo, 'GeoItem'), 'The place.'), ...notModified, ...errors },
});

function levelsOf(value: string | string[] | undefined): PlaceLevel[] | undefined {
  const items = listParam('level', value);
  if (!items) return undefined;
  return items.map((l) => {
    const level = l.toLowerCase() as PlaceLevel;
    if (!LEVELS.includes(level))
      throw invalidParam('level', `unknown level ${JSON.stringify(l.slice(0, 40))}`, LEVELS);
    return level;
  });
}

export const geoRoutes = new OpenAPIHono<AppEnv>()
  .openapi(listRoute, (c) => {
    const q = c.req.valid('query');
    const d = viewOf(c);
    const level = levelsOf(q.level);
    const parent =
      q.parent === undefined ? undefined : placeParam(d, 'parent', q.parent, ['country', 'region']).id;
    const filter = { ...(level ? { level } : {}), ...(parent ? { parent } : {}) };
    let all: Row[];
    let limit = q.limit;
    if (q.q !== undefined && q.q.trim() !== '') {
      limit ??= 20;
      all = searchPlaces(d.placeIndex, q.q, { ...filter, limit: Number.POSITIVE_INFINITY }).map((m) => ({
        ...(m.place as GeoEntry),
        match: m.match,
        matched: m.matched,
      }));
    } else all = listPlaces(d.placeIndex, filter) as GeoEntry[];
    const page = { rows: limit === undefined ? all : all.slice(0, limit), total: all.length };
    if (c.var.format === 'csv')
      return csvResponse(
        c,
        geoColumns,
        page,
        csvFilename(c, 'geos', [level?.join('+'), parent, q.q]),
      ) as never;
    return c.json(listBody(c, page), 200, VARY_ACCEPT);
  })
  .openapi(itemRoute, (c) => {
    const { id } = c.req.valid('param');
    const d = viewOf(c);
    const data = placeAt(d, id);
    return c.json({ data, meta: { datasetVersion: d.meta.version } }, 200);
  });
