// The dataset as the views' Bundle (server side), and the offline snapshot mt0.js carries: the default
// views' data, computed at build time from @mt0/core/dataset. Never ship the whole dataset in mt0.js.
import { type Strings, t } from './i18n.js';
import type { Bundle, Lang, Params } from './types.js';
import { VIEWS } from './types.js';
import {
  checkChange,
  checkEvent,
  checkGeo,
  checkIndicator,
  checkObs,
  checkSource,
  checkStatement,
} from './validate.js';
import { type ViewData, viewData, viewKey } from './viewdata.js';

/** Anything shaped like the compiled dataset (its `meta.version` and record arrays). */
export interface DatasetLike {
  meta: { version: string };
  geos: unknown[];
  sources: unknown[];
  indicators: unknown[];
  observations: unknown[];
  changes: unknown[];
  statements: unknown[];
  events: unknown[];
}

const all = <T>(xs: unknown[], check: (x: unknown) => T | undefined): T[] =>
  xs.flatMap((x) => {
    const ok = check(x);
    return ok === undefined ? [] : [ok];
  });

/**
 * The whole dataset as a Bundle of slim, checked records (server side and build time only). Records of
 * confidence C are left out, as the API leaves them out by default: the views draw A and B only.
 */
export function toBundle(d: DatasetLike): Bundle {
  return {
    version: d.meta.version,
    geos: all(d.geos, checkGeo),
    sources: all(d.sources, checkSource),
    indicators: all(d.indicators, checkIndicator),
    observations: all(d.observations, checkObs),
    changes: all(d.changes, checkChange),
    statements: all(d.statements, checkStatement),
    events: all(d.events, checkEvent),
    comparisons: [],
  };
}

/** What mt0.js carries offline: the interface words once per language, and each default view's data. */
export interface Snapshot {
  ui: Record<Lang, Strings>;
  /** Keyed by `viewKey`; `ui` left out (it is `ui[lang]`), and no per-100k variant (online only). */
  views: Record<string, Omit<ViewData, 'ui' | 'rate'>>;
}

/** The data of every view's default in es and en (what mt0.js carries offline). */
export function makeSnapshot(d: DatasetLike): Snapshot {
  const full = toBundle(d);
  const views: Snapshot['views'] = {};
  for (const view of VIEWS) {
    for (const lang of ['es', 'en'] as const) {
      const p: Params = { view, geo: 'CL', lang, theme: 'auto' };
      const v = viewData(full, p);
      if (v) {
        const { ui, rate, ...rest } = v;
        views[viewKey(p)] = rest;
      }
    }
  }
  return { ui: { es: t('es'), en: t('en') }, views };
}

/** A snapshot entry as the view's data. */
export function fromSnapshot(s: Snapshot, key: string): ViewData | undefined {
  const v = s.views[key];
  return v && { ...v, ui: s.ui[v.lang] };
}
