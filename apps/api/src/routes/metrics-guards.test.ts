// The metrics' guards as a user meets them: one table of refusals (status, problem type, parameter named,
// reason) and one of acceptances (the seed's derived figures, unchanged). Each row is a real request.
import { describe, expect, it } from 'vitest';
import { app } from '../app.js';

interface Problem {
  type: string;
  detail: string;
  invalidParams: { name: string; reason: string }[];
}

const REFUSALS: [request: string, status: number, type: string, param: string, reason: RegExp][] = [
  [
    'implied?share=mt0.arrests.hotline_share@2022&total=ine.population@2020',
    422,
    'incompatible-units',
    'total',
    /must be mt0\.arrests, the total mt0\.arrests\.hotline_share is a share of/,
  ],
  [
    'share?part=mt0.arrests.hotline_share@2022&total=mt0.arrests@2020',
    422,
    'incompatible-units',
    'part',
    /is in share \(proportion\)/,
  ],
  [
    'share?part=carabineros.seizures.cocaine_hcl@2015&total=carabineros.arrests.drugs@2015',
    422,
    'incompatible-units',
    'total',
    /is in persons \(people or events counted\), not kg \(mass\)/,
  ],
  [
    'share?part=cead.cases.drugs@2019&total=cead.cases.microtrafficking@2019',
    422,
    'incompatible-units',
    'total',
    /is a part of cead\.cases\.drugs/,
  ],
  [
    'rate?count=police.arrests.drugs.possession_share@2014',
    422,
    'incompatible-units',
    'count',
    /percent \(proportion\)/,
  ],
  ['rate?count=carabineros.seizures.total@2015', 422, 'incompatible-units', 'count', /kg \(mass\)/],
  ['rate?count=pdi.seizures.value@2018-01/2018-06', 422, 'incompatible-units', 'count', /clp \(money\)/],
  [
    'rate?count=incsr.seizures.cocaine@2012-01/2012-11',
    422,
    'incompatible-units',
    'count',
    /tonnes \(mass\)/,
  ],
  [
    'change?from=carabineros.seizures.total:CL-MA:2019:laprensaaustral.2023.magallanes&to=carabineros.seizures.total:CL-AN:2015:carabineros.via.mediabanco.2015',
    422,
    'incompatible-places',
    'to',
    /is for CL-AN, not CL-MA/,
  ],
  [
    'change?from=carabineros.seizures.total:CL-MA:2022:laprensaaustral.2023.magallanes&to=carabineros.seizures.total:CL-MA:2019:laprensaaustral.2023.magallanes',
    422,
    'incompatible-periods',
    'to',
    /is not after "from" \(2022\)/,
  ],
  [
    'change?from=carabineros.arrests.drugs@2024&to=carabineros.arrests.drugs@2025-01/2025-09',
    422,
    'incompatible-periods',
    'to',
    /covers 2025-01\/2025-09 \(9 months\), not the 12 months/,
  ],
  [
    'change?from=mt0.arrests@2014/2016&to=mt0.arrests@2020',
    422,
    'incompatible-periods',
    'to',
    /covers 2020 \(12 months\), not the 36 months/,
  ],
  [
    'change?from=cead.cases.drugs@2024&to=cead.cases.drugs@2025',
    422,
    'series-break',
    'to',
    /crosses the series break cead\.reclassification\.2025/,
  ],
  ['index?indicator=cead.cases.drugs&base=2014', 422, 'series-break', 'at', /cead\.reclassification\.2025/],
  [
    'annualized?from=cead.cases.drugs@2019&to=cead.cases.drugs@2025',
    422,
    'series-break',
    'to',
    /cead\.reclassification\.2025/,
  ],
  [
    'annualized?change=carabineros.seizures.total_tonnes:CL:2024/2025-01/2025-09:carabineros.via.puranoticia.2025',
    422,
    'incompatible-periods',
    'change',
    /9 months/,
  ],
  [
    'change?from=carabineros.seizures.total@2015&to=carabineros.seizures.total@2022&geo=CL-MA',
    404,
    'no-matching-record',
    'from',
    /no record for carabineros\.seizures\.total in CL-MA for 2015/,
  ],
  [
    'change?from=prisons.homicides@2021&to=prisons.homicides@2022',
    422,
    'incompatible-periods',
    'to',
    /covers only part of its period/,
  ],
  [
    'implied?share=mt0.arrests.hotline_share@2022&total=mt0.arrests@2020',
    422,
    'undated-period',
    'share',
    /the source gives no period/,
  ],
  [
    'implied?share=police.arrests.drugs.possession_share@2014&total=mt0.arrests@2020',
    422,
    'incompatible-units',
    'total',
    /must be police\.arrests\.drugs/,
  ],
  [
    'index?indicator=senda.prevalence.cannabis&base=2010',
    422,
    'incompatible-units',
    'indicator',
    /proportion/,
  ],
  [
    'change?from=cead.cases.drugs@2019&to=ine.population@2019',
    422,
    'not-computable',
    'to',
    /is ine\.population/,
  ],
];

