import { LOCALES } from '../format/intl.js';
import { formatNumber, formatSignedChange } from '../format/number.js';
import { formatChangeSpan, formatPeriod } from '../format/period.js';
import { parsePeriod, periodEnd, periodStart, yearsBetween } from '../periods/index.js';
import type { Bilingual, Language } from '../schemas/common.js';
import { annualized } from './annualized.js';
import { type Estimate, type Interval, toInterval } from './interval.js';

export type CompareRole = 'output' | 'outcome' | 'context';

/** A reported change over its own span, as `compare` takes it. */
export interface CompareItem {
  id: string;
  /** What a reader calls it ("seizures"); one string for both languages, or one per language. */
  label?: string | Bilingual;
  role: CompareRole;
  from: string;
  to: string;
  /** The total relative change over the span, in percent, exact or as an interval. */
  percent: Estimate;
  source?: string;
}

export interface ComparedItem extends CompareItem {
  /** Years from `from` to `to`, point to point (2015→2019 is 4). */
  years: number;
  /** The total change as an interval. */
  total: Interval;
  /** The compound annual rate over the item's own span, in percent a year. */
  annualized: Interval;
}

/**
 * What the annual rates show: outputs faster than outcomes even at the ends of their intervals, the
 * reverse, a direction that holds for the stated values but not across the intervals (`overlap`), no
 * single direction (`mixed`), or nothing to set against (`one_sided`).
 */
export type CompareFinding = 'outputs_faster' | 'outcomes_faster' | 'overlap' | 'mixed' | 'one_sided';

export interface Comparison {
  items: ComparedItem[];
  groups: Record<CompareRole, ComparedItem[]>;
  finding: CompareFinding;
  /** What the numbers show, then what they cannot show. */
  sentence: Bilingual;
  /** Cautions that follow from these inputs. */
  caveats: { es: string[]; en: string[] };
  /** `sentence` in the language asked for (English by default). */
  text: string;
}

const NUMBER_WORDS: Record<Language, readonly string[]> = {
  en: ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  es: ['', 'un', 'dos', 'tres', 'cuatro', 'cinco', 'seis', 'siete', 'ocho', 'nueve', 'diez'],
};

const isWhole = (x: number) => Math.abs(x - Math.round(x)) < 1e-9;

/** "one year", "four years", "six months"; "un año", "cuatro años", "seis meses". */
function duration(years: number, lang: Language): string {
  const months = years * 12;
  const [unit, n] =
    years < 1 && isWhole(months) ? (['month', Math.round(months)] as const) : (['year', years] as const);
  const word = isWhole(n) ? NUMBER_WORDS[lang][Math.round(n)] : undefined;
  const count = word ?? formatNumber(n, lang);
  const plural = !(isWhole(n) && Math.round(n) === 1);
  if (lang === 'en') return `${count} ${unit}${plural ? 's' : ''}`;
  const es = unit === 'year' ? (plural ? 'años' : 'año') : plural ? 'meses' : 'mes';
  return `${count} ${es}`;
}

const label = (item: CompareItem, lang: Language): string =>
  item.label === undefined ? item.id : typeof item.label === 'string' ? item.label : item.label[lang];

const listFormats: Partial<Record<Language, Intl.ListFormat>> = {};

/** "a, b and c" / "a, b y c" (Intl also turns "y" into "e" before an i sound: "incautaciones e incautaciones"). */
function list(words: readonly string[], lang: Language): string {
  listFormats[lang] ??= new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' });
  return listFormats[lang].format(words);
}

const degenerate = (i: Interval, lang: Language) =>
  formatSignedChange(i.low, lang) === formatSignedChange(i.high, lang);

/** "+62%", or "+62% (between +55.8% and +68.2%)" when the interval shows. */
function range(i: Interval, lang: Language): string | undefined {
  if (degenerate(i, lang)) return undefined;
  const lo = formatSignedChange(i.low, lang);
  const hi = formatSignedChange(i.high, lang);
  return lang === 'es' ? `entre ${lo} y ${hi}` : `between ${lo} and ${hi}`;
}

function change(i: Interval, lang: Language): string {
  const v = formatSignedChange(i.value, lang);
  const r = range(i, lang);
  return r ? `${v} (${r})` : v;
}

/** "2015–2019" for two years or two months; "2015–2017→2018–2020" when either end is itself a span. */
function spanLabel(item: CompareItem, lang: Language): string {
  const a = parsePeriod(item.from);
  const b = parsePeriod(item.to);
  if (a && b && a.kind !== 'span' && a.kind === b.kind) return formatPeriod(`${item.from}/${item.to}`, lang);
  return formatChangeSpan(item.from, item.to, lang);
}

