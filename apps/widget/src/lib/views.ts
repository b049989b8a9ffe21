// The registry of views: every view's own module (src/lib/{view}/view.ts) exports its `meta` (name, what
// `indicator` names, which parameters it takes and their defaults, its heights), its `text` (label and
// explanation in es and en) and its `load` (its data from a bundle: server and build only). Everything
// that lists views reads this list: the parameter parser, the element's host box, the embed pages and
// their entries, the gallery, the builder, oEmbed and the size bench. `VIEW_LIST` is data only, cheap for
// any browser bundle; the words are apart (`viewText`), for the pages the server writes.

import { SEED_STORY } from '@mt0/core/story';
import { meta as compare, text as compareText } from './compare/view.js';
import { meta as series, text as seriesText } from './series/view.js';
import { meta as stat, text as statText } from './stat/view.js';
import { meta as statement, text as statementText } from './statement/view.js';
import { meta as table, text as tableText } from './table/view.js';
import type { Bilingual } from './types.js';

/** Optional parameters a view may take beyond `indicator`, `lang` and `theme`. */
export type TakenParam = 'geo' | 'from' | 'to' | 'resolution' | 'rolling' | 'per100k';

/** What a view's `indicator` names: one indicator, up to six, or a statement. */
export type IndicatorKind = 'one' | 'many' | 'statement';

export interface ViewMeta {
  name: string;
  /**
   * What `indicator` names: one indicator; up to six (their latest reported changes, or rows); or a
   * statement (its id, or an indicator it concerns). Its default: `indicatorDefault(name)`.
   */
  indicator: IndicatorKind;
  /** The optional parameters the view reads. */
  takes: readonly TakenParam[];
  /** Height an iframe reserves before its first resize message (px at 600 px wide). */
  height: number;
  /**
   * Height of the script embed (its default selection, the taller of es and en) drawn 375, 600 and 1000
   * px wide: measured in Chromium, kept honest by the browser tests' layout-shift checks.
   */
  drawn: readonly [w375: number, w600: number, w1000: number];
}

/** Every view, in the order the gallery and the builder show them. */
export const VIEW_LIST = [stat, series, compare, statement, table] as const satisfies readonly ViewMeta[];

export type ViewName = (typeof VIEW_LIST)[number]['name'];

/** The views' names, in order. */
// Pure: a bundle that does not use the names (mt0.js) leaves the list out.
export const VIEWS = /* @__PURE__ */ VIEW_LIST.map((v) => v.name) as readonly ViewName[];

/** The view the element draws without a `view` attribute. */
export const DEFAULT_VIEW: ViewName = 'compare';

/**
 * A view's registry entry.
 * @example viewMeta('stat').takes // ['geo', 'from', 'to', 'resolution']
 */
export function viewMeta(name: ViewName): ViewMeta {
  return VIEW_LIST.find((v) => v.name === name) as ViewMeta;
}

/**
 * Each view's indicator kind, by name: all the parameter parser needs of the registry (mt0.js gets it
 * put in at build time, vite.config.ts, and so carries none of the rest).
 * @example viewKinds().compare // 'many'
 */
export function viewKinds(): Record<string, IndicatorKind> {
  return Object.fromEntries(VIEW_LIST.map((v) => [v.name, v.indicator]));
}

/**
 * The indicator a view shows when none is given: the seed story's, which @mt0/core keys by view name.
 * @example indicatorDefault('series') // 'cead.cases.drugs'
 */
export function indicatorDefault(name: ViewName): string | readonly string[] {
  return (SEED_STORY as Record<ViewName, string | readonly string[]>)[name];
}

/** A view's label and what it shows, for the builder and the docs. */
export interface ViewText {
  label: Bilingual;
  about: Bilingual;
}

const TEXT: { [V in ViewName]: ViewText } = {
  stat: statText,
  series: seriesText,
  compare: compareText,
  statement: statementText,
  table: tableText,
};

/**
 * A view's words.
 * @example viewText('series').label.en // 'Time series'
 */
export function viewText(name: ViewName): ViewText {
  return TEXT[name];
}

/** The values each closed parameter takes (the parser checks them; the builder offers them). */
export const PARAM_VALUES = {
  resolution: ['year', 'month'],
  rolling: ['12'],
  per100k: ['true', 'false'],
  lang: ['es', 'en'],
  theme: ['auto', 'light', 'dark'],
} as const;
