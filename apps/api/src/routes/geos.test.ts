import { describe, expect, it } from 'vitest';
import { app } from '../app.js';
import { dataset } from '../lib/data.js';

interface Place {
  id: string;
  level: string;
  parent?: string;
  cut?: number;
  name: { es: string; en: string };
  match?: string;
  matched?: string;
}
interface List<T> {
  data: T[];
  meta: { count: number; total: number };
}
interface Problem {
  status: number;
  type: string;
  detail: string;
  invalidParams: { name: string; reason: string }[];
  suggestions?: { id: string; name: { es: string } }[];
  allowed?: string[];
}

async function get<T>(path: string): Promise<{ status: number; body: T; type: string | null }> {
  const res = await app.request(path);
  return { status: res.status, type: res.headers.get('content-type'), body: (await res.json()) as T };
}

describe('GET /v1/geos', () => {
  it('lists every place of the dataset in canonical order: countries, regions, comunas', async () => {
    const { status, body } = await get<List<Place>>('/v1/geos');
    expect(status).toBe(200);
    expect(body.data).toHaveLength(dataset.geos.length);
    expect(body.meta.total).toBe(dataset.geos.length);
    expect(body.data[0]?.id).toBe('CL');
    const levels = body.data.map((p) => p.level);
    expect(levels.lastIndexOf('country')).toBeLessThan(levels.indexOf('region'));
    expect(levels.lastIndexOf('region')).toBeLessThan(levels.indexOf('comuna'));
  });

  it('filters by level and by parent given as any alias', async () => {
    const regions = await get<List<Place>>('/v1/geos?level=region');
    expect(regions.body.data).toHaveLength(16);
    // Antofagasta (CUT 2) has 9 comunas; the parent may be its id, its CUT code, its numeral or its
    // name (a region and a comuna bear it, and only the region can be a parent).
    for (const parent of ['CL-AN', 'cl-an', '2', 'Antofagasta', 'II']) {
      const { status, body } = await get<List<Place>>(`/v1/geos?level=comuna&parent=${parent}`);
      expect(status, parent).toBe(200);
      expect(body.data.map((p) => p.id)).toContain('CL-02201');
      expect(body.data, parent).toHaveLength(9);
      expect(body.data.every((p) => p.parent === 'CL-AN')).toBe(true);
    }
    const twoLevels = await get<List<Place>>('/v1/geos?level=country,region&parent=CL');
    expect(twoLevels.body.data).toHaveLength(16);
  });

  it('finds both Valparaísos by name, without regard to accents or case, the region first', async () => {
    for (const q of ['valparaiso', 'Valparaíso', 'VALPARAISO', 'valpo']) {
      const { body } = await get<List<Place>>(`/v1/geos?q=${encodeURIComponent(q)}`);
      expect(
        body.data.slice(0, 2).map((p) => p.id),
        q,
      ).toEqual(['CL-VS', 'CL-05101']);
    }
    const exact = await get<List<Place>>('/v1/geos?q=valparaiso');
    expect(exact.body.data[0]).toMatchObject({ match: 'exact', matched: 'Valparaíso' });
  });

  it('finds a comuna by its CUT code and by a spelling variant', async () => {
    const cut = await get<List<Place>>('/v1/geos?q=5101');
    expect(cut.body.data[0]).toMatchObject({ id: 'CL-05101', match: 'exact' });
    const calama = await get<List<Place>>('/v1/geos?q=calama&level=comuna');
    expect(calama.body.data[0]).toMatchObject({ id: 'CL-02201', match: 'exact' });
    const variant = await get<List<Place>>('/v1/geos?q=coihaique');
    expect(variant.body.data[0]).toMatchObject({ id: 'CL-11101', matched: 'Coihaique' });
  });

  it('limits a search to 20 places by default and says how many matched', async () => {
    // "san" starts 20+ comuna names (San Antonio, San Bernardo, San Carlos, …).
    const { body } = await get<List<Place>>('/v1/geos?q=san');
    expect(body.data).toHaveLength(20);
    expect(body.meta.total).toBeGreaterThan(20);
    const five = await get<List<Place>>('/v1/geos?q=san&limit=5');
    expect(five.body.data).toHaveLength(5);
  });

  it('answers CSV with one row per place', async () => {
    const res = await app.request('/v1/geos.csv?level=comuna&parent=CL-AN');
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trim().split('\r\n');
    expect(lines[0]).toBe('id,level,cut,roman,parent,name_es,name_en,variants,match,matched');
    expect(lines).toHaveLength(1 + 9);
    expect(lines).toContain('CL-02201,comuna,2201,,CL-AN,Calama,Calama,,,');
  });

  it('refuses an unknown level or parent with a problem naming the parameter', async () => {
    const level = await get<Problem>('/v1/geos?level=city');
    expect(level.status).toBe(400);
    expect(level.body.invalidParams[0]?.name).toBe('level');
    const parent = await get<Problem>('/v1/geos?parent=Antofagsta');
    expect(parent.status).toBe(400);
    expect(parent.body.invalidParams[0]?.name).toBe('parent');
    expect(parent.body.suggestions?.[0]?.id).toBe('CL-AN');
  });

  it('serves one place by any alias', async () => {
    for (const alias of ['CL-02201', 'cl-02201', '2201', '02201', 'calama']) {
      const { status, body } = await get<{ data: Place }>(`/v1/geos/${alias}`);
      expect(status, alias).toBe(200);
      expect(body.data).toMatchObject({ id: 'CL-02201', parent: 'CL-AN', cut: 2201 });
    }
  });

  it('answers an unknown or ambiguous place in the path 404, like any unknown id, with a did-you-mean', async () => {
    const typo = await get<Problem>('/v1/geos/calam');
    expect(typo.status).toBe(404);
    expect(typo.body.type).toBe('/docs#problem-not-found');
    expect(typo.body.detail).toContain('did you mean CL-02201 (Calama, comuna)');
    expect(typo.body.suggestions?.[0]?.id).toBe('CL-02201');
    // Two Valparaísos (the region and the comuna): which one is for the reader to say.
    const both = await get<Problem>('/v1/geos/valparaiso');
    expect(both.status).toBe(404);
    expect(both.body.suggestions?.map((s) => s.id).sort()).toEqual(['CL-05101', 'CL-VS']);
    const nothing = await get<Problem>('/v1/geos/%E0%A4%A');
    expect(nothing.status).toBe(404);
  });
});

