// The builder's page (`GET /builder`): a form that picks a view and everything it takes, a live preview
// (the real <mt0-widget>), the three embed codes, the oEmbed URL and a link back here with the same
// state. The state lives in the URL's query (the embed parameters plus `view`), so the page works as a
// plain GET form without JavaScript; src/embed/builder.ts makes it live. Views, their labels and the
// parameters each takes come from the registry (src/lib/views.ts). Pure strings.
import { resolveGeo } from '../lib/data.js';
import { builderQuery, type EmbedScripts, embedCodes, embedUrl } from '../lib/embedCodes.js';
import { type Strings, t } from '../lib/i18n.js';
import type { Bundle, IndicatorRec, Lang, Params } from '../lib/types.js';
import {
  indicatorDefault,
  PARAM_VALUES,
  type TakenParam,
  VIEW_LIST,
  type ViewMeta,
  type ViewName,
  viewMeta,
  viewText,
} from '../lib/views.js';
import { escapeHtml as e } from './html.js';

const WORDS = {
  es: {
    title: 'Constructor de gráficos',
    lede: 'Elija una vista, un indicador y un lugar: la vista previa es el widget real, y debajo están sus códigos para pegar en la nota.',
    gallery: 'Galería de widgets',
    skip: 'Ir al formulario',
    form: 'Opciones del gráfico',
    view: 'Vista',
    indicator: 'Indicador',
    indicators: 'Indicadores (hasta seis)',
    statement: 'Declaración',
    place: 'Lugar',
    placeHint: 'Escriba un nombre o un código CUT («calama», «5101») y elija con las flechas y Enter.',
    results: { one: '1 resultado', many: '{n} resultados' },
    noResults: 'Ningún lugar coincide',
    from: 'Desde',
    to: 'Hasta',
    periodHint: 'Un año (2018) o un mes (2018-03); vacío: toda la serie.',
    resolution: 'Resolución',
    resolutions: { '': 'La de los datos', year: 'Anual', month: 'Mensual' },
    rolling: 'Suma móvil de 12 meses (solo mensual)',
    per100k: 'Tasa por 100.000 habitantes',
    lang: 'Idioma del gráfico',
    langs: { es: 'Español', en: 'Inglés' },
    theme: 'Tema',
    themes: { auto: 'Automático', light: 'Claro', dark: 'Oscuro' },
    release: 'Datos',
    pinned: 'Fijar la versión {v}: el gráfico no cambia bajo la nota',
    latest: 'Siempre los datos más recientes (el gráfico puede cambiar)',
    update: 'Actualizar',
    preview: 'Vista previa',
    codes: 'Códigos para insertar',
    script: 'Script (componente web) con enlace sin JavaScript',
    iframe: 'Iframe adaptable',
    link: 'Enlace (sin JavaScript)',
    oembed: 'URL oEmbed',
    back: 'Enlace a este constructor con estas opciones',
    copy: 'Copiar',
    done: 'Copiado',
    selected: 'Seleccionado: copie con Ctrl+C',
    bad: 'La dirección trae opciones que no sirven; se muestran las de por defecto:',
    none: 'No hay datos para esta selección: pruebe otro indicador, lugar o período.',
    level: { country: 'país', region: 'región', comuna: 'comuna' },
  },
  en: {
    title: 'Chart builder',
    lede: 'Pick a view, an indicator and a place: the preview is the real widget, and its codes to paste into the story are below it.',
    gallery: 'Widget gallery',
    skip: 'Skip to the form',
    form: 'Chart options',
    view: 'View',
    indicator: 'Indicator',
    indicators: 'Indicators (up to six)',
    statement: 'Statement',
    place: 'Place',
    placeHint: 'Type a name or a CUT code ("calama", "5101") and choose with the arrow keys and Enter.',
    results: { one: '1 result', many: '{n} results' },
    noResults: 'No place matches',
    from: 'From',
    to: 'To',
    periodHint: 'A year (2018) or a month (2018-03); empty: the whole series.',
    resolution: 'Resolution',
    resolutions: { '': "The data's own", year: 'Yearly', month: 'Monthly' },
    rolling: '12-month rolling sum (monthly only)',
    per100k: 'Rate per 100,000 inhabitants',
    lang: 'Language of the chart',
    langs: { es: 'Spanish', en: 'English' },
    theme: 'Theme',
    themes: { auto: 'Automatic', light: 'Light', dark: 'Dark' },
    release: 'Data',
    pinned: 'Pin release {v}: the chart never changes under the story',
    latest: 'Always the latest data (the chart may change)',
    update: 'Update',
    preview: 'Preview',
    codes: 'Embed codes',
    script: 'Script (web component) with a no-JavaScript link',
    iframe: 'Responsive iframe',
    link: 'Link (no JavaScript)',
    oembed: 'oEmbed URL',
    back: 'Link to this builder with these options',
    copy: 'Copy',
    done: 'Copied',
    selected: 'Selected: copy with Ctrl+C',
    bad: 'The address carries options that do not work; the defaults are shown:',
    none: 'There are no data for this selection: try another indicator, place or period.',
    level: { country: 'country', region: 'region', comuna: 'comuna' },
  },
} as const;

