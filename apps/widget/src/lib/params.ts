// Reads a widget's attributes (or an embed URL's query) into checked Params. Pure; shared by the custom
// element, the embed page server and oEmbed, so all three accept and reject exactly the same input.
import { type Lang, type Params, type Theme, VIEWS, type ViewName } from './types.js';

const ID = /^[a-z0-9]+([._-][a-z0-9]+)*$/;
// A place id (CL, CL-RM, a comuna's CL-05101), a CUT code (13, 5101) or a name (Calama, Valparaíso,
// Coihaique): the kit server reads it with core's place resolver, as the API does.
const GEO = /^[\p{L}\p{N}][\p{L}\p{N} .'’-]{0,59}$/u;
const POINT = /^(19|20)\d{2}(-(0[1-9]|1[0-2]))?$/;
const THEMES: readonly Theme[] = ['light', 'dark', 'auto'];

/** Raw input: attribute values or query parameters; `null`/`undefined`/empty all mean "not given". */
export type RawParams = Partial<
  Record<
    'view' | 'indicator' | 'geo' | 'from' | 'to' | 'lang' | 'theme' | 'resolution' | 'rolling',
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
  defaultView: ViewName = 'compare',
  defaultLang: Lang = 'es',
): ParseResult {
  const errors: string[] = [];
  const bad = (name: string, value: string, expected: string) =>
    errors.push(`${name}: "${value.slice(0, 40)}" is not ${expected}`);
  const view = given(raw.view) ?? defaultView;
  if (!(VIEWS as readonly string[]).includes(view)) bad('view', view, `one of ${VIEWS.join(', ')}`);
  const indicator = given(raw.indicator);
  if (indicator !== undefined) {
    const ids = indicator.split(',').map((s) => s.trim());
    const many = view === 'compare' ? 6 : 1;
    if (ids.length > many || ids.some((id) => !ID.test(id))) {
      bad(
        'indicator',
        indicator,
        many > 1 ? 'up to six indicator ids joined by commas' : 'an indicator id such as mt0.arrests',
      );
    }
  }
  const geo = given(raw.geo) ?? 'CL';
  if (!GEO.test(geo)) bad('geo', geo, 'a place: CL, CL-RM, CL-02201, 13, 2201 or a name such as Calama');
  const resolution = given(raw.resolution);
  if (resolution !== undefined && resolution !== 'month' && resolution !== 'year')
    bad('resolution', resolution, 'month or year');
  const rolling = given(raw.rolling);
  if (rolling !== undefined && rolling !== '12') bad('rolling', rolling, '12 (a 12-month rolling sum)');
  const from = given(raw.from);
  const to = given(raw.to);
  const point = 'a year (2015) or a month (2015-03)';
  if (from !== undefined && !POINT.test(from)) bad('from', from, point);
  if (to !== undefined && !POINT.test(to)) bad('to', to, point);
  if (from && to && POINT.test(from) && POINT.test(to) && from.slice(0, 7) > to.slice(0, 7)) {
    bad('from', from, `before to (${to})`);
  }
  const langRaw = given(raw.lang);
  if (langRaw !== undefined && langRaw !== 'es' && langRaw !== 'en') bad('lang', langRaw, 'es or en');
  const theme = given(raw.theme) ?? 'auto';
  if (!(THEMES as readonly string[]).includes(theme)) bad('theme', theme, 'light, dark or auto');
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
      lang: (langRaw as Lang | undefined) ?? defaultLang,
      theme: theme as Theme,
    },
  };
}

/** The query string that reproduces `params` (defaults left out), for embed URLs and oEmbed. */
export function paramsQuery(p: Params): string {
  const q = new URLSearchParams();
  if (p.indicator) q.set('indicator', p.indicator);
  if (p.geo !== 'CL') q.set('geo', p.geo);
  if (p.from) q.set('from', p.from);
  if (p.to) q.set('to', p.to);
  if (p.resolution) q.set('resolution', p.resolution);
  if (p.rolling) q.set('rolling', '12');
  q.set('lang', p.lang);
  if (p.theme !== 'auto') q.set('theme', p.theme);
  return q.toString();
}
