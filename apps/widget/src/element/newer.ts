// The "newer data" check, a chunk of its own: loaded only by a pinned widget (mt0.js) or a pinned embed
// page, once it has drawn. It asks the kit's API for the corrections made after the pinned release
// (`/v1/corrections?since=`) and, when one touches a row the widget shows, fills the footer's reserved
// line with a link to the latest data and marks those rows in its table (a visible ✱ and, for screen
// readers, what changed, old → new, when and why). Nothing moves: the line was reserved when drawn, and
// a mark takes the width of one character. Never throws into the page: a failure goes to the console.
import { type Newer, newerOf } from '../lib/newer.js';
import type { Lang } from '../lib/types.js';

const WORDS = {
  es: {
    link: 'Hay datos más nuevos',
    more: (v: string, n: number) =>
      `: la versión ${v} corrigió ${n === 1 ? 'un dato' : `${n} datos`} de este gráfico (se abre en otra pestaña)`,
    why: 'Motivo:',
  },
  en: {
    link: 'Newer data',
    more: (v: string, n: number) =>
      `: release ${v} corrected ${n === 1 ? 'a figure' : `${n} figures`} in this chart (opens in a new tab)`,
    why: 'Why:',
  },
};

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}) =>
  Object.assign(document.createElement(tag), props);

/** Writes the link into the footer's reserved line and the marks into the table rows of `root`. */
export function showNewer(root: ParentNode, n: Newer, lang: Lang, href: string): void {
  const w = WORDS[lang];
  const rows = [...root.querySelectorAll<HTMLElement>('tr[data-key]')];
  const count = new Set(Object.keys(n.fixes)).size;
  const a = el('a', {
    href,
    target: '_blank',
    rel: 'noopener',
    className: 'btn newer-link',
    textContent: w.link,
  });
  a.append(el('span', { className: 'sr', textContent: w.more(n.release, count) }));
  root.querySelector('.newer')?.replaceChildren(a);
  for (const tr of rows) {
    const fixes = n.fixes[tr.dataset.key ?? ''];
    const cell = tr.querySelector('td.num');
    if (!fixes || !cell || cell.querySelector('.fix')) continue;
    const text = fixes.map((f) => `${f.what} ${w.why} ${f.why}`).join(' ');
    // The mark is seen (with the same words on hover); the words are read, the why in its own language.
    const mark = el('span', { className: 'fix', title: text, textContent: '✱' });
    mark.setAttribute('aria-hidden', 'true');
    const sr = el('span', { className: 'sr' });
    for (const f of fixes) {
      sr.append(` ${f.what} ${w.why} `, el('span', { lang: 'en', textContent: f.why }));
    }
    cell.append(mark, sr);
  }
}

/**
 * Asks `{api}/v1/corrections?since={release}` and shows what it finds in `root` (a widget's shadow root,
 * or an embed page's document); `href` is the same view, unpinned.
 */
export async function checkNewer(
  root: ParentNode,
  api: string,
  release: string,
  lang: Lang,
  href: string,
): Promise<void> {
  const url = `${api.replace(/\/+$/, '')}/v1/corrections?since=${encodeURIComponent(release)}`;
  try {
    const res = await fetch(url, { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(`${res.status} from ${url}`);
    const keys = [...root.querySelectorAll<HTMLElement>('tr[data-key]')].map((tr) => tr.dataset.key ?? '');
    const n = newerOf(keys, ((await res.json()) as { data?: unknown })?.data, release, lang);
    if (n) showNewer(root, n, lang, href);
  } catch (e) {
    console.warn(`mt0: could not ask whether data newer than release ${release} exist: ${e}`);
  }
}
