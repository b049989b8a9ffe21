// The reviewer's view of a data change: the records added, changed and removed between two versions of
// the data, as a markdown table to paste into a pull request (pnpm data:diff <git-ref>).
import { fractionWord } from '../qualifiers/policy.js';
import { type ChangedRecord, recordChanges } from './diff.js';
import { COLLECTIONS, type KeptRecord, type ReleaseRecords } from './schema.js';

/** A cell: pipes escaped and line breaks flattened, so a quote never breaks the table. */
const cell = (text: unknown) =>
  String(text ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

/** The figure as typed: a percent change with its sign of unit, a named fraction by its symbol (⅓, not 0.333…). */
const numberOf = (r: KeptRecord) => {
  if (r.percent !== undefined) return `${r.percent} %`;
  const f = typeof r.value === 'number' ? fractionWord(r.value) : undefined;
  return f ? f.symbol : String(r.value ?? '');
};
const arrow = (a: string, b: string) => (a === b ? a : `${a} → ${b}`);
const brief = (v: unknown) => {
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s === undefined ? '—' : s.length > 40 ? `${s.slice(0, 39)}…` : s;
};
/** Fields shown in their own columns (or derived from them), not under "also changed". */
const SHOWN = new Set(['value', 'percent', 'qualifier', 'quote', 'low', 'high', 'id']);

function figureRow(kind: 'added' | 'changed' | 'removed', r: KeptRecord, c?: ChangedRecord): string {
  const before = c?.before ?? r;
  const value = kind === 'changed' ? arrow(numberOf(before), numberOf(r)) : numberOf(r);
  const qualifier =
    kind === 'changed' ? arrow(String(before.qualifier), String(r.qualifier)) : String(r.qualifier);
  const quote = c?.fields.includes('quote') ? `~~${before.quote}~~ → ${r.quote}` : r.quote;
  const also = (c?.fields ?? [])
    .filter((f) => !SHOWN.has(f))
    .map((f) => (f === 'notes' ? 'notes' : `${f}: ${brief(before[f])} → ${brief(r[f])}`))
    .join('; ');
  return `| ${kind} | \`${cell(r.id)}\` | ${cell(value)} | ${cell(qualifier)} | ${cell(quote)} | ${cell(also)} |`;
}

/**
 * The markdown a reviewer reads: figures (levels and changes) in one table — id, old → new value,
 * qualifier, quote, and any other field that changed — then the other records (sources, indicators,
 * places, statements, events) by id with the fields that changed.
 * @example renderDataDiff(before, after, { from: 'HEAD~1', to: 'working tree' })
 * // '### Data changes: HEAD~1 → working tree\n\nFigures (levels and reported changes): 0 added, 1 changed, 0 removed. …\n\n| | record | value | …'
 */
export function renderDataDiff(
  before: ReleaseRecords,
  after: ReleaseRecords,
  labels: { from: string; to: string },
): string {
  const ch = recordChanges(before, after);
  const figures = (['observations', 'changes'] as const).flatMap((c) => [
    ...ch[c].added.map((r) => figureRow('added', r)),
    ...ch[c].changed.map((x) => figureRow('changed', x.after, x)),
    ...ch[c].removed.map((r) => figureRow('removed', r)),
  ]);
  const singular: Record<string, string> = {
    geos: 'place',
    sources: 'source',
    indicators: 'indicator',
    statements: 'statement',
    events: 'event',
  };
  const others = COLLECTIONS.filter((c) => c !== 'observations' && c !== 'changes').flatMap((c) => [
    ...ch[c].added.map((r) => `| added | ${singular[c]} \`${cell(r.id)}\` | |`),
    ...ch[c].changed.map(
      (x) =>
        `| changed | ${singular[c]} \`${cell(x.after.id)}\` | ${cell(x.fields.map((f) => `${f}: ${brief(x.before[f])} → ${brief(x.after[f])}`).join('; '))} |`,
    ),
    ...ch[c].removed.map((r) => `| removed | ${singular[c]} \`${cell(r.id)}\` | |`),
  ]);
  const count = (k: 'added' | 'changed' | 'removed') => ch.observations[k].length + ch.changes[k].length;
  const out = [`### Data changes: ${labels.from} → ${labels.to}`, ''];
  if (!figures.length && !others.length) return `${out.join('\n')}\nNo records changed.\n`;
  out.push(
    `Figures (levels and reported changes): ${count('added')} added, ${count('changed')} changed, ${count('removed')} removed. Other records: ${others.length}.`,
    '',
  );
  if (figures.length)
    out.push(
      '| | record | value | qualifier | quote | also changed |',
      '|---|---|---|---|---|---|',
      ...figures,
      '',
    );
  if (others.length) out.push('| | record | changed fields |', '|---|---|---|', ...others, '');
  return out.join('\n');
}
