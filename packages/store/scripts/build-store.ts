// Build step: bundle the reader, then read the store tables of @mt0/core's data package (validated
// once, here) into dist/cead.arrow and dist/places/*.json. Stops with file:row:column problems when a
// table is wrong.
//
// The reader is bundled with the parts of apache-arrow it uses into one module, dist/reader.js (the
// package's main entry): importing apache-arrow's ~300 modules one by one took 0.4–0.7 s on this
// machine, the single bundled module about a tenth of that (see the bench).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dataset } from '@mt0/core/dataset';
import { formatIssue } from '@mt0/core/internal/loader';
import { build } from 'esbuild';
import { buildStore, STORE_FILE } from '../src/build.js';

const dataDir = join(dirname(createRequire(import.meta.url).resolve('@mt0/core/package.json')), 'data');
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
await build({
  entryPoints: [join(outDir, '..', 'src', 'index.ts')],
  outfile: join(outDir, 'reader.js'),
  bundle: true,
  format: 'esm',
  // The same module on Node and in a Worker: apache-arrow's "import" build, no Node built-ins.
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2022',
  legalComments: 'eof',
  banner: {
    js:
      '// @mt0/store reader (src/index.ts), bundled by scripts/build-store.ts: do not edit. It includes apache-arrow 21.2.0\n' +
      '// and flatbuffers 25 (Apache License 2.0, https://www.apache.org/licenses/LICENSE-2.0) and tslib (0BSD).',
  },
  logLevel: 'warning',
});
const result = buildStore({ dataDir, dataset, outDir });
if (!result.bytes) {
  for (const issue of result.issues) console.error(formatIssue(issue));
  console.error(
    `\n✗ store not built: ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'} (run pnpm data:check)`,
  );
  process.exit(1);
}
const ms = result.ms ?? { tables: 0, arrow: 0, places: 0, downloads: 0 };
console.log(
  `store ${dataset.meta.version}: ${result.rows?.toLocaleString('en')} rows → dist/${STORE_FILE} (${result.bytes.length.toLocaleString('en')} bytes), ` +
    `${result.placeFiles} place files → dist/places/ (tables ${ms.tables.toFixed(0)} ms, arrow ${ms.arrow.toFixed(0)} ms, places ${ms.places.toFixed(0)} ms); downloads ${result.downloads?.map((d) => `${d.name} (${d.bytes.toLocaleString('en')} bytes)`).join(', ')} (${ms.downloads.toFixed(0)} ms)`,
);
