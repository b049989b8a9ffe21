// The dataset as the views' Bundle (server side), and the offline snapshot mt0.js carries: the default
// views' data, computed at build time from @mt0/core/dataset. Never ship the whole dataset in mt0.js.

import type { Dataset } from '@mt0/core/schemas';
import { type Strings, t } from './i18n.js';
import type { Bundle, Lang, Params } from './types.js';
import { type ViewData, viewData, viewKey } from './viewdata.js';
import { VIEWS } from './views.js';

/** Anything shaped like the compiled dataset (its `meta.version` and record arrays). */
export interface DatasetLike {
  meta: { version: string; releaseDate?: string | undefined };
  geos: unknown[];
  sources: unknown[];
  indicators: unknown[];
  observations: unknown[];
  changes: unknown[];
  statements: unknown[];
  events: unknown[];
}

const graded = <T extends { confidence: string }>(xs: readonly T[]) => xs.filter((x) => x.confidence !== 'C');

// Only the fields the views draw travel on (embed pages carry their records): quotes and notes stay in
// the dataset and the API.
const slimObs = ({
  id,
  indicator,
  geo,
  period,
  value,
  qualifier,
  low,
  high,
  source,
  periodStatus,
}: Dataset['observations'][number]) => ({
  id,
  indicator,
  geo,
  period,
  value,
  qualifier,
  low,
  high,
  source,
  ...(periodStatus ? { periodStatus } : {}),
});
const slimChange = ({
  id,
  indicator,
  geo,
  from,
  to,
  percent,
  qualifier,
  low,
  high,
  source,
  periodStatus,
}: Dataset['changes'][number]) => ({
  id,
  indicator,
  geo,
  from,
  to,
  percent,
  qualifier,
  low,
  high,
  source,
  ...(periodStatus ? { periodStatus } : {}),
});
// What an indicator counts and why it has its role travel too: the footer's notes panel reads them.
const slimIndicator = ({
  id,
  name,
  unit,
  unitShort,
  role,
  countedBy,
  description,
  roleReason,
}: Dataset['indicators'][number]) => ({
  id,
  name,
  unit,
  unitShort,
  role,
  ...(countedBy ? { countedBy } : {}),
  description,
  roleReason,
});

/**
 * The whole dataset as a Bundle (server side and build time only). The dataset was validated once, at
 * build, by @mt0/core: nothing is checked again here. Records of confidence C are left out, as the API
 * leaves them out by default: the views draw A and B only.
 */
export function toBundle(input: DatasetLike): Bundle {
  const d = input as unknown as Dataset;
  return {
    version: d.meta.version,
    ...(d.meta.releaseDate ? { released: d.meta.releaseDate } : {}),
    geos: d.geos.map(({ id, name, level, cut, roman, parent, variants }) => ({
      id,
      name,
      level,
      ...(cut !== undefined ? { cut } : {}),
      ...(roman !== undefined ? { roman } : {}),
      ...(parent !== undefined ? { parent } : {}),
      ...(variants !== undefined ? { variants } : {}),
    })),
    sources: d.sources.map(({ id, publisher, url, via, published }) => ({
      id,
      publisher,
      url,
      via,
      published,
    })),
    indicators: d.indicators.map(slimIndicator),
    observations: graded(d.observations).map(slimObs),
    changes: graded(d.changes).map(slimChange),
    statements: d.statements.map(({ id, who, date, claim, lang, source, indicators, evidence }) => ({
      id,
      who,
      date,
      claim,
      lang,
      source,
      indicators,
      evidence,
    })),
    events: d.events.map(({ id, date, kind, title, geo, breaksSeries, indicators }) => ({
      id,
      date,
      kind,
      title,
      geo,
      breaksSeries,
      indicators,
    })),
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
