import { compareText } from '@mt0/core/format';
import { compare } from '@mt0/core/metrics';
import { compareInputOf, select } from '@mt0/core/select';
import { describe, expect, it } from 'vitest';
import { app } from '../app.js';
import { changesById, dataset, indicators, observationsById, observationsByKey } from '../lib/data.js';

const PDI = 'pdi.via.insightcrime.2022';
const FISCALIA = 'fiscalia.via.insightcrime.2022';
const SEIZURES = `mt0.seizures:CL:2020/2021:${PDI}`;
const CANNABIS = `mt0.seizures.cannabis:CL:2020/2021:${PDI}`;
const STREET = `fiscalia.street_sales:CL:2015/2019:${FISCALIA}`;
const CONVICTIONS = `fiscalia.convictions.microtrafficking:CL:2015/2019:${FISCALIA}`;
const ARRESTS_2020 = `mt0.arrests:CL:2020:${PDI}`;
const ARRESTS_2021 = `mt0.arrests:CL:2021:${PDI}`;
const HOTLINE = `mt0.arrests.hotline_share:CL:2022:${PDI}`;

interface Metric {
  metric: string;
  value: number | null;
  low: number | null;
  high: number | null;
  unit: string;
  formula: string;
  inputs: { id: string; value: number; low: number; high: number }[];
  [k: string]: unknown;
}

async function metric(path: string): Promise<Metric> {
  const res = await app.request(path);
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Metric;
}

async function problem(path: string) {
  const res = await app.request(path);
  expect(res.headers.get('content-type')).toBe('application/problem+json');
  return {
    status: res.status,
    body: (await res.json()) as Record<string, unknown> & { type: string; detail: string },
  };
}

/** The one observation for indicator, geo and period (the CEAD tables have one source). */
function level(indicator: string, geo: string, period: string) {
  const [o, ...rest] = observationsByKey.get(`${indicator}|${geo}|${period}`) ?? [];
  if (!o || rest.length) throw new Error(`expected one ${indicator} ${geo} ${period}`);
  return o;
}

describe('GET /v1/metrics/annualized: every seed figure per year', () => {
  it('annualized() of +150 % over one year (seizures 2020→2021) is 150 % a year', async () => {
    // ((1 + 150/100)^(1/1) − 1) × 100 = 150
    const m = await metric(`/v1/metrics/annualized?change=${SEIZURES}`);
    expect(m.value).toBeCloseTo(150, 9);
    expect(m.years).toBe(1);
    expect(m.unit).toBe('percent a year');
    expect(m.inputs.map((i) => i.id)).toEqual([SEIZURES]);
    expect(m.formula).toContain('((1 + 150/100)^(1/1) − 1) × 100 = 150 % a year');
  });

  it('annualized() of +207 % over one year (cannabis 2020→2021) is 207 % a year', async () => {
    // ((1 + 207/100)^(1/1) − 1) × 100 = 207
    const m = await metric(`/v1/metrics/annualized?change=${CANNABIS}`);
    expect(m.value).toBeCloseTo(207, 9);
  });

  it('annualized() of +62 % over four years (street sales 2015→2019) is 12.82 % a year', async () => {
    // (1.62^(1/4) − 1) × 100: 1.62^0.25 = 1.128181… → 12.8181…
    const m = await metric(`/v1/metrics/annualized?change=${STREET}`);
    expect(m.value).toBeCloseTo((1.62 ** 0.25 - 1) * 100, 9);
    expect(m.value).toBeCloseTo(12.8181, 4);
    expect(m.years).toBe(4);
    expect(m.formula).toContain('((1 + 62/100)^(1/4) − 1) × 100 = 12.8181 % a year');
  });

  it('annualized() of +18 % over four years (convictions 2015→2019) is 4.22 % a year', async () => {
    // (1.18^(1/4) − 1) × 100: 1.18^0.25 = 1.042247… → 4.2247…
    const m = await metric(`/v1/metrics/annualized?change=${CONVICTIONS}`);
    expect(m.value).toBeCloseTo(4.2247, 4);
  });

  it('accepts the indicator alone when it has one change for the geography', async () => {
    const m = await metric('/v1/metrics/annualized?change=fiscalia.street_sales');
    expect(m.inputs[0]?.id).toBe(STREET);
    const m2 = await metric('/v1/metrics/annualized?change=fiscalia.street_sales@2015/2019');
    expect(m2.value).toBe(m.value);
  });

  it('annualizes the change between two levels given as from and to', async () => {
    const a = level('cead.cases.drugs', 'CL', '2015');
    const b = level('cead.cases.drugs', 'CL', '2019');
    // ((b / a)^(1/4) − 1) × 100, four years from 2015 to 2019
    const m = await metric('/v1/metrics/annualized?from=cead.cases.drugs@2015&to=cead.cases.drugs@2019');
    expect(m.value).toBeCloseTo(((b.value / a.value) ** (1 / 4) - 1) * 100, 9);
    expect(m.inputs.map((i) => i.id)).toEqual([a.id, b.id]);
  });

  it('refuses change together with from/to, and neither', async () => {
    const both = await problem(`/v1/metrics/annualized?change=${STREET}&from=cead.cases.drugs@2015`);
    expect(both.status).toBe(400);
    const none = await problem('/v1/metrics/annualized');
    expect(none.status).toBe(400);
    expect(none.body.invalidParams).toEqual([{ name: 'change', reason: 'is required' }]);
  });
});

