// Entry of the builder's script (dist/public/embed-assets/builder.js, + builder.css): makes /builder live.
// Every change of the form redraws the preview (the real <mt0-widget>, its attributes set), rewrites the
// three embed codes, the oEmbed URL and the link back, and keeps the state in the URL (replaceState). The
// place is an ARIA 1.2 combobox (list autocomplete, no automatic selection) fed by /v1/geos?q=: arrow
// keys move through the options (aria-activedescendant), Enter chooses, Escape closes (then clears), and
// a status line counts the results. The server renders the same page without this script.
import { ATTRS } from '../element/attrs.js';
import { dataUrl } from '../element/load.js';
import { builderQuery, type EmbedScripts, embedCodes } from '../lib/embedCodes.js';
import { paramsQuery, parseParams, takenOnly } from '../lib/params.js';
import type { Lang, Params } from '../lib/types.js';
import { indicatorDefault, VIEWS, type ViewName, viewMeta } from '../lib/views.js';
import './gallery.css';
import './builder.css';
import { wireCopyButtons } from './copy.js';

interface Words {
  results: { one: string; many: string };
  noResults: string;
  none: string;
  bad: string;
  level: Record<string, string>;
  scripts: EmbedScripts;
}
interface Place {
  id: string;
  name: { es: string; en: string };
  level: string;
  cut?: number;
}

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const form = byId<HTMLFormElement>('options');
const words = JSON.parse(byId('builder-words').textContent ?? '{}') as Words;
const problem = byId('problem');
const widget = document.querySelector('#preview mt0-widget') as HTMLElement;
const geo = byId<HTMLInputElement>('geo');
const list = byId<HTMLUListElement>('geo-list');
const count = byId('geo-count');
const lang = document.documentElement.lang as Lang;
const origin = location.origin;

const say = (lines: string[]) =>
  problem.replaceChildren(
    ...lines.map((l) => Object.assign(document.createElement('p'), { textContent: l })),
  );

/** The form's options as the parser reads them; the place is the chosen one's id. */
function read(): Record<string, string> {
  const fd = new FormData(form);
  const one = (k: string) => String(fd.get(k) ?? '');
  return {
    view: one('view'),
    indicator: fd.getAll('indicator').join(','),
    geo: geo.dataset.id ?? geo.value,
    from: one('from'),
    to: one('to'),
    resolution: one('resolution'),
    rolling: one('rolling'),
    per100k: one('per100k'),
    lang: one('lang'),
    theme: one('theme'),
    // Pinned to a release (its version) or always the latest (no `release`).
    release: one('v') === 'latest' ? '' : one('v'),
  };
}

/** Shows the fields the view takes and the indicator control of its kind (a disabled one is not sent). */
function fieldsFor(view: ViewName) {
  const m = viewMeta(view);
  for (const el of form.querySelectorAll<HTMLElement>('[data-takes]'))
    el.hidden = !(m.takes as readonly string[]).includes(el.dataset.takes ?? '');
  for (const el of form.querySelectorAll<HTMLElement>('[data-kind]')) {
    const on = el.dataset.kind === m.indicator;
    el.hidden = !on;
    for (const c of el.matches('select, fieldset') ? [el] : el.querySelectorAll('select'))
      (c as HTMLSelectElement).disabled = !on;
  }
}

/** The many-indicator boxes set to a view's default (compare's and table's differ). */
function manyDefaults(view: ViewName) {
  const d = new Set([indicatorDefault(view)].flat());
  for (const box of form.querySelectorAll<HTMLInputElement>('[data-kind=many] input[type=checkbox]'))
    box.checked = d.has(box.value);
}

function draw(p: Params) {
  const values: Record<string, string | undefined> = {
    ...p,
    rolling: p.rolling ? '12' : undefined,
    per100k: p.per100k ? 'true' : undefined,
  };
  // The element's own attributes (but `api`: the preview's data come from this page's origin).
  for (const a of ATTRS) {
    if (a === 'api') continue;
    const v = values[a];
    if (v === undefined) widget.removeAttribute(a);
    else if (widget.getAttribute(a) !== v) widget.setAttribute(a, v);
  }
}

const setCode = (id: string, text: string) => {
  byId(id).textContent = text;
};

