// The registry of views: every view's own module (src/lib/{view}/view.ts) exports its `meta` (name, what
// `indicator` names, which parameters it takes and their defaults, its heights), its `text` (label and
// explanation in es and en) and its `load` (its data from a bundle: server and build only); its island,
// the component that draws it, is src/lib/roots/{View}.svelte (`viewIsland`). Everything that lists
// views reads this module: the parameter parser, the element's host box and renderer, the embed pages
// and their entries, the gallery, the builder, oEmbed, the server and the size bench. Each kind of thing is its own table, so that a bundle
// keeps only the tables it reads: `VIEW_LIST` is data only, cheap for any browser bundle; mt0.js reads
// `viewIsland` (each island becomes a chunk it loads when it draws that view); the words (`viewText`)
// and the loaders (`viewLoader`) stay on the server.

import { SEED_STORY } from '@mt0/core/story';
import type { Component } from 'svelte';
import { meta as compare, load as compareLoad, text as compareText } from './compare/view.js';
import { meta as series, load as seriesLoad, text as seriesText } from './series/view.js';
import { meta as stat, load as statLoad, text as statText } from './stat/view.js';
import { meta as statement, load as statementLoad, text as statementText } from './statement/view.js';
import { meta as table, load as tableLoad, text as tableText } from './table/view.js';
import type { Bilingual } from './types.js';
import type { RootProps } from './view.js';
import type { ViewLoader } from './viewdata.js';

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

const LOADERS: { [V in ViewName]: ViewLoader } = {
  stat: statLoad,
  series: seriesLoad,
  compare: compareLoad,
  statement: statementLoad,
  table: tableLoad,
};

/**
 * A view's data loader (its `load`): used by `viewData` (src/lib/viewdata.ts) on the server and at build.
 * @example viewLoader('stat') // stat/view.ts's `load`
 */
export function viewLoader(name: ViewName): ViewLoader {
  return LOADERS[name];
}

/**
 * A view's island: the component that draws it (src/lib/roots/{View}.svelte), the same in mt0.js, on
 * the embed page and on the server. Imported on demand: in mt0.js each island is a chunk of its own,
 * loaded when the element draws that view. Rejects when its chunk cannot be loaded.
 * @example (await viewIsland('stat')) === (await import('./roots/Stat.svelte')).default // true
 */
export function viewIsland(name: ViewName): Promise<Component<RootProps>> {
  // Vite's glob import, inside the function: the tools that bundle this file without Vite's transforms
  // (vite.config.ts and vitest.config.ts load it through the parser and the snapshot) never meet a .svelte.
  const islands = import.meta.glob<Component<RootProps>>('./roots/*.svelte', { import: 'default' });
  const island = islands[`./roots/${name[0]?.toUpperCase()}${name.slice(1)}.svelte`];
  return island ? island() : Promise.reject(new Error(`no island for the ${name} view`));
}

/** The values each closed parameter takes (the parser checks them; the builder offers them). */
export const PARAM_VALUES = {
  resolution: ['year', 'month'],
  rolling: ['12'],
  per100k: ['true', 'false'],
  lang: ['es', 'en'],
  theme: ['auto', 'light', 'dark'],
} as const;