/**
 * "seizures +150% in one year (2020–2021)" or "street-level sales +62% over four years (2015–2019; about
 * +12.8% a year)": the annual rate sits inside the parentheses so that lists of phrases keep their commas.
 */
function phrase(item: ComparedItem, lang: Language): string {
  const one = Math.abs(item.years - 1) < 1e-9;
  const span = duration(item.years, lang);
  const when = lang === 'es' ? `en ${span}` : one || item.years < 1 ? `in ${span}` : `over ${span}`;
  const head = `${label(item, lang)} ${change(item.total, lang)} ${when}`;
  if (one) return `${head} (${spanLabel(item, lang)})`;
  const rate = formatSignedChange(item.annualized.value, lang);
  const r = range(item.annualized, lang);
  const perYear = (lang === 'es' ? `cerca de ${rate} al año` : `about ${rate} a year`) + (r ? `, ${r}` : '');
  return `${head} (${spanLabel(item, lang)}; ${perYear})`;
}

function finding(outputs: readonly ComparedItem[], outcomes: readonly ComparedItem[]): CompareFinding {
  if (outputs.length === 0 || outcomes.length === 0) return 'one_sided';
  const min = (xs: readonly ComparedItem[], k: keyof Interval) => Math.min(...xs.map((x) => x.annualized[k]));
  const max = (xs: readonly ComparedItem[], k: keyof Interval) => Math.max(...xs.map((x) => x.annualized[k]));
  if (min(outputs, 'low') > max(outcomes, 'high')) return 'outputs_faster';
  if (min(outcomes, 'low') > max(outputs, 'high')) return 'outcomes_faster';
  if (min(outputs, 'value') > max(outcomes, 'value') || min(outcomes, 'value') > max(outputs, 'value'))
    return 'overlap';
  return 'mixed';
}

const LEAD = {
  en: {
    outputsRose: 'Enforcement outputs rose faster than outcomes',
    outputsMore: 'Per year, enforcement outputs went up more (or down less) than outcomes',
    outcomesRose: 'Outcomes rose faster than enforcement outputs',
    outcomesMore: 'Per year, outcomes went up more (or down less) than enforcement outputs',
    overlapOutputs:
      'Enforcement outputs seem to have changed faster than outcomes, but the approximate figures do not rule out the opposite',
    overlapOutcomes:
      'Outcomes seem to have changed faster than enforcement outputs, but the approximate figures do not rule out the opposite',
    mixed: 'Enforcement outputs and outcomes do not move in one direction',
    output: 'Only enforcement outputs are given',
    outcome: 'Only outcomes are given',
    context: 'Only context figures are given',
    against: 'against',
    forContext: 'For context:',
  },
  es: {
    outputsRose: 'Los indicadores de actividad policial subieron más rápido que los de resultado',
    outputsMore:
      'Por año, los indicadores de actividad policial subieron más (o bajaron menos) que los de resultado',
    outcomesRose: 'Los indicadores de resultado subieron más rápido que los de actividad policial',
    outcomesMore:
      'Por año, los indicadores de resultado subieron más (o bajaron menos) que los de actividad policial',
    overlapOutputs:
      'Los indicadores de actividad policial parecen haber cambiado más rápido que los de resultado, pero las cifras aproximadas no descartan lo contrario',
    overlapOutcomes:
      'Los indicadores de resultado parecen haber cambiado más rápido que los de actividad policial, pero las cifras aproximadas no descartan lo contrario',
    mixed: 'Los indicadores de actividad policial y los de resultado no se mueven en una misma dirección',
    output: 'Solo hay indicadores de actividad policial',
    outcome: 'Solo hay indicadores de resultado',
    context: 'Solo hay cifras de contexto',
    against: 'frente a',
    forContext: 'Como contexto:',
  },
} as const;

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

interface Flags {
  many: boolean;
  spans: boolean;
  sources: boolean;
  oneYear: boolean;
  outputs: boolean;
  both: boolean;
}

/** Clauses joined by semicolons, the last one with a conjunction: "a; b; and c". */
function joinClauses(parts: readonly string[], and: string): string {
  if (parts.length < 2) return parts.join('');
  return `${parts.slice(0, -1).join('; ')}; ${and} ${parts[parts.length - 1]}`;
}

