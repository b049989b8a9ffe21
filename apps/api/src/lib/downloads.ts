// The release's whole-table files — the collections' CSVs (@mt0/core/downloads) and the comuna × month
// table as Arrow and gzip CSV (@mt0/store/downloads), each written at build and listed in its package's
// manifest — and where a runtime reads them from: a `DownloadStore`. Node reads the disk (src/server/downloads.ts);
// Workers read the static-assets binding (below). The app itself reads no files. A kept older release's
// files are made from its records when first asked for (`filesOfRelease`), by the function the build
// writes the current ones with (@mt0/core/release-files), so they have the bytes they had when current;
// the comuna × month table is the current build's (the store is not kept per release).
import { downloads as coreDownloads, type DownloadFile } from '@mt0/core/downloads';
import { type ReleaseFile, releaseFiles } from '@mt0/core/release-files';
import type { Dataset } from '@mt0/core/schemas';
import type { Encoding } from '@mt0/core/serve';
import { downloads as storeDownloads } from '@mt0/store/downloads';

export type { DownloadFile, ReleaseFile };
export { coreDownloads };

/** Every file: the collections, then the comuna × month table. */
export const downloads: readonly DownloadFile[] = [...coreDownloads, ...storeDownloads];

export type DownloadBody = ReadableStream<Uint8Array> | Uint8Array<ArrayBuffer>;

/** A file's body and its size in bytes. */
export interface SizedBody {
  body: DownloadBody;
  bytes: number;
}

export interface DownloadStore {
  /** The content codings this store holds precompressed copies in. */
  readonly encodings: readonly Encoding[];
  /** The file (or its `{name}.br`/`.gz` copy); `null` when this server does not hold it. */
  open(name: string, encoding: Encoding | undefined): Promise<DownloadBody | null>;
  /**
   * The same with its size, for a file that no manifest lists (its size is known only on disk): the
   * whole-table CSV (Node only; a Worker streams the whole table instead).
   */
  openFile?(name: string, encoding: Encoding | undefined): Promise<SizedBody | null>;
}

/** The path every download is served under. */
export const DOWNLOADS_PATH = '/v1/downloads/';

export const isDownloadPath = (path: string) => path.startsWith(DOWNLOADS_PATH);

export const downloadByName: ReadonlyMap<string, DownloadFile> = new Map(downloads.map((d) => [d.name, d]));

/**
 * Workers: the files from the static-assets binding, under /downloads/ (apps/api/dist/assets, assembled
 * at build). Identity only: Cloudflare compresses text at its edge.
 */
export function assetsStore(assets: { fetch(request: Request): Promise<Response> }): DownloadStore {
  return {
    encodings: [],
    async open(name) {
      const res = await assets.fetch(new Request(`https://assets.invalid/downloads/${name}`));
      if (!res.ok || !res.body) return null;
      return res.body;
    },
  };
}

/** Files made per kept release, held while its records are (lib/releases.ts keeps at most three). */
const made = new WeakMap<Dataset, Promise<ReadonlyMap<string, ReleaseFile>>>();

/** The files of a kept older release by name, made from its records on first use. */
export function filesOfRelease(dataset: Dataset): Promise<ReadonlyMap<string, ReleaseFile>> {
  let files = made.get(dataset);
  if (!files) {
    files = releaseFiles(dataset).then((list) => new Map(list.map((f) => [f.name, f])));
    made.set(dataset, files);
  }
  return files;
}
