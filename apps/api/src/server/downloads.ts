// Node: the release's downloads read from the folders the builds wrote them to (@mt0/core's
// dist/downloads/ for the collections, @mt0/store's for the comuna × month table; the file, or its
// .br/.gz copy):
// kept in memory once read (bounded by bytes; the files are few and fixed by the build), or, when one is
// too large to keep, streamed in chunks and opened only when the body is read.
import { type FileHandle, open, readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { downloads as coreDownloads } from '@mt0/core/downloads';
import { ByteLru, type Encoding } from '@mt0/core/serve';
import { downloads as storeDownloads } from '@mt0/store/downloads';
import { WHOLE_TABLE_CSV } from '@mt0/store/rows';
import type { DownloadStore, SizedBody } from '../lib/downloads.js';

const SUFFIX = { br: '.br', gzip: '.gz' } as const;
/**
 * A large file goes out in reads of this size, one read ahead of the socket: the next chunk is read
 * while the last drains, as a bare server's kernel copy would overlap them (one 64 KiB read at a time
 * after each drain left the 70 MB whole-table CSV at about twice a bare server's time). Memory: two
 * chunks per download.
 */
const CHUNK = 256 * 1024;
/**
 * `sendFile`'s reads. What one download adds to an event-loop turn is one read's bytes going out: 1 MiB
 * reads cut its CPU per 70 MB download by a further quarter, but under the bench's flood each turn
 * grew by a megabyte per download and /healthz waited longer.
 */
const SEND_CHUNK = 256 * 1024;

const require = createRequire(import.meta.url);
const downloadsOf = (pkg: string) =>
  join(dirname(require.resolve(`${pkg}/package.json`)), 'dist', 'downloads');

/** The folder the core build wrote the collections' downloads to. */
export const CORE_DOWNLOADS = downloadsOf('@mt0/core');
/** The folder the store build wrote the comuna × month table's downloads to. */
export const STORE_DOWNLOADS = downloadsOf('@mt0/store');

/**
 * Each file of the manifests, by name, and the folder it is in; and the whole-table CSV the store's
 * build writes beside its downloads (not listed: the stream of the whole table is sent from it).
 */
export const DOWNLOAD_FOLDERS: ReadonlyMap<string, string> = new Map([
  ...coreDownloads.map((d) => [d.name, CORE_DOWNLOADS] as const),
  ...storeDownloads.map((d) => [d.name, STORE_DOWNLOADS] as const),
  [WHOLE_TABLE_CSV, STORE_DOWNLOADS],
]);

/** The file each not-yet-read stream of `lazyFile` would read: Node's front door sends it itself. */
const fileBehind = new WeakMap<ReadableStream<Uint8Array>, string>();

/**
 * The path of the file a response body would stream, when it is a whole file of this store still
 * unread (the front door then sends the file with `sendFile` instead of reading the stream).
 */
export const fileOf = (body: ReadableStream<Uint8Array> | null): string | undefined =>
  body === null || body.locked ? undefined : fileBehind.get(body);

/**
 * Whether a response may carry such a file, by its declared length alone (files of more than
 * `memoryBytes / 4`, 8 MiB by default, are streamed; a smaller bound's files under 1 MiB just stream).
 * Asking a response for its `body` is not free: @hono/node-server's Response then builds a web stream
 * where it would have written a string at once (when every answer was asked, an uncached 10-row query
 * served 6,198 req/s at 64 connections; 8,996 without).
 */
export const mayBeFile = (res: Response): boolean =>
  Number(res.headers.get('content-length') ?? 0) > 1024 * 1024;

/**
 * Answers 200 with `headers` and a file, in reads into two buffers used in turn: one is read into while the other
 * goes out, and a buffer is read into again only after the socket has taken all of it. The stream of
 * `lazyFile` allocates each chunk afresh (at 256 KiB, a fresh mapping the kernel zeroes): on the 70 MB
 * whole table that cost a fifth of the server's CPU per download (102 ms through the stream, 81 ms here;
 * a bare server writing it from memory used 22 ms).
 * Resolves when the last byte was handed to the socket, or the client went away.
 */
export async function sendFile(res: ServerResponse, path: string, headers: string[]): Promise<void> {
  const file = await open(path, 'r');
  res.writeHead(200, headers);
  const closed = new Promise<void>((ok) => res.once('close', ok));
  try {
    const buffers = [Buffer.allocUnsafeSlow(SEND_CHUNK), Buffer.allocUnsafeSlow(SEND_CHUNK)];
    let sent: Promise<unknown> = Promise.resolve();
    for (let turn = 0; ; turn ^= 1) {
      const buffer = buffers[turn] as Buffer;
      const { bytesRead } = await file.read(buffer, 0, SEND_CHUNK, null);
      await Promise.race([sent, closed]);
      if (res.destroyed) return;
      if (bytesRead === 0) break;
      sent = new Promise<void>((ok) => res.write(buffer.subarray(0, bytesRead), () => ok()));
    }
    res.end();
  } catch (e) {
    res.destroy(e as Error);
  } finally {
    await file.close();
  }
}

/**
 * A file as a stream, opened on the first read (a HEAD or a 304 never opens it), each chunk read while
 * the one before goes out.
 */
function lazyFile(path: string): ReadableStream<Uint8Array> {
  let handle: FileHandle | undefined;
  let ahead: Promise<Uint8Array<ArrayBuffer> | null> | undefined;
  const readNext = (file: FileHandle) => {
    const next = file
      .read(Buffer.allocUnsafe(CHUNK) as Uint8Array<ArrayBuffer>, 0, CHUNK, null)
      .then(({ buffer, bytesRead }) => (bytesRead === 0 ? null : buffer.subarray(0, bytesRead)));
    // Awaited by the next pull or by cancel; until then a failure must not count as unhandled.
    next.catch(() => {});
    return next;
  };
  const stream = new ReadableStream<Uint8Array>({
    type: 'bytes',
    async pull(controller) {
      handle ??= await open(path, 'r');
      const chunk = await (ahead ?? readNext(handle));
      if (chunk === null) {
        ahead = undefined;
        await handle.close();
        controller.close();
        return;
      }
      ahead = readNext(handle);
      controller.enqueue(chunk);
    },
    async cancel() {
      await ahead?.catch(() => null);
      await handle?.close();
    },
  });
  fileBehind.set(stream, path);
  return stream;
}

/**
 * A store over the files the manifests name, with `.br` and `.gz` copies beside them: in one folder,
 * or each in the folder `folders` maps its name to (a name it does not map is not there).
 */
export function diskStore(
  folders: string | ReadonlyMap<string, string> = DOWNLOAD_FOLDERS,
  memoryBytes = 32 * 1024 * 1024,
): DownloadStore {
  const folderOf = (name: string) => (typeof folders === 'string' ? folders : folders.get(name));
  const kept = new ByteLru<Uint8Array<ArrayBuffer>>(memoryBytes, memoryBytes / 4);
  const openFile = async (name: string, encoding: Encoding | undefined): Promise<SizedBody | null> => {
    const dir = folderOf(name);
    if (!dir || !/^[a-z0-9][a-z0-9._-]*$/.test(name)) return null;
    const path = join(dir, `${name}${encoding ? SUFFIX[encoding] : ''}`);
    const hit = kept.get(path);
    if (hit) return { body: hit, bytes: hit.length };
    let size: number;
    try {
      const s = await stat(path);
      if (!s.isFile()) return null;
      size = s.size;
    } catch {
      return null;
    }
    if (size > memoryBytes / 4) return { body: lazyFile(path), bytes: size };
    const buf = await readFile(path);
    const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) as Uint8Array<ArrayBuffer>;
    kept.set(path, bytes, bytes.length);
    return { body: bytes, bytes: bytes.length };
  };
  return {
    encodings: ['br', 'gzip'],
    open: async (name, encoding) => (await openFile(name, encoding))?.body ?? null,
    openFile,
  };
}
