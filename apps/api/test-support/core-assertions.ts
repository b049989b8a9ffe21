// The core behaviours of the API as assertions over any `fetch`: run by the Node tests (app.request)
// and inside workerd (the Worker entry), so the edge build is proven, not assumed.
import { expect } from 'vitest';

export type Fetch = (path: string, init?: RequestInit) => Promise<Response>;

export interface CoreCase {
  name: string;
  run(fetch: Fetch): Promise<void>;
}

async function problem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  const body = (await res.json()) as { status: number; type: string; title: string; detail: string };
  expect(body.status).toBe(status);
  expect(body.type).toMatch(/^\/docs#problem-/);
  expect(body.detail.length).toBeGreaterThan(0);
  return body as typeof body & Record<string, unknown>;
}

export const coreCases: CoreCase[] = [
  {
    name: 'GET /v1 links every collection and names the dataset release',
    async run(fetch) {
      const res = await fetch('/v1');
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        datasetVersion: string;
        contentHash: string;
        links: Record<string, string>;
      };
      expect(body.datasetVersion).toMatch(/^\d+\.\d+\.\d+$/);
      expect(body.contentHash).toMatch(/^[0-9a-f]{64}$/);
      for (const k of [
        'indicators',
        'sources',
        'observations',
        'changes',
        'statements',
        'events',
        'metrics',
      ]) {
        expect(body.links[k]).toBe(`/v1/${k}`);
      }
    },
  },
  {
    name: 'observations filter by indicator and geo, with CORS, a strong ETag and Vary: Accept',
    async run(fetch) {
      const res = await fetch('/v1/observations?indicator=cead.cases.drugs&geo=CL', {
        headers: { Origin: 'null' },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(res.headers.get('etag')).toMatch(/^"[0-9a-f]{32}-[\d.]+-json"$/);
      expect(res.headers.get('vary')).toContain('Accept');
      const body = (await res.json()) as {
        data: { indicator: string; geo: string }[];
        meta: { count: number };
      };
      expect(body.data.length).toBeGreaterThan(0);
      expect(body.meta.count).toBe(body.data.length);
      expect(body.data.every((o) => o.indicator === 'cead.cases.drugs' && o.geo === 'CL')).toBe(true);
    },
  },
  {
    name: 'a CUT number is an alias of its region (13 = CL-RM)',
    async run(fetch) {
      const a = (await (await fetch('/v1/observations?indicator=cead.cases.drugs&geo=13')).json()) as {
        data: unknown[];
      };
      const b = (await (await fetch('/v1/observations?indicator=cead.cases.drugs&geo=CL-RM')).json()) as {
        data: unknown[];
      };
      expect(a.data.length).toBeGreaterThan(0);
      expect(a.data).toEqual(b.data);
    },
  },
  {
    name: '304 on If-None-Match keeps the CORS headers',
    async run(fetch) {
      const first = await fetch('/v1/indicators');
      const etag = first.headers.get('etag') ?? '';
      const res = await fetch('/v1/indicators', {
        headers: { 'If-None-Match': etag, Origin: 'https://example.org' },
      });
      expect(res.status).toBe(304);
      expect(res.headers.get('etag')).toBe(etag);
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      expect(await res.text()).toBe('');
    },
  },
  {
    name: 'CSV by .csv suffix, format=csv and Accept: text/csv, with a filename',
    async run(fetch) {
      for (const [path, init] of [
        ['/v1/changes.csv', {}],
        ['/v1/changes?format=csv', {}],
        ['/v1/changes', { headers: { Accept: 'text/csv' } }],
      ] as const) {
        const res = await fetch(path, init);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8; header=present');
        expect(res.headers.get('content-disposition')).toMatch(
          /^attachment; filename="mt0-changes-v[\d.]+\.csv"$/,
        );
        const text = await res.text();
        expect(text.startsWith('id,indicator,geo,from,to,percent,')).toBe(true);
        expect(text.endsWith('\r\n')).toBe(true);
      }
    },
  },
  {
    name: 'unknown query parameters are a 400 problem listing the allowed ones',
    async run(fetch) {
      const body = await problem(await fetch('/v1/observations?indicatr=mt0.arrests'), 400);
      expect(body.invalidParams).toEqual([{ name: 'indicatr', reason: 'unknown parameter' }]);
      expect(body.allowed).toContain('indicator');
    },
  },
  {
    name: 'unknown ids are a 404 problem; wrong methods a 405 with Allow',
    async run(fetch) {
      await problem(await fetch('/v1/indicators/no.such.indicator'), 404);
      const res = await fetch('/v1/observations', { method: 'DELETE' });
      await problem(res, 405);
      expect(res.headers.get('allow')).toContain('GET');
    },
  },
  {
    name: 'the hotline is about a third of 2,681 arrests, as an interval',
    async run(fetch) {
      const res = await fetch(
        '/v1/metrics/implied?share=mt0.arrests.hotline_share:CL:2022:pdi.via.insightcrime.2022&total=mt0.arrests:CL:2020:pdi.via.insightcrime.2022&allowUndated=true',
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        value: number;
        low: number;
        high: number;
        formula: string;
        warnings: { code: string }[];
      };
      // The source gives the share no period: computable only when asked, and then it says so.
      expect(body.warnings.map((w) => w.code)).toEqual(['undated']);
      // ⅓ × 2681 = 893.67; "roughly" → share in [0.3, 0.3667] (±10 %) → [0.3 × 2681, 0.36667 × 2681] = [804.3, 983.03]
      expect(body.value).toBeCloseTo(2681 / 3, 6);
      expect(body.low).toBeCloseTo(0.3 * 2681, 6);
      expect(body.high).toBeCloseTo((1.1 / 3) * 2681, 6);
      expect(body.formula).toContain('2681');
    },
  },
  {
    name: 'prepost refuses to straddle a series break unless allowBreak=true',
    async run(fetch) {
      const body = await problem(
        await fetch('/v1/metrics/prepost?indicator=cead.cases.drugs&event=mt0.launch'),
        422,
      );
      expect(body.type).toBe('/docs#problem-series-break');
      const ok = await fetch(
        '/v1/metrics/prepost?indicator=cead.cases.drugs&event=mt0.launch&allowBreak=true',
      );
      expect(ok.status).toBe(200);
      expect(((await ok.json()) as { breaks: string[] }).breaks).toContain('cead.reclassification.2025');
    },
  },
  {
    name: 'OpenAPI 3.1 document and a docs page under a strict CSP',
    async run(fetch) {
      const doc = (await (await fetch('/openapi.json')).json()) as {
        openapi: string;
        paths: Record<string, unknown>;
      };
      expect(doc.openapi).toBe('3.1.0');
      expect(Object.keys(doc.paths)).toContain('/v1/observations');
      const docs = await fetch('/docs');
      expect(docs.headers.get('content-type')).toContain('text/html');
      expect(docs.headers.get('content-security-policy')).toContain("default-src 'none'");
      expect(docs.headers.get('content-security-policy')).not.toContain('script-src');
      expect(await docs.text()).not.toContain('<script');
    },
  },
  {
    name: '/healthz answers with the dataset version and is never cached',
    async run(fetch) {
      const res = await fetch('/healthz');
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(((await res.json()) as { status: string }).status).toBe('ok');
    },
  },
  {
    name: '/v1/geos?q=valparaiso finds both Valparaísos, the region first',
    async run(fetch) {
      const res = await fetch('/v1/geos?q=valparaiso');
      expect(res.status).toBe(200);
      const body = (await res.json()) as { data: { id: string }[] };
      expect(body.data.slice(0, 2).map((p) => p.id)).toEqual(['CL-VS', 'CL-05101']);
    },
  },
  {
    name: "a comuna's yearly series comes from the store (Calama, microtrafficking, 2018: 85 cases)",
    async run(fetch) {
      const res = await fetch(
        '/v1/observations?indicator=cead.cases.microtrafficking&geo=calama&resolution=year&from=2018&to=2018&per100k=true',
      );
      expect(res.status).toBe(200);
      const body = (await res.json()) as {
        data: { geo: string; value: number; population: number; per100k: number }[];
      };
      // 85 / 177642 × 100000 = 47.849…
      expect(body.data).toEqual([
        expect.objectContaining({
          geo: 'CL-02201',
          value: 85,
          population: 177642,
          per100k: (85 / 177642) * 100000,
        }),
      ]);
    },
  },
  {
    name: "CSV of a region's comunas streams every month (9 comunas × 192 months)",
    async run(fetch) {
      const res = await fetch('/v1/observations.csv?indicator=cead.cases.drugs&geo=CL-AN&level=comuna');
      expect(res.status).toBe(200);
      expect((await res.text()).trim().split('\r\n')).toHaveLength(1 + 9 * 192);
    },
  },
];