let seq = 0;
async function update() {
  const raw = read();
  const parsed = parseParams(raw, (raw.view as ViewName) || 'compare', lang);
  if (!parsed.ok) return say([`${words.bad} ${parsed.errors.join('; ')}.`]);
  const p = takenOnly(parsed.params);
  const query = builderQuery(p);
  history.replaceState(null, '', `/builder?${query}`);
  // The builder speaks the chart's language: its words come from the server.
  if (p.lang !== lang) return location.reload();
  draw(p);
  const mine = ++seq;
  const res = await fetch(dataUrl(origin, p), { headers: { accept: 'application/json' } }).catch(
    () => undefined,
  );
  if (mine !== seq) return;
  const title = res?.ok ? ((await res.json()) as { title?: string }).title : undefined;
  if (mine !== seq) return;
  if (!title) {
    say([words.none]);
    for (const id of ['code-script', 'code-iframe', 'code-link']) setCode(id, '');
  } else {
    say([]);
    const codes = embedCodes(origin, p, title, words.scripts);
    setCode('code-script', codes.script);
    setCode('code-iframe', codes.iframe);
    setCode('code-link', codes.link);
  }
  setCode(
    'code-oembed',
    `${origin}/oembed?url=${encodeURIComponent(`${origin}/embed/${p.view}?${paramsQuery(p)}`)}&format=json`,
  );
  setCode('code-builder', `${origin}/builder?${query}`);
}

// The place combobox.
let places: Place[] = [];
let active = -1;
let timer: ReturnType<typeof setTimeout> | undefined;
let asked = 0;

function render() {
  const open = places.length > 0 && document.activeElement === geo;
  list.replaceChildren(
    ...places.map((g, i) => {
      const li = document.createElement('li');
      li.id = `geo-opt-${i}`;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', String(i === active));
      li.textContent = `${g.name[lang]} — ${words.level[g.level] ?? g.level}${g.cut ? ` · CUT ${g.cut}` : ''}`;
      return li;
    }),
  );
  list.hidden = !open;
  geo.setAttribute('aria-expanded', String(open));
  if (open && active >= 0) {
    geo.setAttribute('aria-activedescendant', `geo-opt-${active}`);
    list.children[active]?.scrollIntoView({ block: 'nearest' });
  } else geo.removeAttribute('aria-activedescendant');
}

function close() {
  active = -1;
  list.hidden = true;
  geo.setAttribute('aria-expanded', 'false');
  geo.removeAttribute('aria-activedescendant');
}

async function search() {
  const q = geo.value.trim();
  const mine = ++asked;
  if (!q) {
    places = [];
    count.textContent = '';
    return close();
  }
  const res = await fetch(`/v1/geos?q=${encodeURIComponent(q)}&limit=8`, {
    headers: { accept: 'application/json' },
  }).catch(() => undefined);
  if (mine !== asked) return;
  places = res?.ok ? ((await res.json()) as { data: Place[] }).data : [];
  active = -1;
  count.textContent =
    places.length === 0
      ? words.noResults
      : places.length === 1
        ? words.results.one
        : words.results.many.replace('{n}', String(places.length));
  render();
}

function choose(i: number) {
  const g = places[i];
  if (!g) return;
  geo.value = g.name[lang];
  geo.dataset.id = g.id;
  places = [];
  count.textContent = '';
  close();
  void update();
}

geo.addEventListener('input', () => {
  // The options shown were for the text before: gone at once, so that Enter never takes a stale one.
  places = [];
  asked++;
  render();
  clearTimeout(timer);
  timer = setTimeout(search, 120);
});
geo.addEventListener('keydown', (e) => {
  const n = places.length;
  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
    if (n === 0) return;
    e.preventDefault();
    active = e.key === 'ArrowDown' ? (active + 1) % n : active <= 0 ? n - 1 : active - 1;
    render();
  } else if (e.key === 'Enter') {
    // Enter chooses the option shown active, or the best match; it never submits the form here.
    e.preventDefault();
    if (!list.hidden && n > 0) choose(Math.max(active, 0));
  } else if (e.key === 'Escape') {
    if (!list.hidden) {
      e.preventDefault();
      close();
    } else {
      geo.value = '';
      places = [];
      count.textContent = '';
    }
  }
});
geo.addEventListener('blur', close);
geo.addEventListener('focus', render);
// A pointer on an option chooses it; the input keeps the focus.
list.addEventListener('pointerdown', (e) => e.preventDefault());
list.addEventListener('click', (e) => {
  const li = (e.target as HTMLElement).closest('li');
  if (li) choose([...list.children].indexOf(li));
});

form.addEventListener('change', (e) => {
  const target = e.target as HTMLInputElement;
  if (target === geo) return;
  if (target.name === 'view') {
    const v = target.value as ViewName;
    if (VIEWS.includes(v)) {
      if (viewMeta(v).indicator === 'many') manyDefaults(v);
      fieldsFor(v);
    }
  }
  if (target.id === 'indicator') {
    const about = target instanceof HTMLSelectElement ? target.selectedOptions[0]?.dataset.about : undefined;
    byId('indicator-about').textContent = about ?? '';
  }
  void update();
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  void update();
});

wireCopyButtons(document);