/** The second half of the sentence: what these numbers cannot show, built from what is true of them. */
function limits(f: Flags, lang: Language): string {
  const parts: string[] = [];
  if (lang === 'en') {
    const differences = [
      'different measures',
      f.sources && 'from different sources',
      f.spans && 'over different spans',
    ];
    if (f.many) parts.push(`they compare ${differences.filter(Boolean).join(', ')}`);
    if (f.oneYear)
      parts.push('a yearly rate taken from a one-year change is a single data point, not a trend');
    if (f.outputs) parts.push('a change in enforcement output measures police activity, not the drug market');
    if (parts.length === 0) parts.push('a change between two dates does not show what happened in between');
    const lead = f.both ? 'They cannot show whether the policy works' : 'Keep in mind';
    return `${lead}: ${joinClauses(parts, 'and')}.`;
  }
  const differences = [
    'medidas distintas',
    f.sources && 'de fuentes distintas',
    f.spans && 'en períodos distintos',
  ];
  if (f.many) parts.push(`comparan ${differences.filter(Boolean).join(', ')}`);
  if (f.oneYear)
    parts.push('una tasa anual que sale del cambio de un solo año es un dato aislado, no una tendencia');
  if (f.outputs) parts.push('un cambio en la actividad policial mide esa actividad, no el mercado de drogas');
  if (parts.length === 0) parts.push('un cambio entre dos fechas no muestra lo que pasó entremedio');
  const lead = f.both ? 'Estas cifras no permiten saber si la política funciona' : 'Tenga en cuenta';
  return `${lead}: ${joinClauses(parts, 'y')}.`;
}

function describe(groups: Comparison['groups'], found: CompareFinding, f: Flags, lang: Language): string {
  const t = LEAD[lang];
  const phrases = (xs: readonly ComparedItem[]) =>
    list(
      xs.map((x) => phrase(x, lang)),
      lang,
    );
  const rates = [...groups.output, ...groups.outcome].map((x) => x.annualized.low);
  const allRose = rates.every((r) => r > 0);
  let shows: string;
  if (found === 'one_sided') {
    const only = groups.output.length > 0 ? 'output' : groups.outcome.length > 0 ? 'outcome' : 'context';
    const xs = only === 'context' ? groups.context : groups[only];
    shows = `${t[only]}: ${phrases(xs)}.`;
    if (only !== 'context' && groups.context.length > 0)
      shows += ` ${t.forContext} ${phrases(groups.context)}.`;
    return `${shows} ${limits(f, lang)}`;
  }
  const outcomesFirst =
    found === 'outcomes_faster' ||
    (found === 'overlap' &&
      Math.min(...groups.outcome.map((x) => x.annualized.value)) >
        Math.max(...groups.output.map((x) => x.annualized.value)));
  const lead =
    found === 'outputs_faster'
      ? allRose
        ? t.outputsRose
        : t.outputsMore
      : found === 'outcomes_faster'
        ? allRose
          ? t.outcomesRose
          : t.outcomesMore
        : found === 'overlap'
          ? outcomesFirst
            ? t.overlapOutcomes
            : t.overlapOutputs
          : t.mixed;
  const [first, second] = outcomesFirst ? [groups.outcome, groups.output] : [groups.output, groups.outcome];
  shows = `${lead}: ${phrases(first)}, ${t.against} ${phrases(second)}.`;
  if (groups.context.length > 0) shows += ` ${t.forContext} ${phrases(groups.context)}.`;
  return `${shows} ${limits(f, lang)}`;
}

