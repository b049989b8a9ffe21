// The statement view in the registry (../views.ts): who said what, next to the evidence.
import type { ViewLoader } from '../viewdata.js';
import { statementModel } from './statement.js';

export const meta = {
  name: 'statement',
  indicator: 'statement',
  takes: [],
  height: 560,
  drawn: [676, 534, 493],
} as const;

/** Its name and what it shows, in both languages (the builder's and the docs' words; never in mt0.js). */
export const text = {
  label: { es: 'Declaración y evidencia', en: 'Statement and evidence' },
  about: {
    es: 'Lo que dijo una autoridad, con su fuente, junto a las cifras con que se contrasta.',
    en: 'What an official said, with its source, next to the figures it is checked against.',
  },
} as const;

/** The view's data: the statement and its evidence. */
export const load: ViewLoader = (b, p, base) => {
  const m = statementModel(b, p);
  return m && { ...base(`${m.who}: ${m.title}`, m.sources), statement: m };
};
