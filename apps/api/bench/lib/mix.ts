// The load mix of issue 8, point 11: the hot data page, the largest allowed pages (500 observations,
// several pages and filters), varied Accept headers (120 spellings that negotiate JSON or CSV), with and
// without compression, revalidations (304), metrics, the widget's pages, data and static files, and a
// whole-table download; beside it, hostile requests that must each get a 4xx. Every key is bounded, so
// after warm-up the flood measures the served path, and the RSS growth says whether anything grows with
// the requests.
import type { Request } from './client.js';

export interface MixInputs {
  /** ETag of the hot page, for If-None-Match. */
  etag: string;
  /** Cursors of pages 2 and 3 of the largest page of every observation. */
  cursors: string[];
  /** The content-hashed path of mt0.js. */
  mt0: string;
  /** The kit's own origin, for oEmbed. */
  origin: string;
}

export const HOT = '/v1/observations?indicator=cead.cases.drugs&geo=CL';
/** Issue 9: the whole comuna × month table (every place and indicator) as one streamed CSV, 70 MB. */
export const WHOLE_TABLE = '/v1/observations.csv?per100k=false';
/** The same rows with a bound before the store's first month (2010-01): written row by row, no file. */
export const WHOLE_TABLE_WRITTEN = '/v1/observations.csv?per100k=false&from=2000';

/** The whole table as a script, curl --compressed and a browser ask for it. */
export function streamedTable(): Request[] {
  return [
    { path: WHOLE_TABLE },
    { path: WHOLE_TABLE, headers: { 'accept-encoding': 'gzip, deflate, br' } },
    { path: WHOLE_TABLE, headers: { 'accept-encoding': 'gzip' } },
  ];
}
export const LARGEST = '/v1/observations?confidence=A,B,C&limit=500';

const BROWSER =
  'text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8';

/** `n` Accept headers that negotiate JSON and `n` that negotiate CSV, all spelled differently. */
export function variedAccepts(n: number): { json: string[]; csv: string[] } {
  const json: string[] = [];
  const csv: string[] = [];
  for (let i = 0; i < n; i++) {
    json.push(
      [`application/json;q=0.${(i % 9) + 1}, x-${i}/y`, `*/*;q=0.${i % 10}`, `${BROWSER}, z/${i}`][
        i % 3
      ] as string,
    );
    csv.push([`text/csv, x-${i}/y;q=0.1`, `text/csv;q=0.9, application/json;q=0.${i % 9}`][i % 2] as string);
  }
  return { json, csv };
}

/** Requests that must fail with a 4xx (never a 5xx): typos, too large a page, unknown ids, broken paths. */
export function hostileRequests(origin: string): Request[] {
  return [
    { path: '/v1/observations?indicatr=typo' },
    { path: '/v1/observations?limit=10000' },
    { path: '/v1/observations?confidence=A,B,C&limit=500&cursor=forged' },
    { path: '/v1/indicators/nope' },
    { path: '/v1/metrics/median' },
    { path: '/v1/downloads/..%2Fpackage.json' },
    { path: '/embed/%E0%A4%A' },
    { path: '/embed/%' },
    { path: '/v1/%' },
    { path: '/embed/stat?lang=fr&geo=%3Cscript%3E' },
    { path: `/oembed?url=${encodeURIComponent('https://evil.example/embed/stat')}` },
    { path: '/widget/mt0.0000000000.js' },
    { path: `/v1/observations?${'x'.repeat(3000)}=1` },
    { path: '/v1/observations?v=9.9.9' },
  ].map((r) => ({ ...r, headers: { accept: 'application/json', 'x-origin-hint': origin } }));
}

export function loadMix(o: MixInputs): Request[] {
  const accepts = variedAccepts(60);
  const pages = [LARGEST, ...o.cursors.map((c) => `${LARGEST}&cursor=${c}`)];
  const byYear = [2010, 2012, 2014, 2016, 2018, 2020].map((y) => `${LARGEST}&from=${y}`);
  const br = { 'accept-encoding': 'gzip, deflate, br' };
  const fixed: Request[] = [
    { path: HOT },
    { path: HOT, headers: { 'if-none-match': o.etag } },
    { path: HOT, headers: br },
    ...pages.map((path) => ({ path })),
    ...pages.map((path) => ({ path, headers: br })),
    { path: LARGEST, headers: { 'accept-encoding': 'gzip' } },
    ...byYear.map((path) => ({ path })),
    { path: '/v1/observations.csv?confidence=A,B,C&limit=500' },
    { path: '/v1/changes', headers: { accept: 'text/csv' } },
    { path: '/v1/metrics/compare?lang=es' },
    { path: '/v1/metrics/annualized?change=fiscalia.street_sales' },
    {
      path: '/v1/metrics/implied?share=mt0.arrests.hotline_share@2022&total=mt0.arrests:CL:2020:pdi.via.insightcrime.2022&allowUndated=true',
    },
    { path: '/v1/statements' },
    { path: '/v1/indicators', headers: br },
    { path: '/embed/compare?lang=es', headers: br },
    { path: '/embed/series?lang=en&initialWidth=360' },
    { path: '/embed/stat.json?lang=es' },
    { path: `/oembed?url=${encodeURIComponent(`${o.origin}/embed/compare?lang=es`)}&format=json` },
    { path: '/', headers: br },
    { path: o.mt0, headers: br },
    { path: '/v1/downloads/observations.csv', headers: br },
  ];
  // Interleave: each fixed request, then varied-Accept requests on the hot and the largest page, a third
  // of them without Accept-Encoding (a script), the rest as browsers and curl --compressed ask.
  const codings = [undefined, 'gzip', 'gzip, deflate, br'];
  const withCoding = (accept: string, i: number): Record<string, string> => {
    const ae = codings[i % 3];
    return ae ? { accept, 'accept-encoding': ae } : { accept };
  };
  const out: Request[] = [];
  for (let i = 0; i < accepts.json.length; i++) {
    out.push(fixed[i % fixed.length] as Request);
    out.push({ path: i % 2 ? LARGEST : HOT, headers: withCoding(accepts.json[i] as string, i) });
    out.push({ path: i % 2 ? HOT : LARGEST, headers: withCoding(accepts.csv[i] as string, i + 1) });
  }
  return out;
}