describe('GET /v1/metrics/implied', () => {
  it('the hotline share (roughly a third) of 2,681 arrests in 2020 is the interval [0.3·2681, 0.3667·2681]', async () => {
    const m = await metric(`/v1/metrics/implied?share=${HOTLINE}&total=${ARRESTS_2020}&allowUndated=true`);
    // value: (1/3) × 2681 = 893.666…; "roughly" → the policy's ±10 %: share in [0.3, 0.36667]
    // low: 0.3 × 2681 = 804.3; high: (1/3 × 1.1) × 2681 = 0.366667 × 2681 = 983.0333…
    expect(m.value).toBeCloseTo(893.6667, 4);
    expect(m.low).toBeCloseTo(804.3, 9);
    expect(m.high).toBeCloseTo(983.0333, 4);
    expect(m.unit).toBe(indicators.get('mt0.arrests')?.unit);
    expect(m.inputs.map((i) => i.id)).toEqual([HOTLINE, ARRESTS_2020]);
    expect(m.formula).toBe(
      "share × total = 0.333333 × 2681 = 893.667; with the share's interval: [0.3, 0.366667] × 2681 = [804.3, 983.033]",
    );
  });

  const COCAINE_2015 = 'pdi.seizures.cocaine_hcl:CL:2015:pdi.via.latercera.2017';
  const COCAINE_2016 = 'pdi.seizures.cocaine_hcl:CL:2016:pdi.via.latercera.2017';
  const COCAINE_CHANGE = 'pdi.seizures.cocaine_hcl:CL:2015/2016:pdi.via.cooperativa.2017';

  it('the level at the end of a change: 2,585 kg in 2015 and +29 % (rounded) give 3,321.7–3,347.6 kg in 2016', async () => {
    const m = await metric(`/v1/metrics/implied?level=${COCAINE_2015}&change=${COCAINE_CHANGE}`);
    // 2585 × (1 + 29/100) = 2585 × 1.29 = 3334.65 (La Tercera reports 3,340: the +29 % is rounded).
    // The rounding is carried: 29 % is [28.5, 29.5], so 2585 × 1.285 = 3321.725 to 2585 × 1.295 = 3347.575
    // (in binary 3321.72499… and 3347.57499…, which the formula prints to six digits).
    expect(m.value).toBeCloseTo(3334.65, 9);
    expect(m.low).toBeCloseTo(3321.725, 9);
    expect(m.high).toBeCloseTo(3347.575, 9);
    expect(m.period).toBe('2016');
    expect(m.unit).toBe('kg');
    expect(m.inputs.map((i) => i.id)).toEqual([COCAINE_2015, COCAINE_CHANGE]);
    expect(m.formula).toBe(
      "level × (1 + p/100) = 2585 × (1 + 29/100) = 3334.65 in 2016; p in [28.5, 29.5] (29 % as its source rounded it: ±0.5); interval from the inputs' bounds: [3321.72, 3347.57]",
    );
  });

  it('the level at the start of a change: 3,340 kg in 2016 and +29 % give 2,589.15 kg in 2015', async () => {
    const m = await metric(`/v1/metrics/implied?level=${COCAINE_2016}&change=${COCAINE_CHANGE}`);
    // 3340 / 1.29 = 2589.1473…
    expect(m.value).toBeCloseTo(2589.1473, 4);
    expect(m.period).toBe('2015');
  });

  it('refuses a level that is not at either end of the change, and mixed or missing pairs', async () => {
    const off = await problem(`/v1/metrics/implied?level=${ARRESTS_2020}&change=${COCAINE_CHANGE}`);
    expect(off.status).toBe(422);
    const mixed = await problem(`/v1/metrics/implied?share=${HOTLINE}&change=${COCAINE_CHANGE}`);
    expect(mixed.status).toBe(400);
    expect(mixed.body.invalidParams).toEqual([
      { name: 'share', reason: 'cannot be combined with the other pair' },
      { name: 'change', reason: 'cannot be combined with the other pair' },
    ]);
    const half = await problem(`/v1/metrics/implied?level=${COCAINE_2015}`);
    expect(half.status).toBe(400);
    expect(half.body.invalidParams).toEqual([{ name: 'change', reason: 'is required with "level"' }]);
    const none = await problem('/v1/metrics/implied');
    expect(none.status).toBe(400);
  });

  it('refuses a "share" that is not measured as a share (422)', async () => {
    const p = await problem(`/v1/metrics/implied?share=${ARRESTS_2020}&total=${ARRESTS_2020}`);
    expect(p.status).toBe(422);
    expect(p.body.type).toBe('/docs#problem-incompatible-units');
  });
});

