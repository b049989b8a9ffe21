// The stat view in the registry (../views.ts): one figure, large.
import type { ViewLoader } from '../viewdata.js';
import { statModel } from './stat.js';

export const meta = {
  name: 'stat',
  indicator: 'one',
  takes: ['geo', 'from', 'to', 'resolution'],
  height: 260,
  drawn: [245, 227, 227],
} as const;

/** Its name and what it shows, in both languages (the builder's and the docs' words; never in mt0.js). */
export const text = {
  label: { es: 'Cifra destacada', en: 'Key figure' },
  about: {
    es: 'Una cifra grande: el último cambio informado de un indicador, o el último año completo de un lugar con su variación respecto del año anterior.',
    en: "One large figure: an indicator's latest reported change, or a place's latest full year with its change from the year before.",
  },
} as const;

/** The view's data: core's change or the latest level, with its source. */
export const load: ViewLoader = (b, p, base) => {
  const m = statModel(b, p);
  return m && { ...base(m.title, [m.sourceId]), stat: m };
};
