// The series view in the registry (../views.ts): a time series with its events and breaks.
import type { ViewLoader } from '../viewdata.js';
import { seriesModel } from './series.js';

export const meta = {
  name: 'series',
  indicator: 'one',
  takes: ['geo', 'from', 'to', 'resolution', 'rolling', 'per100k'],
  height: 560,
  drawn: [671, 597, 557],
} as const;

/** Its name and what it shows, in both languages (the builder's and the docs' words; never in mt0.js). */
export const text = {
  label: { es: 'Serie de tiempo', en: 'Time series' },
  about: {
    es: 'Un indicador año a año o mes a mes en un lugar, con hitos, quiebres de serie y vacíos; por 100.000 habitantes cuando hay población, y como suma móvil de 12 meses.',
    en: 'One indicator year by year or month by month in a place, with events, series breaks and gaps; per 100,000 inhabitants where there is a population, and as a 12-month rolling sum.',
  },
} as const;

/** The view's data: the series, and the same per 100,000 inhabitants when it can be computed. */
export const load: ViewLoader = (b, p, base) => {
  const m = seriesModel(b, p);
  const rate = m?.canRate ? seriesModel(b, p, true) : undefined;
  return m && { ...base(m.title, m.sources), series: m, ...(rate ? { rate } : {}) };
};
