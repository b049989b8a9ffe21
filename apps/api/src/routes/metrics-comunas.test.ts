import { describe, expect, it } from 'vitest';
import { app } from '../app.js';

interface Result {
  value: number;
  unit: string;
  formula: string;
  inputs: { id: string; geo: string; period: string; value: number }[];
  warnings: { code: string; message: string }[];
}
interface Problem {
  type: string;
  invalidParams: { name: string; reason: string }[];
}

async function get<T>(path: string): Promise<{ status: number; body: T }> {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as T };
}

describe('metrics over comuna series and months (the store through core’s registry)', () => {
  it("gives Calama's 2018 microtrafficking rate per 100,000 from its INE population", async () => {
    const { status, body } = await get<Result>(
      '/v1/metrics/rate?count=cead.cases.microtrafficking@2018&geo=calama',
    );
    expect(status).toBe(200);
    // 85 / 177642 × 100000 = 47.849…
    expect(body.value).toBeCloseTo(47.849, 3);
    expect(body.inputs.map((i) => [i.geo, i.period, i.value])).toEqual([
      ['CL-02201', '2018', 85],
      ['CL-02201', '2018', 177642],
    ]);
    expect(body.warnings).toEqual([]);
  });

  it('changes month to month with a small-count warning under 20 cases', async () => {
    const { status, body } = await get<Result>(
      '/v1/metrics/change?from=cead.cases.drugs@2019-01&to=cead.cases.drugs@2019-02&geo=2201',
    );
    expect(status).toBe(200);
    // (13 − 21) / 21 × 100 = −38.095…
    expect(body.value).toBeCloseTo(-38.095, 3);
    expect(body.warnings.map((w) => w.code)).toEqual(['small_count']);
    expect(body.warnings[0]?.message).toContain('Only 13 cases in "to"');
  });

  it('indexes a comuna series to a base year', async () => {
    const { body } = await get<Result>(
      '/v1/metrics/index?indicator=cead.cases.microtrafficking&base=2018&at=2024&geo=CL-02201',
    );
    // 135 / 85 × 100 = 158.82…
    expect(body.value).toBeCloseTo(158.82, 2);
  });

  it('keeps the guards: a series break, a month against a year', async () => {
    const crossing = await get<Problem>(
      '/v1/metrics/change?from=cead.cases.drugs@2024&to=cead.cases.drugs@2025&geo=calama',
    );
    expect(crossing.status).toBe(422);
    expect(crossing.body.type).toBe('/docs#problem-series-break');
    const shapes = await get<Problem>(
      '/v1/metrics/change?from=cead.cases.drugs@2019-01&to=cead.cases.drugs@2020&geo=calama',
    );
    expect(shapes.status).toBe(422);
    expect(shapes.body.type).toBe('/docs#problem-incompatible-periods');
  });

  it("reads a region's months from the store and leaves its yearly records to the dataset", async () => {
    const month = await get<Result>(
      '/v1/metrics/change?from=cead.cases.drugs@2019-02&to=cead.cases.drugs@2019-03&geo=CL-AN',
    );
    expect(month.status).toBe(200);
    expect(month.body.inputs.map((i) => i.period)).toEqual(['2019-02', '2019-03']);
    // A month has no population of its own (INE's are yearly): no rate of a month, said as a 422.
    const rate = await get<Problem>('/v1/metrics/rate?count=cead.cases.drugs@2019-03&geo=CL-AN');
    expect(rate.status).toBe(422);
    const year = await get<Result>('/v1/metrics/rate?count=cead.cases.drugs@2019&geo=CL-AN');
    // The dataset's regional record (810 cases, the regional table's row), not a second copy.
    expect(year.body.inputs[0]).toMatchObject({
      id: 'cead.cases.drugs:CL-AN:2019:cead.casos_policiales.extract2026',
      value: 810,
    });
  });
});
