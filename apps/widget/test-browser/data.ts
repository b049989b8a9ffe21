// Expected values for the browser tests, read from the dataset's records (never typed from memory).
import { dataset } from '@mt0/core/dataset';

type Rec = { id: string; value?: number; percent?: number };
const find = (xs: Rec[], id: string): Rec => {
  const r = xs.find((x) => x.id === id);
  if (!r) throw new Error(`no record ${id}`);
  return r;
};
export const obsValue = (id: string) => find(dataset.observations as Rec[], id).value as number;
export const changePercent = (id: string) => find(dataset.changes as Rec[], id).percent as number;
export const VERSION = dataset.meta.version;
/** The release date of VERSION as the footer reads it, from the compiled meta (ISO → d-m-y, and "29 Nov 2026"). */
const iso = (dataset.meta as { releaseDate?: string }).releaseDate ?? '';
export const RELEASED = {
  es: iso.split('-').reverse().join('-'),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${iso}T00:00:00Z`),
  ),
};

export const SEIZURES = changePercent('mt0.seizures:CL:2020/2021:pdi.via.insightcrime.2022');
export const SALES = changePercent('fiscalia.street_sales:CL:2015/2019:fiscalia.via.insightcrime.2022');
export const CONVICTIONS = changePercent(
  'fiscalia.convictions.microtrafficking:CL:2015/2019:fiscalia.via.insightcrime.2022',
);
export const ARRESTS_2020 = obsValue('mt0.arrests:CL:2020:pdi.via.insightcrime.2022');
export const CEAD_2010 = obsValue('cead.cases.drugs:CL:2010:cead.casos_policiales.extract2026');
export const CEAD_2025 = obsValue('cead.cases.drugs:CL:2025:cead.casos_policiales.extract2026');

/** Formats as es-CL or en would, for the expected strings: the tests' own arithmetic, not the widget's code. */
export const fmt = (x: number, lang: 'es' | 'en', digits = 0) =>
  new Intl.NumberFormat(lang === 'es' ? 'es-CL' : 'en', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  }).format(x);
export const annual = (percent: number, years: number) => ((1 + percent / 100) ** (1 / years) - 1) * 100;
