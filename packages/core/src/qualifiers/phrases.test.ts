// The qualifier policy against every qualifier phrase in the data: each record's quote is read for the
// words before its number, and every phrase found must be one the policy knows, giving the reading the
// table below states. The open-ended figures (policy 1.2) are listed one by one: a new "más de" figure
// must be added here, so a reviewer sees it.
import { describe, expect, it } from 'vitest';
import { qualifierPhrase } from '../loader/wording.js';
import { dataset } from '../test-utils/dataset.js';
import { intervalFor, QUALIFIER_RULES, type Qualifier } from './policy.js';

const records = [
  ...dataset.observations.map((o) => ({ n: o.value, ...o })),
  ...dataset.changes.map((c) => ({ n: c.percent, ...c })),
];
const found = records.flatMap((r) => {
  const p = qualifierPhrase({ number: r.n, quote: r.quote, lang: r.lang });
  return p ? [{ r, ...p }] : [];
});
const WORDS = QUALIFIER_RULES.flatMap((q) => [...q.words.en, ...q.words.es]).sort(
  (a, b) => b.length - a.length,
);
/** The policy words a phrase starts with ("cerca de un 94 % y 50" → "cerca de"). */
const wordsOf = (phrase: string) => WORDS.find((w) => phrase.toLowerCase().startsWith(w)) ?? phrase;
const isOpen = (q: string) => q === 'more_than' || q === 'at_least';

describe('every qualifier phrase in the data', () => {
  it('reads each phrase as the qualifier its record carries', () => {
    const disagree = found.filter((f) => f.qualifier !== f.r.qualifier).map((f) => [f.r.id, f.words]);
    expect(disagree).toEqual([]);
  });

  it('finds exactly these qualifier words, each with the interval policy 1.2 gives it', () => {
    const table = [...new Set(found.map((f) => `${wordsOf(f.words)} → ${f.qualifier}`))].sort();
    expect(table).toEqual([
      'about → approximately',
      'al menos → at_least',
      'almost → nearly',
      'alrededor de → approximately',
      'aproximadamente → approximately',
      'around → approximately',
      'casi → nearly',
      'cerca de → approximately',
      'hasta → at_most',
      'más de → more_than',
      'roughly → approximately',
    ]);
    // The readings, at X = 100: approximately [90, 110]; nearly and at_most [90, 100]; at least and
    // more than [100, ∞): a floor and no ceiling.
    const at100 = (q: Qualifier) => {
      const i = intervalFor(100, q);
      return [i.low, i.high];
    };
    expect(at100('approximately')).toEqual([90, 110.00000000000001]);
    expect(at100('nearly')).toEqual([90, 100]);
    expect(at100('at_most')).toEqual([90, 100]);
    expect(at100('more_than')).toEqual([100, Number.POSITIVE_INFINITY]);
    expect(at100('at_least')).toEqual([100, Number.POSITIVE_INFINITY]);
  });

  it('gives every figure the quote says is "more than" or "at least" an open upper end, and lists them', () => {
    // A figure the quote writes otherwise ("$ 5.000 millones" for 5,000,000,000) is judged, as the
    // validator judges it, by the policy's words anywhere in its quote.
    const open = records.flatMap((r) => {
      const said = found.find((f) => f.r === r);
      if (said) return isOpen(said.qualifier) ? [{ r, words: wordsOf(said.words) }] : [];
      if (!isOpen(r.qualifier)) return [];
      const words = QUALIFIER_RULES.find((q) => q.qualifier === r.qualifier)?.words[r.lang] ?? [];
      return [{ r, words: words.find((w) => r.quote.toLowerCase().includes(w)) ?? '(none)' }];
    });
    const rows = open.map((f) => [f.r.id, f.words, f.r.qualifier, f.r.low, f.r.high]);
    expect(rows.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
      [
        'fiscalia.seizures_abroad.destined_chile:CL:2015/2019:fiscalia.via.latercera.2020',
        'al menos',
        'at_least',
        156259,
        null,
      ],
      [
        'mt0.budget.initial:CL:2014:latercera.2014.dos-mil-puntos',
        'superior a',
        'more_than',
        5000000000,
        null,
      ],
      [
        'mt0.seizures.cannabis_plants:CL-VS:2016-01/2016-09:epicentrochile.2016.focos-v-region',
        'más de',
        'more_than',
        900,
        null,
      ],
      ['pdi.seizures.cocaine_hcl:CL-LI:2024:pdi.via.eltipografo.2025', 'más de', 'more_than', 5, null],
      ['pdi.seizures.total_tonnes:CL:2021:pdi.via.seguridadpublica.2022', 'más de', 'more_than', 40, null],
      [
        'pdi.seizures.value:CL-LI:2021-01/2021-09:pdi.via.diariosextaregion.2021',
        'más de',
        'more_than',
        61000000000,
        null,
      ],
      [
        'spd.denuncia_seguro.pdi_operations:CL:2021-01/2024-05:spd.via.elheraldo.2024',
        'más de',
        'more_than',
        2300,
        null,
      ],
    ]);
    // And no other record is open-ended: an open end comes only from the words.
    const ids = new Set(open.map((f) => f.r.id));
    expect(
      records.filter((r) => (r.high === null || r.low === null) && !ids.has(r.id)).map((r) => r.id),
    ).toEqual([]);
  });
});
