// The pinned URLs whose bytes a kept release promises never to change, and how to read them from the app.
// scripts/pin-release.ts records them once per release into test-fixtures/pinned/<version>.json; the
// releases test asserts them (on Node and in workerd), so a later change of code or data that alters any
// of them fails. A release's files (every one it offers, and its data package) are recorded by their
// sha256, not their text.
import { RELEASE_FILE_NAMES } from '@mt0/core/release-files';

/** What a pinned URL answered: status, media type, and the body as text (or, for a file, its digest). */
export interface PinnedResponse {
  status: number;
  type: string | null;
  body?: string;
  /** `sha256:<hex>` of a file's bytes, and their length. */
  digest?: string;
  bytes?: number;
}

/**
 * The URLs kept for a release: records (JSON and CSV), an item, filters, metrics, logs, files. Not the
 * index (/v1): it lists what the server offers, so a new endpoint changes it.
 */
export const pinnedUrls = (v: string): string[] => [
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
  `/v1/datapackage.json?v=${v}`,
  ...RELEASE_FILE_NAMES.map((f) => `/v1/downloads/${f}?v=${v}`),
];

type Fetcher = (url: string) => Promise<Response>;

const hex = (buf: ArrayBuffer) =>
  [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');

/** A file (a download, or the data package served with pinned paths): recorded by its digest. */
const isFile = (url: string) => url.startsWith('/v1/downloads/') || url.startsWith('/v1/datapackage.json');

/** One pinned URL as the app answers it now (Web Crypto: the same code in Node and workerd). */
async function readOne(fetcher: Fetcher, url: string): Promise<PinnedResponse> {
  const res = await fetcher(url);
  const type = res.headers.get('content-type');
  if (isFile(url) && res.status === 200) {
    const body = await res.arrayBuffer();
    return {
      status: res.status,
      type,
      digest: `sha256:${hex(await crypto.subtle.digest('SHA-256', body))}`,
      bytes: body.byteLength,
    };
  }
  return { status: res.status, type, body: await res.text() };
}

/** Every pinned URL of a release as the app answers it now. */
export async function readPinned(
  fetcher: Fetcher,
  v: string,
  urls = pinnedUrls(v),
): Promise<Record<string, PinnedResponse>> {
  const out: Record<string, PinnedResponse> = {};
  for (const url of urls) out[url] = await readOne(fetcher, url);
  return out;
}