function caveats(items: readonly ComparedItem[], lang: Language): string[] {
  const out: string[] = [];
  const names = (xs: readonly ComparedItem[]) =>
    list(
      xs.map((x) => label(x, lang)),
      lang,
    );
  const spans = [...new Set(items.map((x) => spanLabel(x, lang)))];
  if (spans.length > 1) {
    out.push(
      lang === 'es'
        ? `Los cambios cubren períodos distintos (${spans.join('; ')}): las tasas anuales los ponen en la misma escala por año, no en los mismos años.`
        : `The changes cover different spans (${spans.join('; ')}): annual rates put them on the same footing per year, not on the same years.`,
    );
  }
  const covered = (x: ComparedItem) => {
    const a = parsePeriod(x.from);
    const b = parsePeriod(x.to);
    return a && b ? ([periodStart(a), periodEnd(b)] as const) : undefined;
  };
  const apart = new Set<string>();
  for (const [i, a] of items.entries()) {
    for (const b of items.slice(i + 1)) {
      const ca = covered(a);
      const cb = covered(b);
      if (ca && cb && (ca[1] <= cb[0] || cb[1] <= ca[0])) {
        const pair = [spanLabel(a, lang), spanLabel(b, lang)].sort().join(lang === 'es' ? ' y ' : ' and ');
        apart.add(pair);
      }
    }
  }
  for (const pair of apart) {
    out.push(
      lang === 'es'
        ? `Los períodos ${pair} no se superponen: las cifras describen años distintos y no recogen lo que haya cambiado entre ambos.`
        : `The periods ${pair} do not overlap: the figures describe different years and miss whatever changed in between.`,
    );
  }
  const oneYear = items.filter((x) => x.years <= 1 + 1e-9);
  if (oneYear.length > 0) {
    out.push(
      lang === 'es'
        ? `Los cambios de un año o menos (${names(oneYear)}) no son tendencias: su tasa anual repite un solo cambio.`
        : `Changes over one year or less (${names(oneYear)}) are not trends: their annual rate restates a single change.`,
    );
  }
  for (const x of items.filter((x) => !degenerate(x.total, lang))) {
    const lo = formatSignedChange(x.total.low, lang);
    const hi = formatSignedChange(x.total.high, lang);
    out.push(
      lang === 'es'
        ? `La cifra de ${label(x, lang)} es aproximada (entre ${lo} y ${hi}); su tasa anual se da como intervalo.`
        : `The figure for ${label(x, lang)} is approximate (between ${lo} and ${hi}); its annual rate is given as an interval.`,
    );
  }
  const sources = [...new Set(items.flatMap((x) => (x.source ? [x.source] : [])))];
  if (sources.length > 1) {
    out.push(
      lang === 'es'
        ? `Las cifras vienen de fuentes distintas (${sources.join(', ')}), que pueden medir de otra manera.`
        : `The figures come from different sources (${sources.join(', ')}), which may measure in different ways.`,
    );
  }
  const unsourced = items.filter((x) => !x.source);
  if (unsourced.length > 0) {
    out.push(
      lang === 'es'
        ? `Sin fuente indicada: ${names(unsourced)}.`
        : `No source given for ${names(unsourced)}.`,
    );
  }
  const outputs = items.filter((x) => x.role === 'output');
  if (outputs.length > 0) {
    out.push(
      lang === 'es'
        ? `Los indicadores de actividad policial (${names(outputs)}) cuentan lo que hizo la policía; no miden el mercado de drogas.`
        : `Enforcement outputs (${names(outputs)}) count what the police did; they do not measure the drug market.`,
    );
  }
  return out.map(capitalize);
}

/**
 * Lines up enforcement outputs against outcomes on the same footing, each as a compound annual rate
 * over its own span, and says in es and en what the numbers show and what they cannot show.
 *
 * Formula: for each item, `years = yearsBetween(from, to)` and `annualized(percent, years)` =
 * `((1 + p/100)^(1/years) − 1) × 100`. Outputs are "faster" only when every output's low bound is above
 * every outcome's high bound; see `CompareFinding`.
 *
 * Edge cases: `undefined` for no items, or when any item's periods cannot be read, its span is not
 * above zero, or its percent is not a valid estimate of at least −100. Inputs are not mutated.
 * @example compare([
 *   { id: 'mt0.seizures', label: 'seizures', role: 'output', from: '2020', to: '2021', percent: 150 },
 *   { id: 'fiscalia.street_sales', label: 'street-level sales', role: 'outcome', from: '2015', to: '2019', percent: 62 },
 * ])?.sentence.en
 * // "Enforcement outputs rose faster than outcomes: seizures +150% in one year (2020–2021), against street-level
 * //  sales +62% over four years (2015–2019), about +12.8% a year. They cannot show whether the policy works: …"
 */
export function compare(items: readonly CompareItem[], lang: Language = 'en'): Comparison | undefined {
  if (items.length === 0) return undefined;
  const compared: ComparedItem[] = [];
  for (const item of items) {
    const years = yearsBetween(item.from, item.to);
    const total = toInterval(item.percent);
    if (years === undefined || !(years > 0) || !total) return undefined;
    const rate = annualized(total, years);
    if (!rate) return undefined;
    compared.push({ ...item, years, total, annualized: rate });
  }
  const groups: Comparison['groups'] = {
    output: compared.filter((x) => x.role === 'output'),
    outcome: compared.filter((x) => x.role === 'outcome'),
    context: compared.filter((x) => x.role === 'context'),
  };
  const found = finding(groups.output, groups.outcome);
  const sources = new Set(compared.map((x) => x.source));
  const flags: Flags = {
    many: compared.length > 1,
    spans: new Set(compared.map((x) => `${x.from}/${x.to}`)).size > 1,
    sources: sources.size > 1,
    oneYear: compared.some((x) => x.years <= 1 + 1e-9),
    outputs: groups.output.length > 0,
    both: groups.output.length > 0 && groups.outcome.length > 0,
  };
  const sentence = {
    es: describe(groups, found, flags, 'es'),
    en: describe(groups, found, flags, 'en'),
  };
  return {
    items: compared,
    groups,
    finding: found,
    sentence,
    caveats: { es: caveats(compared, 'es'), en: caveats(compared, 'en') },
    text: sentence[lang],
  };
}