describe('place parameters', () => {
  it('accept ids in any case and CUT codes as aliases', async () => {
    const a = await get<List<{ geo: string }>>('/v1/observations?indicator=cead.cases.drugs&geo=cl-vs');
    const b = await get<List<{ geo: string }>>('/v1/observations?indicator=cead.cases.drugs&geo=5');
    expect(a.status).toBe(200);
    expect(a.body.data.length).toBeGreaterThan(0);
    expect(a.body.data.every((o) => o.geo === 'CL-VS')).toBe(true);
    expect(b.body.data).toEqual(a.body.data);
  });

  it('answer an unknown place with a did-you-mean, never the list of every place', async () => {
    const { status, type, body } = await get<Problem>('/v1/observations?geo=Calma');
    expect(status).toBe(400);
    expect(type).toMatch(/^application\/problem\+json/);
    expect(body.invalidParams[0]?.name).toBe('geo');
    expect(body.suggestions?.map((s) => s.id)).toEqual(['CL-02201']);
    expect(body.detail).toContain('did you mean CL-02201 (Calama, comuna)');
    expect(body.allowed).toBeUndefined();
    expect((body.suggestions ?? []).length).toBeLessThanOrEqual(5);
  });

  it('answer a name two places bear with both, asking for the id', async () => {
    const { status, body } = await get<Problem>('/v1/observations?geo=valparaiso');
    expect(status).toBe(400);
    expect(body.suggestions?.map((s) => s.id)).toEqual(['CL-VS', 'CL-05101']);
    expect(body.detail).toMatch(/names more than one place/);
  });

  it('work the same way in metrics: an alias resolves, an unknown place gets suggestions', async () => {
    const ok = await get<{ inputs: { geo: string }[] }>(
      '/v1/metrics/rate?count=cead.cases.drugs@2019&geo=cl-rm',
    );
    expect(ok.status).toBe(200);
    expect(ok.body.inputs[0]?.geo).toBe('CL-RM');
    const bad = await get<Problem>('/v1/metrics/rate?count=cead.cases.drugs@2019&geo=Antofagsta');
    expect(bad.status).toBe(400);
    expect(bad.body.invalidParams[0]?.name).toBe('geo');
    expect(bad.body.suggestions?.map((s) => s.id)).toContain('CL-AN');
    expect(bad.body.allowed).toBeUndefined();
  });
});
