import { describe, expect, it } from 'vitest';
import { app } from '../app.js';
import { CSV_CHUNK_CHARS, CSV_ROW_CHARS_MAX, type StoreObservation } from '../lib/store-observations.js';

interface List<T> {
  data: T[];
  meta: { count: number; total: number };
  links: { next: string | null };
}
interface Problem {
  invalidParams: { name: string; reason: string }[];
  detail: string;
}

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as T };
}

describe('observations of comunas and months (from the store)', () => {
  it("gives Calama's yearly microtrafficking cases, 2018–2025, as sums of whole years", async () => {
    const { status, body } = await get<List<StoreObservation>>(
      '/v1/observations?indicator=cead.cases.microtrafficking&geo=calama&resolution=year&from=2018&to=2025',
    );
    expect(status).toBe(200);
    // The store's sums of Calama's 12 monthly rows each year (2018: 85 … 2025: 176).
    expect(body.data.map((o) => [o.period, o.value])).toEqual([
      ['2018', 85],
      ['2019', 162],
      ['2020', 156],
      ['2021', 111],
      ['2022', 145],
      ['2023', 141],
      ['2024', 135],
      ['2025', 176],
    ]);
    const first = body.data[0] as StoreObservation;
    expect(first).toMatchObject({
      id: 'cead.cases.microtrafficking:CL-02201:2018:cead.casos_policiales.extract2026',
      geo: 'CL-02201',
      level: 'comuna',
      resolution: 'year',
      months: 12,
      population: 177642,
      source: 'cead.casos_policiales.extract2026',
      via: 'delincuencia_chile.extract2026',
      confidence: 'B',
      vintage: 'B',
    });
    expect(first.periodStatus).toBeUndefined();
    expect(first.derivation).toContain('sum of 12 monthly rows of cead_drugs_comuna_monthly.csv.gz');
  });

  it("gives a comuna's months with the table row each value is", async () => {
    const { body } = await get<List<StoreObservation>>(
      '/v1/observations?indicator=cead.cases.drugs&geo=2201&from=2019-01&to=2019-03',
    );
    expect(body.data.map((o) => [o.period, o.value, o.vintage])).toEqual([
      ['2019-01', 21, 'A'],
      ['2019-02', 13, 'A'],
      ['2019-03', 31, 'A'],
    ]);
    expect(body.data[0]?.row).toBe(
      'cead_drugs_comuna_monthly.csv.gz: the row year=2019, month=1, comuna_code=2201, category=Delitos asociados a drogas',
    );
  });

  it('gives the comunas of a region with level=comuna, each with its own series', async () => {
    const { body } = await get<List<StoreObservation>>(
      '/v1/observations?indicator=cead.cases.drugs&geo=CL-AN&level=comuna&resolution=year&from=2019&to=2019',
    );
    expect(body.data.map((o) => o.geo)).toEqual([
      'CL-02101',
      'CL-02102',
      'CL-02103',
      'CL-02104',
      'CL-02201',
      'CL-02202',
      'CL-02203',
      'CL-02301',
      'CL-02302',
    ]);
    // The region's stored 2019 value (810) is the sum of its 9 comunas'.
    const region = await get<List<StoreObservation>>(
      '/v1/observations?indicator=cead.cases.drugs&geo=CL-AN&resolution=year&from=2019&to=2019',
    );
    expect(region.body.data[0]?.value).toBe(810);
    expect(body.data.reduce((n, o) => n + o.value, 0)).toBe(810);
    expect(region.body.data[0]?.derivation).toContain('the 9 comunas in it');
  });

  it('adds the rate per 100,000 with a small-count warning under 20 cases', async () => {
    const { body } = await get<List<StoreObservation>>(
      '/v1/observations?indicator=cead.cases.drugs&geo=CL-05201,CL-13101&resolution=year&from=2024&to=2024&per100k=true',
    );
    const [small, large] = body.data;
    // 21 / 8872 × 100000 = 236.70… (21 cases: not small); 513 / 544388 × 100000 = 94.23…
    expect(small?.per100k).toBeCloseTo(236.7, 1);
    expect(small?.warnings).toBeUndefined();
    expect(large?.per100k).toBeCloseTo(94.23, 2);
    const month = await get<List<StoreObservation>>(
      '/v1/observations?indicator=cead.cases.drugs&geo=2201&from=2019-02&to=2019-02&per100k=true',
    );
    // 13 cases in February 2019: 13 / 184036 × 100000 = 7.06…, flagged (1.96/√13 = 0.54 → ±54 %)
    expect(month.body.data[0]?.per100k).toBeCloseTo(7.064, 3);
    expect(month.body.data[0]?.warnings?.[0]?.code).toBe('small_count');
    expect(month.body.data[0]?.warnings?.[0]?.message).toContain('±54 %');
  });

  it('marks a year of fewer than 12 months as partial', async () => {
    const { body } = await get<List<StoreObservation>>(
      '/v1/observations?indicator=cead.cases.drugs&geo=CL-02201&resolution=year&from=2019-03&to=2019',
    );
    // A month bound selects the whole year it falls in: 12 months.
    expect(body.data[0]).toMatchObject({ period: '2019', months: 12 });
    expect(body.data[0]?.periodStatus).toBeUndefined();
  });

  it('pages a wide query with a cursor and counts every row', async () => {
    // The 345 comunas CEAD reports × 192 months (2010-01 to 2025-12) of the drug family.
    const first = await get<List<StoreObservation>>(
      '/v1/observations?indicator=cead.cases.drugs&level=comuna&limit=500',
    );
    expect(first.body.meta.total).toBe(345 * 192);
    expect(first.body.data).toHaveLength(500);
    const second = await get<List<StoreObservation>>(first.body.links.next ?? '');
    // Row 500 (from 0) is the third comuna's (500 − 2 × 192 = 116) 117th month: 116 months after
    // 2010-01 is 2019-09. Comunas go by CUT code: 1101 Iquique, 1107 Alto Hospicio, 1401 Pozo Almonte.
    expect(second.body.data[0]).toMatchObject({ geo: 'CL-01401', period: '2019-09' });
    expect(second.body.data).toHaveLength(500);
  });

  it('streams CSV of any filter, every row without a limit', async () => {
    const res = await app.request('/v1/observations.csv?indicator=cead.cases.drugs&level=comuna&geo=CL-AN');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe(
      'id,indicator,geo,level,period,resolution,value,months,period_status,population,per100k,source,via,confidence,vintage,row,derivation,warnings',
    );
    expect(lines).toHaveLength(1 + 9 * 192);
  });

  it('streams a wide filter in chunks of about a quarter of a MiB, never one series per chunk', async () => {
    // Region of Valparaíso (38 comunas) × 192 months: 7,296 rows, some 2 MB of CSV.
    const res = await app.request('/v1/observations.csv?indicator=cead.cases.drugs&level=comuna&geo=CL-VS');
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    const chunks: string[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read())
      chunks.push(decoder.decode(r.value, { stream: true }));
    const lines = chunks.join('').trim().split('\r\n');
    expect(lines).toHaveLength(1 + 38 * 192);
    expect(chunks.length).toBeGreaterThan(1);
    // Every chunk but the last holds at least CSV_CHUNK_CHARS; none more than that plus one series
    // (192 rows of at most a few hundred characters each).
    for (const c of chunks.slice(0, -1)) expect(c.length).toBeGreaterThanOrEqual(CSV_CHUNK_CHARS);
    for (const c of chunks) expect(c.length).toBeLessThan(CSV_CHUNK_CHARS + 192 * CSV_ROW_CHARS_MAX);
  });

  it('writes no row longer than CSV_ROW_CHARS_MAX, rate, derivation and warning included', async () => {
    // Antofagasta's comunas by year with rates: the longest rows (derivations of yearly sums, and
    // small-count warnings where a year has fewer than 20 cases).
    const res = await app.request('/v1/observations.csv?level=comuna&geo=CL-AN&resolution=year&per100k=true');
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines.some((l) => l.includes('Only '))).toBe(true);
    expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(CSV_ROW_CHARS_MAX);
  });

  it('refuses what the store does not hold, naming the parameter', async () => {
    for (const [q, name] of [
      ['indicator=mt0.arrests&geo=calama', 'indicator'],
      ['indicator=ine.population&resolution=month', 'resolution'],
      ['geo=AR&resolution=year', 'geo'],
      ['geo=CL-02201&level=region', 'level'],
      ['resolution=week', 'resolution'],
      ['per100k=yes', 'per100k'],
    ]) {
      const { status, body } = await get<Problem>(`/v1/observations?${q}`);
      expect(status, q).toBe(400);
      expect(
        body.invalidParams.map((p) => p.name),
        q,
      ).toContain(name);
    }
  });
});
