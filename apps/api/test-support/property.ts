// A property over every route's query space and over paths: random, boundary and hostile values
// (empty, huge, unicode, __proto__, repeated keys, arrays, injection strings, malformed percent-encoding,
// dot segments, encoded slashes). Whatever the input, the server (the widget kit and the API, as
// src/node.ts mounts them) answers below 500; every API 4xx is problem+json (a kit page's is its HTML
// error page); every 2xx is valid JSON, CSV, HTML, CSS or JavaScript. Shared by the test suite
// (≥ 1,000 cases) and `pnpm bench` (≥ 10,000 cases).

import { dataset } from '@mt0/core/dataset';
import { METRIC_UNITS } from '@mt0/core/registry';
import fc from 'fast-check';

export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

/** The widget kit's rooms (pages and built files), which answer errors in their own formats. */
function kitPath(raw: string): boolean {
  // As the server sees it: dot segments resolved (`/v1/%2e%2e` is `/`).
  const path = URL.canParse(raw, 'http://x') ? new URL(raw, 'http://x').pathname : raw;
  return (
    path === '/' ||
    path.startsWith('/embed/') ||
    path.startsWith('/embed-assets/') ||
    path.startsWith('/widget/') ||
    path === '/oembed'
  );
}

const obs = dataset.observations;
const someIds = {
  indicator: dataset.indicators.map((i) => i.id),
  source: dataset.sources.slice(0, 10).map((s) => s.id),
  observation: [obs[0]?.id, obs[obs.length - 1]?.id, 'mt0.arrests:CL:2021:pdi.via.insightcrime.2022'].filter(
    (x): x is string => Boolean(x),
  ),
  change: dataset.changes.map((c) => c.id),
  event: dataset.events.map((e) => e.id),
  statement: dataset.statements.map((s) => s.id),
};

/** Route templates with the query keys each accepts (plus hostile extras the arbitrary adds). */
const ROUTES: { path: fc.Arbitrary<string>; keys: string[] }[] = [
  { path: fc.constant('/v1'), keys: ['v'] },
  { path: fc.constantFrom('/v1/indicators', '/v1/indicators.csv'), keys: ['role', 'format', 'v'] },
  {
    path: fc
      .constantFrom(...someIds.indicator, 'nope', '')
      .map((id) => `/v1/indicators/${encodeURIComponent(id)}`),
    keys: ['v'],
  },
  { path: fc.constantFrom('/v1/sources', '/v1/sources.csv'), keys: ['format', 'v'] },
  { path: fc.constantFrom(...someIds.source, 'x').map((id) => `/v1/sources/${id}`), keys: ['v'] },
  {
    path: fc.constantFrom('/v1/observations', '/v1/observations.csv'),
    keys: ['indicator', 'geo', 'from', 'to', 'source', 'confidence', 'limit', 'cursor', 'format', 'v'],
  },
  {
    path: fc.constantFrom('/v1/changes', '/v1/changes.csv'),
    keys: ['indicator', 'geo', 'source', 'confidence', 'format', 'v'],
  },
  {
    path: fc.constantFrom('/v1/statements', '/v1/statements.csv'),
    keys: ['indicator', 'source', 'format', 'v'],
  },
  { path: fc.constantFrom(...someIds.statement, '%00').map((id) => `/v1/statements/${id}`), keys: ['v'] },
  {
    path: fc.constantFrom('/v1/events', '/v1/events.csv'),
    keys: ['indicator', 'breaksSeries', 'format', 'v'],
  },
  { path: fc.constantFrom(...someIds.event, '..').map((id) => `/v1/events/${id}`), keys: ['v'] },
  { path: fc.constant('/v1/metrics'), keys: ['v'] },
  // Every metric, with the parameters its unit declares: drawn from core's registry, so none drifts.
  ...METRIC_UNITS.map((m) => ({
    path: fc.constant(`/v1/metrics/${m.name}`),
    keys: [...m.params.map((p) => p.name), 'v'],
  })),
  {
    path: fc.constantFrom(
      '/v1/metrics/median',
      '/v1/metrics/',
      '/v1/nothing',
      '/',
      '/v1/observations/',
      '/v2',
    ),
    keys: ['v'],
  },
  { path: fc.constantFrom('/openapi.json', '/docs', '/docs.css', '/healthz'), keys: ['v'] },
  {
    path: fc.constantFrom('/v1/downloads', '/v1/downloads/observations.csv', '/v1/downloads/events.csv'),
    keys: ['v'],
  },
  {
    path: fc.constantFrom('/', '/embed/stat', '/embed/compare', '/embed/series.json', '/oembed'),
    keys: [
      'lang',
      'indicator',
      'geo',
      'from',
      'to',
      'theme',
      'initialWidth',
      'childId',
      'url',
      'maxwidth',
      'format',
    ],
  },
];

/** Where hostile paths start: every room of the server. */
const PATH_PREFIXES = [
  '/',
  '/v1/',
  '/v1/indicators/',
  '/v1/sources/',
  '/v1/metrics/',
  '/v1/downloads/',
  '/v1/observations',
  '/embed/',
  '/embed-assets/',
  '/widget/',
  '/oembed/',
  '/docs/',
];