describe('GET /v1/metrics/change', () => {
  it('percent and absolute change between two CEAD levels', async () => {
    const a = level('cead.cases.drugs', 'CL', '2015');
    const b = level('cead.cases.drugs', 'CL', '2019');
    const m = await metric('/v1/metrics/change?from=cead.cases.drugs@2015&to=cead.cases.drugs@2019');
    // (b − a) / a × 100, and b − a in cases
    expect(m.value).toBeCloseTo(((b.value - a.value) / a.value) * 100, 9);
    expect((m.absolute as { value: number }).value).toBe(b.value - a.value);
    expect(m.formula).toContain(`(${b.value} − ${a.value}) / ${a.value} × 100`);
  });

  it('leaves out grade C records unless asked, and then carries their interval', async () => {
    const p = await problem(`/v1/metrics/change?from=${ARRESTS_2020}&to=${ARRESTS_2021}`);
    expect(p.status).toBe(422);
    expect(p.body.type).toBe('/docs#problem-confidence-excluded');
    expect(p.body.detail).toContain('confidence=A,B,C');
    const m = await metric(`/v1/metrics/change?from=${ARRESTS_2020}&to=${ARRESTS_2021}&confidence=A,B,C`);
    const c = observationsById.get(ARRESTS_2021);
    // 2021 is "nearly the same number" as 2,681, two-sided (policy 1.1): [0.9 × 2681, 1.1 × 2681] = [2412.9, 2949.1]
    // change: (2681 − 2681)/2681 = 0; low: (2412.9 − 2681)/2681 × 100 = −10; high: (2949.1 − 2681)/2681 × 100 = +10
    expect(c?.low).toBeCloseTo(2412.9, 9);
    expect(m.value).toBe(0);
    expect(m.low).toBeCloseTo(-10, 9);
    expect(m.high).toBeCloseTo(10, 9);
  });

  it('refuses levels of two different indicators (422)', async () => {
    const p = await problem('/v1/metrics/change?from=cead.cases.drugs@2019&to=ine.population@2019');
    expect(p.status).toBe(422);
  });

  it('names the parameter when a selection matches nothing, or when a ref is malformed', async () => {
    const p = await problem('/v1/metrics/change?from=cead.cases.drugs@1901&to=cead.cases.drugs@2019');
    expect(p.status).toBe(404);
    expect(p.body.invalidParams).toEqual([
      { name: 'from', reason: 'no record for cead.cases.drugs in CL for 1901' },
    ]);
    const q = await problem('/v1/metrics/change?from=cead.cases.drugs&to=cead.cases.drugs@2019');
    expect(q.status).toBe(400);
    expect(q.body.invalidParams).toMatchObject([{ name: 'from' }]);
  });
});

describe('GET /v1/metrics/share, rate, index', () => {
  it('share of microtrafficking in drug cases, 2019', async () => {
    const part = level('cead.cases.microtrafficking', 'CL', '2019');
    const total = level('cead.cases.drugs', 'CL', '2019');
    const m = await metric(
      '/v1/metrics/share?part=cead.cases.microtrafficking@2019&total=cead.cases.drugs@2019',
    );
    // part / total
    expect(m.value).toBeCloseTo(part.value / total.value, 12);
    expect(m.unit).toBe('share');
  });

  it('rate per 100,000 uses INE population of the same geography and period (a CUT alias too)', async () => {
    const count = level('cead.cases.drugs', 'CL-RM', '2019');
    const pop = level('ine.population', 'CL-RM', '2019');
    const m = await metric('/v1/metrics/rate?count=cead.cases.drugs@2019&geo=13');
    // count / population × 100000
    expect(m.value).toBeCloseTo((count.value / pop.value) * 100_000, 9);
    expect(m.inputs.map((i) => i.id)).toEqual([count.id, pop.id]);
    expect(m.unit).toBe('per 100,000 inhabitants');
  });

  it('rate is a 422 problem when INE has no population for that period', async () => {
    // MT-0 arrests over 2014/2016: a span INE has no single population for.
    const q = await problem('/v1/metrics/rate?count=mt0.arrests@2014/2016');
    expect(q.status).toBe(422);
    expect(q.body.detail).toContain('ine.population');
  });

  it('index to a base period', async () => {
    const base = level('cead.cases.drugs', 'CL', '2014');
    const at = level('cead.cases.drugs', 'CL', '2019');
    const m = await metric('/v1/metrics/index?indicator=cead.cases.drugs&base=2014&at=2019');
    // at / base × 100
    expect(m.value).toBeCloseTo((at.value / base.value) * 100, 9);
    const series = m.series as { period: string; value: number }[];
    expect(series.find((p) => p.period === '2014')?.value).toBe(100);
    const p = await problem('/v1/metrics/index?indicator=cead.cases.drugs&base=1999');
    expect(p.status).toBe(404);
    expect(p.body.invalidParams).toMatchObject([{ name: 'base' }]);
  });
});

