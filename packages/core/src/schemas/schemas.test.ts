import { describe, expect, it } from 'vitest';
import {
  datasetMetaSchema,
  eventSchema,
  geoEntrySchema,
  geoSchema,
  indicatorSchema,
  observationSchema,
  reportedChangeSchema,
  sourceSchema,
  statementSchema,
} from './index.js';

const observation = {
  id: 'mt0.arrests:CL:2020:pdi.via.insightcrime.2022',
  indicator: 'mt0.arrests',
  geo: 'CL',
  period: '2020',
  value: 2681,
  qualifier: 'exact',
  low: 2681,
  high: 2681,
  source: 'pdi.via.insightcrime.2022',
  quote: 'reportedly delivering 2,681 arrests in 2020',
  lang: 'en',
  confidence: 'B',
};

const change = {
  id: 'fiscalia.street_sales:CL:2015/2019:fiscalia.via.insightcrime.2022',
  indicator: 'fiscalia.street_sales',
  geo: 'CL',
  from: '2015',
  to: '2019',
  percent: 62,
  qualifier: 'exact',
  low: 62,
  high: 62,
  source: 'fiscalia.via.insightcrime.2022',
  quote: 'street-level drug sales rose sharply by 62 percent between 2015 and 2019',
  lang: 'en',
  confidence: 'B',
};

describe('observationSchema', () => {
  it('accepts a level with its interval, source, quote and grade', () => {
    expect(observationSchema.parse(observation)).toEqual(observation);
  });
  it('accepts month and span periods', () => {
    expect(observationSchema.safeParse({ ...observation, period: '2021-01/2021-09' }).success).toBe(true);
    expect(observationSchema.safeParse({ ...observation, period: '2020-03' }).success).toBe(true);
  });
  it('rejects an interval that does not contain the value', () => {
    expect(observationSchema.safeParse({ ...observation, low: 2700 }).success).toBe(false);
  });
  it('rejects a bad period, geography, grade or an unknown field', () => {
    for (const bad of [
      { period: '2020-13' },
      { period: '2019/2015' },
      { geo: 'Chile' },
      { confidence: 'D' },
      { extra: 1 },
    ])
      expect(observationSchema.safeParse({ ...observation, ...bad }).success, JSON.stringify(bad)).toBe(
        false,
      );
  });
  it('requires a quote', () => {
    expect(observationSchema.safeParse({ ...observation, quote: '' }).success).toBe(false);
  });
});

describe('reportedChangeSchema', () => {
  it('accepts a change as published, with its span', () => {
    expect(reportedChangeSchema.parse(change)).toEqual(change);
  });
  it('rejects a fall beyond −100 % and a percent outside its interval', () => {
    expect(reportedChangeSchema.safeParse({ ...change, percent: -120, low: -120, high: -120 }).success).toBe(
      false,
    );
    expect(reportedChangeSchema.safeParse({ ...change, high: 60 }).success).toBe(false);
  });
});

describe('sourceSchema', () => {
  const source = {
    id: 'insightcrime.2022.mt0',
    publisher: 'InSight Crime',
    title: "Chile's Microtrafficking Zero program: success or failure",
    url: 'https://insightcrime.org/news/chiles-microtrafficking-zero-program-success-or-failure/',
    published: '2022-07',
    language: 'en',
    licence: 'non-commercial use with attribution',
  };
  it('accepts a publication, and a body cited through it (via)', () => {
    expect(sourceSchema.safeParse(source).success).toBe(true);
    expect(
      sourceSchema.safeParse({
        ...source,
        id: 'pdi.via.insightcrime.2022',
        publisher: 'PDI',
        via: 'insightcrime.2022.mt0',
      }).success,
    ).toBe(true);
  });
  it('rejects a malformed url, date or id', () => {
    expect(sourceSchema.safeParse({ ...source, url: 'insightcrime.org' }).success).toBe(false);
    expect(sourceSchema.safeParse({ ...source, published: '13 July 2022' }).success).toBe(false);
    expect(sourceSchema.safeParse({ ...source, id: 'InSight Crime' }).success).toBe(false);
  });
});

