// Node: the release's downloads read from @mt0/core's dist/downloads/ (the file, or its .br/.gz copy):
// kept in memory once read (bounded by bytes; the files are few and fixed by the build), or, when one is
// too large to keep, streamed in chunks and opened only when the body is read.
import { open, readFile, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ByteLru } from '@mt0/core/serve';
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
export function diskStore(dir: string = CORE_DOWNLOADS, memoryBytes = 32 * 1024 * 1024): DownloadStore {
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  const kept = new ByteLru<Uint8Array<ArrayBuffer>>(memoryBytes, memoryBytes / 4);
  return {
    encodings: ['br', 'gzip'],
    async open(name, encoding): Promise<DownloadBody | null> {
      if (!/^[a-z0-9][a-z0-9._-]*$/.test(name)) return null;
      const path = `${base}${name}${encoding ? SUFFIX[encoding] : ''}`;
      const hit = kept.get(path);
      if (hit) return hit;
      let size: number;
      try {
        const s = await stat(path);
        if (!s.isFile()) return null;
        size = s.size;
      } catch {
        return null;
      }
      if (size > memoryBytes / 4) return lazyFile(path);
      const buf = await readFile(path);
      const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) as Uint8Array<ArrayBuffer>;
      kept.set(path, bytes, bytes.length);
      return bytes;
    },
  };
}
