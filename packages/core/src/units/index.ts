// Units and their dimensions: ONE zod-free table that says what a unit measures, so that metrics can
// refuse arithmetic across dimensions (kilograms divided by persons, a rate per inhabitant of a percent).
// Pure and dependency-free, so the widget's bundle can use it; the zod enum is in schemas/indicator.ts.

/** Every unit an indicator may be measured in. */
export const UNITS = [
  'count',
  'persons',
  'kg',
  'tonnes',
  'grams',
  'percent',
  'share',
  'clp',
  'operations',
  'teams',
  'unstated',
] as const;

export type Unit = (typeof UNITS)[number];

/**
 * What a unit measures: people or events counted one by one, a mass, an amount of money, or a
 * proportion of something else (a percent 0–100 or a share 0–1).
 */
export type Dimension = 'counted' | 'mass' | 'money' | 'proportion' | 'unstated';

export interface UnitInfo {
  dimension: Dimension;
  /**
   * Whether a value may be put per 100,000 inhabitants: people and events (cases, arrests, operations)
   * may; teams of detectives are an organisation's size, not something that happens to inhabitants.
   */
  perCapita: boolean;
  /** The dimension in plain words, for refusals. */
  words: { es: string; en: string };
}

const COUNTED = { es: 'personas o hechos contados', en: 'people or events counted' };

/** The dimension of every unit. Kilograms and tonnes share a dimension but are never converted here. */
export const UNIT_INFO: Readonly<Record<Unit, UnitInfo>> = {
  count: { dimension: 'counted', perCapita: true, words: COUNTED },
  persons: { dimension: 'counted', perCapita: true, words: COUNTED },
  operations: { dimension: 'counted', perCapita: true, words: COUNTED },
  teams: { dimension: 'counted', perCapita: false, words: COUNTED },
  kg: { dimension: 'mass', perCapita: false, words: { es: 'masa', en: 'mass' } },
  tonnes: { dimension: 'mass', perCapita: false, words: { es: 'masa', en: 'mass' } },
  grams: { dimension: 'mass', perCapita: false, words: { es: 'masa', en: 'mass' } },
  clp: { dimension: 'money', perCapita: false, words: { es: 'dinero', en: 'money' } },
  percent: { dimension: 'proportion', perCapita: false, words: { es: 'proporción', en: 'proportion' } },
  share: { dimension: 'proportion', perCapita: false, words: { es: 'proporción', en: 'proportion' } },
  // The source publishes a change of something it does not measure out (MT-0's "narcotics seizures":
  // kilograms, doses or operations?): no arithmetic with levels of any unit.
  unstated: {
    dimension: 'unstated',
    perCapita: false,
    words: { es: 'unidad no indicada por la fuente', en: 'unit not stated by the source' },
  },
};

/**
 * The dimension of a unit; `undefined` for a unit the table does not know.
 * @example dimensionOf('persons') // "counted"
 * @example dimensionOf('tonnes') // "mass"
 */
export function dimensionOf(unit: string): Dimension | undefined {
  return (UNIT_INFO as Record<string, UnitInfo>)[unit]?.dimension;
}

/**
 * Whether a unit may be put per 100,000 inhabitants.
 * @example isPerCapita('count') // true
 * @example isPerCapita('kg') // false
 */
export function isPerCapita(unit: string): boolean {
  return (UNIT_INFO as Record<string, UnitInfo>)[unit]?.perCapita === true;
}

/**
 * A unit and its dimension in words, for messages: "kg (mass)".
 * @example unitWords('kg') // "kg (mass)"
 */
export function unitWords(unit: string, lang: 'es' | 'en' = 'en'): string {
  const info = (UNIT_INFO as Record<string, UnitInfo>)[unit];
  return info ? `${unit} (${info.words[lang]})` : unit;
}
