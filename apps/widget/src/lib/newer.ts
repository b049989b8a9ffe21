// "Hay datos más nuevos / Newer data": which rows of a pinned widget's table a later release corrected,
// from the corrections log (`/v1/corrections?since=<release>`), and the words that say so. Pure; used by
// the lazily loaded check (src/element/newer.ts) that mt0.js and the embed pages run once drawn.
import type { Lang } from './types.js';

/** One corrected record of a correction, as /v1/corrections lists it. */
interface CorrectedRecord {
  id: string;
  field?: string;
  old?: unknown;
  new?: unknown;
  newId?: string;
}

/** A table row's mark: what changed (old → new, in which release and when) and why (the log's words, in English). */
export interface Fix {
  what: string;
  why: string;
}

/** What a pinned widget learns: the latest release that corrected a row it shows, and each row's marks. */
export interface Newer {
  release: string;
  /** Marks by row key (the record id the row shows). */
  fixes: Record<string, Fix[]>;
}

const WORDS = {
  es: {
    fixed: 'Corregido en',
    withdrawn: 'Retirado en',
    fields: {
      value: 'valor',
      percent: 'porcentaje',
      qualifier: 'calificador',
      period: 'período',
      periodStatus: 'estado del período',
      unit: 'unidad',
      low: 'extremo inferior',
      high: 'extremo superior',
      forecast: 'pronóstico',
    } as Record<string, string>,
  },
  en: {
    fixed: 'Corrected in',
    withdrawn: 'Withdrawn in',
    fields: { periodStatus: 'period status', low: 'low end', high: 'high end' } as Record<string, string>,
  },
};

/** A correction's date as the reader's locale writes it: 29-11-2026 (es-CL), 29 Nov 2026 (en). */
const dateOf = (iso: string, lang: Lang) =>
  new Intl.DateTimeFormat(lang === 'es' ? 'es-CL' : 'en-GB', {
    day: lang === 'es' ? '2-digit' : 'numeric',
    month: lang === 'es' ? '2-digit' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${iso}T00:00:00Z`));

/** A value of the log as read: numbers in the reader's locale (float noise dropped), absent as "—". */
function shown(v: unknown, lang: Lang): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'number')
    return new Intl.NumberFormat(lang === 'es' ? 'es-CL' : 'en', { maximumFractionDigits: 6 }).format(v);
  return String(v);
}

/** Whether a corrected record is the one a row shows: by id (before or after), or all of an indicator's. */
const touches = (key: string, r: CorrectedRecord) =>
  key === r.id || key === r.newId || key.startsWith(`${r.id}:`);

const isVersion = (v: unknown): v is string => typeof v === 'string' && /^\d+\.\d+\.\d+$/.test(v);
const later = (a: string, b: string) => {
  const x = a.split('.').map(Number);
  const y = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return (x[i] as number) > (y[i] as number);
  return false;
};

/**
 * The rows among `keys` that corrections made after `since` touched, each with what changed, when and
 * why; `undefined` when none did (or the log is not what the API gives).
 * @example newerOf(['mt0.arrests:CL:2021:pdi.via.insightcrime.2022'], [{ date: '2026-11-29', release: '0.3.0', records: [{ id: 'mt0.arrests:CL:2021:pdi.via.insightcrime.2022', field: 'qualifier', old: 'nearly', new: 'approximately' }], why: 'Two-sided.' }], '0.2.0', 'en')
 * // { release: '0.3.0', fixes: { 'mt0.arrests:CL:2021:pdi.via.insightcrime.2022': [{ what: 'Corrected in v0.3.0 (29 Nov 2026): qualifier: nearly → approximately.', why: 'Two-sided.' }] } }
 */
export function newerOf(keys: string[], log: unknown, since: string, lang: Lang): Newer | undefined {
  if (!Array.isArray(log)) return undefined;
  const w = WORDS[lang];
  const fixes: Record<string, Fix[]> = {};
  let release = since;
  for (const c of log) {
    if (!c || !isVersion(c.release) || !later(c.release, since) || !Array.isArray(c.records)) continue;
    const when = `v${c.release}${typeof c.date === 'string' && /^\d{4}-\d\d-\d\d$/.test(c.date) ? ` (${dateOf(c.date, lang)})` : ''}`;
    for (const r of c.records as CorrectedRecord[]) {
      if (typeof r?.id !== 'string') continue;
      const what =
        typeof r.field === 'string'
          ? `${w.fixed} ${when}: ${w.fields[r.field] ?? r.field}: ${shown(r.old, lang)} → ${shown(r.new, lang)}.`
          : `${w.withdrawn} ${when}.`;
      for (const key of keys.filter((k) => touches(k, r))) {
        const row = fixes[key] ?? [];
        row.push({ what, why: typeof c.why === 'string' ? c.why : '' });
        fixes[key] = row;
        if (later(c.release, release)) release = c.release;
      }
    }
  }
  return release === since ? undefined : { release, fixes };
}