describe('GET /v1/metrics/prepost', () => {
  it('compares the mean of the years before MT-0 with the years after, within a window', async () => {
    const before = ['2011', '2012', '2013'].map((y) => level('cead.cases.drugs', 'CL', y).value);
    const after = ['2015', '2016', '2017'].map((y) => level('cead.cases.drugs', 'CL', y).value);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const m = await metric('/v1/metrics/prepost?indicator=cead.cases.drugs&event=mt0.launch&window=3');
    // (mean(2015–2017) − mean(2011–2013)) / mean(2011–2013) × 100; 2014 itself is excluded
    expect(m.value).toBeCloseTo(((mean(after) - mean(before)) / mean(before)) * 100, 9);
    expect(m.excluded).toEqual(['2014']);
    expect(m.breaks).toEqual([]);
  });

  it('refuses to straddle the 2025 reclassification without allowBreak=true (422 problem explaining it)', async () => {
    const p = await problem('/v1/metrics/prepost?indicator=cead.cases.drugs');
    expect(p.status).toBe(422);
    expect(p.body.type).toBe('/docs#problem-series-break');
    expect(p.body.breaks).toEqual(['cead.reclassification.2025']);
    expect(p.body.detail).toContain('allowBreak=true');
    const around = await problem(
      '/v1/metrics/prepost?indicator=cead.cases.drugs&event=cead.reclassification.2025',
    );
    expect(around.status).toBe(422);
    const m = await metric('/v1/metrics/prepost?indicator=cead.cases.drugs&allowBreak=true');
    expect(m.breaks).toEqual(['cead.reclassification.2025']);
  });

  it('names an unknown event', async () => {
    const p = await problem('/v1/metrics/prepost?indicator=cead.cases.drugs&event=nope');
    expect(p.status).toBe(404);
    expect(p.body.invalidParams).toMatchObject([{ name: 'event' }]);
  });
});

describe('GET /v1/metrics/compare', () => {
  it('defaults to the seed story and returns the core sentence in es and en', async () => {
    const m = await metric('/v1/metrics/compare');
    expect(m.inputs.map((i) => i.id)).toEqual([SEIZURES, STREET, CONVICTIONS]);
    expect(m.finding).toBe('apart');
    // 2020–2021 against 2015–2019: no overlap, so no headline gap
    expect(m.value).toBeNull();
    expect(m.gapReason).toContain('do not overlap');
    const sel = select(dataset);
    const records = [SEIZURES, STREET, CONVICTIONS].map((id) => changesById.get(id));
    const numbers = compare(records.map((c) => compareInputOf(sel, c as NonNullable<typeof c>)));
    const expected = numbers && compareText(numbers);
    expect(m.sentence).toEqual(expected?.sentence);
    expect(m.text).toBe(expected?.sentence.en);
    expect(m.text).toContain(', a justice-system case count,');
    expect(m.text).not.toContain('rose faster than outcomes');
    const es = await metric('/v1/metrics/compare?lang=es');
    expect(es.text).toBe(expected?.sentence.es);
  });

  it('takes other changes, comma-separated or repeated', async () => {
    const a = await metric(`/v1/metrics/compare?changes=${CANNABIS},${CONVICTIONS}`);
    const b = await metric(`/v1/metrics/compare?changes=${CANNABIS}&changes=${CONVICTIONS}`);
    expect(a.inputs.map((i) => i.id)).toEqual([CANNABIS, CONVICTIONS]);
    expect(b.value).toBe(a.value);
  });
});

describe('GET /v1/metrics and unknown names', () => {
  it('lists the eight metrics; another name is a 404 problem listing them', async () => {
    const res = await app.request('/v1/metrics');
    const body = (await res.json()) as { data: { name: string }[] };
    expect(body.data.map((m) => m.name)).toEqual([
      'change',
      'annualized',
      'implied',
      'share',
      'index',
      'rate',
      'prepost',
      'compare',
    ]);
    const p = await problem('/v1/metrics/median');
    expect(p.status).toBe(404);
    expect(p.body.allowed).toContain('prepost');
  });
});
