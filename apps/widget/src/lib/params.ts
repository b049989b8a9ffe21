// Reads a widget's attributes (or an embed URL's query) into checked Params. Pure; shared by the custom
// element, the embed page server and oEmbed, so all three accept and reject exactly the same input.
import type { Lang, Params, Theme } from './types.js';
import {
  DEFAULT_VIEW,
  type IndicatorKind,
  PARAM_VALUES,
  type ViewName,
  viewKinds,
  viewMeta,
} from './views.js';

/** The registry's view kinds, put in by mt0.js's build (vite.config.ts); elsewhere read from the registry. */
declare const __MT0_VIEW_KINDS__: Record<string, IndicatorKind> | undefined;
const KINDS = typeof __MT0_VIEW_KINDS__ === 'object' ? __MT0_VIEW_KINDS__ : viewKinds();
const NAMES = Object.keys(KINDS);

const ID = /^[a-z0-9]+([._-][a-z0-9]+)*$/;
// A place id (CL, CL-RM, a comuna's CL-05101), a CUT code (13, 5101) or a name (Calama, Valparaíso,
// Coihaique): the kit server reads it with core's place resolver, as the API does.
const GEO = /^[\p{L}\p{N}][\p{L}\p{N} .'’-]{0,59}$/u;
const POINT = /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$/;
/** A kept release's version, as the API's `v` takes it (0.4.0). */
export const RELEASE = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;

/** Raw input: attribute values or query parameters; `null`/`undefined`/empty all mean "not given". */
export type RawParams = Partial<
  Record<
    | 'view'
    | 'indicator'
    | 'geo'
    | 'from'
    | 'to'
    | 'lang'
    | 'theme'
    | 'resolution'
    | 'rolling'
    | 'per100k'
    | 'release',
    string | null
  >
>;

export type ParseResult = { ok: true; params: Params } | { ok: false; errors: string[] };

const given = (v: string | null | undefined): string | undefined => {
  const s = v?.trim();
  return s ? s : undefined;
};

/** The first two letters of a page's `lang` when it is es or en, else `es`. */
export function langFrom(pageLang: string | null | undefined): Lang {
  const l = (pageLang ?? '').slice(0, 2).toLowerCase();
  return l === 'en' ? 'en' : 'es';
}

/**
 * Checks every parameter and names each bad one; never throws.
 * @example parseParams({ view: 'stat', lang: 'en' }) // { ok: true, params: { view: 'stat', geo: 'CL', lang: 'en', theme: 'auto' } }
 * @example parseParams({ view: 'pie' }) // { ok: false, errors: ['view: "pie" is not one of stat, series, compare, statement, table'] }
 */
export function parseParams(
  raw: RawParams,
  defaultView: ViewName = DEFAULT_VIEW,
  defaultLang: Lang = 'es',
): ParseResult {
  const errors: string[] = [];
  const bad = (name: string, value: string, expected: string) =>
    errors.push(`${name}: "${value.slice(0, 40)}" is not ${expected}`);
  const view = given(raw.view) ?? defaultView;
  if (!NAMES.includes(view)) bad('view', view, `one of ${NAMES.join(', ')}`);
  const indicator = given(raw.indicator);
  if (indicator !== undefined) {
    const ids = indicator.split(',').map((s) => s.trim());
    const many = KINDS[view] === 'many' ? 6 : 1;
    if (ids.length > many || ids.some((id) => !ID.test(id))) {
      bad(
        'indicator',
        indicator,
        many > 1 ? 'up to six indicator ids joined by commas' : 'an indicator id such as mt0.arrests',
      );
    }
  }
  const geo = given(raw.geo) ?? 'CL';
  if (!GEO.test(geo)) bad('geo', geo, 'a place: an id, a CUT code or a name (CL-RM, 2201, Calama)');
  // The closed parameters, each against the registry's values for it.
  const closed = (name: keyof typeof PARAM_VALUES) => {
    const v = given(raw[name]);
    const values: readonly string[] = PARAM_VALUES[name];
    if (v !== undefined && !values.includes(v)) bad(name, v, `one of ${values.join(', ')}`);
    return v;
  };
  const resolution = closed('resolution');
  const rolling = closed('rolling');
  const per100k = closed('per100k');
  const from = given(raw.from);
  const to = given(raw.to);
  const point = 'a year (2015) or a month (2015-03)';
  if (from !== undefined && !POINT.test(from)) bad('from', from, point);
  if (to !== undefined && !POINT.test(to)) bad('to', to, point);
  if (from && to && POINT.test(from) && POINT.test(to) && from.slice(0, 7) > to.slice(0, 7)) {
    bad('from', from, `before to (${to})`);
  }
  // The element's `release`, a URL's `v` (the API's name): a pinned widget draws that release's data.
  const release = given(raw.release);
  if (release !== undefined && !RELEASE.test(release))
    bad('release', release, 'a release version such as 0.4.0');
  const langRaw = closed('lang');
  const theme = closed('theme') ?? 'auto';
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    params: {
      view: view as ViewName,
      ...(indicator ? { indicator } : {}),
      geo,
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
      ...(resolution ? { resolution: resolution as 'month' | 'year' } : {}),
      ...(rolling ? { rolling: true } : {}),
      ...(per100k === 'true' ? { per100k: true } : {}),
      lang: (langRaw as Lang | undefined) ?? defaultLang,
      theme: theme as Theme,
      ...(release ? { release } : {}),
    },
  };
}

/** The query string that reproduces `params` (defaults left out), for embed URLs and oEmbed. */
export function paramsQuery(p: Params): string {
  const q = new URLSearchParams();
  const values: [string, string | false | undefined][] = [
    ['indicator', p.indicator],
    ['geo', p.geo !== 'CL' && p.geo],
    ['from', p.from],
    ['to', p.to],
    ['resolution', p.resolution],
    ['rolling', p.rolling && '12'],
    ['per100k', p.per100k && 'true'],
    ['lang', p.lang],
    ['theme', p.theme !== 'auto' && p.theme],
    ['v', p.release],
  ];
  for (const [name, v] of values) if (v) q.set(name, v);
  return q.toString();
}

/**
 * The params without the options the view does not take (the registry's `takes`): what its embed codes
 * and its URL carry.
 * @example takenOnly({ view: 'compare', geo: 'CL-RM', rolling: true, lang: 'es', theme: 'auto' }) // { view: 'compare', geo: 'CL', lang: 'es', theme: 'auto' }
 */
export function takenOnly(p: Params): Params {
  const takes: readonly string[] = viewMeta(p.view).takes;
  const out: Params = {
    view: p.view,
    geo: takes.includes('geo') ? p.geo : 'CL',
    lang: p.lang,
    theme: p.theme,
  };
  if (p.indicator) out.indicator = p.indicator;
  if (p.release) out.release = p.release;
  for (const k of ['from', 'to', 'resolution', 'rolling', 'per100k'] as const)
    if (p[k] !== undefined && takes.includes(k)) (out as unknown as Record<string, unknown>)[k] = p[k];
  return out;
}
