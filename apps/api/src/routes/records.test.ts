import { describe, expect, it } from 'vitest';
import { app } from '../app.js';
import { dataset, indicators, observations } from '../lib/data.js';

async function json<T = Record<string, unknown>>(path: string, init?: RequestInit) {
  const res = await app.request(path, init);
  return { res, body: (await res.json()) as T };
}

interface List<T> {
  data: T[];
  meta: { count: number; total: number; datasetVersion: string };
  links: { self: string; next: string | null };
}

/** A minimal RFC 4180 reader, to prove the CSV round-trips (quotes, commas, newlines). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += ch;
  }
  return rows;
}

describe('GET /v1/indicators', () => {
  it('lists every indicator with the geographies and periods it has data for', async () => {
    const { body } =
      await json<List<{ id: string; geos: string[]; periods: string[]; observations: number }>>(
        '/v1/indicators',
      );
    expect(body.data.map((i) => i.id).sort()).toEqual(dataset.indicators.map((i) => i.id).sort());
    const drugs = body.data.find((i) => i.id === 'cead.cases.drugs');
    const expected = observations.filter((o) => o.indicator === 'cead.cases.drugs');
    expect(drugs?.observations).toBe(expected.length);
    expect(drugs?.geos).toContain('CL');
    expect(drugs?.geos).toContain('CL-RM');
    expect(drugs?.periods).toEqual([...new Set(expected.map((o) => o.period))].sort());
  });

  it('filters by role and answers one indicator by id', async () => {
    const { body } = await json<List<{ role: string }>>('/v1/indicators?role=outcome');
    expect(body.data.length).toBeGreaterThan(0);
    expect(body.data.every((i) => i.role === 'outcome')).toBe(true);
    const one = await json<{ data: { id: string; name: { es: string; en: string } } }>(
      '/v1/indicators/mt0.arrests',
    );
    expect(one.body.data.name).toEqual(indicators.get('mt0.arrests')?.name);
  });
});

describe('GET /v1/sources', () => {
  it('counts the records citing each source', async () => {
    const { body } = await json<List<{ id: string; records: number }>>('/v1/sources');
    const pdi = body.data.find((s) => s.id === 'pdi.via.insightcrime.2022');
    const expected = [
      ...dataset.observations,
      ...dataset.changes,
      ...dataset.statements,
      ...dataset.events,
    ].filter((r) => r.source === 'pdi.via.insightcrime.2022').length;
    expect(pdi?.records).toBe(expected);
    const one = await app.request('/v1/sources/pdi.via.insightcrime.2022');
    expect(one.status).toBe(200);
    expect((await app.request('/v1/sources/nope')).status).toBe(404);
  });
});

describe('GET /v1/observations', () => {
  it('leaves out grade C unless asked', async () => {
    const ab = await json<List<{ confidence: string }>>('/v1/observations?indicator=mt0.arrests');
    expect(ab.body.data.every((o) => o.confidence !== 'C')).toBe(true);
    const abc = await json<List<{ id: string }>>('/v1/observations?indicator=mt0.arrests&confidence=A,B,C');
    expect(abc.body.data.map((o) => o.id)).toContain('mt0.arrests:CL:2021:pdi.via.insightcrime.2022');
    expect(abc.body.meta.total).toBe(
      dataset.observations.filter((o) => o.indicator === 'mt0.arrests').length,
    );
  });

  it('takes several indicators, comma-separated or repeated, in the same order', async () => {
    const a = await json<List<{ id: string }>>(
      '/v1/observations?indicator=cead.cases.trafficking,cead.cases.drugs&geo=CL',
    );
    const b = await json<List<{ id: string }>>(
      '/v1/observations?indicator=cead.cases.drugs&indicator=cead.cases.trafficking&geo=CL',
    );
    expect(a.body.data).toEqual(b.body.data);
    const expected = observations.filter(
      (o) =>
        (o.indicator === 'cead.cases.drugs' || o.indicator === 'cead.cases.trafficking') && o.geo === 'CL',
    );
    expect(a.body.data.map((o) => o.id)).toEqual(expected.map((o) => o.id));
  });

  it('filters by period range, inclusive', async () => {
    const { body } = await json<List<{ period: string }>>(
      '/v1/observations?indicator=cead.cases.drugs&geo=CL&from=2015&to=2019',
    );
    expect(body.data.map((o) => o.period)).toEqual(['2015', '2016', '2017', '2018', '2019']);
    const bad = await app.request('/v1/observations?from=2019&to=2015');
    expect(bad.status).toBe(400);
    const body2 = (await bad.json()) as { invalidParams: { name: string }[] };
    expect(body2.invalidParams.map((p) => p.name)).toEqual(['from', 'to']);
  });

  it('pages with limit and an opaque cursor until links.next is null', async () => {
    // 272 records (17 geographies × 16 years): one page at the largest size, 3 at 100.
    const all = await json<List<{ id: string }>>('/v1/observations?indicator=cead.cases.drugs&limit=500');
    expect(all.body.links.next).toBeNull();
    const seen: string[] = [];
    let next: string | null = '/v1/observations?indicator=cead.cases.drugs&limit=100';
    let pages = 0;
    while (next) {
      const page: { body: List<{ id: string }> } = await json<List<{ id: string }>>(next);
      seen.push(...page.body.data.map((o) => o.id));
      expect(page.body.meta.total).toBe(all.body.meta.total);
      next = page.body.links.next;
      pages++;
    }
    expect(pages).toBe(Math.ceil(all.body.meta.total / 100));
    expect(seen).toEqual(all.body.data.map((o) => o.id));
  });

  it('bounds the page size and says where the whole table is', async () => {
    const first = await json<List<unknown>>('/v1/observations?confidence=A,B,C');
    expect(first.body.meta.count).toBe(100); // the default page
    const res = await app.request('/v1/observations?confidence=A,B,C&limit=10000');
    expect(res.status).toBe(400);
    const body = (await res.json()) as { detail: string; invalidParams: { name: string; reason: string }[] };
    expect(body.invalidParams[0]?.name).toBe('limit');
    expect(body.detail).toContain('from 1 to 500');
    expect(body.detail).toContain('/v1/downloads/observations.csv');
  });

  it('gives the same self and next links whatever the order of the parameters', async () => {
    const a = await json<List<unknown>>('/v1/observations?limit=5&indicator=cead.cases.drugs');
    const b = await json<List<unknown>>('/v1/observations?indicator=cead.cases.drugs&limit=5');
    expect(a.body.links).toEqual(b.body.links);
    expect(a.body.links.self).toBe('/v1/observations?indicator=cead.cases.drugs&limit=5');
    expect(a.body.links.next).toMatch(
      /^\/v1\/observations\?cursor=[\w-]+&indicator=cead\.cases\.drugs&limit=5$/,
    );
  });

  it('refuses a cursor from another query', async () => {
    const first = await json<List<unknown>>('/v1/observations?indicator=cead.cases.drugs&limit=10');
    const cursor = new URL(first.body.links.next ?? '', 'http://x').searchParams.get('cursor');
    const res = await app.request(`/v1/observations?indicator=ine.population&limit=10&cursor=${cursor}`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { invalidParams: { name: string }[] }).invalidParams[0]?.name).toBe(
      'cursor',
    );
    expect((await app.request('/v1/observations?cursor=%%%')).status).toBe(400);
  });

  it('names an unknown indicator, geography or grade', async () => {
    for (const [q, name] of [
      ['indicator=mt0.arrest', 'indicator'],
      ['geo=XX', 'geo'],
      ['geo=99', 'geo'],
      ['confidence=D', 'confidence'],
      ['source=nobody', 'source'],
      ['indicator=', 'indicator'],
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['from=2020-13', 'from'],
      ['format=xml', 'format'],
    ]) {
      const res = await app.request(`/v1/observations?${q}`);
      expect(res.status, q).toBe(400);
      const body = (await res.json()) as { invalidParams: { name: string }[] };
      expect(
        body.invalidParams.map((p) => p.name),
        q,
      ).toContain(name);
    }
  });

  it('writes RFC 4180 CSV that round-trips quotes, commas and newlines', async () => {
    const res = await app.request('/v1/observations.csv?indicator=mt0.arrests&confidence=A,B,C');
    expect(res.headers.get('content-disposition')).toBe(
      `attachment; filename="mt0-observations-mt0.arrests-v${dataset.meta.version}.csv"`,
    );
    const rows = parseCsv(await res.text());
    const [header, ...data] = rows;
    expect(header?.slice(0, 5)).toEqual(['id', 'indicator', 'geo', 'period', 'value']);
    const expected = observations.filter((o) => o.indicator === 'mt0.arrests');
    expect(data.map((r) => r[0])).toEqual(expected.map((o) => o.id));
    const quoteCol = header?.indexOf('quote') ?? -1;
    expect(data.map((r) => r[quoteCol])).toEqual(expected.map((o) => o.quote));
    expect(data.every((r) => r.length === header?.length)).toBe(true);
  });

  it('gives a "more than" figure an open upper end: high null in JSON, an empty high cell and open_end "high" in CSV', async () => {
    // "más de 2.300 operativos" (SPD via El Heraldo, 2024): a floor of 2,300 and no ceiling (policy 1.2).
    const id = 'spd.denuncia_seguro.pdi_operations:CL:2021-01/2024-05:spd.via.elheraldo.2024';
    const q = 'indicator=spd.denuncia_seguro.pdi_operations&confidence=A,B,C';
    const { body } = await json<List<{ id: string; low: number | null; high: number | null }>>(
      `/v1/observations?${q}`,
    );
    expect(body.data.map((o) => [o.id, o.low, o.high])).toEqual([[id, 2300, null]]);
    const [header, row] = parseCsv(await (await app.request(`/v1/observations.csv?${q}`)).text());
    const cell = (name: string) => row?.[header?.indexOf(name) ?? -1];
    expect([cell('value'), cell('qualifier'), cell('low'), cell('high'), cell('open_end')]).toEqual([
      '2300',
      'more_than',
      '2300',
      '',
      'high',
    ]);
    // A bounded figure says nothing in open_end.
    const arrests = parseCsv(await (await app.request('/v1/observations.csv?indicator=mt0.arrests')).text());
    const col = arrests[0]?.indexOf('open_end') ?? -1;
    expect(new Set(arrests.slice(1).map((r) => r[col]))).toEqual(new Set(['']));
  });

  it("says which record a converted figure came from, and gives it that record's interval in proportion", async () => {
    // "casi 300.000 plantas, equivalentes a 162 millones de dosis": [0.9, 1] × 162,000,000.
    const { body } = await json<List<{ low: number; high: number; qualifier: string; derivedFrom?: string }>>(
      '/v1/observations?indicator=pdi.seizures.cannabis_plants_doses',
    );
    expect(body.data.map((o) => [o.qualifier, o.low, o.high, o.derivedFrom])).toEqual([
      ['exact', 145800000, 162000000, 'pdi.seizures.cannabis_plants:CL:2021:pdi.via.seguridadpublica.2022'],
    ]);
  });

  it('prefers JSON for a browser Accept and CSV only when it ranks at least as high', async () => {
    const browser = await app.request('/v1/events', {
      headers: { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    expect(browser.headers.get('content-type')).toContain('application/json');
    const lower = await app.request('/v1/events', {
      headers: { Accept: 'application/json, text/csv;q=0.5' },
    });
    expect(lower.headers.get('content-type')).toContain('application/json');
    const csv = await app.request('/v1/events', { headers: { Accept: 'text/csv, application/json;q=0.9' } });
    expect(csv.headers.get('content-type')).toContain('text/csv');
  });
});

describe('GET /v1/changes, /v1/statements, /v1/events', () => {
  it('changes carry their span, percent, interval, source and quote', async () => {
    const { body } = await json<List<Record<string, unknown>>>('/v1/changes?indicator=fiscalia.street_sales');
    expect(body.data).toHaveLength(1);
    expect(body.data[0]).toMatchObject({
      from: '2015',
      to: '2019',
      percent: 62,
      low: 62,
      high: 62,
      qualifier: 'exact',
    });
    expect(body.data[0]?.quote).toContain('62 percent');
  });

  it('statements expand their evidence into the records', async () => {
    const { body } =
      await json<List<{ id: string; evidence: { id: string; kind: string; record: { id: string } }[] }>>(
        '/v1/statements',
      );
    const s = body.data.find((x) => x.id === 'sepulveda.stockpiling');
    expect(s?.evidence.map((e) => [e.kind, e.record.id])).toEqual([
      ['change', 'mt0.seizures:CL:2020/2021:pdi.via.insightcrime.2022'],
      ['change', 'fiscalia.street_sales:CL:2015/2019:fiscalia.via.insightcrime.2022'],
    ]);
    expect((await app.request('/v1/statements/sepulveda.stockpiling')).status).toBe(200);
    const csv = await (await app.request('/v1/statements.csv')).text();
    expect(csv).toContain('mt0.seizures:CL:2020/2021:pdi.via.insightcrime.2022;fiscalia.street_sales');
  });

  it('events mark series breaks', async () => {
    const { body } = await json<List<{ id: string }>>('/v1/events?breaksSeries=true');
    expect(body.data.map((e) => e.id)).toContain('cead.reclassification.2025');
    expect(body.data.map((e) => e.id)).not.toContain('mt0.launch');
    const one = await json<{ data: { breaksSeries: boolean } }>('/v1/events/cead.reclassification.2025');
    expect(one.body.data.breaksSeries).toBe(true);
  });
});

describe('versioned URLs and caching', () => {
  it('?v= of the current release is immutable; another release is a 404 problem', async () => {
    const pinned = await app.request(`/v1/observations?indicator=mt0.arrests&v=${dataset.meta.version}`);
    expect(pinned.status).toBe(200);
    expect(pinned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const current = await app.request('/v1/observations?indicator=mt0.arrests');
    expect(current.headers.get('cache-control')).toMatch(/^public, max-age=3600/);
    const other = await app.request('/v1/observations?indicator=mt0.arrests&v=9.9.9');
    expect(other.status).toBe(404);
    expect(((await other.json()) as { type: string }).type).toBe('/docs#problem-version-not-available');
    expect((await app.request('/v1?v=latest')).status).toBe(400);
  });

  it('JSON and CSV of one URL have different strong ETags', async () => {
    const a = await app.request('/v1/events');
    const b = await app.request('/v1/events', { headers: { Accept: 'text/csv' } });
    expect(a.headers.get('etag')).not.toBe(b.headers.get('etag'));
    expect(a.headers.get('etag')?.startsWith('"')).toBe(true);
    expect(a.headers.get('etag')).toContain(dataset.meta.contentHash.slice(0, 32));
  });

  it('HEAD answers the headers without a body; OPTIONS is a CORS preflight', async () => {
    const head = await app.request('/v1/indicators', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const pre = await app.request('/v1/observations', {
      method: 'OPTIONS',
      headers: { Origin: 'null', 'Access-Control-Request-Method': 'GET' },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('*');
    expect(pre.headers.get('access-control-allow-methods')).toContain('GET');
  });

  it('unknown paths are 404 problems; a .csv suffix works only on collections', async () => {
    expect((await app.request('/v2/observations')).status).toBe(404);
    expect((await app.request('/v1/metrics/change.csv')).status).toBe(404);
    expect((await app.request('/v1/indicators/mt0.arrests.csv')).status).toBe(404);
  });
});
