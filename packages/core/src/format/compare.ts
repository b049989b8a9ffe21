// compare, the sentences: what each figure is, over which span, from which source and place, what the
// numbers show and what they cannot show, then the caveats, in es and en. The numbers come from
// ../metrics/compare.ts; this module states no finding the numbers cannot carry (no "faster" over spans
// that do not overlap).
import type { ComparedItem, CompareItem, Comparison } from '../metrics/compare.js';
import type { Interval } from '../metrics/interval.js';
import { parsePeriod, periodEnd, periodStart } from '../periods/index.js';
import type { Bilingual, Language } from '../schemas/common.js';
import { LOCALES } from './intl.js';
import { formatNumber, formatSignedChange } from './number.js';
import { formatChangeSpan, formatPeriod } from './period.js';

type CompareFinding = Comparison['finding'];

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

const inLang = (t: string | Bilingual, lang: Language) => (typeof t === 'string' ? t : t[lang]);

/** A name inside a sentence: lower-cased first letter, unless it starts an acronym (MT-0, INE). */
const inSentence = (name: string): string =>
  /^\p{Lu}[\p{Lu}\d-]/u.test(name) ? name : name.charAt(0).toLowerCase() + name.slice(1);

const label = (item: CompareItem, lang: Language): string =>
  item.label === undefined
    ? item.id
    : inSentence(typeof item.label === 'string' ? item.label : item.label[lang]);

const listFormats: Partial<Record<Language, Intl.ListFormat>> = {};

/** "a, b and c" / "a, b y c" (Intl also turns "y" into "e" before an i sound: "incautaciones e incautaciones"). */
function list(words: readonly string[], lang: Language): string {
  listFormats[lang] ??= new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' });
  return listFormats[lang].format(words);
}

const degenerate = (i: Interval, lang: Language) =>
  formatSignedChange(i.low, lang) === formatSignedChange(i.high, lang);

/**
 * An open upper end ("more than 62 %", and every rate derived from it). compare() refuses an open lower
 * end: a change cannot fall below −100 %, so no source's "at most" leaves it unbounded.
 */
const open = (i: Interval) => i.high === Number.POSITIVE_INFINITY;

/** "at least +62%" / "al menos +62%": the finite bound of an open interval, never an invented ceiling. */
const atLeast = (i: Interval, lang: Language) =>
  `${lang === 'es' ? 'al menos' : 'at least'} ${formatSignedChange(i.low, lang)}`;

/** "between +55.8% and +68.2%", or "at least +62%" for an open end; undefined when the interval is a point. */
function range(i: Interval, lang: Language): string | undefined {
  if (open(i)) return atLeast(i, lang);
  if (degenerate(i, lang)) return undefined;
  const lo = formatSignedChange(i.low, lang);
  const hi = formatSignedChange(i.high, lang);
  return lang === 'es' ? `entre ${lo} y ${hi}` : `between ${lo} and ${hi}`;
}