describe('metrics refuse inputs that do not belong together (422 problem naming the parameter)', () => {
  it.each(REFUSALS)('%s → %i %s naming %s', async (request, status, type, param, reason) => {
    const res = await app.request(`/v1/metrics/${request}`);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    const body = (await res.json()) as Problem;
    expect(body.type).toBe(`/docs#problem-${type}`);
    const named = body.invalidParams.find((p) => p.name === param);
    expect(named, JSON.stringify(body.invalidParams)).toBeDefined();
    expect(named?.reason).toMatch(reason);
  });
});

interface Result {
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  confidence: string;
  warnings: { code: string; event?: string; record?: string }[];
}

async function ok(request: string): Promise<Result> {
  const res = await app.request(`/v1/metrics/${request}`);
  if (res.status !== 200) throw new Error(`${request}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Result;
}

describe('sensible requests give the same numbers as before, with the lowest grade among their inputs', () => {
  it('+62 % over 2015–2019 is 12.82 % a year; +18 % is 4.22 % a year', async () => {
    // (1.62^(1/4) − 1) × 100 = 12.8181; (1.18^(1/4) − 1) × 100 = 4.2247
    const sales = await ok('annualized?change=fiscalia.street_sales');
    expect(sales.value).toBeCloseTo(12.8181, 4);
    expect(sales.confidence).toBe('B');
    expect(sales.warnings).toEqual([]);
    expect((await ok('annualized?change=fiscalia.convictions.microtrafficking')).value).toBeCloseTo(
      4.2247,
      4,
    );
  });

  it('CEAD drug cases in 2017 are 77.05 per 100,000 inhabitants', async () => {
    // 14,192 cases / 18,419,192 inhabitants × 100,000 = 77.0501
    const r = await ok('rate?count=cead.cases.drugs@2017');
    expect(r.value).toBeCloseTo(77.05, 2);
    expect(r.unit).toBe('per 100,000 inhabitants');
  });

  it('the hotline ≈ ⅓ of 2,681 arrests stays computable with allowUndated=true, and says the period is ours', async () => {
    // ⅓ × 2681 = 893.667; [0.3 × 2681, 0.36667 × 2681] = [804.3, 983.03]
    const r = await ok(
      'implied?share=mt0.arrests.hotline_share@2022&total=mt0.arrests@2020&allowUndated=true',
    );
    expect(r.value).toBeCloseTo(893.667, 3);
    expect(r.low).toBeCloseTo(804.3, 9);
    expect(r.high).toBeCloseTo(983.033, 3);
    expect(r.warnings).toMatchObject([
      { code: 'undated', record: 'mt0.arrests.hotline_share:CL:2022:pdi.via.insightcrime.2022' },
    ]);
  });

  it('a change across the 2025 reclassification with allowBreak=true names the break in warnings', async () => {
    const r = await ok('change?from=cead.cases.drugs@2024&to=cead.cases.drugs@2025&allowBreak=true');
    expect(r.warnings).toMatchObject([{ code: 'series_break', event: 'cead.reclassification.2025' }]);
    const i = await ok('index?indicator=cead.cases.drugs&base=2014&allowBreak=true');
    expect(i.warnings.map((w) => w.event)).toEqual(['cead.reclassification.2025']);
  });

  it('a change of a percent is in percentage points', async () => {
    // SENDA cannabis last-year prevalence: the difference of two percents, never a percent of a percent
    const r = await ok(
      'change?from=senda.prevalence.cannabis@2018&to=senda.prevalence.cannabis@2020&source=senda.2021.enpg2020',
    );
    // 11.4 − 12.7 = −1.3 percentage points (2018 → 2020)
    expect(r.unit).toBe('percentage points');
    expect(r.value).toBeCloseTo(-1.3, 9);
  });

  it('share of microtrafficking in drug cases and the grade C opt-in still work', async () => {
    const s = await ok('share?part=cead.cases.microtrafficking@2019&total=cead.cases.drugs@2019');
    expect(s.unit).toBe('share');
    const c = await ok(
      'change?from=mt0.arrests:CL:2020:pdi.via.insightcrime.2022&to=mt0.arrests:CL:2021:pdi.via.insightcrime.2022&confidence=A,B,C',
    );
    // one input graded C: the result is graded C
    expect(c.confidence).toBe('C');
  });
});
