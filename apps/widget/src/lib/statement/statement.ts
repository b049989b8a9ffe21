// The `statement` view: who said what, when, set next to the evidence it is checked against.
import { formatChangeSpan, formatPeriod } from '@mt0/core/format';
import { findIndicator, periodKey, sourceLabel, statementFor } from '../data.js';
import { t } from '../i18n.js';
import type { Bundle, Lang, Params, TableRow } from '../types.js';
import { changeRange, changeText, isApprox, levelRange, levelText } from '../values.js';

export interface StatementModel {
  title: string;
  who: string;
  role: string;
  date: string;
  claim: string;
  claimLang: Lang;
  /** "Original quote in Spanish" when the claim's language is not the widget's; else empty. */
  original: string;
  source: string;
  url?: string | undefined;
  evidence: TableRow[];
  sources: string[];
}

/** The statement (the seed's stockpiling claim by default) and its evidence records, read. */
export function statementModel(b: Bundle, p: Params): StatementModel | undefined {
  const st = statementFor(b, p);
  if (!st) return undefined;
  const s = t(p.lang);
  const url = (id: string) => b.sources.find((x) => x.id === id)?.url;
  const evidence: TableRow[] = st.evidence.flatMap((id): TableRow[] => {
    const c = b.changes.find((x) => x.id === id);
    if (c) {
      const ind = findIndicator(b, c.indicator);
      return [
        {
          key: id,
          label: ind?.name[p.lang] ?? c.indicator,
          period: formatChangeSpan(c.from, c.to, p.lang),
          periodKey: periodKey(c.from),
          value: changeText(c, p.lang),
          sortValue: c.percent,
          approximate: isApprox(c.qualifier),
          range: isApprox(c.qualifier) ? changeRange(c, p.lang) : '',
          source: sourceLabel(b, c.source, p.lang),
          url: url(c.source),
        },
      ];
    }
    const o = b.observations.find((x) => x.id === id);
    if (!o) return [];
    const ind = findIndicator(b, o.indicator);
    const unit = ind?.unit ?? 'count';
    return [
      {
        key: id,
        label: ind?.name[p.lang] ?? o.indicator,
        period: formatPeriod(o.period, p.lang),
        periodKey: periodKey(o.period),
        value: levelText(o, unit, p.lang),
        sortValue: o.value,
        approximate: isApprox(o.qualifier),
        range: levelRange(o, unit, p.lang),
        source: sourceLabel(b, o.source, p.lang),
        url: url(o.source),
      },
    ];
  });
  const who = st.who.name;
  const role = `${st.who.role}, ${st.who.organisation}`;
  const date = formatPeriod(st.date, p.lang);
  return {
    title: s.statementTitle,
    who,
    role,
    date,
    claim: st.claim,
    claimLang: st.lang,
    original: st.lang === p.lang ? '' : s.original,
    source: sourceLabel(b, st.source, p.lang),
    url: url(st.source),
    evidence,
    sources: [
      ...new Set([
        st.source,
        ...st.evidence.flatMap(
          (id) =>
            b.changes.find((c) => c.id === id)?.source ??
            b.observations.find((o) => o.id === id)?.source ??
            [],
        ),
      ]),
    ],
  };
}