/** The builder's own words, for its script too (it reads them from the page). */
export type BuilderWords = (typeof WORDS)[Lang];

/** `{origin}/builder?view=…&…`: the builder with these options. */
export function builderUrl(origin: string, p: Params): string {
  return `${origin}/builder?${builderQuery(p)}`;
}

/** `{origin}/oembed?url=…`: the oEmbed answer for the embed page of these options. */
export function oembedUrl(origin: string, p: Params): string {
  return `${origin}/oembed?url=${encodeURIComponent(embedUrl(origin, p))}&format=json`;
}

export interface BuilderInput {
  origin: string;
  full: Bundle;
  /** The options to show (the URL's, or the defaults when the URL's were bad). */
  p: Params;
  /** What was wrong with the URL's options, if anything. */
  errors: string[];
  /** The chart's title, or `undefined` when there are no data for the options. */
  title: string | undefined;
  scripts: EmbedScripts;
  /** A built file's hashed path. */
  asset: (name: string) => string;
}

const GROUPS = ['output', 'outcome', 'context'] as const;
const groupLabel = (ui: Strings, role: string) =>
  role === 'output' ? ui.outputs : role === 'outcome' ? ui.outcomes : ui.context;
const about = (i: IndicatorRec, lang: Lang) => i.description?.[lang] ?? '';

/** Indicators by role (outputs, outcomes, context), each sorted by name in `lang`. */
function grouped(list: IndicatorRec[], lang: Lang): [string, IndicatorRec[]][] {
  return GROUPS.map((role): [string, IndicatorRec[]] => [
    role,
    list
      .filter(
        (i) => (i.role ?? 'context') === role || (role === 'context' && !GROUPS.includes(i.role as never)),
      )
      .sort((a, b) => a.name[lang].localeCompare(b.name[lang], lang)),
  ]).filter(([, xs]) => xs.length > 0);
}

/**
 * Indicators in their role groups: each group drawn by `group` (its label, escaped; its items) around its
 * indicators drawn by `item` — the one-indicator select's optgroups and the many-indicator fieldsets.
 */
function byRole(
  list: IndicatorRec[],
  lang: Lang,
  group: (label: string, items: string) => string,
  item: (i: IndicatorRec) => string,
): string {
  const ui = t(lang);
  return grouped(list, lang)
    .map(([role, xs]) => group(e(groupLabel(ui, role)), xs.map(item).join('')))
    .join('\n');
}

const selected = (on: boolean) => (on ? ' selected' : '');
const checked = (on: boolean) => (on ? ' checked' : '');
const hiddenUnless = (on: boolean) => (on ? '' : ' hidden');

/** The field groups a view shows: the ones it takes (the builder's script hides and shows them too). */
const shows = (m: ViewMeta, param: TakenParam) => m.takes.includes(param);

