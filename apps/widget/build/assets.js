// Build step after the client builds: content-hashed names, precompressed copies and the manifest.
// - every file under dist/public/ gets a name with its content hash (`stat.3fa9c2d1e0.js`), served
//   `immutable`; the chunks are hashed by Vite already (the entries import them by those names);
// - `widget/resize.js` also keeps its stable name, and `widget/mt0.js` is a one-line module importing
//   the hashed `widget/mt0.[hash].js` (Vite names it: its chunks import it by that name): short-cached
//   aliases for embeds pasted before hashes existed; the embed codes use the hashed names with their SRI hash;
// - `.br` (brotli 11) and `.gz` (gzip 9) beside each text file, served by Accept-Encoding on Node;
// - dist/assets.json: every public file (type, cache policy, encodings, integrity) and the logical
//   names (`mt0.js` → `/widget/mt0.<hash>.js`), inlined into the server build (virtual:mt0-assets);
// - dist/public/.assetsignore: the compressed copies stay out of a Workers upload (the edge compresses).
import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const DIST = new URL('../dist/', import.meta.url).pathname;
const PUBLIC = join(DIST, 'public');
const TYPES = { js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8', png: 'image/png' };
const TEXT = new Set(['js', 'css']);
/** Files that keep a stable name beside their hashed one. */
const ALIASES = new Set(['widget/resize.js']);
/** mt0.js's entry, hashed by Vite (vite.config.ts): the logical `mt0.js`. Its stable alias imports it. */
const ENTRY = /^widget\/mt0\.[\w-]{8}\.js$/;
const STUB = 'widget/mt0.js';
/**
 * Chunks Vite hashed already (`[name]-[hash].js`, 8 characters of hash) and that other scripts import
 * by that name: renaming them would break those imports.
 */
const PREHASHED = /^(?:widget|embed-assets)\/[\w-]+-[\w-]{8}\.js$/;

const sha = (algo, buf) => createHash(algo).update(buf).digest();
const integrity = (buf) => `sha384-${sha('sha384', buf).toString('base64')}`;

const files = {};
const names = {};

function add(rel, buf, immutable) {
  const ext = rel.slice(rel.lastIndexOf('.') + 1);
  const encodings = [];
  if (TEXT.has(ext)) {
    writeFileSync(
      join(PUBLIC, `${rel}.br`),
      brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(join(PUBLIC, `${rel}.gz`), gzipSync(buf, { level: 9 }));
    encodings.push('br', 'gzip');
  }
  files[`/${rel}`] = { type: TYPES[ext], immutable, integrity: integrity(buf), bytes: buf.length, encodings };
}

for (const dir of ['widget', 'embed-assets']) {
  for (const name of readdirSync(join(PUBLIC, dir)).sort()) {
    const ext = name.slice(name.lastIndexOf('.') + 1);
    if (!(ext in TYPES)) continue;
    const rel = `${dir}/${name}`;
    const buf = readFileSync(join(PUBLIC, rel));
    if (PREHASHED.test(rel) || rel === STUB) {
      add(rel, buf, rel !== STUB);
      continue;
    }
    if (ENTRY.test(rel)) {
      add(rel, buf, true);
      names['mt0.js'] = { path: `/${rel}`, integrity: integrity(buf) };
      continue;
    }
    const hashed = `${dir}/${name.slice(0, -ext.length - 1)}.${sha('sha256', buf).toString('hex').slice(0, 10)}.${ext}`;
    if (ALIASES.has(rel)) {
      copyFileSync(join(PUBLIC, rel), join(PUBLIC, hashed));
      add(rel, buf, false);
    } else renameSync(join(PUBLIC, rel), join(PUBLIC, hashed));
    add(hashed, buf, true);
    names[name] = { path: `/${hashed}`, integrity: integrity(buf) };
  }
}

if (!names['mt0.js'])
  throw new Error('assets: no widget/mt0.[hash].js: build the element first (vite build)');
writeFileSync(join(DIST, 'assets.json'), `${JSON.stringify({ files, names }, null, 2)}\n`);
writeFileSync(join(PUBLIC, '.assetsignore'), '*.br\n*.gz\n');
console.log(
  `assets: ${Object.keys(names).length} hashed (${Object.values(names)
    .map((n) => n.path.slice(n.path.lastIndexOf('/') + 1))
    .join(', ')}), ${Object.values(files).filter((f) => f.encodings.length).length} precompressed`,
);
