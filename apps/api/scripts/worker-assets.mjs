// Build step: the Worker's static assets in one folder (wrangler.jsonc `assets.directory`): the widget's
// built files (dist/public of @mt0/widget); the release's downloads — the collections' CSVs of
// @mt0/core and the comuna × month table of @mt0/store, each package's dist/downloads — under
// /downloads/, read by /v1/downloads/{file} through the ASSETS binding; and the kept releases'
// manifests (releases/*.json of @mt0/core, under /releases/, read when ?v= pins an older release: not
// in the Worker's bundle). Only the files the manifests list are copied: their precompressed copies
// (.br, .gz beside a file) stay out, as Cloudflare compresses at its edge and Node serves them from the
// packages' own folders; a file that is gzip itself (cead-comuna-month.csv.gz) is listed, and goes in.
// src/worker.ts serves none of /downloads/ or /releases/ itself: only the app reads them, through the
// binding.
import { appendFileSync, copyFileSync, cpSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const pkg = (name) => dirname(require.resolve(`${name}/package.json`));
const out = fileURLToPath(new URL('../dist/assets/', import.meta.url));
const plain = (src) => !/\.(br|gz)$/.test(src);

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'downloads'), { recursive: true });
cpSync(join(pkg('@mt0/widget'), 'dist', 'public'), out, { recursive: true, filter: plain });
for (const name of ['@mt0/core', '@mt0/store']) {
  const { downloads } = await import(`${name}/downloads`);
  for (const file of downloads) {
    copyFileSync(join(pkg(name), 'dist', 'downloads', file.name), join(out, 'downloads', file.name));
    // The widget's .assetsignore leaves out *.gz and *.br (its precompressed copies): a listed file with
    // such a name is let back in.
    if (!plain(file.name)) appendFileSync(join(out, '.assetsignore'), `!/downloads/${file.name}\n`);
  }
}
cpSync(join(pkg('@mt0/core'), 'releases'), join(out, 'releases'), { recursive: true });
console.log(`worker assets → ${out}`);
