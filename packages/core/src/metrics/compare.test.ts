import { describe, expect, it } from 'vitest';
import { compareText } from '../format/compare.js';
import { intervalFor } from '../qualifiers/policy.js';
import { type CompareItem, compare } from './compare.js';

/** The numbers and the sentences of a comparison, as the API serves them. */
const both = (items: CompareItem[]) => {
  const c = compare(items);
  return c && { ...c, ...compareText(c) };
};

// The seed's four reported changes, as the article gives them.
const seizures: CompareItem = {
  id: 'mt0.seizures',
  label: { es: 'incautaciones', en: 'seizures' },
  role: 'output',
  from: '2020',
  to: '2021',
  percent: 150,
  source: 'pdi.via.insightcrime.2022',
};
const cannabis: CompareItem = {
  id: 'mt0.seizures.cannabis',
  label: { es: 'incautaciones de cannabis', en: 'cannabis apprehensions' },
  role: 'output',
  from: '2020',
  to: '2021',
  percent: 207,
  source: 'pdi.via.insightcrime.2022',
};
const streetSales: CompareItem = {
  id: 'fiscalia.street_sales',
  label: { es: 'venta callejera de drogas', en: 'street-level sales' },
  role: 'outcome',
  from: '2015',
  to: '2019',
  percent: 62,
  source: 'fiscalia.via.insightcrime.2022',
};
const convictions: CompareItem = {
  id: 'fiscalia.convictions.microtrafficking',
  label: { es: 'condenas por microtráfico', en: 'convictions for local drug peddling' },
  role: 'outcome',
  from: '2015',
  to: '2019',
  percent: 18,
  source: 'fiscalia.via.insightcrime.2022',
};