/** "+62%", "+62% (between +55.8% and +68.2%)", or "at least +62%" when the value is the open interval's bound. */
function change(i: Interval, lang: Language): string {
  const v = formatSignedChange(i.value, lang);
  // "more than 62 %" has 62 as both its value and its bound: say it once.
  if (open(i) && formatSignedChange(i.low, lang) === v) return atLeast(i, lang);
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

const COUNTED = {
  en: { police: 'a police case count', justice: 'a justice-system case count' },
  es: { police: 'casos policiales', justice: 'causas de la justicia' },
} as const;

/** "street-level sales in Chile, a justice-system case count,": the label, its place, what it counts. */
function what(item: ComparedItem, lang: Language, f: Flags): string {
  const place = f.places && item.place ? `${lang === 'es' ? ' en' : ' in'} ${item.place[lang]}` : '';
  const counted = item.countedBy ? `, ${COUNTED[lang][item.countedBy]},` : '';
  return `${label(item, lang)}${place}${counted}`;
}

/**
 * "seizures +150% in one year (2020–2021; PDI via InSight Crime)" or "street-level sales +62% over four
 * years (2015–2019; about +12.8% a year; …)": a one-year change is "in one year", never "a year"; the
 * annual rate sits inside the parentheses so that lists of phrases keep their commas.
 */
function phrase(item: ComparedItem, lang: Language, f: Flags): string {
  const one = Math.abs(item.years - 1) < 1e-9;
  const span = duration(item.years, lang);
  const when = lang === 'es' ? `en ${span}` : one || item.years < 1 ? `in ${span}` : `over ${span}`;
  const head = `${what(item, lang, f)} ${change(item.total, lang)} ${when}`;
  const src = item.sourceName ? `; ${inLang(item.sourceName, lang)}` : '';
  if (one) return `${head} (${spanLabel(item, lang)}${src})`;
  const rate = formatSignedChange(item.annualized.value, lang);
  const r = range(item.annualized, lang);
  // An open end stays open per year: "at least +12.8% a year", not "about" a figure with no ceiling.
  const perYear = open(item.annualized)
    ? `${change(item.annualized, lang)} ${lang === 'es' ? 'al año' : 'a year'}`
    : (lang === 'es' ? `cerca de ${rate} al año` : `about ${rate} a year`) + (r ? `, ${r}` : '');
  return `${head} (${spanLabel(item, lang)}; ${perYear}${src})`;
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
    outputs: 'Enforcement outputs',
    outcomes: 'Outcomes',
    apart:
      'The outputs and the outcomes cover years that do not overlap, so these figures cannot show whether one rose faster than the other.',
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
    outputs: 'Actividad policial',
    outcomes: 'Resultados',
    apart:
      'La actividad policial y los resultados cubren años que no se superponen, así que estas cifras no permiten saber si unos subieron más rápido que otros.',
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
  /** Items in different places: every label names its place. */
  places: boolean;
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
      xs.map((x) => phrase(x, lang, f)),
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
  if (found === 'apart') {
    shows = `${t.outputs}: ${phrases(groups.output)}. ${t.outcomes}: ${phrases(groups.outcome)}. ${t.apart}`;
    if (groups.context.length > 0) shows += ` ${t.forContext} ${phrases(groups.context)}.`;
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
  for (const x of items.filter((x) => open(x.total))) {
    const words = atLeast(x.total, lang);
    out.push(
      lang === 'es'
        ? `La cifra de ${label(x, lang)} es un mínimo (${words}), como la da su fuente; su tasa anual también lo es, y no se le inventa un límite.`
        : `The figure for ${label(x, lang)} is a minimum (${words}), as its source gives it; so is its annual rate, and no limit is invented for it.`,
    );
  }
  for (const x of items.filter((x) => !open(x.total) && !degenerate(x.total, lang))) {
    const lo = formatSignedChange(x.total.low, lang);
    const hi = formatSignedChange(x.total.high, lang);
    out.push(
      lang === 'es'
        ? `La cifra de ${label(x, lang)} es aproximada (entre ${lo} y ${hi}); su tasa anual se da como intervalo.`
        : `The figure for ${label(x, lang)} is approximate (between ${lo} and ${hi}); its annual rate is given as an interval.`,
    );
  }
  const sources = [
    ...new Set(
      items.flatMap((x) => (x.source ? [x.sourceName ? inLang(x.sourceName, lang) : x.source] : [])),
    ),
  ];
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
  for (const x of items.filter((x) => x.role === 'outcome' && x.countedBy)) {
    const who =
      x.countedBy === 'justice'
        ? { es: 'el sistema de justicia', en: 'the justice system' }
        : { es: 'la policía', en: 'the police' };
    out.push(
      lang === 'es'
        ? `La cifra de ${label(x, lang)} cuenta causas registradas por ${who.es}: se mueve con el esfuerzo policial y de persecución, no solo con lo que su nombre describe.`
        : `The figure for ${label(x, lang)} counts cases recorded by ${who.en}: it moves with enforcement and prosecution effort, not only with what its name describes.`,
    );
  }
  const places = [...new Set(items.flatMap((x) => (x.place ? [x.place[lang]] : [])))];
  if (places.length > 1) {
    out.push(
      lang === 'es'
        ? `Las cifras son de lugares distintos (${list(places, lang)}).`
        : `The figures are for different places (${list(places, lang)}).`,
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

/** The sentence and caveats about a comparison, in es and en. */
export interface ComparisonText {
  /** What each figure is, what the numbers show, then what they cannot show. */
  sentence: Bilingual;
  /** Cautions that follow from these inputs. */
  caveats: { es: string[]; en: string[] };
}

/**
 * The sentences about a comparison of outputs and outcomes, in es and en.
 * @example compareText(compare([{ id: 'a', label: 'seizures', role: 'output', from: '2020', to: '2021', percent: 150 }])).sentence.en
 * // "Only enforcement outputs are given: seizures +150% in one year (2020–2021). Keep in mind: a yearly rate taken from a one-year change is a single data point, not a trend; and a change in enforcement output measures police activity, not the drug market."
 */
export function compareText(c: Comparison): ComparisonText {
  const sources = new Set(c.items.map((x) => x.source));
  const flags: Flags = {
    many: c.items.length > 1,
    // Spans that do not overlap are said once, in the lead; the limits do not repeat them.
    spans: c.finding !== 'apart' && new Set(c.items.map((x) => `${x.from}/${x.to}`)).size > 1,
    sources: sources.size > 1,
    oneYear: c.items.some((x) => x.years <= 1 + 1e-9),
    outputs: c.groups.output.length > 0,
    both: c.groups.output.length > 0 && c.groups.outcome.length > 0,
    places: new Set(c.items.map((x) => x.geo ?? '')).size > 1,
  };
  return {
    sentence: {
      es: describe(c.groups, c.finding, flags, 'es'),
      en: describe(c.groups, c.finding, flags, 'en'),
    },
    caveats: { es: caveats(c.items, 'es'), en: caveats(c.items, 'en') },
  };
}
