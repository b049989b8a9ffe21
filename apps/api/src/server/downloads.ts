// Node: the release's downloads read from @mt0/core's dist/downloads/ (the file, or its .br/.gz copy),
// streamed in chunks and opened only when the body is read (a HEAD never opens the file).
import { open, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { DownloadBody, DownloadStore } from '../lib/downloads.js';

const SUFFIX = { br: '.br', gzip: '.gz' } as const;
const CHUNK = 64 * 1024;

/** The folder the core build wrote the downloads to. */
export const CORE_DOWNLOADS = join(
  dirname(createRequire(import.meta.url).resolve('@mt0/core/package.json')),
  'dist',
  'downloads',
);

function lazyFile(path: string): ReadableStream<Uint8Array> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  return new ReadableStream<Uint8Array>({
    type: 'bytes',
    async pull(controller) {
      handle ??= await open(path, 'r');
      const buf = new Uint8Array(CHUNK);
      const { bytesRead } = await handle.read(buf, 0, CHUNK, null);
      if (bytesRead === 0) {
        await handle.close();
        controller.close();
        return;
      }
      controller.enqueue(buf.subarray(0, bytesRead));
    },
    async cancel() {
      await handle?.close();
    },
  });
}

/** A store over a folder of files named as the manifest says, with `.br` and `.gz` copies beside them. */
export function diskStore(dir: string = CORE_DOWNLOADS): DownloadStore {
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  return {
    encodings: ['br', 'gzip'],
    async open(name, encoding): Promise<DownloadBody | null> {
      if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) return null;
      const path = `${base}${name}${encoding ? SUFFIX[encoding] : ''}`;
      try {
        if (!(await stat(path)).isFile()) return null;
      } catch {
        return null;
      }
      return lazyFile(path);
    },
  };
}