/** Path segments that break naive decoding, routing or file serving. */
const HOSTILE_SEGMENTS = [
  '%',
  '%%',
  '%E0%A4%A',
  '%ZZ',
  '%C0%AF',
  '%ED%A0%80',
  '%00',
  '%0A',
  '%25',
  '%2F',
  '%2e%2e',
  '..',
  '.',
  '',
  '.csv',
  'stat.json',
  'stat%2Ejson',
  'mt0.js',
  'mt0.js.br',
  'observations.csv',
  'observations.csv.gz',
  '..%2f..%2fpackage.json',
  '__proto__',
  'constructor',
  'ñandú',
  '%F0%9F%87%A8%F0%9F%87%B1',
  'a'.repeat(2000),
];

/** A hostile path: a prefix and up to three segments, raw (nothing re-encoded). */
const hostilePath = fc
  .tuple(
    fc.constantFrom(...PATH_PREFIXES),
    fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_SEGMENTS) },
        { weight: 1, arbitrary: fc.string({ maxLength: 12 }).map((x) => encodeURIComponent(x).slice(0, 12)) },
      ),
      { maxLength: 3 },
    ),
  )
  .map(([prefix, segments]) => `${prefix}${segments.join('/')}`);

const HOSTILE_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '',
  'ïndicator',
  'a[b]',
  'limit[]',
];

const HOSTILE_VALUES = [
  '',
  ' ',
  ',',
  ',,',
  '0',
  '-1',
  '1.5',
  '10001',
  '99999999999999999999',
  '1e309',
  'Infinity',
  'NaN',
  'null',
  'undefined',
  'true',
  '__proto__',
  "' OR '1'='1",
  '"; DROP TABLE observations; --',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a log-injection string, sent literally on purpose.
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '\u0000',
  '\uFEFF',
  '🇨🇱',
  'ñandú',
  '\uD800',
  'x'.repeat(5000),
  'CL,'.repeat(200),
  '2020/2019',
  '2020-13',
  '9999',
];

const VALID_VALUES = [
  ...someIds.indicator,
  ...someIds.source,
  ...someIds.observation,
  ...someIds.change,
  ...someIds.event,
  'CL',
  'CL-RM',
  '13',
  'cl-rm',
  '2010',
  '2015',
  '2019',
  '2020',
  '2014',
  '2020-03',
  '2015/2019',
  'A',
  'B',
  'C',
  'A,B,C',
  'csv',
  'json',
  'true',
  'false',
  'mean',
  'total',
  'es',
  'en',
  '1',
  '5',
  '100',
  dataset.meta.version,
  '9.9.9',
  'cead.cases.drugs@2019',
  'cead.cases.drugs@2015',
  'mt0.arrests@2020',
  'mt0.arrests.hotline_share@2022',
  'fiscalia.street_sales@2015/2019',
  'MA',
  'MC4x',
  // Each metric's documented examples, so that valid requests are drawn too.
  ...METRIC_UNITS.flatMap((m) => m.params.flatMap((p) => (p.example ? [p.example] : []))),
  'pdi.seizures.cocaine_hcl:CL:2015:pdi.via.latercera.2017',
  'mt0.arrests.hotline_share:CL:2022:pdi.via.insightcrime.2022',
  'cead.cases.drugs@2025',
  'police.arrests.drugs.possession_share@2014',
];

const value = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...VALID_VALUES) },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.constantFrom(...VALID_VALUES), { minLength: 1, maxLength: 4 })
      .map((xs) => xs.join(',')),
  },
);

/** encodeURIComponent, except that a lone surrogate is sent as the invalid UTF-8 bytes of one (hostile on purpose). */
function encode(s: string): string {
  try {
    return encodeURIComponent(s);
  } catch {
    return [...s].map((ch) => (/[\uD800-\uDFFF]/.test(ch) ? '%ED%A0%80' : encodeURIComponent(ch))).join('');
  }
}

function encodeQuery(pairs: readonly (readonly [string, string, boolean])[]): string {
  return pairs.map(([k, v, raw]) => (raw ? `${k}=${v}` : `${encode(k)}=${encode(v)}`)).join('&');
}

export const requestArb = fc
  .oneof(
    ...ROUTES.map((r) => fc.record({ path: r.path, keys: fc.constant(r.keys) })),
    fc.record({ path: hostilePath, keys: fc.constant(['v', 'lang', 'format']) }),
  )
  .chain(({ path, keys }) =>
    fc.record({
      path: fc.constant(path),
      // Repeated keys come from picking the same key twice.
      pairs: fc.array(
        fc.tuple(
          fc.oneof(
            { weight: 6, arbitrary: fc.constantFrom(...keys) },
            { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_KEYS) },
            { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
          ),
          value,
          // Sometimes unencoded, to send raw %, +, & and broken escapes.
          fc.boolean().map((b) => b && Math.random() < 0.2),
        ),
        { maxLength: 6 },
      ),
      method: fc.constantFrom(
        'GET',
        'GET',
        'GET',
        'GET',
        'HEAD',
        'POST',
        'PUT',
        'DELETE',
        'PATCH',
        'OPTIONS',
      ),
      accept: fc.constantFrom(
        undefined,
        'text/csv',
        'application/json',
        '*/*',
        'text/csv;q=0.5, application/json',
        'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
        'text/csv;q=abc',
        ',,;;==',
      ),
      ifNoneMatch: fc.constantFrom(undefined, '*', '"nope"', 'W/"x", "y"', ''),
    }),
  );

