// Everything one view draws, computed on the server (and at build time for the snapshot) from the
// dataset with @mt0/core's metrics and formatting: the browser bundles receive it ready to draw, so they
// carry neither the core nor the dataset. JSON-serialisable on purpose.

import type { CompareModel } from './compare/compare.js';
import { withComparison } from './compare/comparison.js';
import { citation, csvUrl, indicatorIds, POPULATION, resolveGeo, sourceLabel, subsetFor } from './data.js';
import { type Strings, t } from './i18n.js';
import { paramsQuery } from './params.js';
import type { SeriesModel } from './series/series.js';
import type { StatModel } from './stat/stat.js';
import type { StatementModel } from './statement/statement.js';
import type { Bundle, Lang, Params, TableModel } from './types.js';
import { type ViewName, viewLoader } from './views.js';

export interface ViewData {
  view: ViewName;
  lang: Lang;
  /** Dataset version the numbers come from. */
  version: string;
  /** The server's latest release, when the numbers are of an older one (a pinned widget then checks for corrections). */
  latest?: string;
  title: string;
  /** The interface words in `lang`. */
  ui: Strings;
  sources: { label: string; url?: string | undefined }[];
  /** Path of the CSV behind the view on the API ("/v1/changes?format=csv"). */
  csv: string;
  /** Citation, without the page's address (the page adds its own). */
  cite: string;
  /** Path of the view's PNG image on the kit ("/embed/series.png?lang=es"). */
  image: string;
  /** The release date of `version` as read ("29-11-2026", "29 Nov 2026"); absent for unreleased records. */
  released?: string | undefined;
  /** For the footer's notes panel: each indicator shown, what it counts and why it has its role. */
  notes: { name: string; text: string }[];
  stat?: StatModel;
  series?: SeriesModel;
  /** The same series per 100,000 inhabitants, when it can be computed. */
  rate?: SeriesModel;
  compare?: CompareModel;
  statement?: StatementModel;
  table?: TableModel;
}

/**
 * A release date (ISO) as the footer reads it: day-month-year in Spanish, "29 Nov 2026" in English.
 * @example releaseDate('2026-11-29', 'es') // '29-11-2026'
 * @example releaseDate('2026-11-29', 'en') // '29 Nov 2026'
 */
export function releaseDate(iso: string, lang: Lang): string {
  const [y, m, d] = iso.split('-');
  if (lang === 'es') return `${d}-${m}-${y}`;
  return new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));
}

/** The key a view's data is stored and fetched under: `view?query` without the theme. */
export function viewKey(p: Params): string {
  return `${p.view}?${paramsQuery({ ...p, theme: 'auto' })}`;
}

/** What every view's data starts with: its title, sources, citation and notes (made by `viewData`). */
export type ViewBase = Omit<ViewData, 'stat' | 'series' | 'rate' | 'compare' | 'statement' | 'table'>;

/**
 * A view's data from the records it needs (each view's module, src/lib/{view}/view.ts, exports its
 * `load`); `undefined` when they cannot draw it.
 */
export type ViewLoader = (
  b: Bundle,
  p: Params,
  base: (title: string, sources: string[]) => ViewBase,
) => ViewData | undefined;

/** The view's data out of the whole bundle; `undefined` when the bundle cannot draw it. */
export function viewData(full: Bundle, asked: Params): ViewData | undefined {
  const p = resolveGeo(full, asked);
  const b = withComparison(subsetFor(full, p), p);
  const base = (title: string, sources: string[]): ViewBase => ({
    view: p.view,
    lang: p.lang,
    version: b.version,
    title,
    ui: t(p.lang),
    sources: sources.map((id) => ({
      label: sourceLabel(b, id, p.lang),
      url: b.sources.find((s) => s.id === id)?.url,
    })),
    csv: csvUrl('', p),
    image: `/embed/${p.view}.png?${paramsQuery(p)}`,
    cite: citation(b, sources, p.lang, '').trim(),
    ...(b.released ? { released: releaseDate(b.released, p.lang) } : {}),
    notes: b.indicators
      .filter((i) => i.id !== POPULATION || indicatorIds(p).includes(POPULATION))
      .map((i) => ({
        name: i.name[p.lang],
        text: [i.description?.[p.lang], i.roleReason?.[p.lang]].filter(Boolean).join(' '),
      })),
  });
  return viewLoader(p.view)(b, p, base);
}
