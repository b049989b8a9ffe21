// The pinned URLs whose bytes a kept release promises never to change, and how to read them from the app.
// scripts/pin-release.ts records them once per release into test-fixtures/pinned/<version>.json; the
// releases test asserts them, so a later change of code or data that alters any of them fails.

/** What a pinned URL answered: status, media type and the body as text. */
export interface PinnedResponse {
  status: number;
  type: string | null;
  body: string;
}

/** The URLs kept for a release: records (JSON and CSV), an item, filters, metrics, the index and logs. */
export const pinnedUrls = (v: string): string[] => [
  `/v1?v=${v}`,
  `/v1/releases?v=${v}`,
  `/v1/corrections?v=${v}`,
  `/v1/indicators/mt0.arrests?v=${v}`,
  `/v1/indicators.csv?role=output&v=${v}`,
  `/v1/observations?indicator=mt0.arrests,mt0.arrests.hotline_share&confidence=A,B,C&v=${v}`,
  `/v1/observations.csv?indicator=mt0.arrests&geo=CL&v=${v}`,
  `/v1/observations?indicator=cead.cases.drugs&geo=13&from=2015&to=2019&v=${v}`,
  `/v1/changes?v=${v}`,
  `/v1/changes.csv?indicator=mt0.seizures,fiscalia.street_sales&v=${v}`,
  `/v1/sources/pdi.via.insightcrime.2022?v=${v}`,
  `/v1/statements?v=${v}`,
  `/v1/events?breaksSeries=true&v=${v}`,
  `/v1/metrics/change?from=mt0.arrests@2020&to=mt0.arrests@2021&confidence=A,B,C&v=${v}`,
  `/v1/metrics/annualized?change=fiscalia.street_sales&v=${v}`,
  `/v1/metrics/compare?lang=en&v=${v}`,
];

type Fetcher = (url: string) => Promise<Response>;

/** Every pinned URL of a release as the app answers it now. */
export async function readPinned(fetcher: Fetcher, v: string): Promise<Record<string, PinnedResponse>> {
  const out: Record<string, PinnedResponse> = {};
  for (const url of pinnedUrls(v)) {
    const res = await fetcher(url);
    out[url] = { status: res.status, type: res.headers.get('content-type'), body: await res.text() };
  }
  return out;
}