describe('indicatorSchema', () => {
  const indicator = {
    id: 'mt0.arrests',
    name: { es: 'Detenciones del MT-0', en: 'MT-0 arrests' },
    description: { es: 'Personas detenidas.', en: 'Persons arrested.' },
    unit: 'persons',
    unitShort: { es: 'detenciones', en: 'arrests' },
    role: 'output',
    roleReason: {
      es: 'Cuenta personas detenidas por la policía.',
      en: 'Counts persons the police detained.',
    },
  };
  it('accepts an indicator named in es and en with a unit and a role', () => {
    expect(indicatorSchema.safeParse(indicator).success).toBe(true);
  });
  it('requires both languages and a known role and unit', () => {
    expect(indicatorSchema.safeParse({ ...indicator, name: { es: 'Detenciones' } }).success).toBe(false);
    expect(indicatorSchema.safeParse({ ...indicator, role: 'result' }).success).toBe(false);
    expect(indicatorSchema.safeParse({ ...indicator, unit: 'people' }).success).toBe(false);
  });
  it('requires the reason for the role, in both languages', () => {
    const { roleReason, ...without } = indicator;
    expect(roleReason.en.length).toBeGreaterThan(0);
    expect(indicatorSchema.safeParse(without).success).toBe(false);
    expect(indicatorSchema.safeParse({ ...indicator, roleReason: { es: 'x' } }).success).toBe(false);
  });
});

describe('statementSchema and eventSchema', () => {
  it('accept a statement with who, when, words and evidence', () => {
    const statement = {
      id: 'sepulveda.stockpiling',
      who: { name: 'Cristian Sepúlveda', role: 'PDI Commissioner', organisation: 'PDI' },
      date: '2022-07',
      claim: 'A lot of drugs have been found stored and stockpiled for distribution.',
      lang: 'en',
      source: 'insightcrime.2022.mt0',
      indicators: ['mt0.seizures'],
      evidence: [change.id],
    };
    expect(statementSchema.safeParse(statement).success).toBe(true);
    expect(statementSchema.safeParse({ ...statement, indicators: [] }).success).toBe(false);
  });
  it('accept an event that breaks a series', () => {
    const event = {
      id: 'cead.reclassification.2025',
      date: '2025',
      kind: 'reclassification',
      title: { es: 'a', en: 'b' },
      description: { es: 'a', en: 'b' },
      geo: ['CL'],
      breaksSeries: true,
      indicators: ['cead.cases.drugs'],
      source: 'cead.extract2026.readme',
      quote: 'cambiaron las clasificaciones de delito',
      lang: 'es',
    };
    expect(eventSchema.safeParse(event).success).toBe(true);
    expect(eventSchema.safeParse({ ...event, kind: 'scandal' }).success).toBe(false);
  });
});

describe('geoEntrySchema and datasetMetaSchema', () => {
  it('accept a region with its CUT alias', () => {
    expect(
      geoEntrySchema.safeParse({
        id: 'CL-RM',
        level: 'region',
        cut: 13,
        name: { es: 'Metropolitana', en: 'Santiago' },
      }).success,
    ).toBe(true);
  });
  it('accept a comuna with its CUT code, parent region and spelling variants', () => {
    const comuna = {
      id: 'CL-11101',
      level: 'comuna',
      cut: 11101,
      parent: 'CL-AI',
      name: { es: 'Coyhaique', en: 'Coyhaique' },
      variants: ['Coihaique'],
    };
    expect(geoEntrySchema.safeParse(comuna).success).toBe(true);
    expect(geoEntrySchema.safeParse({ ...comuna, level: 'province' }).success).toBe(false);
    expect(geoEntrySchema.safeParse({ ...comuna, variants: [''] }).success).toBe(false);
  });
  it.each(['CL', 'AR', 'CL-RM', 'CL-05101'])('geoSchema accepts %s', (id) => {
    expect(geoSchema.safeParse(id).success).toBe(true);
  });
  it.each(['cl', 'CL-5101', 'CL-051011', 'CL-R', 'CL-rm', 'CL-05101 '])('geoSchema rejects %j', (id) => {
    expect(geoSchema.safeParse(id).success).toBe(false);
  });
  it('require a semantic version and a sha256 content hash', () => {
    const meta = {
      name: 'x',
      version: '0.1.0',
      licence: 'l',
      citation: 'c',
      qualifierPolicy: '1.0.0',
      contentHash: 'a'.repeat(64),
      builtFrom: 'data',
    };
    expect(datasetMetaSchema.safeParse(meta).success).toBe(true);
    expect(datasetMetaSchema.safeParse({ ...meta, version: 'v1' }).success).toBe(false);
    expect(datasetMetaSchema.safeParse({ ...meta, contentHash: 'abc' }).success).toBe(false);
  });
});