export function builderPage(o: BuilderInput): string {
  const { origin, full, p } = o;
  const lang = p.lang;
  const w = WORDS[lang];
  const meta = viewMeta(p.view);
  const chosen = new Set(p.indicator ? p.indicator.split(',').map((s) => s.trim()) : []);
  const defaults = (v: ViewMeta) => [indicatorDefault(v.name as ViewName)].flat();
  const current = (v: ViewMeta) => (p.view === v.name && chosen.size > 0 ? chosen : new Set(defaults(v)));

  // Indicators a view of each kind can draw: with observations (one), with reported changes (many).
  const observed = new Set(full.observations.map((x) => x.indicator));
  const changed = new Set(full.changes.map((x) => x.indicator));
  const one = full.indicators.filter((i) => observed.has(i.id) || changed.has(i.id));
  const many = full.indicators.filter((i) => changed.has(i.id));

  const viewField = `<fieldset class="views"><legend>${w.view}</legend>
${VIEW_LIST.map((v) => {
  const words = viewText(v.name);
  return `<div class="choice"><input type="radio" name="view" id="view-${v.name}" value="${v.name}"${checked(v.name === p.view)} aria-describedby="view-${v.name}-about"><label for="view-${v.name}">${e(words.label[lang])}</label><p class="hint" id="view-${v.name}-about">${e(words.about[lang])}</p></div>`;
}).join('\n')}
</fieldset>`;

  const oneNow = meta.indicator === 'one' ? [...current(meta)][0] : undefined;
  const oneAbout = one.find((i) => i.id === oneNow) ?? one[0];
  const oneField = `<div class="field" data-kind="one"${hiddenUnless(meta.indicator === 'one')}>
<label for="indicator">${w.indicator}</label>
<select id="indicator" name="indicator" aria-describedby="indicator-about"${meta.indicator === 'one' ? '' : ' disabled'}>
${byRole(
  one,
  lang,
  (label, items) => `<optgroup label="${label}">${items}</optgroup>`,
  (i) =>
    `<option value="${e(i.id)}" data-about="${e(about(i, lang))}"${selected(i.id === oneNow)}>${e(i.name[lang])}</option>`,
)}
</select>
<p class="hint" id="indicator-about">${e(oneAbout ? about(oneAbout, lang) : '')}</p>
</div>`;

  const manyNow = meta.indicator === 'many' ? current(meta) : new Set<string>();
  const manyField = `<fieldset class="field many" data-kind="many"${hiddenUnless(meta.indicator === 'many')}${meta.indicator === 'many' ? '' : ' disabled'}>
<legend>${w.indicators}</legend>
${byRole(
  many,
  lang,
  (label, items) => `<fieldset class="group"><legend>${label}</legend>${items}</fieldset>`,
  (i) =>
    `<div class="choice"><input type="checkbox" name="indicator" id="many-${e(i.id)}" value="${e(i.id)}"${checked(manyNow.has(i.id))} aria-describedby="many-${e(i.id)}-about"><label for="many-${e(i.id)}">${e(i.name[lang])}</label><p class="hint" id="many-${e(i.id)}-about">${e(about(i, lang))}</p></div>`,
)}
</fieldset>`;

  const stNow = meta.indicator === 'statement' ? [...current(meta)][0] : undefined;
  const statementField = `<div class="field" data-kind="statement"${hiddenUnless(meta.indicator === 'statement')}>
<label for="statement">${w.statement}</label>
<select id="statement" name="indicator"${meta.indicator === 'statement' ? '' : ' disabled'}>
${full.statements.map((s) => `<option value="${e(s.id)}"${selected(s.id === stNow)}>${e(`${s.who.name} (${s.date}): ${s.claim.length > 90 ? `${s.claim.slice(0, 89)}…` : s.claim}`)}</option>`).join('\n')}
</select>
</div>`;

  // The place as the widget reads it (an id, a CUT code or a name), shown by its name.
  const placeId = resolveGeo(full, p).geo;
  const place = full.geos.find((g) => g.id === placeId);
  const placeName = place ? place.name[lang] : p.geo;
  const placeField = `<div class="field combo" data-takes="geo"${hiddenUnless(shows(meta, 'geo'))}>
<label for="geo" id="geo-label">${w.place}</label>
<input id="geo" name="geo" type="text" value="${e(placeName)}" data-id="${e(p.geo)}" autocomplete="off" spellcheck="false" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="geo-list" aria-describedby="geo-hint">
<ul id="geo-list" role="listbox" aria-labelledby="geo-label" hidden></ul>
<p class="hint" id="geo-hint">${w.placeHint}</p>
<p class="count" id="geo-count" role="status"></p>
</div>`;

  const period = `<div class="row" data-takes="from"${hiddenUnless(shows(meta, 'from'))}>
<div class="field"><label for="from">${w.from}</label><input id="from" name="from" type="text" inputmode="numeric" size="8" value="${e(p.from ?? '')}" aria-describedby="period-hint"></div>
<div class="field"><label for="to">${w.to}</label><input id="to" name="to" type="text" inputmode="numeric" size="8" value="${e(p.to ?? '')}" aria-describedby="period-hint"></div>
<p class="hint" id="period-hint">${w.periodHint}</p>
</div>`;

  const resolution = `<div class="field" data-takes="resolution"${hiddenUnless(shows(meta, 'resolution'))}>
<label for="resolution">${w.resolution}</label>
<select id="resolution" name="resolution">${['', ...PARAM_VALUES.resolution].map((r) => `<option value="${r}"${selected((p.resolution ?? '') === r)}>${w.resolutions[r as '' | 'year' | 'month']}</option>`).join('')}</select>
</div>`;

  const box = (name: 'rolling' | 'per100k', value: string, on: boolean) =>
    `<div class="choice" data-takes="${name}"${hiddenUnless(shows(meta, name))}><input type="checkbox" id="${name}" name="${name}" value="${value}"${checked(on)}><label for="${name}">${w[name]}</label></div>`;

  const radios = <K extends 'lang' | 'theme'>(name: K, values: readonly string[], now: string) =>
    `<fieldset class="inline"><legend>${w[name]}</legend>${values
      .map(
        (v) =>
          `<span class="choice"><input type="radio" name="${name}" id="${name}-${v}" value="${v}"${checked(v === now)}><label for="${name}-${v}">${(w[name === 'lang' ? 'langs' : 'themes'] as Record<string, string>)[v]}</label></span>`,
      )
      .join('')}</fieldset>`;

  // Pinned (the default: the current release, or the one the URL names) or always the latest.
  const pinTo = p.release ?? full.version;
  const releaseField = `<fieldset class="inline release"><legend>${w.release}</legend><span class="choice"><input type="radio" name="v" id="v-pin" value="${e(pinTo)}"${checked(p.release !== undefined)}><label for="v-pin">${e(w.pinned.replace('{v}', pinTo))}</label></span><span class="choice"><input type="radio" name="v" id="v-latest" value="latest"${checked(p.release === undefined)}><label for="v-latest">${w.latest}</label></span></fieldset>`;

  const codes = o.title ? embedCodes(origin, p, o.title, o.scripts) : undefined;
  const code = (id: string, label: string, text: string) => `
<div class="code">
<div class="code-head"><h3 id="${id}-h">${label}</h3><button type="button" class="copy" data-copy="${id}" data-done="${w.done}" data-selected="${w.selected}" aria-describedby="${id}-h">${w.copy}</button></div>
<pre tabindex="0" aria-labelledby="${id}-h"><code id="${id}">${e(text)}</code></pre>
</div>`;

  const attrs = [
    `view="${p.view}"`,
    p.indicator ? `indicator="${e(p.indicator)}"` : '',
    `geo="${e(p.geo)}"`,
    p.from ? `from="${e(p.from)}"` : '',
    p.to ? `to="${e(p.to)}"` : '',
    p.resolution ? `resolution="${p.resolution}"` : '',
    p.rolling ? 'rolling="12"' : '',
    p.per100k ? 'per100k="true"' : '',
    `lang="${lang}"`,
    `theme="${p.theme}"`,
    p.release ? `release="${e(p.release)}"` : '',
  ]
    .filter(Boolean)
    .join(' ');

  const problems = [
    ...(o.errors.length > 0 ? [`${w.bad} ${o.errors.join('; ')}.`] : []),
    ...(o.title === undefined ? [w.none] : []),
  ];

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${w.title} — MT-0 Data Kit</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${o.asset('builder.css')}">
<script type="module" src="${o.asset('builder.js')}"></script>
<script type="module" src="${o.asset('mt0.js')}"></script>
</head>
<body>
<a class="skip" href="#options">${w.skip}</a>
<header class="top"><div class="wrap">
<p class="brand"><a href="/">MT-0 Data Kit</a> · <a href="/">${w.gallery}</a></p>
<h1>${w.title}</h1>
<p class="lede">${w.lede}</p>
</div></header>
<main class="wrap builder">
<div id="problem" class="problem" role="alert">${problems.map((x) => `<p>${e(x)}</p>`).join('')}</div>
<form id="options" method="get" action="/builder" aria-label="${w.form}">
${viewField}
${oneField}
${manyField}
${statementField}
${placeField}
${period}
${resolution}
${box('rolling', '12', p.rolling === true)}
${box('per100k', 'true', p.per100k === true)}
${radios('lang', PARAM_VALUES.lang, lang)}
${radios('theme', PARAM_VALUES.theme, p.theme)}
${releaseField}
<p><button type="submit" class="update">${w.update}</button></p>
</form>
<section class="preview" aria-labelledby="preview-h">
<h2 id="preview-h">${w.preview}</h2>
<div id="preview"><mt0-widget ${attrs}></mt0-widget></div>
</section>
<section class="codes" aria-labelledby="codes-h">
<h2 id="codes-h">${w.codes}</h2>
${code('code-script', w.script, codes?.script ?? '')}
${code('code-iframe', w.iframe, codes?.iframe ?? '')}
${code('code-link', w.link, codes?.link ?? '')}
${code('code-oembed', w.oembed, oembedUrl(origin, p))}
${code('code-builder', w.back, builderUrl(origin, p))}
</section>
</main>
<script type="application/json" id="builder-words">${JSON.stringify({ results: w.results, noResults: w.noResults, none: w.none, bad: w.bad, level: w.level, scripts: o.scripts }).replace(/</g, '\\u003c')}</script>
</body>
</html>
`;
}
