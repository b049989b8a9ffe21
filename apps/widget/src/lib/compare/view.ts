// The compare view in the registry (../views.ts): enforcement outputs against outcomes.
import type { ViewLoader } from '../viewdata.js';
import { compareModel } from './compare.js';

export const meta = {
  name: 'compare',
  indicator: 'many',
  takes: [],
  height: 600,
  drawn: [1035, 735, 576],
} as const;

/** Its name and what it shows, in both languages (the builder's and the docs' words; never in mt0.js). */
export const text = {
  label: { es: 'Actividad frente a resultados', en: 'Outputs against outcomes' },
  about: {
    es: 'Los últimos cambios informados de hasta seis indicadores como tasas anuales, lado a lado: actividad policial frente a resultados, con la frase de @mt0/core.',
    en: "The latest reported changes of up to six indicators as annual rates, side by side: police activity against outcomes, with @mt0/core's sentence.",
  },
} as const;

/** The view's data: core's comparison of the changes. */
export const load: ViewLoader = (b, p, base) => {
  const m = compareModel(b, p);
  return m && { ...base(m.title, m.sources), compare: m };
};