describe('compare', () => {
  it('compare() puts each change on a per-year footing over its own span', () => {
    // seizures 2020→2021: 1 year, (2.5)^1 − 1 = +150 %/yr; cannabis: +207 %/yr
    // street sales 2015→2019: 4 years, (1.62)^(1/4) − 1 = 0.128181 → +12.8181 %/yr
    // convictions 2015→2019: 4 years, (1.18)^(1/4) − 1 = 0.042247 → +4.2247 %/yr
    const r = both([seizures, cannabis, streetSales, convictions]);
    expect(r?.items.map((x) => x.years)).toEqual([1, 1, 4, 4]);
    expect(r?.items.map((x) => x.annualized.value)).toEqual([
      150,
      expect.closeTo(207, 9),
      expect.closeTo(12.8181, 4),
      expect.closeTo(4.2247, 4),
    ]);
    expect(r?.groups.output.map((x) => x.id)).toEqual(['mt0.seizures', 'mt0.seizures.cannabis']);
    expect(r?.groups.outcome.map((x) => x.id)).toEqual([
      'fiscalia.street_sales',
      'fiscalia.convictions.microtrafficking',
    ]);
    expect(r?.groups.context).toEqual([]);
    expect(r?.finding).toBe('apart');
    expect(r?.gap).toBeNull();
  });

  it('compare() states no "faster" when the outputs (2020–2021) and outcomes (2015–2019) do not overlap', () => {
    expect(both([seizures, streetSales])?.sentence.en).toBe(
      'Enforcement outputs: seizures +150% in one year (2020–2021). Outcomes: street-level sales +62% over ' +
        'four years (2015–2019; about +12.8% a year). The outputs and the outcomes cover years that do not ' +
        'overlap, so these figures cannot show whether one rose faster than the other. They cannot show ' +
        'whether the policy works: they compare different measures, from different sources; a yearly rate ' +
        'taken from a one-year change is a single data point, not a trend; and a change in enforcement ' +
        'output measures police activity, not the drug market.',
    );
  });

  it('compare() says it in Chilean Spanish, with es-CL numbers', () => {
    expect(both([seizures, cannabis, streetSales, convictions])?.sentence.es).toBe(
      'Actividad policial: incautaciones +150% en un año (2020–2021) e incautaciones de cannabis +207% en ' +
        'un año (2020–2021). Resultados: venta callejera de drogas +62% en cuatro años (2015–2019; cerca de ' +
        '+12,8% al año) y condenas por microtráfico +18% en cuatro años (2015–2019; cerca de +4,2% al año). ' +
        'La actividad policial y los resultados cubren años que no se superponen, así que estas cifras no ' +
        'permiten saber si unos subieron más rápido que otros. Estas cifras no permiten saber si la política ' +
        'funciona: comparan medidas distintas, de fuentes distintas; una tasa anual que sale del cambio de un ' +
        'solo año es un dato aislado, no una tendencia; y un cambio en la actividad policial mide esa ' +
        'actividad, no el mercado de drogas.',
    );
  });

  it('compare() gives the headline gap only over overlapping spans', () => {
    // outputs +100 % over 2015→2019: 2^(1/4) − 1 = 18.9207 %/yr; street sales 12.8181 %/yr
    // gap = 18.9207 − 12.8181 = 6.1026 points a year
    const overlapping = { ...seizures, from: '2015', to: '2019', percent: 100 };
    const r = both([overlapping, streetSales]);
    expect(r?.finding).toBe('outputs_faster');
    expect(r?.gap?.value).toBeCloseTo(6.1026, 4);
    expect(r?.sentence.en).toMatch(
      /^Enforcement outputs rose faster than outcomes: seizures \+100% over four years/,
    );
    const apart = both([seizures, streetSales]);
    expect(apart?.gap).toBeNull();
    expect(apart?.gapReason).toContain('do not overlap');
  });

  it('compare() says when an outcome is a justice-system case count, and names places that differ', () => {
    const region = {
      ...seizures,
      geo: 'CL-RM',
      place: { es: 'Región Metropolitana', en: 'Santiago Metropolitan Region' },
    };
    const sales = {
      ...streetSales,
      geo: 'CL',
      place: { es: 'Chile', en: 'Chile' },
      countedBy: 'justice' as const,
    };
    const r = both([region, sales]);
    expect(r?.sentence.en).toContain(
      'seizures in Santiago Metropolitan Region +150% in one year (2020–2021)',
    );
    expect(r?.sentence.en).toContain(
      'street-level sales in Chile, a justice-system case count, +62% over four years',
    );
    expect(r?.sentence.es).toContain('venta callejera de drogas en Chile, causas de la justicia,');
    expect(r?.caveats.en).toContain(
      'The figure for street-level sales counts cases recorded by the justice system: it moves with enforcement and prosecution effort, not only with what its name describes.',
    );
    expect(r?.caveats.en).toContain(
      'The figures are for different places (Santiago Metropolitan Region and Chile).',
    );
  });

  it('compare() says a one-year change is "in one year", never "a year"', () => {
    const en = both([seizures])?.sentence.en ?? '';
    expect(en).toContain('+150% in one year (2020–2021)');
    expect(en).not.toContain('+150% a year');
  });

  it('compare() lists caveats that follow from the inputs', () => {
    const r = both([seizures, cannabis, streetSales, convictions]);
    expect(r?.caveats.en).toEqual([
      'The changes cover different spans (2020–2021; 2015–2019): annual rates put them on the same footing per year, not on the same years.',
      'The periods 2015–2019 and 2020–2021 do not overlap: the figures describe different years and miss whatever changed in between.',
      'Changes over one year or less (seizures and cannabis apprehensions) are not trends: their annual rate restates a single change.',
      'The figures come from different sources (pdi.via.insightcrime.2022, fiscalia.via.insightcrime.2022), which may measure in different ways.',
      'Enforcement outputs (seizures and cannabis apprehensions) count what the police did; they do not measure the drug market.',
    ]);
    expect(r?.caveats.es).toEqual([
      'Los cambios cubren períodos distintos (2020–2021; 2015–2019): las tasas anuales los ponen en la misma escala por año, no en los mismos años.',
      'Los períodos 2015–2019 y 2020–2021 no se superponen: las cifras describen años distintos y no recogen lo que haya cambiado entre ambos.',
      'Los cambios de un año o menos (incautaciones e incautaciones de cannabis) no son tendencias: su tasa anual repite un solo cambio.',
      'Las cifras vienen de fuentes distintas (pdi.via.insightcrime.2022, fiscalia.via.insightcrime.2022), que pueden medir de otra manera.',
      'Los indicadores de actividad policial (incautaciones e incautaciones de cannabis) cuentan lo que hizo la policía; no miden el mercado de drogas.',
    ]);
  });

  it('compare() carries the interval of an approximate change into the rate, the sentence and the caveats', () => {
    // "about 62 %" → [55.8, 68.2]; (1.558)^(1/4) − 1 = 11.7228 %; (1.682)^(1/4) − 1 = 13.8824 %
    const rough = { ...streetSales, percent: intervalFor(62, 'approximately') };
    const r = both([seizures, rough]);
    expect(r?.items[1]?.annualized).toEqual({
      value: expect.closeTo(12.8181, 4),
      low: expect.closeTo(11.7228, 4),
      high: expect.closeTo(13.8824, 4),
    });
    expect(r?.sentence.en).toContain(
      'street-level sales +62% (between +55.8% and +68.2%) over four years (2015–2019; about +12.8% a year, between +11.7% and +13.9%)',
    );
    expect(r?.sentence.es).toContain(
      'venta callejera de drogas +62% (entre +55,8% y +68,2%) en cuatro años (2015–2019; cerca de +12,8% al año, entre +11,7% y +13,9%)',
    );
    expect(r?.caveats.en).toContain(
      'The figure for street-level sales is approximate (between +55.8% and +68.2%); its annual rate is given as an interval.',
    );
    expect(r?.caveats.es).toContain(
      'La cifra de venta callejera de drogas es aproximada (entre +55,8% y +68,2%); su tasa anual se da como intervalo.',
    );
  });

  it('compare() does not call a difference that the intervals do not support', () => {
    // outputs +20 %/yr [10, 30] against outcomes +15 %/yr: values differ, intervals overlap
    const out: CompareItem = {
      id: 'a',
      role: 'output',
      from: '2020',
      to: '2021',
      percent: { value: 20, low: 10, high: 30 },
    };
    const outcome: CompareItem = { id: 'b', role: 'outcome', from: '2020', to: '2021', percent: 15 };
    const r = both([out, outcome]);
    expect(r?.finding).toBe('overlap');
    expect(r?.sentence.en).toMatch(
      /^Enforcement outputs seem to have changed faster than outcomes, but the approximate figures do not rule out the opposite: a /,
    );
    expect(r?.sentence.es).toMatch(
      /^Los indicadores de actividad policial parecen haber cambiado más rápido/,
    );
  });

  it('compare() names outcomes first when they moved faster, and avoids "rose" when something fell', () => {
    const fell: CompareItem = { id: 'arrests', role: 'output', from: '2019', to: '2021', percent: -19 };
    const r = both([fell, streetSales]);
    // arrests: (0.81)^(1/2) − 1 = −10 %/yr; street sales +12.8 %/yr
    expect(r?.finding).toBe('outcomes_faster');
    expect(r?.sentence.en).toMatch(
      /^Per year, outcomes went up more \(or down less\) than enforcement outputs: street-level sales \+62% .* against arrests −19% over two years \(2019–2021; about −10% a year\)\./,
    );
    expect(r?.sentence.es).toMatch(/^Por año, los indicadores de resultado subieron más \(o bajaron menos\)/);
  });

  it('compare() describes a single figure without pretending to compare', () => {
    const r = both([streetSales]);
    expect(r?.finding).toBe('one_sided');
    expect(r?.sentence.en).toBe(
      'Only outcomes are given: street-level sales +62% over four years (2015–2019; about +12.8% a year). ' +
        'Keep in mind: a change between two dates does not show what happened in between.',
    );
    expect(r?.sentence.es).toBe(
      'Solo hay indicadores de resultado: venta callejera de drogas +62% en cuatro años (2015–2019; cerca de ' +
        '+12,8% al año). Tenga en cuenta: un cambio entre dos fechas no muestra lo que pasó entremedio.',
    );
  });

  it('compare() adds context figures and labels by id when no label is given', () => {
    const population: CompareItem = {
      id: 'ine.population',
      role: 'context',
      from: '2015',
      to: '2019',
      percent: 6.3,
    };
    const r = both([seizures, streetSales, population]);
    expect(r?.sentence.en).toContain(
      'For context: ine.population +6.3% over four years (2015–2019; about +1.5% a year).',
    );
    expect(r?.caveats.en).toContain('No source given for ine.population.');
  });

  // Synthetic open-ended inputs ("more than 62 %"): no change in the data is open-ended today, but the
  // qualifier policy gives "more than / al menos" an open upper end, and the sentences must carry it.
  it('words an open end as "at least" in both languages, per year too, and never gives it a ceiling', () => {
    const sales: CompareItem = {
      id: 'sales',
      label: { es: 'ventas', en: 'sales' },
      role: 'output',
      from: '2015',
      to: '2019',
      percent: { value: 62, low: 62, high: null },
    };
    const convictions: CompareItem = {
      id: 'convictions',
      label: { es: 'condenas', en: 'convictions' },
      role: 'outcome',
      from: '2015',
      to: '2019',
      percent: 18,
    };
    const r = both([sales, convictions]);
    // 1.62^(1/4) − 1 = 12.818 % a year at least; 1.18^(1/4) − 1 = 4.225 %: the slowest output is above
    // the fastest outcome even at the open interval's finite end, so outputs are faster; gap ≥ 8.593 pp.
    expect(r?.finding).toBe('outputs_faster');
    expect(r?.gap?.low).toBeCloseTo(12.818093 - 4.224663, 5);
    expect(r?.gap?.high).toBe(Number.POSITIVE_INFINITY);
    expect(r?.sentence.en).toContain(
      'sales at least +62% over four years (2015–2019; at least +12.8% a year), against convictions +18% over four years (2015–2019; about +4.2% a year).',
    );
    expect(r?.sentence.es).toContain(
      'ventas al menos +62% en cuatro años (2015–2019; al menos +12,8% al año), frente a condenas +18% en cuatro años (2015–2019; cerca de +4,2% al año).',
    );
    expect(r?.caveats.en).toContain(
      'The figure for sales is a minimum (at least +62%), as its source gives it; so is its annual rate, and no limit is invented for it.',
    );
    expect(r?.caveats.es).toContain(
      'La cifra de ventas es un mínimo (al menos +62%), como la da su fuente; su tasa anual también lo es, y no se le inventa un límite.',
    );
    for (const text of [r?.sentence.en, r?.sentence.es, ...(r?.caveats.en ?? []), ...(r?.caveats.es ?? [])])
      expect(text).not.toMatch(/∞|Infinity|NaN|approximate|aproximada/);
  });

  it('keeps a derived value apart from its open bound', () => {
    // A value above its open interval's bound (a result derived from "more than 62 %"): both are said.
    const up = both([{ ...seizures, percent: { value: 70, low: 62, high: null } }]);
    expect(up?.sentence.en).toContain('seizures +70% (at least +62%) in one year (2020–2021');
    expect(up?.sentence.es).toContain('incautaciones +70% (al menos +62%) en un año (2020–2021');
  });

  it('refuses an open lower end: a change cannot fall below −100 %', () => {
    expect(compare([{ ...seizures, percent: { value: -20, low: null, high: -20 } }])).toBeUndefined();
  });

  it.each([
    ['no items', []],
    ['an unreadable period', [{ ...seizures, from: 'twenty-twenty' }]],
    ['a span of zero years', [{ ...seizures, to: '2020' }]],
    ['a fall beyond −100 %', [{ ...seizures, percent: -150 }]],
  ])('compare() returns undefined for %s', (_name, items) => {
    expect(compare(items)).toBeUndefined();
  });

  it('compare() does not mutate its items', () => {
    const items = [seizures, streetSales];
    const copy = structuredClone(items);
    compare(items);
    expect(items).toEqual(copy);
  });
});