export type GeneratedRequest = typeof requestArb extends fc.Arbitrary<infer T> ? T : never;

/** Parses RFC 4180 CSV strictly enough to reject malformed output; returns the rows. */
export function strictCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        const next = text[i + 1];
        if (next !== ',' && next !== '\r') throw new Error(`character after closing quote at ${i}`);
      } else field += ch;
    } else if (ch === '"') {
      if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r') {
      if (text[i + 1] !== '\n') throw new Error(`bare CR at ${i}`);
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += 2;
      continue;
    } else if (ch === '\n') throw new Error(`bare LF at ${i}`);
    else field += ch;
    i++;
  }
  if (quoted || field !== '' || row.length) throw new Error('CSV does not end with CRLF');
  const width = rows[0]?.length ?? 0;
  if (rows.some((r) => r.length !== width)) throw new Error('rows of different widths');
  return rows;
}

/** Sends one generated request and checks the response; throws with a description when it fails. */
export async function checkOne(fetch: Fetch, r: GeneratedRequest): Promise<void> {
  const query = encodeQuery(r.pairs);
  const url = query ? `${r.path}?${query}` : r.path;
  const headers: Record<string, string> = {};
  if (r.accept !== undefined) headers.Accept = r.accept;
  if (r.ifNoneMatch !== undefined) headers['If-None-Match'] = r.ifNoneMatch;
  let res: Response;
  try {
    res = await fetch(url, { method: r.method, headers });
  } catch (e) {
    // An invalid URL is refused by the client before it reaches the API; that is not the API's answer.
    if (e instanceof TypeError && /URL|url/.test(e.message)) return;
    throw e;
  }
  const where = `${r.method} ${url.slice(0, 300)} → ${res.status}`;
  const type = res.headers.get('content-type') ?? '';
  const body = await res.text();
  // The one 5xx by design: oEmbed 1.0 (§2.3.4) answers format=xml, which it does not implement, with 501.
  const oembedXml = res.status === 501 && /^\/oembed\?/.test(url) && /(?:^|&)format=xml(?:&|$)/.test(query);
  if (res.status >= 500 && !oembedXml) throw new Error(`${where}: 5xx ${body.slice(0, 300)}`);
  if (oembedXml) return;
  if (res.status >= 400) {
    // The kit answers its pages' errors as HTML pages and missing files as plain text; the API, problems.
    const kitError =
      (type.startsWith('text/html') && body.startsWith('<!doctype html>')) || type.startsWith('text/plain');
    if (type !== 'application/problem+json' && !(kitPath(r.path) && (kitError || r.method === 'HEAD')))
      throw new Error(`${where}: 4xx without problem+json (${type})`);
    if (type !== 'application/problem+json') return;
    if (r.method === 'HEAD') return; // headers only
    const p = JSON.parse(body) as { status?: unknown; type?: unknown; title?: unknown; detail?: unknown };
    if (
      p.status !== res.status ||
      typeof p.type !== 'string' ||
      typeof p.title !== 'string' ||
      typeof p.detail !== 'string'
    ) {
      throw new Error(`${where}: malformed problem ${body.slice(0, 300)}`);
    }
    if (/\n\s+at |node_modules|\.ts:\d+/.test(body)) throw new Error(`${where}: stack trace in a response`);
    return;
  }
  if (res.status === 304 || res.status === 204 || r.method === 'HEAD') return;
  if (res.status >= 200 && res.status < 300) {
    if (type.startsWith('application/json')) JSON.parse(body);
    else if (type.startsWith('text/csv')) strictCsv(body);
    else if (type.startsWith('text/html')) {
      if (!body.startsWith('<!doctype html>')) throw new Error(`${where}: HTML without doctype`);
    } else if (!type.startsWith('text/css') && !type.startsWith('text/javascript'))
      throw new Error(`${where}: unexpected content type ${type}`);
    return;
  }
  throw new Error(`${where}: unexpected status`);
}

/** Runs the property `numRuns` times; returns the number of cases checked. */
export async function runProperty(fetch: Fetch, numRuns: number, seed?: number): Promise<number> {
  let count = 0;
  await fc.assert(
    fc.asyncProperty(requestArb, async (r) => {
      count++;
      await checkOne(fetch, r);
    }),
    { numRuns, ...(seed !== undefined ? { seed } : {}), endOnFailure: true },
  );
  return count;
}
